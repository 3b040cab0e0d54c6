using System.Globalization;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// The addresses of the officials' reach pages. All their state is in the query string, with the same names as the
/// API (year, period, groupBy, programmeType, centre, from, to), so a view can be bookmarked, shared and printed.
/// </summary>
public static class ReachPaths
{
    public const string Dashboard = "/officials/reach";
    public const string Print = "/officials/reach/print";
    public const string Export = "/officials/reach/export.csv";

    public static string DashboardFor(ReachQuery query) => Dashboard + QueryOf(query);

    public static string PrintFor(ReachQuery query) => Print + QueryOf(query);

    public static string ExportFor(ReachQuery query, string table) => Export + QueryOf(query, table);

    /// <summary>
    /// Where a row of a breakdown leads: a programme type to its centres, a centre to its programmes. No #fragment:
    /// the page puts a drill-down's breakdown first, and a fresh page starts at the top (the skip link first).
    /// </summary>
    public static string? DrillDownFor(ReachQuery query, string groupBy, string key) => groupBy switch
    {
        ReachDimensions.ProgrammeType => DashboardFor(query with { GroupBy = ReachDimensions.Centre, ProgrammeType = key, Centre = null }),
        ReachDimensions.Centre => DashboardFor(query with { GroupBy = ReachDimensions.Programme, ProgrammeType = null, Centre = key }),
        _ => null,
    };

    /// <summary>Out of a drill-down: back to the breakdown it came from.</summary>
    public static string DrillUpFor(ReachQuery query) => DashboardFor(query with
    {
        GroupBy = query.ProgrammeType is not null ? ReachDimensions.ProgrammeType : ReachDimensions.Centre,
        ProgrammeType = null,
        Centre = null,
    });

    /// <summary>The same view of another year (or school year), keeping the breakdown, drill-down and span.</summary>
    public static string WithYear(ReachQuery query, int year) => DashboardFor(query with { Year = year });

    /// <summary>The same view counted by calendar years or by school years.</summary>
    public static string WithPeriod(ReachQuery query, ReachPeriodKind kind) => DashboardFor(query with { Kind = kind });

    /// <summary>Another breakdown, within the same drill-down.</summary>
    public static string WithGroupBy(ReachQuery query, string groupBy) => DashboardFor(query with { GroupBy = groupBy });

    /// <summary>The figures over a span of years; the years are put in order, whichever was chosen first.</summary>
    public static string WithSpan(ReachQuery query, int from, int to) =>
        DashboardFor(query with { FromYear = Math.Min(from, to), ToYear = Math.Max(from, to) });

    public static string QueryOf(ReachQuery query, string? table = null)
    {
        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("year", query.Year.ToString(CultureInfo.InvariantCulture)),
        };
        if (query.Kind == ReachPeriodKind.School) parameters.Add(new("period", "school"));
        parameters.Add(new("groupBy", query.GroupBy));
        if (query.ProgrammeType is { } type) parameters.Add(new("programmeType", type));
        if (query.Centre is { } centre) parameters.Add(new("centre", centre));
        if (query is { FromYear: { } from, ToYear: { } to })
        {
            parameters.Add(new("from", from.ToString(CultureInfo.InvariantCulture)));
            parameters.Add(new("to", to.ToString(CultureInfo.InvariantCulture)));
        }
        if (table is not null) parameters.Add(new("table", table));
        return QueryString.Create(parameters).Value ?? "";
    }

    /// <summary>e.g. reach-2025-programmeType.csv, reach-2025-26-centre-Workshop.csv, reach-2025-months.csv.</summary>
    public static string FileName(ReachQuery query, string table)
    {
        var period = ReachPeriodRange.Of(query.Kind, query.Year).Label.Replace('/', '-');
        var what = table == ReachTables.Breakdown ? query.GroupBy : table;
        var scope = table == ReachTables.Breakdown ? query.ProgrammeType ?? query.Centre : null;
        return $"reach-{period}-{what}{(scope is null ? "" : "-" + scope)}.csv";
    }
}
