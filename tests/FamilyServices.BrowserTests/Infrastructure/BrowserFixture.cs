using System.Diagnostics;
using System.Runtime.CompilerServices;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>All browser test classes share one portal, one database with the Kocaeli demo, and one Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Set up once per test run (loading the demo takes a while): a throw-away database, migrated and filled with the
/// portal's own <c>seed-demo kocaeli</c> command; the portal on Kestrel; Debian's Chromium, headless.
/// </summary>
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private string _connectionString = "";
    private string _herneConnectionString = "";
    private PortalServer? _herne;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PortalServer? _portal;

    public PortalServer Portal => _portal ?? throw new InvalidOperationException("The portal is not running.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running.");

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A second portal with the Herne demo (German), for journeys in a German-speaking city.</summary>
    public Uri HerneAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}. Install Debian's package (apt-get install chromium); never run 'playwright install'.");
        }
        var started = Stopwatch.StartNew();
        _ = TestPostgres.AdminConnectionString; // fails early, with advice, when FS_TEST_POSTGRES is not set
        var browser = LaunchBrowserAsync(); // Chromium starts while the demo loads
        try
        {
            _connectionString = await TestPostgres.CreateDatabaseAsync("browser");
            _portal = new PortalServer(_connectionString);
            _portal.StartServer();
            BaseAddress = _portal.BaseAddress;
            await LoadDemoAsync();
            _herneConnectionString = await TestPostgres.CreateDatabaseAsync("browserherne");
            _herne = new PortalServer(_herneConnectionString);
            _herne.StartServer();
            HerneAddress = _herne.BaseAddress;
            await RunOperatorCommandAsync(_herne, "migrate");
            await RunOperatorCommandAsync(_herne, "seed-demo", "herne");
        }
        finally
        {
            _browser = await browser;
        }
        Log($"portal at {BaseAddress}, Chromium {Browser.Version}, ready in {started.Elapsed.TotalSeconds:0.0} s; screenshots in {Screenshots.Folder}");
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>The operator's own verbs, as an operator would load a demo: migrate, then seed-demo kocaeli.</summary>
    private async Task LoadDemoAsync()
    {
        await RunOperatorCommandAsync(Portal, "migrate");
        await RunOperatorCommandAsync(Portal, "seed-demo", "kocaeli");

        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        if (!await db.Programmes.AnyAsync(p => p.PublicationState == PublicationState.Published))
        {
            throw new InvalidOperationException("'seed-demo kocaeli' loaded no published programme; the browser tests need the Kocaeli demo.");
        }
    }

    private async Task RunOperatorCommandAsync(PortalServer portal, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(args, portal.Services, output, output);
        Log($"{string.Join(' ', args)}: {output.ToString().Trim()}");
        if (exitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', args)}' failed with exit code {exitCode}: {output}");
    }

    /// <summary>Runs an operator command against the Kocaeli portal and returns what it printed.</summary>
    public async Task<string> OperatorAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(args, Portal.Services, output, output);
        if (exitCode != 0) throw new InvalidOperationException($"'{string.Join(' ', args)}' failed with exit code {exitCode}: {output}");
        return output.ToString();
    }

    /// <summary>The local date of the next scheduled session of a programme at a centre of the Kocaeli demo.</summary>
    public async Task<DateOnly> NextSessionDateAsync(string centreCode, string programmeCode)
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var session = await db.Sessions
            .Where(s => s.Offering.Centre.Code == centreCode && s.Offering.Programme.Code == programmeCode
                && s.Status == SessionStatus.Scheduled && s.StartsAt > DateTime.UtcNow)
            .OrderBy(s => s.StartsAt)
            .Select(s => new { s.StartsAt, s.Offering.Centre.TimeZone })
            .FirstAsync();
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(session.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(session.TimeZone)));
    }

    private readonly Dictionary<string, Task<(PortalServer Portal, string ConnectionString)>> _cities = [];
    private readonly Lock _citiesLock = new();

    /// <summary>
    /// A portal with the named demo city (leeuwarden, wiesbaden, mayen-koblenz...), started and loaded by the
    /// operator's own verbs the first time a test asks for it and shared after that, so a run pays only for the
    /// cities its tests visit. Its default language is the city's own, as run-portal.sh sets it.
    /// </summary>
    public async Task<Uri> CityAsync(string city, string defaultLanguage)
    {
        Task<(PortalServer Portal, string ConnectionString)> starting;
        lock (_citiesLock)
        {
            if (!_cities.TryGetValue(city, out starting!)) _cities[city] = starting = StartCityAsync(city, defaultLanguage);
        }
        return (await starting).Portal.BaseAddress;
    }

    private async Task<(PortalServer, string)> StartCityAsync(string city, string defaultLanguage)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("browser" + city.Replace("-", "", StringComparison.Ordinal));
        var portal = new PortalServer(connectionString, defaultLanguage);
        portal.StartServer();
        await RunOperatorCommandAsync(portal, "migrate");
        await RunOperatorCommandAsync(portal, "seed-demo", city);
        return (portal, connectionString);
    }

    /// <summary>Shown by the test runner (diagnosticMessages in xunit.runner.json).</summary>
    private void Log(string message) => diagnostics.OnMessage(new DiagnosticMessage($"Browser tests: {message}"));

    /// <summary>A fresh browser context (no cookies) with one page, as one visitor of one test sees the portal.</summary>
    public async Task<Visitor> NewVisitorAsync(
        Viewport viewport, string language = "en", bool javaScript = true, [CallerMemberName] string test = "", Uri? portal = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (portal ?? BaseAddress).ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            Locale = language, // sent as Accept-Language: the portal's first guess before anyone chooses
            JavaScriptEnabled = javaScript,
        });
        // Generous: CI runs on two cores that may be busy (a 10 s limit failed there on full-page screenshots, and 30 s
        // for a dialog's first render at a load average of 30).
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return new Visitor(context, await context.NewPageAsync(), test, viewport, javaScript);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_portal is not null) await _portal.DisposeAsync();
        if (_herne is not null) await _herne.DisposeAsync();
        foreach (var city in _cities.Values)
        {
            if (!city.IsCompletedSuccessfully) continue;
            await city.Result.Portal.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(city.Result.ConnectionString);
        }
        if (_herneConnectionString.Length > 0) await TestPostgres.DropDatabaseAsync(_herneConnectionString);
        if (_connectionString.Length > 0) await TestPostgres.DropDatabaseAsync(_connectionString);
    }
}
