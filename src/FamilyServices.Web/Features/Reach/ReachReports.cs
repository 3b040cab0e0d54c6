using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Reach;

/// <summary>What an official asks for: a period, a breakdown, optionally narrowed (drill-down) and a span of years.</summary>
public sealed record ReachQuery(ReachPeriodKind Kind, int Year, string GroupBy, string? ProgrammeType = null, string? Centre = null,
    int? FromYear = null, int? ToYear = null)
{
    /// <summary>The stored scope of the drill-down: "programmeType:Workshop", "centre:IZM" or everything ("").</summary>
    public string Scope => ProgrammeType is not null ? $"programmeType:{ProgrammeType}" : Centre is not null ? $"centre:{Centre}" : "";
}

public sealed record ReachGroup(string Key, string Label, int DistinctChildren, int Participations, int? SessionsHeld,
    int? ChildPopulation = null, double? ReachRate = null);

public sealed record ReachYear(int Year, string Label, int DistinctChildren, int Participations, int SessionsHeld);

public sealed record ReachCumulative(int FromYear, int ToYear, IReadOnlyList<ReachYear> Years, int SumOfYearlyDistinctChildren, int DistinctChildren);

public sealed record ReachReport(
    ReachPeriodRange Period,
    ReachQuery Query,
    string? ScopeLabel,
    ReachPeriod Totals,
    bool HasData,
    IReadOnlyList<ReachGroup> Groups,
    int SumOverGroups,
    int DistinctChildrenInScope,
    ReachCumulative? Cumulative,
    int? ParticipationsInScope = null,
    int? SessionsHeldInScope = null)
{
    /// <summary>True where every child belongs to exactly one group, so the sum over groups is the de-duplicated total.</summary>
    public bool GroupsArePartition => Query.GroupBy is ReachDimensions.District or ReachDimensions.AgeBand or ReachDimensions.FocusArea;
}

public sealed record ReachEquityRow(string DistrictCode, string DistrictName, bool IsFocusArea, int ChildrenReached, int ChildPopulation,
    IReadOnlyDictionary<string, (int Reached, int Population)> ByAgeBand)
{
    public double? ReachRate => ChildPopulation > 0 ? (double)ChildrenReached / ChildPopulation : null;
}

public sealed record ReachEquity(IReadOnlyList<ReachEquityRow> Districts, (int Reached, int Population) FocusAreas, (int Reached, int Population) OtherAreas);

public static class ReachDimensions
{
    public const string Programme = "programme";
    public const string ProgrammeType = "programmeType";
    public const string Category = "category";
    public const string Centre = "centre";
    public const string District = "district";
    public const string AgeBand = "ageBand";
    public const string FocusArea = "focusArea";
    public const string Month = "month";

    public static readonly IReadOnlyList<string> All = [ProgrammeType, Programme, Category, Centre, District, AgeBand, FocusArea, Month];

    /// <summary>What a drill-down within a programme type or a centre can be broken down by (what the refresher keeps).</summary>
    public static readonly IReadOnlyList<string> WithinProgrammeType = [Programme, Category, Centre, District, AgeBand, FocusArea];
    public static readonly IReadOnlyList<string> WithinCentre = [Programme, ProgrammeType];

    public static string? Find(string? name) => All.FirstOrDefault(d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads the stored reach figures and gives them labels in the reader's language.</summary>
public sealed class ReachReports(FamilyServicesDb db, CurrentCity currentCity, IStringLocalizer<Text> text)
{
    public async Task<IReadOnlyList<ReachYear>> YearsAsync(ReachPeriodKind kind, CancellationToken cancellationToken = default) =>
        (await db.ReachPeriods.AsNoTracking().Where(p => p.PeriodKind == kind).OrderBy(p => p.PeriodYear).ToListAsync(cancellationToken))
            .Select(p => new ReachYear(p.PeriodYear, ReachPeriodRange.Of(kind, p.PeriodYear).Label, p.DistinctChildren, p.Participations, p.SessionsHeld))
            .ToList();

    public async Task<ReachReport> GetAsync(ReachQuery query, CancellationToken cancellationToken = default)
    {
        var period = ReachPeriodRange.Of(query.Kind, query.Year);
        var stored = await db.ReachPeriods.AsNoTracking()
            .SingleOrDefaultAsync(p => p.PeriodKind == query.Kind && p.PeriodYear == query.Year, cancellationToken);
        var totals = stored ?? new ReachPeriod { PeriodKind = query.Kind, PeriodYear = query.Year };

        var figures = await db.ReachFigures.AsNoTracking()
            .Where(f => f.PeriodKind == query.Kind && f.PeriodYear == query.Year && f.Scope == query.Scope && f.Dimension == query.GroupBy)
            .ToListAsync(cancellationToken);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var city = await currentCity.GetAsync(cancellationToken);
        var labels = await LabelsAsync(query.GroupBy, figures.Select(f => f.GroupKey).ToList(), language, city.DefaultLanguage, cancellationToken);
        var population = await PopulationAsync(query, cancellationToken);

        var groups = figures.Select(f =>
        {
            int? children = population?.GetValueOrDefault(f.GroupKey);
            return new ReachGroup(f.GroupKey, labels.GetValueOrDefault(f.GroupKey) ?? f.GroupKey, f.DistinctChildren, f.Participations, f.SessionsHeld,
                children, children > 0 ? (double)f.DistinctChildren / children.Value : null);
        }).ToList();
        groups = Order(query.GroupBy, groups, period);

        // A drill-down's totals are those of its scope (all workshops, one centre), stored as that group of the plain breakdown.
        var scopeFigure = query.Scope == "" ? null : await ScopeTotalAsync(query, cancellationToken);
        var inScope = query.Scope == "" ? totals.DistinctChildren : scopeFigure?.DistinctChildren ?? 0;
        var scopeLabel = query.ProgrammeType is { } type ? TypeLabel(type)
            : query.Centre is { } centre ? (await LabelsAsync(ReachDimensions.Centre, [centre], language, city.DefaultLanguage, cancellationToken)).GetValueOrDefault(centre) ?? centre
            : null;
        var cumulative = query.FromYear is { } from && query.ToYear is { } to ? await CumulativeAsync(query.Kind, from, to, cancellationToken) : null;
        return new ReachReport(period, query, scopeLabel, totals, stored is not null, groups, groups.Sum(g => g.DistinctChildren), inScope, cumulative,
            query.Scope == "" ? totals.Participations : scopeFigure?.Participations ?? 0,
            query.Scope == "" ? totals.SessionsHeld : scopeFigure?.SessionsHeld ?? 0);
    }

    /// <summary>Both ways of counting several years: adding the yearly figures, and each child once over the whole span.</summary>
    public async Task<ReachCumulative> CumulativeAsync(ReachPeriodKind kind, int fromYear, int toYear, CancellationToken cancellationToken = default)
    {
        var years = (await YearsAsync(kind, cancellationToken)).Where(y => y.Year >= fromYear && y.Year <= toYear).ToList();
        // The stored spans cover every year with figures, so the widest one inside the asked span counts the same children.
        var distinct = await db.ReachSpans.AsNoTracking()
            .Where(s => s.PeriodKind == kind && s.FromYear >= fromYear && s.ToYear <= toYear)
            .OrderByDescending(s => s.ToYear - s.FromYear)
            .Select(s => s.DistinctChildren).FirstOrDefaultAsync(cancellationToken);
        return new ReachCumulative(fromYear, toYear, years, years.Sum(y => y.DistinctChildren), distinct);
    }

    /// <summary>Reach rate per district of residence and age band, and in focus areas against the rest.</summary>
    public async Task<ReachEquity> EquityAsync(ReachPeriodKind kind, int year, CancellationToken cancellationToken = default)
    {
        var reached = await db.ReachFigures.AsNoTracking()
            .Where(f => f.PeriodKind == kind && f.PeriodYear == year && f.Scope == "" && f.Dimension == "districtAgeBand")
            .Select(f => new { f.GroupKey, f.DistinctChildren }).ToListAsync(cancellationToken);
        var reachedByKey = reached.ToDictionary(r => r.GroupKey, r => r.DistinctChildren);
        var districts = await db.Districts.AsNoTracking().Include(d => d.Population.Where(p => p.Year == year))
            .OrderBy(d => d.Name).ToListAsync(cancellationToken);

        var rows = districts.Select(d =>
        {
            var bands = AgeBand.All.ToDictionary(b => b.Code, b => (
                Reached: reachedByKey.GetValueOrDefault($"{d.Code}|{b.Code}"),
                Population: d.Population.Where(p => p.AgeBand == b.Code).Sum(p => p.Children)));
            return new ReachEquityRow(d.Code, d.Name, d.IsFocusArea, bands.Values.Sum(b => b.Reached), bands.Values.Sum(b => b.Population), bands);
        }).ToList();
        (int, int) Sum(IEnumerable<ReachEquityRow> subset) => (subset.Sum(r => r.ChildrenReached), subset.Sum(r => r.ChildPopulation));
        return new ReachEquity(rows, Sum(rows.Where(r => r.IsFocusArea)), Sum(rows.Where(r => !r.IsFocusArea)));
    }

    /// <summary>The codes of the districts that are focus areas (the "focus" group of the focus-area breakdown).</summary>
    public async Task<IReadOnlySet<string>> FocusAreaDistrictCodesAsync(CancellationToken cancellationToken = default) =>
        (await db.Districts.AsNoTracking().Where(d => d.IsFocusArea).Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet();

    public string TypeLabel(string type) => text[$"ProgrammeType{type}"] is { ResourceNotFound: false } label ? label.Value : type;

    private async Task<ReachFigure?> ScopeTotalAsync(ReachQuery query, CancellationToken cancellationToken)
    {
        var (dimension, key) = query.ProgrammeType is { } type ? (ReachDimensions.ProgrammeType, type) : (ReachDimensions.Centre, query.Centre!);
        return await db.ReachFigures.AsNoTracking()
            .Where(f => f.PeriodKind == query.Kind && f.PeriodYear == query.Year && f.Scope == "" && f.Dimension == dimension && f.GroupKey == key)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Children living there in the period's (first) year, for the breakdowns by where and how old they are.</summary>
    private async Task<Dictionary<string, int>?> PopulationAsync(ReachQuery query, CancellationToken cancellationToken)
    {
        if (query.GroupBy is not (ReachDimensions.District or ReachDimensions.AgeBand or ReachDimensions.FocusArea)) return null;
        var rows = await db.DistrictPopulations.AsNoTracking().Where(p => p.Year == query.Year)
            .Join(db.Districts, p => p.DistrictId, d => d.Id, (p, d) => new { d.Code, d.IsFocusArea, p.AgeBand, p.Children })
            .ToListAsync(cancellationToken);
        return query.GroupBy switch
        {
            ReachDimensions.District => rows.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.Sum(r => r.Children)),
            ReachDimensions.AgeBand => rows.GroupBy(r => r.AgeBand).ToDictionary(g => g.Key, g => g.Sum(r => r.Children)),
            _ => rows.GroupBy(r => r.IsFocusArea ? "focus" : "other").ToDictionary(g => g.Key, g => g.Sum(r => r.Children)),
        };
    }

    private static List<ReachGroup> Order(string groupBy, List<ReachGroup> groups, ReachPeriodRange period)
    {
        switch (groupBy)
        {
            case ReachDimensions.Month:
                // Every month of the period, also the ones nobody came in: a trend needs its gaps.
                var byKey = groups.ToDictionary(g => g.Key);
                return period.MonthKeys.Select(k => byKey.GetValueOrDefault(k) ?? new ReachGroup(k, MonthLabel(k), 0, 0, 0)).ToList();
            case ReachDimensions.AgeBand:
                var order = AgeBand.All.Select(b => b.Code).Append("other").ToList();
                return groups.OrderBy(g => order.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i).ToList();
            default:
                return groups.OrderByDescending(g => g.DistinctChildren).ThenByDescending(g => g.SessionsHeld).ThenBy(g => g.Label, StringComparer.CurrentCulture).ToList();
        }
    }

    /// <summary>"2025-03" as "March 2025" in the reader's language.</summary>
    public static string MonthLabel(string key) =>
        DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", CultureInfo.CurrentCulture) : key;

    private async Task<IReadOnlyDictionary<string, string>> LabelsAsync(
        string groupBy, List<string> keys, string language, string fallback, CancellationToken cancellationToken)
    {
        switch (groupBy)
        {
            case ReachDimensions.Programme:
                var programmes = await db.Programmes.AsNoTracking().Where(p => keys.Contains(p.Code)).Include(p => p.Texts).ToListAsync(cancellationToken);
                return programmes.ToDictionary(p => p.Code, p => p.TextIn(language, fallback)?.Title ?? p.Code);
            case ReachDimensions.ProgrammeType:
                return keys.ToDictionary(k => k, TypeLabel);
            case ReachDimensions.Category:
                var categories = await db.Categories.AsNoTracking().Where(c => keys.Contains(c.Code)).Include(c => c.Names).ToListAsync(cancellationToken);
                return categories.ToDictionary(c => c.Code, c =>
                    (c.Names.FirstOrDefault(n => n.Language == language) ?? c.Names.FirstOrDefault(n => n.Language == fallback) ?? c.Names.FirstOrDefault())?.Name ?? c.Code);
            case ReachDimensions.Centre:
                return await db.Centres.AsNoTracking().Where(c => keys.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
            case ReachDimensions.District:
                return await db.Districts.AsNoTracking().Where(d => keys.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
            case ReachDimensions.AgeBand:
                return keys.ToDictionary(k => k, k => k == "other" ? text["ReachAgeOther"].Value : string.Format(CultureInfo.CurrentCulture, text["ReachAgeBandYears"], k));
            case ReachDimensions.FocusArea:
                return keys.ToDictionary(k => k, k => k == "focus" ? text["ReachFocusAreas"].Value : text["ReachOtherAreas"].Value);
            case ReachDimensions.Month:
                return keys.ToDictionary(k => k, MonthLabel);
            default:
                return new Dictionary<string, string>();
        }
    }
}
