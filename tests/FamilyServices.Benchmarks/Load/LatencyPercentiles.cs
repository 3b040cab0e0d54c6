namespace FamilyServices.Benchmarks.Load;

/// <summary>p50 … max of a set of latencies by the nearest-rank rule: the smallest value that at least p % of all are at or below.</summary>
public sealed record LatencyPercentiles(int Count, double P50, double P90, double P95, double P99, double Max)
{
    public static readonly LatencyPercentiles None = new(0, 0, 0, 0, 0, 0);

    public static LatencyPercentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return None;
        return new(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 90), NearestRank(sorted, 95), NearestRank(sorted, 99), sorted[^1]);
    }

    /// <summary>The value at rank ⌈p/100 × n⌉ (1-based) of ascending values.</summary>
    public static double NearestRank(IReadOnlyList<double> ascending, double percent)
    {
        if (ascending.Count == 0) throw new ArgumentException("No values.", nameof(ascending));
        // Rounding first keeps 95 % of 100 at rank 95: 0.95 × 100 is 95.00000000000001 in binary.
        var rank = (int)Math.Ceiling(Math.Round(percent / 100 * ascending.Count, 9));
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }
}
