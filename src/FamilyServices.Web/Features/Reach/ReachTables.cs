using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Reach;

/// <summary>Why a count is not shown: it is small ("&lt;5"), or it is hidden so that a small one cannot be worked out by subtraction ("x").</summary>
public enum ReachHiding { Shown, Small, Partner }

/// <summary>One cell of a reach table: a text, a count, a rate (a fraction), or a hidden count, which carries no value at all.</summary>
public sealed record ReachCell(string? Text = null, int? Count = null, double? Rate = null, ReachHiding Hiding = ReachHiding.Shown)
{
    public static readonly ReachCell Empty = new();

    /// <summary>
    /// The cell as text: grouped digits in the reader's language on a page, plain digits in a CSV file; a rate as a
    /// percentage with one decimal; a small hidden count as "&lt;5" (the threshold), any other hidden count as "x".
    /// </summary>
    public string Format(int? threshold, bool forCsv = false)
    {
        var culture = forCsv ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;
        return this switch
        {
            { Hiding: ReachHiding.Small } => "<" + threshold?.ToString(CultureInfo.InvariantCulture),
            { Hiding: ReachHiding.Partner } => "x",
            { Count: { } count } => count.ToString(forCsv ? "0" : "N0", culture),
            { Rate: { } rate } => (rate * 100).ToString("0.0", culture),
            _ => Text ?? "",
        };
    }
}

/// <summary>A row: its label, its cells, where it drills down to, and the length of its bar (none when hidden).</summary>
public sealed record ReachRow(string Label, IReadOnlyList<ReachCell> Cells, string? Link = null, int? Bar = null);

/// <summary>
/// A table as the officials see it, print it and export it: the page, the print view and the CSV file are all made
/// from the same table, so they cannot disagree. <see cref="Threshold"/> is set when small-number protection is applied.
/// </summary>
public sealed record ReachTable(
    string Name, string Caption, string LabelHeading, IReadOnlyList<string> Columns,
    IReadOnlyList<ReachRow> Rows, IReadOnlyList<ReachRow> Footer, int? Threshold)
{
    public int BarMax => Rows.Max(r => r.Bar) ?? 0;

    public string Format(ReachCell cell, bool forCsv = false) => cell.Format(Threshold, forCsv);

    /// <summary>True for a column of words rather than figures.</summary>
    public bool IsText(int column) => Rows.Concat(Footer).Any(r => column < r.Cells.Count && !string.IsNullOrEmpty(r.Cells[column].Text));
}

/// <summary>Builds the tables of the reach pages from <see cref="ReachReports"/>' answers, exact or protected for publication.</summary>
public static class ReachTables
{
    public const string Breakdown = "breakdown";
    public const string Months = "months";
    public const string Years = "years";
    public const string Equity = "equity";
    public const string Cumulative = "cumulative";

    public static readonly IReadOnlyList<string> All = [Breakdown, Months, Years, Equity, Cumulative];

    /// <summary>Which cells of a breakdown (and whether its total) must be hidden; nothing when <paramref name="threshold"/> is null.</summary>
    public static SmallNumberProtection.Decision Protection(ReachReport report, int? threshold) => threshold is { } limit
        ? SmallNumberProtection.Decide(report.Groups.Select(g => g.DistinctChildren).ToList(), report.SumOverGroups, limit)
        : new SmallNumberProtection.Decision(new HashSet<int>(), false);

    /// <summary>The trend by month is always of the whole period, whatever the breakdown below it.</summary>
    public static ReachQuery MonthsQuery(ReachQuery query) =>
        query with { GroupBy = ReachDimensions.Month, ProgrammeType = null, Centre = null, FromYear = null, ToYear = null };

    public static bool IsSmall(int count, int? threshold) => threshold is { } limit && SmallNumberProtection.IsSmall(count, limit);

    /// <summary>A count, or the reason it is hidden: a hidden cell shows "&lt;5" only when its own count is small.</summary>
    public static ReachCell Count(int? count, bool hidden = false, int? threshold = null) =>
        count is not { } value ? ReachCell.Empty
        : hidden ? new ReachCell(Hiding: IsSmall(value, threshold) ? ReachHiding.Small : ReachHiding.Partner)
        : new ReachCell(Count: value);

    private static ReachCell Rate(double? rate, bool hidden) =>
        rate is null ? ReachCell.Empty : hidden ? new ReachCell(Hiding: ReachHiding.Partner) : new ReachCell(Rate: rate);

    private static double? RateOf(int reached, int population) => population > 0 ? (double)reached / population : null;

    public static string DimensionName(string groupBy, IStringLocalizer<Text> text) => text["ReachDimension" + Pascal(groupBy)];

    /// <summary>A problem with the query in the reader's words: breakdowns by their names, not their parameter values.</summary>
    public static string ProblemMessage(ReachProblem problem, IStringLocalizer<Text> text)
    {
        if (problem.MessageKey is "ReachGroupByInvalid" or "ReachGroupByNotWithin" && problem.Arguments is [string list])
        {
            var names = list.Split(", ").Select(d => ReachDimensions.Find(d) is { } dimension ? DimensionName(dimension, text) : d);
            return text[problem.MessageKey, string.Join(", ", names)];
        }
        return text[problem.MessageKey, problem.Arguments];
    }

    /// <summary>The breakdown's heading, e.g. "Children reached by programme type".</summary>
    public static string BreakdownName(string groupBy, IStringLocalizer<Text> text) => text["ReachBy" + Pascal(groupBy)];

    /// <summary>"2025", or "school year 2025/26".</summary>
    public static string PeriodName(ReachPeriodRange period, IStringLocalizer<Text> text) =>
        period.Kind == ReachPeriodKind.School ? text["ReachSchoolYearLabel", period.Label] : period.Label;

    public static ReachTable BreakdownOf(ReachReport report, IStringLocalizer<Text> text, int? threshold)
    {
        var query = report.Query;
        var decision = Protection(report, threshold);
        var withPopulation = report.GroupsArePartition;
        var columns = new List<string> { text["ReachColumnChildren"], text["ReachColumnParticipations"], text["ReachColumnSessions"] };
        if (withPopulation) columns.AddRange([text["ReachColumnPopulation"], text["ReachColumnRate"]]);

        var rows = report.Groups.Select((group, index) =>
        {
            var hidden = decision.HiddenCells.Contains(index);
            var cells = new List<ReachCell>
            {
                Count(group.DistinctChildren, hidden, threshold), Count(group.Participations, hidden, threshold), Count(group.SessionsHeld),
            };
            if (withPopulation) cells.AddRange([Count(group.ChildPopulation), Rate(group.ReachRate, hidden)]);
            return new ReachRow(group.Label, cells, ReachPaths.DrillDownFor(query, query.GroupBy, group.Key), hidden ? null : group.DistinctChildren);
        }).ToList();

        var padding = Enumerable.Repeat(ReachCell.Empty, withPopulation ? 2 : 0);
        var sessions = report.Groups.Any(g => g.SessionsHeld is not null) ? report.Groups.Sum(g => g.SessionsHeld ?? 0) : (int?)null;
        var sum = new ReachRow(text["ReachSumOverGroups"],
            [
                Count(report.SumOverGroups, decision.HideTotal, threshold),
                Count(report.Groups.Sum(g => g.Participations), decision.HideTotal, threshold),
                Count(sessions), .. padding,
            ]);
        var distinct = new ReachRow(text["ReachEachChildOnce"],
            [
                Count(report.DistinctChildrenInScope, decision.HideTotal || IsSmall(report.DistinctChildrenInScope, threshold), threshold),
                ReachCell.Empty, ReachCell.Empty, .. padding,
            ]);

        var caption = $"{BreakdownName(query.GroupBy, text)} – {PeriodName(report.Period, text)}";
        if (report.ScopeLabel is { } scope) caption += $" – {text["ReachWithin", scope]}";
        return new ReachTable(Breakdown, caption, DimensionName(query.GroupBy, text), columns, rows,
            rows.Count == 0 ? [] : [sum, distinct], threshold);
    }

    /// <summary>Distinct children per month of the period (a report grouped by month).</summary>
    public static ReachTable MonthsOf(ReachReport months, IStringLocalizer<Text> text, int? threshold)
    {
        var rows = months.Groups.Select(month =>
        {
            var hidden = IsSmall(month.DistinctChildren, threshold);
            return new ReachRow(month.Label,
                [Count(month.DistinctChildren, hidden, threshold), Count(month.Participations, hidden, threshold), Count(month.SessionsHeld)],
                Bar: hidden ? null : month.DistinctChildren);
        }).ToList();
        return new ReachTable(Months, $"{text["ReachByMonth"]} – {PeriodName(months.Period, text)}", text["ReachDimensionMonth"],
            [text["ReachColumnChildren"], text["ReachColumnParticipations"], text["ReachColumnSessions"]], rows, [], threshold);
    }

    /// <summary>Year over year: every period of this kind that has figures.</summary>
    public static ReachTable YearsOf(IReadOnlyList<ReachYear> years, ReachPeriodKind kind, IStringLocalizer<Text> text, int? threshold)
    {
        var rows = years.Select(year =>
        {
            var hidden = IsSmall(year.DistinctChildren, threshold);
            return new ReachRow(year.Label,
                [Count(year.DistinctChildren, hidden, threshold), Count(year.Participations, hidden, threshold), Count(year.SessionsHeld)],
                Bar: hidden ? null : year.DistinctChildren);
        }).ToList();
        var school = kind == ReachPeriodKind.School;
        return new ReachTable(Years, text[school ? "ReachBySchoolYear" : "ReachByYear"], text[school ? "ReachColumnSchoolYear" : "ReachColumnYear"],
            [text["ReachColumnChildren"], text["ReachColumnParticipations"], text["ReachColumnSessions"]], rows, [], threshold);
    }

    /// <summary>Reach rate per district of residence and per age band, with focus areas, the other areas and the whole city below.</summary>
    public static ReachTable EquityOf(ReachEquity equity, ReachPeriodRange period, IStringLocalizer<Text> text, int? threshold)
    {
        var columns = new List<string> { text["ReachColumnFocusArea"], text["ReachColumnReached"], text["ReachColumnPopulation"], text["ReachColumnRate"] };
        columns.AddRange(AgeBand.All.Select(band => text["ReachBandRate", string.Format(CultureInfo.CurrentCulture, text["ReachAgeBandYears"], band.Code)].Value));

        ReachRow Row(string label, string focus, int reached, int population, IReadOnlyList<(int Reached, int Population)> bands)
        {
            // The bands add up to the row's children, so a row hides a second band, or its total, as a breakdown does.
            var decision = threshold is { } limit
                ? SmallNumberProtection.Decide(bands.Select(b => b.Reached).ToList(), reached, limit)
                : new SmallNumberProtection.Decision(new HashSet<int>(), false);
            var hidden = decision.HideTotal || IsSmall(reached, threshold);
            var cells = new List<ReachCell> { new(Text: focus), Count(reached, hidden, threshold), Count(population), Rate(RateOf(reached, population), hidden) };
            cells.AddRange(bands.Select((b, i) => Rate(RateOf(b.Reached, b.Population), decision.HiddenCells.Contains(i))));
            return new ReachRow(label, cells);
        }
        ReachRow Total(string label, IReadOnlyList<ReachEquityRow> districts) => Row(label, "",
            districts.Sum(d => d.ChildrenReached), districts.Sum(d => d.ChildPopulation),
            AgeBand.All.Select(band => (districts.Sum(d => d.ByAgeBand[band.Code].Reached), districts.Sum(d => d.ByAgeBand[band.Code].Population))).ToList());

        var rows = equity.Districts.Select(d => Row(d.DistrictName, d.IsFocusArea ? text["ReachYes"] : "", d.ChildrenReached, d.ChildPopulation,
            AgeBand.All.Select(band => d.ByAgeBand[band.Code]).ToList())).ToList();
        var footer = new List<ReachRow>
        {
            Total(text["ReachFocusAreas"], equity.Districts.Where(d => d.IsFocusArea).ToList()),
            Total(text["ReachOtherAreas"], equity.Districts.Where(d => !d.IsFocusArea).ToList()),
            Total(text["ReachAllDistricts"], equity.Districts),
        };
        return new ReachTable(Equity, $"{text["ReachEquityCaption"]} – {PeriodName(period, text)}", text["ReachDimensionDistrict"], columns,
            rows, rows.Count == 0 ? [] : footer, threshold);
    }

    /// <summary>Several years: each year's children, their sum (as cities publish it) and each child once over the span.</summary>
    public static ReachTable CumulativeOf(ReachCumulative cumulative, ReachPeriodKind kind, IStringLocalizer<Text> text, int? threshold)
    {
        // As in the public API: when any year is hidden, both totals are, or the hidden year could be worked out.
        var anyHidden = cumulative.Years.Any(y => IsSmall(y.DistinctChildren, threshold)) || IsSmall(cumulative.DistinctChildren, threshold);
        var rows = cumulative.Years
            .Select(y => new ReachRow(y.Label, [Count(y.DistinctChildren, IsSmall(y.DistinctChildren, threshold), threshold)]))
            .ToList();
        var span = $"{ReachPeriodRange.Of(kind, cumulative.FromYear).Label}–{ReachPeriodRange.Of(kind, cumulative.ToYear).Label}";
        return new ReachTable(Cumulative, text["ReachCumulativeCaption", span],
            text[kind == ReachPeriodKind.School ? "ReachColumnSchoolYear" : "ReachColumnYear"], [text["ReachColumnChildren"]], rows,
            [
                new ReachRow(text["ReachSumOfYears"], [Count(cumulative.SumOfYearlyDistinctChildren, anyHidden, threshold)]),
                new ReachRow(text["ReachDistinctOverSpan"], [Count(cumulative.DistinctChildren, anyHidden, threshold)]),
            ], threshold);
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
