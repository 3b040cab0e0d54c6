using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using FamilyServices.Benchmarks.Search;

namespace FamilyServices.Benchmarks.Load;

/// <summary>What one open-loop run does: where, which paths, how fast, how long, and when a request is given up.</summary>
public sealed record OpenLoopPlan(
    Uri BaseAddress, IReadOnlyList<string> Targets, ArrivalSchedule Schedule, TimeSpan Timeout, int MaxConnections, int Seed);

/// <summary>
/// An open-loop load test (docs/performance.md, issue 15): requests leave at the fixed times of the
/// <see cref="ArrivalSchedule"/>, never waiting for an answer, and each one's latency is counted from its
/// <em>intended</em> send time. A portal that stalls therefore shows every request that should have left meanwhile
/// as slow (no coordinated omission), and if this tool itself falls behind schedule that delay counts too, and the
/// summary says so. Each request draws a search by its popularity (<see cref="ZipfPopularity"/>, seeded) and the
/// targets take turns (API, page, API, …), each with the search's UI language as Accept-Language.
/// </summary>
public sealed class OpenLoopRun(OpenLoopPlan plan, IReadOnlyList<LoadSearch> searches, TextWriter output)
{
    /// <summary>Later than this at the 99th percentile, and the sender "fell behind": its own delay is in the latencies.</summary>
    public const double BehindP99Ms = 5;

    private readonly ConcurrentBag<Outcome> _outcomes = [];
    private int _inFlight;
    private int _peakInFlight;

    private sealed record Outcome(int Target, double LatencyMs, double LagMs, string? Error)
    {
        /// <summary>An HTTP answer, whatever its status; timeouts and connection failures have none.</summary>
        public bool Answered => Error is null || char.IsAsciiDigit(Error[0]);

        /// <summary>For the percentiles: a request without an answer was slower than any answer, so it ranks as infinite.</summary>
        public double RankedLatencyMs => Answered ? LatencyMs : double.PositiveInfinity;
    }

    public async Task<int> RunAsync()
    {
        var schedule = plan.Schedule;
        var popularity = new ZipfPopularity([.. searches.Select(s => s.Weight)]);
        var random = new Random(plan.Seed);
        var requests = new (int Search, int Target)[schedule.TotalRequests];
        for (var i = 0; i < requests.Length; i++) requests[i] = (popularity.Draw(random.NextDouble()), i % plan.Targets.Count);
        var addresses = plan.Targets
            .Select(t => searches.Select(s => new Uri(plan.BaseAddress, t + (s.Query.QueryString.Length == 0 ? "" : "?" + s.Query.QueryString))).ToArray())
            .ToArray();

        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = plan.MaxConnections,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = plan.Timeout,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        // The thread pool grows slowly from its minimum; a burst of answers must not wait for threads.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(completion, 64));

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var tasks = new Task[requests.Length];
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        // A thread of its own: the sender must not queue behind answers on the thread pool.
        var sender = new Thread(() =>
        {
            for (var next = 0; next < requests.Length;)
            {
                var now = Stopwatch.GetTimestamp();
                while (next < requests.Length && start + schedule.OffsetTicks(next) <= now)
                {
                    var (search, target) = requests[next];
                    var intended = start + schedule.OffsetTicks(next);
                    var measured = schedule.IsMeasured(next);
                    tasks[next] = Task.Run(() => SendAsync(client, addresses[target][search], searches[search].Query.Language, target, intended, measured));
                    next++;
                }
                if (next == requests.Length) break;
                var waitMs = (start + schedule.OffsetTicks(next) - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                // Sleep(1) lasts about 1.1 ms on Linux: a request leaves at most that late, and the lateness counts.
                Thread.Sleep(Math.Max(1, (int)waitMs));
            }
        }) { IsBackground = true, Name = "open-loop sender", Priority = ThreadPriority.AboveNormal };
        sender.Start();
        await Task.Run(sender.Join);
        await Task.WhenAll(tasks);
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        return Report(cpuUsed);
    }

    private async Task SendAsync(HttpClient client, Uri address, string language, int target, long intended, bool measured)
    {
        var started = Stopwatch.GetTimestamp();
        var inFlight = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _peakInFlight, inFlight);
        string? error = null;
        using var timeout = new CancellationTokenSource(plan.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
            if ((int)response.StatusCode is < 200 or > 299) error = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException)
        {
            // Nothing else cancels: the whole request's timeout or the handler's connect timeout ran out.
            error = "timeout";
        }
        catch (HttpRequestException exception)
        {
            error = $"socket:{exception.HttpRequestError}";
        }
        catch (IOException exception)
        {
            error = $"io:{exception.GetType().Name}";
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
        if (!measured) return;
        var finished = Stopwatch.GetTimestamp();
        _outcomes.Add(new(target, Milliseconds(finished - intended), Milliseconds(started - intended), error));
    }

    private int Report(TimeSpan cpuUsed)
    {
        var schedule = plan.Schedule;
        var outcomes = _outcomes.ToList();
        var answered = outcomes.Count(o => o.Answered);
        var ok = outcomes.Count(o => o.Error is null);
        var errors = outcomes.Where(o => o.Error is not null).GroupBy(o => o.Error!).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}").ToList();
        var all = LatencyPercentiles.Of(outcomes.Select(o => o.RankedLatencyMs));
        LatencyPercentiles Of(int target) => LatencyPercentiles.Of(outcomes.Where(o => o.Target == target).Select(o => o.RankedLatencyMs));
        var lag = LatencyPercentiles.Of(outcomes.Select(o => o.LagMs));
        var behind = lag.P99 > BehindP99Ms;
        var throughput = ok / schedule.MeasuredDuration.TotalSeconds;
        var cpuPerRequest = cpuUsed.TotalMilliseconds / schedule.TotalRequests;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open loop at {schedule.Rate:0.#} req/s against {string.Join(" + ", plan.Targets)}: {schedule.MeasuredRequests} measured requests after {schedule.WarmUpRequests} warm-up ones"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sent {outcomes.Count}, answered {answered}, 2xx {ok}, errors by status: {(errors.Count == 0 ? "none" : string.Join(", ", errors))}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  throughput {throughput:0.0} req/s answered 2xx (scheduled {schedule.Rate:0.#})"));
        output.WriteLine("  latency from the intended send time (ms; a request that got no answer counts as inf):");
        output.WriteLine($"    {"",-22} {"n",6} {"p50",8} {"p90",8} {"p95",8} {"p99",8} {"max",8}");
        output.WriteLine(Line("all", all));
        for (var t = 0; t < plan.Targets.Count; t++)
        {
            output.WriteLine(Line(plan.Targets[t], Of(t)));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  sender behind schedule: p50 {lag.P50:0.00} ms, p99 {lag.P99:0.00} ms, max {lag.Max:0.0} ms{(behind ? $"  FELL BEHIND (p99 above {BehindP99Ms} ms): its delay is in the latencies above" : "")}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load tool: {cpuPerRequest:0.00} ms CPU per request; peak {_peakInFlight} requests in flight (connection limit {plan.MaxConnections}{(_peakInFlight > plan.MaxConnections ? ", REACHED: requests queued in the tool" : "")})"));

        var result = new List<string>
        {
            F($"rate={schedule.Rate:0.#}"), $"sent={outcomes.Count}", $"answered={answered}", $"ok={ok}", $"errors={outcomes.Count - ok}",
            F($"rps={throughput:0.0}"), $"p50_ms={Ms(all.P50)}", $"p90_ms={Ms(all.P90)}", $"p95_ms={Ms(all.P95)}",
            $"p99_ms={Ms(all.P99)}", $"max_ms={Ms(all.Max)}", F($"lag_p99_ms={lag.P99:0.00}"), F($"lag_max_ms={lag.Max:0.0}"),
            $"behind={(behind ? 1 : 0)}", $"peak_in_flight={_peakInFlight}", F($"tool_cpu_ms={cpuPerRequest:0.00}"),
        };
        for (var t = 0; t < plan.Targets.Count; t++)
        {
            result.Add($"{TargetKey(plan.Targets[t])}_p95_ms={Ms(Of(t).P95)}");
        }
        output.WriteLine("RESULT " + string.Join(' ', result));
        return 0;
    }

    /// <summary>The last segment of a path, for the RESULT line: /api/v1/programmes → programmes, /search → search.</summary>
    public static string TargetKey(string path) => path.TrimEnd('/').Split('/')[^1] is { Length: > 0 } last ? last : "root";

    private static string Line(string name, LatencyPercentiles p) =>
        $"    {name,-22} {p.Count,6} {Ms(p.P50),8} {Ms(p.P90),8} {Ms(p.P95),8} {Ms(p.P99),8} {Ms(p.Max),8}";

    private static string Ms(double value) =>
        double.IsPositiveInfinity(value) ? "inf" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
