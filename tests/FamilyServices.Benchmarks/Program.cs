using System.Globalization;
using FamilyServices.Benchmarks.Catalogue;
using FamilyServices.Benchmarks.Import;
using FamilyServices.Benchmarks.Load;
using FamilyServices.Benchmarks.Pages;
using FamilyServices.Benchmarks.Reach;
using FamilyServices.Benchmarks.Search;
using FamilyServices.Benchmarks;
using Microsoft.Playwright;

const string Usage = """
    Usage: FamilyServices.Benchmarks <command>   (run-search-benchmark.sh runs all of it; see docs/performance.md)
      generate-catalogue --connection CS [--programmes 5000] [--offerings 20000] [--centres 500]
                         [--today YYYY-MM-DD] [--seed 20261122]
                  write the benchmark city into an EMPTY database migrated with the portal's `migrate` verb
      pgbench-script --connection CS --out FILE.sql --urls FILE.tsv [--explain-dir DIR] [--sql-file PROPOSAL.sql]
                  write the search mix as a pgbench script (ProgrammeSearch.Sql with the portal's own parameter
                  values) and as query strings for wrk; print hits and one-client timings of each search.
                  --sql-file: a proposed statement with the same @parameters; the outputs use it, and each search
                  is timed both ways and checked to return the same rows (exit 1 when not)
      import-file --connection CS --out FILE.csv --token-out FILE [--rows 1000000] [--children 20] [--seed 20261122]
                  write an attendance import file for the generated catalogue (run-import-benchmark.sh), and an
                  API token of a staff member of exactly the centres in it
      generate-reach --connection CS [--attendances 10000000] [--participants 300000] [--offerings 1500] [--centres 100]
                     [--seed 20250101]
                  write the reach benchmark's city (2023–2025, exactly --attendances rows) into an EMPTY database
                  migrated with the portal's `migrate` verb (run-reach-benchmark.sh)
      page-weight --base URL --email E --password-file FILE [--public PATH]... [--staff PATH]...
                  every response of each page's first visit in Chromium (public pages signed out, staff pages signed
                  in until their circuit runs): bytes as sent, gzip -9 and brotli 11 of each body; exit 1 when a
                  public page loads MudBlazor or blazor.web.js (run-page-weight-benchmark.sh)
      circuit-memory --base URL --email E --password-file FILE --portal-pid PID [--page /staff/today]
                     [--counts 50,200] [--batch 10] [--contexts 4] [--warm-up 5] [--settle 30] [--retention 180]
                     [--min-available-mib 4096] [--dotnet-counters PATH --counters-csv FILE] [--renderer-process-limit N]
                     [--traffic-after 2000]
                  the portal's RSS and GC heap per open staff page (circuit), and Chromium's memory beside it
                  (run-circuit-memory-benchmark.sh); --traffic-after: that many GETs of / once the pages are closed,
                  then memory again (the portal must not limit / for the address: Portal__RateLimits__SearchPerMinute)
      reach-dashboard --base URL --email E --password-file FILE --totp-secret-file FILE [--runs 30] [--warm-up 2] [--year YYYY]
                  the officials' dashboard in Chromium, signed in as an official does (password, then the RFC 6238
                  code of the key in --totp-secret-file; an account without an authenticator sets one up on the
                  enrolment page and the key is written there): per run, navigation → key figures shown, choosing the
                  year before → its figures shown, choosing the breakdown by centre → shown; p50/p95/max and issue
                  15's target (p95 at most 300 ms), not gated; --year defaults to last year (run-reach-benchmark.sh)
    """ + "\n" + LoadCommands.Usage;

try
{
    return args switch
    {
        ["generate-catalogue", .. var rest] => await GenerateAsync(CommandOptions.Parse(rest)),
        ["pgbench-script", .. var rest] => await PgbenchScriptAsync(CommandOptions.Parse(rest)),
        ["import-file", .. var rest] => await ImportFileAsync(CommandOptions.Parse(rest)),
        ["generate-reach", .. var rest] => await GenerateReachAsync(CommandOptions.Parse(rest)),
        ["page-weight", .. var rest] => await PageWeightAsync(CommandOptions.Parse(rest)),
        ["circuit-memory", .. var rest] => await CircuitMemoryAsync(CommandOptions.Parse(rest)),
        ["reach-dashboard", .. var rest] => await ReachDashboardAsync(CommandOptions.Parse(rest)),
        ["load", .. var rest] => await LoadCommands.RunAsync(rest),
        ["help"] or ["--help"] => Help(),
        _ => Fail("Unknown command or wrong arguments."),
    };
}
catch (CommandOptionsException exception)
{
    return Fail(exception.Message);
}

static async Task<int> GenerateAsync(CommandOptions options)
{
    options.OnlyAllow("connection", "programmes", "offerings", "centres", "today", "seed");
    var size = new CatalogueSize(
        Count(options, "programmes", CatalogueSize.Default.Programmes),
        Count(options, "offerings", CatalogueSize.Default.Offerings),
        Count(options, "centres", CatalogueSize.Default.Centres));
    if (size.Offerings < size.Programmes) throw new CommandOptionsException("--offerings must be at least --programmes: every programme gets an offering.");
    var today = options.Optional("today") is { } text
        ? DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw new CommandOptionsException("--today must be a date such as 2026-11-22.")
        : DateOnly.FromDateTime(DateTime.UtcNow);
    var seed = Count(options, "seed", 20261122);
    return await new CatalogueGenerator(options.Required("connection"), size, today, seed, Console.Out).RunAsync();
}

static async Task<int> PgbenchScriptAsync(CommandOptions options)
{
    options.OnlyAllow("connection", "out", "urls", "explain-dir", "sql-file");
    return await new PgbenchScript(options.Required("connection"), Console.Out)
        .RunAsync(options.Required("out"), options.Required("urls"), options.Optional("explain-dir"), options.Optional("sql-file"));
}

static async Task<int> ImportFileAsync(CommandOptions options)
{
    options.OnlyAllow("connection", "out", "token-out", "rows", "children", "seed");
    return await new ImportFileWriter(options.Required("connection"), Count(options, "rows", 1_000_000), Count(options, "children", 20),
        Count(options, "seed", 20261122), Console.Out).RunAsync(options.Required("out"), options.Required("token-out"));
}

static async Task<int> GenerateReachAsync(CommandOptions options)
{
    options.OnlyAllow("connection", "attendances", "participants", "offerings", "centres", "seed");
    var size = new ReachCitySize(
        Count(options, "attendances", ReachCitySize.Default.Attendances),
        Count(options, "participants", ReachCitySize.Default.Participants),
        Count(options, "offerings", ReachCitySize.Default.Offerings),
        Count(options, "centres", ReachCitySize.Default.Centres));
    if (size.Participants > 1_000_000) throw new CommandOptionsException("--participants must be at most 1000000.");
    return await new ReachCityGenerator(options.Required("connection"), size, Count(options, "seed", 20250101), Console.Out).RunAsync();
}

static async Task<int> PageWeightAsync(CommandOptions options)
{
    options.OnlyAllow("base", "email", "password-file", "public", "staff");
    await using var browser = await StaffBrowser.LaunchAsync(BaseAddress(options));
    if (options.All("staff").Count > 0) await browser.SignInAsync(options.Required("email"), options.Required("password-file"), Console.Out);
    return await new PageWeight(browser, Console.Out).RunAsync(options.All("public"), options.All("staff"));
}

static async Task<int> CircuitMemoryAsync(CommandOptions options)
{
    options.OnlyAllow("base", "email", "password-file", "portal-pid", "page", "counts", "batch", "contexts", "warm-up", "settle", "retention",
        "min-available-mib", "dotnet-counters", "counters-csv", "renderer-process-limit", "traffic-after");
    var baseAddress = BaseAddress(options);
    var counts = (options.Optional("counts") ?? "50,200").Split(',')
        .Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n
            : throw new CommandOptionsException("--counts must be positive whole numbers, such as 50,200."))
        .ToList();
    var plan = new CircuitPlan(options.Optional("page") ?? "/staff/today", counts, Count(options, "batch", 10), Count(options, "contexts", 4),
        Count(options, "warm-up", 5), TimeSpan.FromSeconds(Count(options, "settle", 30)), TimeSpan.FromSeconds(Count(options, "retention", 180)),
        Count(options, "min-available-mib", 4096) * 1024L * 1024, options.Optional("traffic-after") is null ? 0 : Count(options, "traffic-after", 0));
    var portalPid = Count(options, "portal-pid", 0);
    // Chromium gives each page its own renderer process unless told otherwise: 200 of them would need about 8 GiB.
    string[] chromiumArgs = options.Optional("renderer-process-limit") is null ? [] : [$"--renderer-process-limit={Count(options, "renderer-process-limit", 1)}"];
    await using var browser = await StaffBrowser.LaunchAsync(baseAddress, chromiumArgs);
    await browser.SignInAsync(options.Required("email"), options.Required("password-file"), Console.Out);
    // Before the first circuit: the circuit counts are up-down counters that only see what happens while listened to.
    await using var counters = options.Optional("dotnet-counters") is { } tool
        ? await RuntimeCounters.StartAsync(tool, portalPid, options.Required("counters-csv"))
        : null;
    return await new CircuitMemory(browser, portalPid, baseAddress.Port, counters, Console.Out).RunAsync(plan);
}

static async Task<int> ReachDashboardAsync(CommandOptions options)
{
    options.OnlyAllow("base", "email", "password-file", "totp-secret-file", "runs", "warm-up", "year");
    var baseAddress = BaseAddress(options);
    var year = Count(options, "year", DateTime.UtcNow.Year - 1);
    if (year is < 2000 or > 2100) throw new CommandOptionsException("--year must be a year such as 2025.");
    var warmUp = options.Optional("warm-up") == "0" ? 0 : Count(options, "warm-up", 2);
    var plan = new ReachDashboardPlan(year, Count(options, "runs", 30), warmUp);
    try
    {
        await using var browser = await StaffBrowser.LaunchAsync(baseAddress);
        await browser.SignInAsync(options.Required("email"), options.Required("password-file"), Console.Out, options.Required("totp-secret-file"));
        return await new ReachDashboardTiming(browser, Console.Out).RunAsync(plan);
    }
    catch (Exception exception) when (exception is PlaywrightException or TimeoutException or InvalidOperationException or IOException or FormatException)
    {
        Console.Error.WriteLine($"error: {exception.Message}");
        return 1;
    }
}

static Uri BaseAddress(CommandOptions options) =>
    Uri.TryCreate(options.Required("base"), UriKind.Absolute, out var address) && address.IsLoopback
        ? address
        : throw new CommandOptionsException("--base must be an address on this machine, such as http://127.0.0.1:5080.");

static int Count(CommandOptions options, string name, int fallback)
{
    var text = options.Optional(name);
    if (text is null) return fallback;
    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
        ? value
        : throw new CommandOptionsException($"--{name} must be a positive whole number.");
}

static int Help()
{
    Console.WriteLine(Usage);
    return 0;
}

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
