using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Reach;

public sealed record ReachPeriodJson(string Kind, int Year, string Label, DateOnly From, DateOnly To);

public sealed record ReachAnonymousJson(int? Children, int? Adults);

public sealed record ReachGroupJson(string Key, string Label, int? DistinctChildren, int? Participations, int? SessionsHeld,
    int? ChildPopulation, double? ReachRate, bool Suppressed);

public sealed record ReachYearJson(int Year, string Label, int? DistinctChildren, bool Suppressed);

public sealed record ReachCumulativeJson(int FromYear, int ToYear, IReadOnlyList<ReachYearJson> Years, int? SumOfYearlyDistinctChildren,
    int? DistinctChildren, bool Suppressed);

/// <summary>The reach API's answer; in the public API every count that could single out a child is null and marked suppressed.</summary>
public sealed record ReachResponse(
    ReachPeriodJson Period,
    string GroupBy,
    string? Scope,
    int? DistinctChildren,
    int? Participations,
    ReachAnonymousJson AnonymousParticipations,
    int SessionsHeld,
    int ActiveOfferings,
    int CentresActive,
    IReadOnlyList<ReachGroupJson> Groups,
    int? SumOverGroups,
    bool TotalsSuppressed,
    int? SuppressionThreshold,
    DateTime? RefreshedAt,
    ReachCumulativeJson? Cumulative);

/// <summary>Turns a report into the API's answer: exact for officials, with small-number protection for everyone else.</summary>
public static class ReachPublication
{
    public static ReachResponse Exact(ReachReport report) => Build(report, threshold: null, alsoHidden: null);

    /// <param name="districts">With a focus-area breakdown: the district breakdown of the same period as published, and
    /// <paramref name="focusDistricts"/> the codes of the focus-area districts. A focus-area group that contains a district
    /// hidden there is hidden too, or subtracting the districts shown would give the hidden one away.</param>
    public static ReachResponse Protected(ReachReport report, int threshold, ReachReport? districts = null, IReadOnlySet<string>? focusDistricts = null) =>
        Build(report, threshold, ExposedByDistricts(report, threshold, districts, focusDistricts));

    private static HashSet<int>? ExposedByDistricts(ReachReport report, int threshold, ReachReport? districts, IReadOnlySet<string>? focusDistricts)
    {
        if (districts is null || focusDistricts is null) return null;
        var hiddenDistricts = SmallNumberProtection.Decide(districts.Groups.Select(g => g.DistinctChildren).ToList(), districts.SumOverGroups, threshold).HiddenCells;
        var exposed = hiddenDistricts.Select(i => focusDistricts.Contains(districts.Groups[i].Key) ? "focus" : "other").ToHashSet();
        return Enumerable.Range(0, report.Groups.Count).Where(i => exposed.Contains(report.Groups[i].Key)).ToHashSet();
    }

    /// <summary>A count as published: exact, or null when hidden.</summary>
    private static int? Shown(int value, bool hidden) => hidden ? null : value;

    private static ReachResponse Build(ReachReport report, int? threshold, IReadOnlySet<int>? alsoHidden)
    {
        var protect = threshold is not null;
        var limit = threshold ?? 0;
        var decision = protect
            ? SmallNumberProtection.Decide(report.Groups.Select(g => g.DistinctChildren).ToList(), report.SumOverGroups, limit, alsoHidden)
            : new SmallNumberProtection.Decision(new HashSet<int>(), false);
        var totals = report.Totals;
        // Beside a breakdown, the de-duplicated total of the same children: in a drill-down, those of its scope.
        var distinct = report.DistinctChildrenInScope;
        var hideDistinct = decision.HideTotal || protect && SmallNumberProtection.IsSmall(distinct, limit);
        var hideSum = decision.HideTotal || protect && SmallNumberProtection.IsSmall(report.SumOverGroups, limit);

        var groups = report.Groups.Select((g, i) =>
        {
            var hidden = decision.HiddenCells.Contains(i);
            return new ReachGroupJson(g.Key, g.Label, Shown(g.DistinctChildren, hidden), Shown(g.Participations, hidden), g.SessionsHeld,
                g.ChildPopulation, hidden ? null : g.ReachRate is { } rate ? Math.Round(rate, 4) : null, hidden);
        }).ToList();

        ReachCumulativeJson? cumulative = null;
        if (report.Cumulative is { } c)
        {
            var years = c.Years.Select(y => new ReachYearJson(y.Year, y.Label,
                Shown(y.DistinctChildren, protect && SmallNumberProtection.IsSmall(y.DistinctChildren, limit)),
                protect && SmallNumberProtection.IsSmall(y.DistinctChildren, limit))).ToList();
            var hideCumulative = protect && (years.Any(y => y.Suppressed) || SmallNumberProtection.IsSmall(c.DistinctChildren, limit));
            cumulative = new ReachCumulativeJson(c.FromYear, c.ToYear, years, Shown(c.SumOfYearlyDistinctChildren, hideCumulative),
                Shown(c.DistinctChildren, hideCumulative), hideCumulative);
        }

        var period = report.Period;
        return new ReachResponse(
            new ReachPeriodJson(period.Kind == ReachPeriodKind.School ? "school" : "calendar", period.Year, period.Label, period.FirstDay, period.LastDay),
            report.Query.GroupBy,
            report.Query.Scope.Length == 0 ? null : report.Query.Scope,
            Shown(distinct, hideDistinct),
            Shown(report.ParticipationsInScope ?? totals.Participations, hideDistinct),
            new ReachAnonymousJson(
                Shown(totals.AnonymousChildren, protect && SmallNumberProtection.IsSmall(totals.AnonymousChildren, limit)),
                Shown(totals.AnonymousAdults, protect && SmallNumberProtection.IsSmall(totals.AnonymousAdults, limit))),
            report.SessionsHeldInScope ?? totals.SessionsHeld,
            totals.ActiveOfferings,
            totals.ActiveCentres,
            groups,
            Shown(report.SumOverGroups, hideSum),
            hideDistinct || hideSum,
            threshold,
            report.HasData ? totals.RefreshedAt : null,
            cumulative);
    }
}
