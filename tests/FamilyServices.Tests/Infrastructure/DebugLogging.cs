using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using PortalLogging = FamilyServices.Web.Platform.Logging;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// Serilog decides which events reach every logging provider, a test's log capture included. For tests that look
/// at everything the portal could log, this turns Serilog's default level and each of its configured category
/// overrides (e.g. Microsoft.AspNetCore, Microsoft.EntityFrameworkCore) down to Debug: more than the portal's
/// configuration writes. What the portal caps in code (the hosting diagnostics) stays capped, and the console keeps
/// the configured default level, so the test output is not flooded.
/// (Also compiled into FamilyServices.BrowserTests.)
/// </summary>
public static class DebugLogging
{
    private const string Levels = "Serilog:MinimumLevel";

    public static IWebHostBuilder LogEverythingFromDebug(this IWebHostBuilder builder) =>
        builder.ConfigureAppConfiguration((_, configuration) =>
        {
            var configured = configuration.Build();
            var overrides = configured.GetSection($"{Levels}:Override").GetChildren()
                .Select(category => new KeyValuePair<string, string?>($"{Levels}:Override:{category.Key}", "Debug"));
            configuration.AddInMemoryCollection(
            [
                new($"{Levels}:Default", "Debug"), .. overrides,
                new(PortalLogging.ConsoleMinimumLevel, configured[PortalLogging.ConsoleMinimumLevel] ?? configured[$"{Levels}:Default"] ?? "Information"),
            ]);
        });
}
