using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Centres;

/// <summary>
/// Reading and saving a centre for the editor page, with the checks that need the database: the operator and the
/// district from the lists, a code nobody else has, and no room removed while offerings meet in it. Only Editors and
/// Admins (as the account is now) read or change anything here.
/// </summary>
public static class CentreEditor
{
    /// <summary>An organisation or district the form offers.</summary>
    public sealed record Choice(int Id, string Name);

    public sealed record Choices(IReadOnlyList<Choice> Organisations, IReadOnlyList<Choice> Districts)
    {
        public bool Complete => Organisations.Count > 0 && Districts.Count > 0;
    }

    public static async Task<Choices> ChoicesAsync(FamilyServicesDb db) => new(
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(),
        await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new Choice(d.Id, d.Name)).ToListAsync());

    /// <summary>The centre with its rooms and opening hours; null when there is none or <paramref name="user"/> is no editor.</summary>
    public static async Task<Centre?> FindAsync(FamilyServicesDb db, ClaimsPrincipal user, int id)
    {
        if (!user.IsEditor()) return null;
        return await db.Centres.AsNoTracking().Include(c => c.Rooms).Include(c => c.OpeningHours).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id);
    }

    /// <summary>A new centre's form: the city's time zone and language.</summary>
    public static CentreForm NewForm(CityProfile city)
    {
        var form = new CentreForm { TimeZone = city.TimeZone, Languages = [city.DefaultLanguage] };
        form.Pad();
        return form;
    }

    /// <summary>
    /// Creates the centre (<paramref name="id"/> null) or saves the form over it. Every rule is checked again here,
    /// whatever the page showed; a refused form writes nothing at all, not even its valid parts.
    /// </summary>
    public static async Task<ReferenceSaveResult> SaveAsync(FamilyServicesDb db, ClaimsPrincipal user, int? id, CentreForm typed, SaveContext context)
    {
        if (!user.IsEditor()) return ReferenceSaveResult.Refused;
        var t = context.T;
        Centre? centre = null;
        if (id is { } existing)
        {
            centre = await db.Centres.Include(c => c.Rooms).Include(c => c.OpeningHours).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == existing);
            if (centre is null) return ReferenceSaveResult.NotFound;
        }
        var form = typed.Normalized();
        var problems = form.Validate(t, EditorForms.Today(context.Clock, context.CityZone), centre?.ClosedUntil);
        if (!problems.Has("operatorId") && !await db.Organisations.AnyAsync(o => o.Id == form.OperatorIdValue)) problems.Add("operatorId", t["EditChooseFromList"]);
        if (!problems.Has("districtId") && !await db.Districts.AnyAsync(d => d.Id == form.DistrictIdValue)) problems.Add("districtId", t["EditChooseFromList"]);
        var otherId = centre?.Id ?? 0;
        if (!problems.Has("code") && await db.Centres.AnyAsync(c => c.Id != otherId && EF.Functions.ILike(c.Code, ReferenceForms.Literal(form.Code))))
        {
            problems.Add("code", t["EditCodeTaken", form.Code]);
        }
        await RefuseRemovingUsedRoomsAsync(db, form, centre, problems, context);
        uint version = 0;
        if (centre is not null && !ReferenceForms.TryVersion(form.Version, out version)) problems.Add("name", t["EditReload"]);
        if (problems.Count > 0) return ReferenceSaveResult.Invalid(problems);

        var item = centre ?? new Centre { Code = "", Name = "", Street = "", Postcode = "", Locality = "", TimeZone = "" };
        form.ApplyTo(item);
        return await ReferenceForms.SaveAsync(db, item, centre is null, version, context, c => c.Id, c => c.Version,
            // Someone took the code (or a room name) between the check and the save.
            constraint => constraint.Contains("room", StringComparison.Ordinal)
                ? new FormProblem("room-0-name", t["RefRoomNameTwice", "?"])
                : new FormProblem("code", t["EditCodeTaken", form.Code]));
    }

    /// <summary>A room an offering meets in is not removed behind its back: the editor moves the offering first.</summary>
    private static async Task RefuseRemovingUsedRoomsAsync(FamilyServicesDb db, CentreForm form, Centre? centre, ReferenceForms.Problems problems, SaveContext context)
    {
        var removed = form.RemovedRoomIds;
        if (removed.Count == 0) return;
        var used = await db.Offerings.AsNoTracking()
            .Where(o => o.RoomId != null && removed.Contains(o.RoomId.Value))
            .Select(o => new { RoomId = o.RoomId!.Value, o.Code })
            .ToListAsync();
        foreach (var group in used.GroupBy(u => u.RoomId))
        {
            var index = form.Rooms.FindIndex(r => r.Id == ReferenceForms.Id(group.Key));
            var name = centre?.Rooms.FirstOrDefault(r => r.Id == group.Key)?.Name ?? "";
            problems.Add($"room-{index}-name", context.T["RefRoomInUse", name, string.Join(", ", group.Select(g => g.Code).Order().Take(10))]);
        }
    }
}
