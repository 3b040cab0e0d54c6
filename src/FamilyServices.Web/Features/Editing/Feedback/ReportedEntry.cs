using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Feedback;

/// <summary>
/// The public entry a report is about: a programme the public can see right now (<see cref="Publication"/>), or a
/// centre (centres have no publication state: every centre has its public page).
/// </summary>
public sealed record ReportedEntry(int? ProgrammeId, int? CentreId, string Name, string? NameLanguage, string PublicPath, string Query)
{
    public bool IsCentre => CentreId is not null;

    /// <summary>Exactly one of the two must be given; anything else, or an entry the public cannot see, is null.</summary>
    public static async Task<ReportedEntry?> FindAsync(FamilyServicesDb db, string? programmeSlug, string? centreCode,
        DateTime nowUtc, string language, string fallbackLanguage)
    {
        var hasProgramme = !string.IsNullOrWhiteSpace(programmeSlug);
        var hasCentre = !string.IsNullOrWhiteSpace(centreCode);
        if (hasProgramme == hasCentre || (programmeSlug?.Length ?? 0) > 200 || (centreCode?.Length ?? 0) > 100) return null;

        if (hasProgramme)
        {
            var programme = await db.Programmes.AsNoTracking().Include(p => p.Texts)
                .Where(Publication.PublicProgramme(nowUtc))
                .SingleOrDefaultAsync(p => p.Slug == programmeSlug);
            if (programme is null) return null;
            var text = programme.TextIn(language, fallbackLanguage);
            return new ReportedEntry(programme.Id, null, text?.Title ?? programme.Code, text?.Language ?? language,
                ProgrammePage.PathFor(programme.Slug), $"programme={Uri.EscapeDataString(programme.Slug)}");
        }

        var centre = await db.Centres.AsNoTracking().SingleOrDefaultAsync(c => c.Code == centreCode);
        return centre is null ? null
            : new ReportedEntry(null, centre.Id, centre.Name, null, CentrePage.PathFor(centre.Code), $"centre={Uri.EscapeDataString(centre.Code)}");
    }
}
