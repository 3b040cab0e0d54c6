using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>
/// The reach rate of every district × age band × period of a loaded demo city, as the officials' dashboard shows it
/// (<see cref="ReachReports.EquityAsync"/>: children reached who live in the district and were in the band at their first
/// attendance, over the district's children of that band in the period's year).
/// </summary>
internal static class DemoReachRates
{
    /// <summary>Above this, a demo's figures would not be believed: even a much-used service reaches fewer children.</summary>
    public const double Plausible = 0.60;

    public sealed record Cell(ReachPeriodKind Kind, int Year, string District, string AgeBand, int Reached, int Population)
    {
        public double Rate => Population > 0 ? (double)Reached / Population : Reached > 0 ? double.PositiveInfinity : 0;

        public override string ToString() =>
            $"{Kind} {Year} {District} {AgeBand}: {Reached} of {Population} = {Rate:P1}";
    }

    public static async Task<List<Cell>> AllAsync(PortalFixture portal)
    {
        await using var scope = portal.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var reports = scope.ServiceProvider.GetRequiredService<ReachReports>();
        var periods = await db.ReachPeriods.AsNoTracking().OrderBy(p => p.PeriodKind).ThenBy(p => p.PeriodYear)
            .Select(p => new { p.PeriodKind, p.PeriodYear }).ToListAsync();
        var cells = new List<Cell>();
        foreach (var period in periods)
        {
            var equity = await reports.EquityAsync(period.PeriodKind, period.PeriodYear);
            cells.AddRange(equity.Districts.SelectMany(d => d.ByAgeBand.Select(b =>
                new Cell(period.PeriodKind, period.PeriodYear, d.DistrictCode, b.Key, b.Value.Reached, b.Value.Population))));
        }
        return cells;
    }

    /// <summary>Checks that there is something to judge, and that no rate is implausible; the message lists the worst.</summary>
    public static void ShouldBePlausible(List<Cell> cells)
    {
        cells.Should().NotBeEmpty("the demo's reach figures must have been built");
        // The dashboard shows a rate where the population table has the period's year (a school year that began
        // before the table's first year has none); every calendar year with children reached has one.
        cells.Where(c => c.Kind == ReachPeriodKind.Calendar && c.Reached > 0).Should()
            .OnlyContain(c => c.Population > 0, "a district with children reached has children living in it");
        cells = [.. cells.Where(c => c.Population > 0)];
        cells.Should().Contain(c => c.Reached > 0);
        var tooHigh = cells.Where(c => c.Rate > Plausible).OrderByDescending(c => c.Rate).Select(c => c.ToString()).ToList();
        tooHigh.Should().BeEmpty($"every district × age band rate must be at most {Plausible:P0}");
        // Most groups are reached far less: only the age band a big programme is made for comes near the bound.
        var reached = cells.Where(c => c.Reached > 0).Select(c => c.Rate).Order().ToList();
        reached[reached.Count / 2].Should().BeLessThan(Plausible / 2);
    }
}
