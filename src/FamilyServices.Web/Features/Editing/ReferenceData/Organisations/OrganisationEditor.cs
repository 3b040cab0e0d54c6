using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Organisations;

/// <summary>Reading and saving an organisation for Editors and Admins, with the code nobody else may have.</summary>
public static class OrganisationEditor
{
    /// <summary>The organisation and how much it is used (centres it runs, programmes it is a partner in).</summary>
    public sealed record Stored(Organisation Organisation, int Centres, int Partnerships);

    public static async Task<Stored?> FindAsync(FamilyServicesDb db, ClaimsPrincipal user, int id)
    {
        if (!user.IsEditor()) return null;
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
        if (organisation is null) return null;
        return new Stored(organisation,
            await db.Centres.CountAsync(c => c.OperatorId == id),
            await db.Programmes.CountAsync(p => p.Partners.Any(x => x.OrganisationId == id)));
    }

    public static async Task<ReferenceSaveResult> SaveAsync(FamilyServicesDb db, ClaimsPrincipal user, int? id, OrganisationForm typed, SaveContext context)
    {
        if (!user.IsEditor()) return ReferenceSaveResult.Refused;
        var t = context.T;
        Organisation? organisation = null;
        if (id is { } existing && (organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == existing)) is null) return ReferenceSaveResult.NotFound;
        var form = typed.Normalized();
        var problems = form.Validate(t);
        var otherId = organisation?.Id ?? 0;
        if (!problems.Has("code") && await db.Organisations.AnyAsync(o => o.Id != otherId && EF.Functions.ILike(o.Code, ReferenceForms.Literal(form.Code))))
        {
            problems.Add("code", t["EditCodeTaken", form.Code]);
        }
        uint version = 0;
        if (organisation is not null && !ReferenceForms.TryVersion(form.Version, out version)) problems.Add("name", t["EditReload"]);
        if (problems.Count > 0) return ReferenceSaveResult.Invalid(problems);

        var item = organisation ?? new Organisation { Code = "", Name = "" };
        form.ApplyTo(item);
        return await ReferenceForms.SaveAsync(db, item, organisation is null, version, context, o => o.Id, o => o.Version,
            _ => new FormProblem("code", t["EditCodeTaken", form.Code]));
    }
}
