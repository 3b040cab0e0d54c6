namespace FamilyServices.Benchmarks;

public sealed class CommandOptionsException(string message) : Exception(message);

/// <summary>"--name value" pairs of the benchmark tool; a name may repeat. (The portal's verbs use System.CommandLine.)</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public static CommandOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || name.Length < 3)
                throw new CommandOptionsException($"Expected an option such as --email, found '{name}'.");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new CommandOptionsException($"Option {name} needs a value.");
            var key = name[2..];
            if (!options._values.TryGetValue(key, out var list)) options._values[key] = list = [];
            list.Add(args[++i]);
        }
        return options;
    }

    public string Required(string name) =>
        Optional(name) ?? throw new CommandOptionsException($"Option --{name} is required.");

    public string? Optional(string name) =>
        _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) =>
        _values.TryGetValue(name, out var list) ? list : [];

    public void OnlyAllow(params string[] names)
    {
        var unknown = _values.Keys.Where(k => !names.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) throw new CommandOptionsException($"Unknown option --{unknown[0]}.");
    }
}
