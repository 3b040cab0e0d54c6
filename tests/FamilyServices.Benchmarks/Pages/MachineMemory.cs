using System.Globalization;

namespace FamilyServices.Benchmarks.Pages;

/// <summary>Memory figures read from /proc (Linux): a process's RSS, a process tree's PSS, the machine's available memory.</summary>
public static class MachineMemory
{
    /// <summary>A field of /proc/PID/status in bytes (VmRSS, RssAnon, ...), or null when the process is gone.</summary>
    public static long? StatusBytes(int pid, string field)
    {
        try
        {
            return KilobyteField(File.ReadLines($"/proc/{pid}/status"), field);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>MemAvailable of /proc/meminfo in bytes: what the machine can still give without swapping.</summary>
    public static long Available() => KilobyteField(File.ReadLines("/proc/meminfo"), "MemAvailable") ?? 0;

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>
    /// The processes below <paramref name="ancestor"/> (children, grandchildren, ...) whose command is
    /// <paramref name="executable"/>, and the sum of their PSS: their own memory plus a fair share of what they share
    /// with each other, so the sum does not count Chromium's shared libraries once per process.
    /// </summary>
    public static (int Processes, long PssBytes) TreePss(int ancestor, string executable)
    {
        var parents = new Dictionary<int, int>();
        var commands = new Dictionary<int, string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText($"{directory}/stat");
                var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(afterName[1], CultureInfo.InvariantCulture);
                // Chromium rewrites its helpers' command lines into one string separated by spaces.
                commands[pid] = File.ReadAllText($"{directory}/cmdline").Split('\0')[0].Split(' ')[0];
            }
            catch (IOException)
            {
                // gone meanwhile
            }
        }
        var processes = 0;
        long pss = 0;
        foreach (var (pid, command) in commands)
        {
            if (!command.EndsWith(executable, StringComparison.Ordinal) || !Descends(pid, ancestor, parents)) continue;
            try
            {
                pss += KilobyteField(File.ReadLines($"/proc/{pid}/smaps_rollup"), "Pss") ?? 0;
                processes++;
            }
            catch (IOException)
            {
                // gone meanwhile
            }
        }
        return (processes, pss);
    }

    private static bool Descends(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var hops = 0; hops < 64 && parents.TryGetValue(pid, out var parent) && parent > 1; hops++)
        {
            if (parent == ancestor) return true;
            pid = parent;
        }
        return false;
    }

    private static long? KilobyteField(IEnumerable<string> lines, string field)
    {
        foreach (var line in lines)
        {
            if (!line.StartsWith(field + ":", StringComparison.Ordinal)) continue;
            var value = line[(field.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(value, CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }

    public static string Mib(double bytes) => (bytes / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture);
}
