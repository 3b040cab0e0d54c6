using System.Diagnostics;
using FamilyServices.Benchmarks.Search;
using FamilyServices.Web.Features.Catalogue.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FamilyServices.Benchmarks.Load;

/// <summary>
/// The open-loop tool's pure parts checked without a portal (<c>load self-check</c>): the tests project does not
/// reference the benchmarks project, and these checks need nothing but the code. Expected values are computed here,
/// not copied from a run.
/// </summary>
public static class LoadSelfCheck
{
    public static int Run(TextWriter output)
    {
        var failures = new List<string>();
        void Expect(bool condition, string what)
        {
            output.WriteLine($"  {(condition ? "ok  " : "FAIL")} {what}");
            if (!condition) failures.Add(what);
        }

        output.WriteLine("schedule:");
        var schedule = new ArrivalSchedule(400, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));
        Expect(schedule.WarmUpRequests == 4_000 && schedule.MeasuredRequests == 12_000 && schedule.TotalRequests == 16_000,
            "400 req/s, 10 s warm-up + 30 s: 4,000 warm-up and 12,000 measured requests");
        Expect(schedule.OffsetTicks(0) == 0 && schedule.OffsetTicks(400) == Stopwatch.Frequency && schedule.OffsetTicks(16_000) == 40 * Stopwatch.Frequency,
            "request 400 leaves exactly 1 s after request 0, request 16,000 at 40 s");
        Expect(Enumerable.Range(1, 1_000).All(i => schedule.OffsetTicks(i) - schedule.OffsetTicks(i - 1) is var gap && Math.Abs(gap - Stopwatch.Frequency / 400.0) <= 1),
            "the gaps between requests are all 1/400 s (to a tick), whatever the answers do");
        Expect(!schedule.IsMeasured(3_999) && schedule.IsMeasured(4_000) && schedule.MeasuredDuration == TimeSpan.FromSeconds(30),
            "the first 4,000 are the warm-up; the measured ones span 30 s");
        var third = new ArrivalSchedule(3, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Expect(third.OffsetTicks(1) == (long)Math.Round(Stopwatch.Frequency / 3.0) && third.OffsetTicks(3) == Stopwatch.Frequency,
            "3 req/s: a third of a second apart, rounded to the tick, without drift");
        Expect(Throws(() => _ = new ArrivalSchedule(0, TimeSpan.Zero, TimeSpan.FromSeconds(1))), "a rate of 0 is refused");

        output.WriteLine("percentiles (nearest rank):");
        var hundred = Enumerable.Range(1, 100).Select(i => (double)(i * 37 % 101)).ToList(); // 1…100 in a scrambled order
        Expect(hundred.Distinct().Count() == 100 && hundred.Min() == 1 && hundred.Max() == 100, "the scrambled input holds 1 … 100 once each");
        var p = LatencyPercentiles.Of(hundred);
        Expect(p is { Count: 100, P50: 50, P90: 90, P95: 95, P99: 99, Max: 100 }, "1 … 100: p50 50, p90 90, p95 95, p99 99, max 100");
        var ten = LatencyPercentiles.Of(Enumerable.Range(1, 10).Select(i => i * 1.5));
        Expect(ten is { P50: 7.5, P90: 13.5, P95: 15, P99: 15, Max: 15 }, "10 values: p95 and p99 are the largest (rank ⌈9.5⌉ = 10)");
        Expect(LatencyPercentiles.Of([7.0]) is { Count: 1, P50: 7, P99: 7, Max: 7 } && LatencyPercentiles.Of([]) == LatencyPercentiles.None,
            "one value is every percentile; none gives zeros");
        var withTimeout = LatencyPercentiles.Of([.. Enumerable.Range(1, 19).Select(i => (double)i), double.PositiveInfinity]);
        Expect(withTimeout is { P95: 19 } && double.IsPositiveInfinity(withTimeout.P99), "one unanswered request in 20 (ranked infinite) leaves p95 at 19 and makes p99 infinite");

        output.WriteLine("Zipf popularity:");
        var weights = ZipfPopularity.Weights(500, 1.0);
        var harmonic = Enumerable.Range(1, 500).Sum(k => 1.0 / k);
        var zipf = new ZipfPopularity(weights);
        Expect(Math.Abs(zipf.Probability(0) - 1 / harmonic) < 1e-12 && Math.Abs(zipf.Probability(499) - 1 / (500 * harmonic)) < 1e-12,
            $"s = 1 over 500: rank 1 has 1/H(500) = {1 / harmonic:P2}, rank 500 has 1/(500 H(500))");
        var two = new ZipfPopularity([1.0, 1.0]);
        Expect(two.Draw(0) == 0 && two.Draw(0.4999) == 0 && two.Draw(0.5) == 1 && two.Draw(0.9999999) == 1, "two equal weights split [0, 1) at 0.5");
        var random = new Random(42);
        var counts = new int[500];
        const int Draws = 200_000;
        for (var i = 0; i < Draws; i++) counts[zipf.Draw(random.NextDouble())]++;
        // 6 standard deviations of a binomial share: a correct draw fails this about once in 500 million seeds.
        bool Near(int index) => Math.Abs(counts[index] / (double)Draws - zipf.Probability(index))
            <= 6 * Math.Sqrt(zipf.Probability(index) * (1 - zipf.Probability(index)) / Draws);
        Expect(Near(0) && Near(1) && Near(9) && Near(99), "200,000 seeded draws: ranks 1, 2, 10 and 100 come up as often as 1/k says");
        Expect(Math.Abs(counts.Skip(250).Sum() / (double)Draws - Enumerable.Range(250, 250).Sum(zipf.Probability)) < 0.01, "the long tail (ranks 251 … 500) gets its share");

        output.WriteLine("searches:");
        var searches = LoadSearches.Make();
        Expect(searches.Count == 500 && searches.Select(s => s.Query.Language + "\t" + s.Query.QueryString).Distinct().Count() == 500, "500 searches, all distinct");
        Expect(searches.Take(SearchMix.Queries.Count).Select(s => s.Query).SequenceEqual(SearchMix.Queries), "the 29 of the mix come first, the most popular");
        Expect(searches.Select((s, i) => Math.Abs(s.Weight - 1.0 / (i + 1)) < 1e-15).All(x => x), "the i-th has the weight 1/i");
        Expect(LoadSearches.Make().SequenceEqual(searches) && !LoadSearches.Make(seed: LoadSearches.DefaultSeed + 1).SequenceEqual(searches),
            "the same seed gives the same searches, another seed others");
        Expect(SearchMix.Queries.All(q => searches.Count(s => s.Query.Name.Split('#')[0] == q.Name) >= 2), "every kind of the mix has variants");
        var today = new DateOnly(2026, 12, 7);
        var invalid = searches.Where(s => SearchFilters.Parse(new QueryCollection(QueryHelpers.ParseQuery(s.Query.QueryString)), today).Problems.Count > 0).ToList();
        Expect(invalid.Count == 0, "the portal's SearchFilters.Parse accepts every one" + (invalid.Count > 0 ? $" (not: {invalid[0].Query.QueryString})" : ""));
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, LoadSearches.ToTsv(searches));
            Expect(LoadCommands.ReadAsync(file).GetAwaiter().GetResult().SequenceEqual(searches), "the file reads back as written, weights exact");
        }
        finally
        {
            File.Delete(file);
        }

        output.WriteLine(failures.Count == 0 ? "All checks passed." : $"{failures.Count} check(s) failed.");
        return failures.Count == 0 ? 0 : 1;
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
