using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Reach;

/// <summary>Everything the dashboard and its print view show for one query, read through <see cref="ReachReports"/>.</summary>
public sealed record ReachDashboard(
    ReachReport Report, ReachEquity Equity, ReachTable Breakdown, ReachTable Months, ReachTable Years, ReachTable EquityTable,
    ReachTable? Cumulative)
{
    /// <param name="threshold">Null for the exact figures officials see in the portal; the suppression threshold for print.</param>
    public static async Task<ReachDashboard> LoadAsync(
        ReachReports reports, ReachQuery query, IReadOnlyList<ReachYear> years, IStringLocalizer<Text> text, int? threshold,
        CancellationToken cancellationToken = default)
    {
        var report = await reports.GetAsync(query, cancellationToken);
        var months = query is { GroupBy: ReachDimensions.Month, Scope: "" }
            ? report
            : await reports.GetAsync(ReachTables.MonthsQuery(query), cancellationToken);
        var equity = await reports.EquityAsync(query.Kind, query.Year, cancellationToken);
        return new ReachDashboard(
            report,
            equity,
            ReachTables.BreakdownOf(report, text, threshold),
            ReachTables.MonthsOf(months, text, threshold),
            ReachTables.YearsOf(years, query.Kind, text, threshold),
            ReachTables.EquityOf(equity, report.Period, text, threshold),
            report.Cumulative is { } cumulative ? ReachTables.CumulativeOf(cumulative, query.Kind, text, threshold) : null);
    }
}
