using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// What the officials' dashboard shows for one address: the query read from its query string (or, in the reader's
/// words, what is wrong with it), the choices of its filters, and the exact figures read through
/// <see cref="ReachReports"/> (stored figures, never counted on the fly). Decided here, for an account as the database
/// knows it now, so tests can call it without a browser; the page shows it and turns choices into addresses.
/// </summary>
public sealed record ReachView(
    ReachQuery Query,
    IReadOnlyList<string> Problems,
    IReadOnlyList<int> YearChoices,
    int SpanFrom,
    int SpanTo,
    int Threshold,
    string TimeZone,
    ReachDashboard? Figures)
{
    /// <summary>Officials and Admins. Anyone else, or an account whose sign-in no longer holds (null), sees nothing.</summary>
    public static bool MayRead(ClaimsPrincipal? user) =>
        user is not null && (user.IsInRole(Roles.Official) || user.IsInRole(Roles.Admin));

    /// <summary>
    /// The view of <paramref name="queryString"/> for <paramref name="user"/> (fresh from <c>CurrentStaff</c>), or null
    /// when that account may not read the figures. A bad address gives <see cref="Problems"/> and no figures.
    /// </summary>
    public static async Task<ReachView?> LoadAsync(
        ClaimsPrincipal? user, string queryString, FamilyServicesDb db, CurrentCity city, IStringLocalizer<Text> text,
        int threshold, int thisYear, CancellationToken cancellationToken = default)
    {
        if (!MayRead(user)) return null;
        var (query, problems) = ReachRequest.Parse(queryString, thisYear, allowDrillDown: true);
        var messages = problems.Select(p => ReachTables.ProblemMessage(p, text)).Distinct().ToList();
        var reports = new ReachReports(db, city, text);
        var profile = await city.GetAsync(cancellationToken);
        var years = await reports.YearsAsync(query.Kind, cancellationToken);
        var choices = years.Select(y => y.Year).Append(thisYear).Append(query.Year).Distinct().OrderDescending().ToList();
        var spanFrom = query.FromYear ?? (years.Count > 0 ? years[0].Year : query.Year);
        var spanTo = query.ToYear ?? query.Year;
        var figures = messages.Count == 0
            ? await ReachDashboard.LoadAsync(reports, query, years, text, threshold: null, cancellationToken)
            : null;
        return new ReachView(query, messages, choices, spanFrom, spanTo, threshold, profile.TimeZone, figures);
    }

    /// <summary>The breakdowns the refresher keeps for this selection: all of them, or those within a programme type or a centre.</summary>
    public IReadOnlyList<string> GroupByChoices =>
        Query.ProgrammeType is not null ? ReachDimensions.WithinProgrammeType
        : Query.Centre is not null ? ReachDimensions.WithinCentre
        : ReachDimensions.All;

    /// <summary>The years a span can start and end with, oldest first.</summary>
    public IReadOnlyList<int> SpanChoices => YearChoices.Append(SpanFrom).Append(SpanTo).Distinct().Order().ToList();

    /// <summary>"2025", or "2025/26" when school years are chosen.</summary>
    public string YearLabel(int year) => ReachPeriodRange.Of(Query.Kind, year).Label;
}
