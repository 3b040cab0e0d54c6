using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Districts;

/// <summary>Reading and saving a district for Editors and Admins; its child population comes from the CSV import.</summary>
public static class DistrictEditor
{
    /// <summary>The district and its children per year and age band (newest year first).</summary>
    public sealed record Stored(District District, IReadOnlyList<int> Years, IReadOnlyDictionary<(int Year, string Band), int> Population);

    public static async Task<Stored?> FindAsync(FamilyServicesDb db, ClaimsPrincipal user, int id)
    {
        if (!user.IsEditor()) return null;
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        if (district is null) return null;
        var population = await db.DistrictPopulations.AsNoTracking().Where(p => p.DistrictId == id)
            .ToDictionaryAsync(p => (p.Year, p.AgeBand), p => p.Children);
        return new Stored(district, population.Keys.Select(k => k.Year).Distinct().OrderDescending().ToList(), population);
    }

    public static async Task<ReferenceSaveResult> SaveAsync(FamilyServicesDb db, ClaimsPrincipal user, int? id, DistrictForm typed, SaveContext context)
    {
        if (!user.IsEditor()) return ReferenceSaveResult.Refused;
        var t = context.T;
        District? district = null;
        if (id is { } existing && (district = await db.Districts.SingleOrDefaultAsync(d => d.Id == existing)) is null) return ReferenceSaveResult.NotFound;
        var form = typed.Normalized();
        var problems = form.Validate(t);
        var otherId = district?.Id ?? 0;
        if (!problems.Has("code") && await db.Districts.AnyAsync(d => d.Id != otherId && EF.Functions.ILike(d.Code, ReferenceForms.Literal(form.Code))))
        {
            problems.Add("code", t["EditCodeTaken", form.Code]);
        }
        uint version = 0;
        if (district is not null && !ReferenceForms.TryVersion(form.Version, out version)) problems.Add("name", t["EditReload"]);
        if (problems.Count > 0) return ReferenceSaveResult.Invalid(problems);

        var item = district ?? new District { Code = "", Name = "" };
        form.ApplyTo(item);
        return await ReferenceForms.SaveAsync(db, item, district is null, version, context, d => d.Id, d => d.Version,
            _ => new FormProblem("code", t["EditCodeTaken", form.Code]));
    }
}
