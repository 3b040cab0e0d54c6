using System.Globalization;
using Microsoft.Playwright;

namespace FamilyServices.Benchmarks.Pages;

/// <summary>How many circuits to open, how, and how long to wait.</summary>
public sealed record CircuitPlan(
    string Path, IReadOnlyList<int> Counts, int Batch, int Contexts, int WarmUp, TimeSpan Settle, TimeSpan Retention, long MinimumAvailableBytes,
    int TrafficAfter);

/// <summary>
/// The portal's memory per open staff page: with one staff sign-in (the cookie shared by every page), opens the page
/// in batches of Chromium pages, each waiting until its circuit runs (<c>data-circuit="ready"</c>), and at each
/// wanted count lets the portal settle and reads its RSS (/proc/PID/status) and, through dotnet-counters, its GC heap.
/// Then closes every page as a person closes a tab and watches memory for the circuit retention period. Chromium's
/// own memory (PSS of its processes) and the machine's available memory are read at each step too; opening stops
/// early when available memory falls below the plan's minimum.
/// </summary>
public sealed class CircuitMemory(StaffBrowser browser, int portalPid, int portalPort, RuntimeCounters? counters, TextWriter output)
{
    public sealed record Snapshot(
        string Step, int Pages, DateTimeOffset At, long Rss, long RssAnon, double? GcHeap, double? GcCommitted, double? CircuitsActive,
        double? CircuitsConnected, (double Gen0, double Gen1, double Gen2) Collections, int PortalConnections, int ChromiumProcesses, long ChromiumPss,
        long Available, string Load);

    private readonly List<Snapshot> _snapshots = [];
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];

    public async Task<int> RunAsync(CircuitPlan plan)
    {
        await output.WriteLineAsync($"Warm-up: {plan.WarmUp} pages of {plan.Path} opened and closed, so that the first measured circuit does not pay for JIT and caches.");
        for (var i = 0; i < plan.Contexts; i++) _contexts.Add(await browser.NewContextAsync(signedIn: true));
        await OpenAsync(plan.Path, plan.WarmUp, plan.Batch);
        await CloseAllPagesAsync();
        await SettleAsync(plan.Settle);
        var before = await SnapshotAsync("before (warm-up closed)", plan);

        var stoppedEarly = false;
        foreach (var target in plan.Counts.Order())
        {
            while (_pages.Count < target)
            {
                var available = MachineMemory.Available();
                if (available < plan.MinimumAvailableBytes)
                {
                    await output.WriteLineAsync($"STOPPED at {_pages.Count} pages: the machine has {MachineMemory.Mib(available)} MiB available, less than the {MachineMemory.Mib(plan.MinimumAvailableBytes)} MiB minimum.");
                    stoppedEarly = true;
                    break;
                }
                await OpenAsync(plan.Path, Math.Min(plan.Batch, target - _pages.Count), plan.Batch);
                await output.WriteLineAsync($"  {_pages.Count} pages open, portal RSS {MachineMemory.Mib(MachineMemory.StatusBytes(portalPid, "VmRSS") ?? 0)} MiB, available {MachineMemory.Mib(MachineMemory.Available())} MiB, load {MachineMemory.LoadAverage()}");
            }
            if (stoppedEarly) break;
            await SettleAsync(plan.Settle);
            await SnapshotAsync($"{target} circuits open", plan);
        }

        await output.WriteLineAsync($"Closing all {_pages.Count} pages as a person closes a tab (the page's unload handlers run: Blazor tells the server the circuit is gone)...");
        var closed = DateTimeOffset.UtcNow;
        await CloseAllPagesAsync();
        await SettleAsync(plan.Settle);
        await SnapshotAsync($"{plan.Settle.TotalSeconds:0} s after closing", plan);
        var rest = closed + plan.Retention + plan.Settle - DateTimeOffset.UtcNow;
        if (rest > TimeSpan.Zero)
        {
            await output.WriteLineAsync($"Waiting {rest.TotalSeconds:0} s more: past the circuit retention period ({plan.Retention.TotalSeconds:0} s) for circuits whose close the server did not hear of...");
            await Task.Delay(rest);
        }
        await SnapshotAsync($"{(DateTimeOffset.UtcNow - closed).TotalSeconds:0} s after closing", plan);
        foreach (var context in _contexts) await context.CloseAsync();
        if (plan.TrafficAfter > 0)
        {
            // An idle portal allocates next to nothing, so no collection comes to free what the circuits left; a
            // parent's ordinary requests make the GC run as it would in service (still nothing induced).
            await output.WriteLineAsync($"Then {plan.TrafficAfter} ordinary requests of the parents' page / (4 at a time), as traffic would come...");
            var statuses = await ParentsTrafficAsync(plan.TrafficAfter);
            await output.WriteLineAsync($"  answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"))}");
            await SettleAsync(plan.Settle);
            await SnapshotAsync($"after {plan.TrafficAfter} requests of /", plan);
        }

        await WriteSummaryAsync(before);
        return stoppedEarly ? 1 : 0;
    }

    private async Task OpenAsync(string path, int count, int batch)
    {
        for (var opened = 0; opened < count; opened += batch)
        {
            var pages = new List<IPage>();
            for (var i = 0; i < Math.Min(batch, count - opened); i++)
            {
                pages.Add(await _contexts[(_pages.Count + pages.Count) % _contexts.Count].NewPageAsync());
            }
            await Task.WhenAll(pages.Select(async page =>
            {
                await page.GotoAsync(path);
                if (new Uri(page.Url).AbsolutePath != path) throw new InvalidOperationException($"{path} led to {page.Url}: is the staff member signed in and allowed there?");
                await StaffBrowser.WaitForCircuitAsync(page);
            }));
            _pages.AddRange(pages);
        }
    }

    private async Task<Dictionary<int, int>> ParentsTrafficAsync(int requests)
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var statuses = new Dictionary<int, int>();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= requests)
            {
                using var response = await client.GetAsync("/");
                await response.Content.ReadAsByteArrayAsync();
                lock (statuses) statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            }
        }));
        return statuses;
    }

    private async Task CloseAllPagesAsync()
    {
        foreach (var page in _pages) await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        // RunBeforeUnload only asks the page to close; wait until Chromium has closed them all.
        for (var i = 0; i < 120 && _pages.Any(p => !p.IsClosed); i++) await Task.Delay(500);
        _pages.Clear();
    }

    private async Task SettleAsync(TimeSpan settle)
    {
        await output.WriteLineAsync($"  settling {settle.TotalSeconds:0} s...");
        await Task.Delay(settle);
    }

    private async Task<Snapshot> SnapshotAsync(string step, CircuitPlan plan)
    {
        // RSS first (median of three reads a second apart), before dotnet-counters' session touches the process.
        var reads = new List<(long Rss, long Anon)>();
        for (var i = 0; i < 3; i++)
        {
            if (i > 0) await Task.Delay(1000);
            reads.Add((MachineMemory.StatusBytes(portalPid, "VmRSS") ?? 0, MachineMemory.StatusBytes(portalPid, "RssAnon") ?? 0));
        }
        var (rss, anon) = reads.OrderBy(r => r.Rss).ElementAt(1);
        var chromium = MachineMemory.TreePss(Environment.ProcessId, "chromium");
        var connections = EstablishedConnections(portalPort);
        var sample = counters?.Read();
        var snapshot = new Snapshot(step, _pages.Count, DateTimeOffset.UtcNow, rss, anon, sample?.GcHeap, sample?.GcCommitted, sample?.CircuitsActive,
            sample?.CircuitsConnected, sample?.Collections ?? default, connections, chromium.Processes, chromium.PssBytes, MachineMemory.Available(),
            MachineMemory.LoadAverage());
        var previous = _snapshots.Count > 0 ? _snapshots[^1].Collections : snapshot.Collections;
        _snapshots.Add(snapshot);
        await output.WriteLineAsync(
            $"{snapshot.At:HH:mm:ss} {step}: portal RSS {MachineMemory.Mib(rss)} MiB (anonymous {MachineMemory.Mib(anon)}), GC heap {Mib(snapshot.GcHeap)} MiB, "
            + $"GC committed {Mib(snapshot.GcCommitted)} MiB, collections since the last step {Collections(snapshot.Collections, previous)}, "
            + $"circuits active/connected {Count(snapshot.CircuitsActive)}/{Count(snapshot.CircuitsConnected)}, "
            + $"TCP connections to the portal {connections}; Chromium {chromium.Processes} processes, PSS {MachineMemory.Mib(chromium.PssBytes)} MiB; "
            + $"machine available {MachineMemory.Mib(snapshot.Available)} MiB, load {snapshot.Load}");
        return snapshot;
    }

    /// <summary>Established TCP connections whose local port is the portal's (one per WebSocket of an open page, plus any idle keep-alive).</summary>
    public static int EstablishedConnections(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[1].EndsWith(hexPort, StringComparison.Ordinal) && fields[3] == "01") count++;
            }
        }
        return count;
    }

    private async Task WriteSummaryAsync(Snapshot before)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"step",-30} {"pages",5} {"RSS MiB",8} {"GC heap",8} {"GC comm.",8} {"GCs 0/1/2",10} {"circuits",9} {"conns",5} {"Chromium PSS",13} {"avail. MiB",10}  load");
        for (var i = 0; i < _snapshots.Count; i++)
        {
            var s = _snapshots[i];
            await output.WriteLineAsync(
                $"{s.Step,-30} {s.Pages,5} {MachineMemory.Mib(s.Rss),8} {Mib(s.GcHeap),8} {Mib(s.GcCommitted),8} {Collections(s.Collections, _snapshots[Math.Max(0, i - 1)].Collections),10} "
                + $"{Count(s.CircuitsActive) + "/" + Count(s.CircuitsConnected),9} "
                + $"{s.PortalConnections,5} {MachineMemory.Mib(s.ChromiumPss) + " (" + s.ChromiumProcesses + ")",13} {MachineMemory.Mib(s.Available),10}  {s.Load}");
        }
        await output.WriteLineAsync();
        foreach (var s in _snapshots.Where(s => s.Pages > 0))
        {
            var rss = (s.Rss - before.Rss) / (double)s.Pages;
            var heap = s.GcHeap is { } h && before.GcHeap is { } b ? Mib((h - b) / s.Pages) : "-";
            var chromium = (s.ChromiumPss - before.ChromiumPss) / (double)s.Pages;
            await output.WriteLineAsync(
                $"per open circuit with {s.Pages}: portal RSS +{MachineMemory.Mib(rss)} MiB, GC heap +{heap} MiB; Chromium +{MachineMemory.Mib(chromium)} MiB PSS per page");
        }
    }

    private static string Mib(double? bytes) => bytes is { } b ? MachineMemory.Mib(b) : "-";

    private static string Collections((double Gen0, double Gen1, double Gen2) now, (double Gen0, double Gen1, double Gen2) before) =>
        $"{now.Gen0 - before.Gen0:0}/{now.Gen1 - before.Gen1:0}/{now.Gen2 - before.Gen2:0}";

    private static string Count(double? value) => value is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";
}
