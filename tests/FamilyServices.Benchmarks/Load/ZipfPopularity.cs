namespace FamilyServices.Benchmarks.Load;

/// <summary>
/// How often each of n searches is asked for: the search of popularity rank k (1-based) with probability
/// proportional to 1 / k^s. With s = 1 over 500 searches the first takes 14.7 % of all requests, the first ten 43 %,
/// and the last 250 together 10 %: a few very popular searches and a long tail, as a city's parents would type.
/// </summary>
public sealed class ZipfPopularity
{
    private readonly double[] _cumulative;

    public ZipfPopularity(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("No weights.", nameof(weights));
        if (weights.Any(w => !(w > 0) || double.IsInfinity(w))) throw new ArgumentException("Every weight must be positive.", nameof(weights));
        var total = weights.Sum();
        _cumulative = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            _cumulative[i] = sum / total;
        }
        _cumulative[^1] = 1.0;
    }

    public int Count => _cumulative.Length;

    /// <summary>The weights 1 / k^s of ranks 1 … count.</summary>
    public static double[] Weights(int count, double exponent) =>
        [.. Enumerable.Range(1, count).Select(k => 1 / Math.Pow(k, exponent))];

    public double Probability(int index) => _cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1]);

    /// <summary>The index (0-based rank) that a uniform number in [0, 1) falls on.</summary>
    public int Draw(double uniform)
    {
        var index = Array.BinarySearch(_cumulative, uniform);
        // Not found: the complement is the first cumulative share above the number. Found: the number is that
        // share's upper edge, which belongs to the next index.
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
