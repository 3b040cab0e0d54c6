using System.Globalization;
using FamilyServices.Benchmarks.Search;

namespace FamilyServices.Benchmarks.Load;

/// <summary>The <c>load</c> verbs of the benchmark program (run-load-benchmark.sh runs them; docs/performance.md).</summary>
public static class LoadCommands
{
    public const string Usage = """
      load searches --out FILE.tsv [--count 500] [--seed 20261207] [--exponent 1.0]
                  write the open-loop test's searches: the 29 of the mix, then variants of the same kinds, each with its
                  Zipf weight 1/rank^exponent (language TAB query TAB name TAB weight)
      load check --base URL --urls FILE.tsv --target PATH...
                  GET every search on every target once; exit 1 unless all answer 200
      load --base URL --urls FILE.tsv --rate REQ_PER_S --target PATH... [--seconds 60] [--warmup 10] [--timeout 10]
           [--connections 1000] [--seed 1]
                  open loop: requests at a constant rate, searches drawn by weight, targets in turn; latency from the
                  intended send time; prints a summary and one RESULT line
      load self-check
                  checks the schedule, the percentiles, the Zipf draw and the searches; exit 1 when one is wrong
    """;

    public static async Task<int> RunAsync(string[] args) => args switch
    {
        ["searches", .. var rest] => await WriteSearchesAsync(CommandOptions.Parse(rest)),
        ["check", .. var rest] => await CheckAsync(CommandOptions.Parse(rest)),
        ["self-check"] => LoadSelfCheck.Run(Console.Out),
        _ => await OpenLoopAsync(CommandOptions.Parse(args)),
    };

    private static async Task<int> WriteSearchesAsync(CommandOptions options)
    {
        options.OnlyAllow("out", "count", "seed", "exponent");
        var count = Whole(options, "count", LoadSearches.DefaultCount);
        var exponent = Number(options, "exponent", LoadSearches.DefaultExponent);
        var searches = LoadSearches.Make(count, Whole(options, "seed", LoadSearches.DefaultSeed), exponent);
        await File.WriteAllTextAsync(options.Required("out"), LoadSearches.ToTsv(searches));
        var popularity = new ZipfPopularity([.. searches.Select(s => s.Weight)]);
        double Share(int from, int to) => Enumerable.Range(from, to - from).Sum(popularity.Probability) * 100;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {count} distinct searches to {options.Required("out")} (Zipf s = {exponent}): the first takes {Share(0, 1):0.0} % of the requests, " +
            $"the first 10 {Share(0, 10):0.0} %, the {SearchMix.Queries.Count} of the mix {Share(0, SearchMix.Queries.Count):0.0} %, the last half {Share(count / 2, count):0.0} %."));
        return 0;
    }

    private static async Task<int> CheckAsync(CommandOptions options)
    {
        options.OnlyAllow("base", "urls", "target");
        var baseAddress = BaseAddress(options);
        var searches = await ReadAsync(options.Required("urls"));
        var targets = Targets(options);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var failures = 0;
        var checks = targets.SelectMany(t => searches.Select(s => (Target: t, Search: s.Query))).ToList();
        await Parallel.ForEachAsync(checks, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (check, token) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseAddress, check.Target + (check.Search.QueryString.Length == 0 ? "" : "?" + check.Search.QueryString)));
            request.Headers.TryAddWithoutValidation("Accept-Language", check.Search.Language);
            using var response = await client.SendAsync(request, token);
            if ((int)response.StatusCode == 200) return;
            Interlocked.Increment(ref failures);
            await Console.Error.WriteLineAsync($"error: {check.Target}?{check.Search.QueryString} ({check.Search.Name}) answered {(int)response.StatusCode}, not 200.");
        });
        Console.WriteLine($"{checks.Count - failures} of {checks.Count} requests ({searches.Count} searches × {targets.Count} targets) answered 200.");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> OpenLoopAsync(CommandOptions options)
    {
        options.OnlyAllow("base", "urls", "rate", "target", "seconds", "warmup", "timeout", "connections", "seed");
        var rate = Number(options, "rate", 0);
        if (!(rate is > 0 and <= 20_000)) throw new CommandOptionsException("--rate must be a number of requests per second, above 0 and at most 20000.");
        var warmUp = options.Optional("warmup") is null ? 10 : Whole(options, "warmup", 0, allowZero: true);
        var schedule = new ArrivalSchedule(rate, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(Whole(options, "seconds", 60)));
        var plan = new OpenLoopPlan(BaseAddress(options), Targets(options), schedule, TimeSpan.FromSeconds(Whole(options, "timeout", 10)),
            Whole(options, "connections", 1000), Whole(options, "seed", 1));
        return await new OpenLoopRun(plan, await ReadAsync(options.Required("urls")), Console.Out).RunAsync();
    }

    /// <summary>Reads search-mix.tsv or the load test's file: language, query string, name and, optionally, a weight (else 1).</summary>
    public static async Task<IReadOnlyList<LoadSearch>> ReadAsync(string path)
    {
        var searches = new List<LoadSearch>();
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length < 3) throw new CommandOptionsException($"{path}: expected language TAB query TAB name [TAB weight], found '{line}'.");
            var weight = fields.Length > 3 ? double.Parse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture) : 1.0;
            searches.Add(new(new MixQuery(fields[2], fields[0], fields[1]), weight));
        }
        return searches.Count > 0 ? searches : throw new CommandOptionsException($"{path} holds no searches.");
    }

    private static List<string> Targets(CommandOptions options)
    {
        var targets = options.All("target").ToList();
        if (targets.Count == 0) throw new CommandOptionsException("Give at least one --target, such as --target /api/v1/programmes --target /search.");
        return targets.All(t => t.StartsWith('/') && !t.Contains('?', StringComparison.Ordinal)) ? targets
            : throw new CommandOptionsException("--target must be a path such as /search, without a query string.");
    }

    private static Uri BaseAddress(CommandOptions options) =>
        Uri.TryCreate(options.Required("base"), UriKind.Absolute, out var address) && address.IsLoopback
            ? address
            : throw new CommandOptionsException("--base must be an address on this machine, such as http://127.0.0.1:5080.");

    private static int Whole(CommandOptions options, string name, int fallback, bool allowZero = false)
    {
        var text = options.Optional(name);
        if (text is null) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || allowZero && value == 0)
            ? value
            : throw new CommandOptionsException($"--{name} must be a {(allowZero ? "" : "positive ")}whole number.");
    }

    private static double Number(CommandOptions options, string name, double fallback)
    {
        var text = options.Optional(name);
        if (text is null) return fallback;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : throw new CommandOptionsException($"--{name} must be a positive number.");
    }
}
