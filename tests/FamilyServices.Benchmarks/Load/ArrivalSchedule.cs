using System.Diagnostics;

namespace FamilyServices.Benchmarks.Load;

/// <summary>
/// When each request of an open-loop run is meant to leave: request <c>i</c> at <c>i / rate</c> seconds after the
/// start, whatever happened to the ones before. The warm-up's requests come first; the measured ones follow without
/// a gap, so the portal never gets a pause to empty its queue between the two.
/// </summary>
public sealed class ArrivalSchedule
{
    public ArrivalSchedule(double ratePerSecond, TimeSpan warmUp, TimeSpan measured)
    {
        if (!(ratePerSecond > 0) || double.IsInfinity(ratePerSecond)) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "The rate must be positive.");
        if (warmUp < TimeSpan.Zero || measured <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(measured), "The measured time must be positive.");
        Rate = ratePerSecond;
        WarmUpRequests = (int)Math.Round(warmUp.TotalSeconds * ratePerSecond);
        MeasuredRequests = (int)Math.Round(measured.TotalSeconds * ratePerSecond);
        if (MeasuredRequests < 1) throw new ArgumentOutOfRangeException(nameof(measured), "The run must send at least one measured request.");
    }

    public double Rate { get; }

    public int WarmUpRequests { get; }

    public int MeasuredRequests { get; }

    public int TotalRequests => WarmUpRequests + MeasuredRequests;

    /// <summary>The measured requests' share of the run: what the achieved throughput is divided by.</summary>
    public TimeSpan MeasuredDuration => TimeSpan.FromSeconds(MeasuredRequests / Rate);

    public bool IsMeasured(int request) => request >= WarmUpRequests;

    /// <summary>The intended send time of a request, in <see cref="Stopwatch"/> ticks after the start.</summary>
    public long OffsetTicks(int request) => (long)Math.Round(request * (Stopwatch.Frequency / Rate));
}
