using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ToDo;

/// <summary>
/// What needs the editors' attention (the landing page of the editing area): programmes in review, published ones
/// nobody has confirmed for <see cref="StaleAfterMonths"/> months, open reports from the public, pending proposals
/// and missing translations, each counted in full with a short list.
/// </summary>
public sealed class EditorToDo(IDbContextFactory<FamilyServicesDb> dbFactory, CurrentCity currentCity, TimeProvider clock, IConfiguration configuration)
{
    /// <summary>How many items each short list shows; the heading carries the full count.</summary>
    public const int ListLength = 10;

    public const int ReportListLength = 5;

    public const int DefaultStaleAfterMonths = 6;

    public sealed record ProgrammeItem(int Id, string Title, string? Language, DateOnly? LastCheckedOn, IReadOnlyList<string> Missing);

    public sealed record ReportItem(long Id, string Name, string? Language, DateTime ReceivedAt);

    public sealed record Summary(
        DateOnly CheckedBefore,
        int InReviewCount, IReadOnlyList<ProgrammeItem> InReview,
        int StaleCount, IReadOnlyList<ProgrammeItem> Stale,
        int ReportCount, IReadOnlyList<ReportItem> Reports,
        int ProposalCount,
        int UntranslatedCount, IReadOnlyList<ProgrammeItem> Untranslated);

    /// <summary>After how many months a published programme nobody confirmed counts as unchecked (Portal:Catalogue:StaleAfterMonths).</summary>
    public int StaleAfterMonths => configuration.GetValue("Portal:Catalogue:StaleAfterMonths", DefaultStaleAfterMonths) is var months and > 0
        ? months : DefaultStaleAfterMonths;

    /// <summary>Programmes last checked before this day (or never) count as unchecked: today in the city, less <see cref="StaleAfterMonths"/>.</summary>
    public async Task<DateOnly> CheckedBeforeAsync()
    {
        var city = await currentCity.GetAsync();
        return EditorForms.Today(clock, EditorForms.Zone(city.TimeZone)).AddMonths(-StaleAfterMonths);
    }

    /// <summary>The editors' to-do list, or null for someone who is not an editor (centre staff get the way to their programmes instead).</summary>
    public async Task<Summary?> ForAsync(ClaimsPrincipal user)
    {
        if (!user.IsEditor()) return null;
        var city = await currentCity.GetAsync();
        var zone = EditorForms.Zone(city.TimeZone);
        var checkedBefore = await CheckedBeforeAsync();
        var language = Localization.CurrentLanguage;
        List<ProgrammeItem> Items(List<Programme> programmes) => programmes.Select(p =>
        {
            var text = p.TextIn(language, city.DefaultLanguage);
            var missing = Languages.Supported.Where(l => p.Texts.All(t => t.Language != l)).ToList();
            return new ProgrammeItem(p.Id, text?.Title ?? p.Code, text?.Language, p.LastCheckedOn, missing);
        }).ToList();

        await using var db = await dbFactory.CreateDbContextAsync();
        var inReview = db.Programmes.AsNoTracking().Where(p => p.PublicationState == PublicationState.InReview);
        var inReviewCount = await inReview.CountAsync();
        var inReviewItems = Items(await inReview.Include(p => p.Texts).OrderBy(p => p.Code).Take(ListLength).ToListAsync());

        // Published programmes nobody has confirmed for the configured months, never-checked ones first, then the oldest.
        var stale = db.Programmes.AsNoTracking().Where(p => p.PublicationState == PublicationState.Published
            && (p.LastCheckedOn == null || p.LastCheckedOn < checkedBefore));
        var staleCount = await stale.CountAsync();
        var staleItems = Items(await stale.Include(p => p.Texts)
            .OrderBy(p => p.LastCheckedOn != null).ThenBy(p => p.LastCheckedOn).ThenBy(p => p.Code)
            .Take(ListLength).ToListAsync());

        var openReports = db.EntryReports.AsNoTracking().Where(r => r.ResolvedAt == null);
        var reportCount = await openReports.CountAsync();
        var reports = await ReportItemsAsync(db, await openReports.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(ReportListLength).ToListAsync(),
            zone, language, city.DefaultLanguage);

        var proposalCount = await db.ChangeProposals.CountAsync(c => c.Status == ProposalStatus.Pending);

        // Archived programmes are no one's work; every other one should speak all four UI languages.
        var supported = Languages.Supported.ToArray();
        var untranslated = db.Programmes.AsNoTracking().Where(p => p.PublicationState != PublicationState.Archived
            && p.Texts.Count(t => supported.Contains(t.Language)) < supported.Length);
        var untranslatedCount = await untranslated.CountAsync();
        var untranslatedItems = Items(await untranslated.Include(p => p.Texts).OrderBy(p => p.Code).Take(ListLength).ToListAsync());

        return new Summary(checkedBefore, inReviewCount, inReviewItems, staleCount, staleItems, reportCount, reports, proposalCount,
            untranslatedCount, untranslatedItems);
    }

    private static async Task<List<ReportItem>> ReportItemsAsync(FamilyServicesDb db, List<EntryReport> reports, TimeZoneInfo zone, string language, string fallback)
    {
        var programmeIds = reports.Where(r => r.ProgrammeId != null).Select(r => r.ProgrammeId!.Value).ToList();
        var centreIds = reports.Where(r => r.ProgrammeId == null).Select(r => r.CentreId!.Value).ToList();
        var programmes = await db.Programmes.AsNoTracking().Include(p => p.Texts).Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var centres = await db.Centres.AsNoTracking().Where(c => centreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
        return reports.Select(r =>
        {
            var received = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc), zone);
            if (r.ProgrammeId is { } id && programmes.TryGetValue(id, out var programme))
            {
                var text = programme.TextIn(language, fallback);
                return new ReportItem(r.Id, text?.Title ?? programme.Code, text?.Language, received);
            }
            return new ReportItem(r.Id, centres.GetValueOrDefault(r.CentreId ?? 0, ""), null, received);
        }).ToList();
    }
}
