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
    public static ReachResponse Exact(ReachReport report) => Build(report, threshold: null);

    public static ReachResponse Protected(ReachReport report, int threshold) => Build(report, threshold);

    /// <summary>A count as published: exact, or null when hidden.</summary>
    private static int? Shown(int value, bool hidden) => hidden ? null : value;

    private static ReachResponse Build(ReachReport report, int? threshold)
    {
        var protect = threshold is not null;
        var limit = threshold ?? 0;
        var decision = protect
            ? SmallNumberProtection.Decide(report.Groups.Select(g => g.DistinctChildren).ToList(), report.SumOverGroups, limit)
            : new SmallNumberProtection.Decision(new HashSet<int>(), false);
        var totals = report.Totals;
        var hideDistinct = decision.HideTotal || protect && SmallNumberProtection.IsSmall(totals.DistinctChildren, limit);
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
            Shown(totals.DistinctChildren, hideDistinct),
            Shown(totals.Participations, hideDistinct),
            new ReachAnonymousJson(
                Shown(totals.AnonymousChildren, protect && SmallNumberProtection.IsSmall(totals.AnonymousChildren, limit)),
                Shown(totals.AnonymousAdults, protect && SmallNumberProtection.IsSmall(totals.AnonymousAdults, limit))),
            totals.SessionsHeld,
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
