using System.Diagnostics;
using System.Globalization;

namespace FamilyServices.Benchmarks.Pages;

/// <summary>
/// The portal's own runtime and ASP.NET Core meters, read from outside by one <c>dotnet-counters collect</c> session
/// (a .NET tool the script installs) that runs from before the first circuit to the end, writing CSV: nothing is
/// added to the portal and nothing in it is forced (no GC is induced). One session for the whole run because the
/// circuit and connection counts are up-down counters that only count what happens while someone listens, and
/// because it adds up every collection, which tells whether the "heap after the last GC" figure is fresh.
/// </summary>
public sealed class RuntimeCounters : IAsyncDisposable
{
    private const string Providers = "System.Runtime,Microsoft.AspNetCore.Components.Server.Circuits,Microsoft.AspNetCore.Http.Connections";

    private readonly Process _process;
    private readonly string _file;

    private RuntimeCounters(Process process, string file)
    {
        _process = process;
        _file = file;
    }

    /// <summary>What the session has seen so far: the last value of each gauge, and every collection added up.</summary>
    public sealed record Sample(IReadOnlyDictionary<string, double> Last, IReadOnlyDictionary<string, double> Totals)
    {
        /// <summary>The GC heap as the last collection left it, all generations (dotnet.gc.last_collection.heap.size).</summary>
        public double? GcHeap => Sum(Last, "dotnet.gc.last_collection.heap.size");

        /// <summary>Memory the GC had committed at the last collection (dotnet.gc.last_collection.memory.committed_size).</summary>
        public double? GcCommitted => Sum(Last, "dotnet.gc.last_collection.memory.committed_size");

        /// <summary>Circuits in server memory, connected or not (aspnetcore.components.circuit.active).</summary>
        public double? CircuitsActive => Sum(Last, "aspnetcore.components.circuit.active");

        /// <summary>Circuits with a connected browser (aspnetcore.components.circuit.connected).</summary>
        public double? CircuitsConnected => Sum(Last, "aspnetcore.components.circuit.connected");

        /// <summary>Collections of each generation since the session started.</summary>
        public (double Gen0, double Gen1, double Gen2) Collections =>
            (Sum(Totals, "dotnet.gc.collections", "gen0") ?? 0, Sum(Totals, "dotnet.gc.collections", "gen1") ?? 0, Sum(Totals, "dotnet.gc.collections", "gen2") ?? 0);

        private static double? Sum(IReadOnlyDictionary<string, double> values, string instrument, string? generation = null)
        {
            var matching = values
                .Where(v => v.Key.StartsWith(instrument + " ", StringComparison.Ordinal)
                    && (generation is null || v.Key.Contains($"gc.heap.generation={generation}]", StringComparison.Ordinal)))
                .Select(v => v.Value).ToList();
            return matching.Count == 0 ? null : matching.Sum();
        }
    }

    public static async Task<RuntimeCounters> StartAsync(string dotnetCounters, int pid, string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.Delete(file);
        var start = new ProcessStartInfo(dotnetCounters) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[]
                 {
                     "collect", "--process-id", pid.ToString(CultureInfo.InvariantCulture), "--counters", Providers,
                     "--refresh-interval", "2", "--format", "csv", "--output", file,
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dotnetCounters}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var counters = new RuntimeCounters(process, file);
        for (var i = 0; i < 60 && counters.Read().GcHeap is null; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"dotnet-counters stopped at once (exit code {process.ExitCode}).");
            await Task.Delay(1000);
        }
        if (counters.Read().GcHeap is null) throw new InvalidOperationException($"dotnet-counters wrote nothing to {file} in 60 s.");
        return counters;
    }

    /// <summary>Reads the CSV written so far (Timestamp,Provider,Counter Name,Counter Type,Mean/Increment).</summary>
    public Sample Read()
    {
        var last = new Dictionary<string, double>();
        var totals = new Dictionary<string, double>();
        if (!File.Exists(_file)) return new Sample(last, totals);
        using var stream = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length < 5 || !double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) continue;
            var name = string.Join(',', fields[2..^2]);
            last[name] = value;
            if (fields[^2] == "Rate") totals[name] = totals.GetValueOrDefault(name) + value;
        }
        return new Sample(last, totals);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteAsync('q');
            await _process.StandardInput.FlushAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }
}
