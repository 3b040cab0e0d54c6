using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using FamilyServices.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>
/// The real portal on Kestrel, on a free port of 127.0.0.1 only, against its own database. It runs as in
/// production ("Testing" is not "Development": the exception handler and the public error page are active),
/// plus one test-only path, <see cref="FailPath"/>, that throws so the 500 page can be seen.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string FailPath = "/__test/fail";

    private readonly string _connectionString;
    private readonly string _defaultLanguage;

    public PortalServer(string connectionString, string defaultLanguage = "en")
    {
        _connectionString = connectionString;
        _defaultLanguage = defaultLanguage;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// What the portal logged, at Debug level and above, in every category its own code lets through: for tests that
    /// prove no personal data reaches the log. Serilog passes its events on to this provider (and writes them to the
    /// console too).
    /// </summary>
    public CapturedLog Logs { get; } = new();

    /// <summary>e.g. http://127.0.0.1:41234, known once <see cref="WebApplicationFactory{T}.StartServer"/> has run.</summary>
    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:FamilyServices", _connectionString);
        builder.UseSetting("Portal:DefaultLanguage", _defaultLanguage);
        // Many fixtures sign Admins, Editors and Officials in with a password alone; the two-factor gate is proved
        // with its default setting in the integration tests (Features/Accounts/TwoFactor).
        builder.UseSetting("Portal:Accounts:TwoFactorRequiredRoles", "");
        // Every test visits from 127.0.0.1; the per-address search limit is tested in the integration tests.
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "100000");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FailingPath>());
        builder.LogEverythingFromDebug();
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    /// <summary>
    /// Added after the portal's own pipeline, so it is reached only by a path no endpoint claims, and its exception
    /// travels through the portal's exception handler like any real failure.
    /// </summary>
    private sealed class FailingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailPath, failing => failing.Run(_ =>
                throw new InvalidOperationException("Deliberate failure at FamilyServices.BrowserTests for the error-page test.")));
        };
    }
}
