using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Serilog (Serilog.AspNetCore): readable lines in development, one JSON object per event elsewhere; levels from the
/// "Serilog" configuration section; one line per request, with its path and never its query string.
/// </summary>
public static class Logging
{
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Microsoft's EF Core key repository logs each key's whole XML, the secret key included, at Debug.</summary>
    public const string DataProtectionKeyRepository = "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore";

    /// <summary>
    /// SignalR and Blazor Server log each message from the browser at Debug, with its arguments: what a person typed
    /// into a staff page (a child's code, a nickname, an e-mail address) would reach the log.
    /// </summary>
    public static readonly string[] CircuitMessages =
        ["Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Components.Server"];

    /// <summary>
    /// The lowest level written to standard output (default: all that the levels above let through). Events below it
    /// still reach other logging providers: tests that capture everything at Debug keep the console as configured.
    /// </summary>
    public const string ConsoleMinimumLevel = "Serilog:Console:MinimumLevel";

    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // Serilog's console sink replaces the framework's providers. A provider registered later (the tests' log
        // capture, an operator's own) still receives every event Serilog lets through: writeToProviders.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logging) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var consoleLevel = configuration.GetValue(ConsoleMinimumLevel, LogEventLevel.Verbose);
            logging.ReadFrom.Configuration(configuration)
                // Set after the configuration, so no level an operator configures lets these through. ASP.NET Core's
                // hosting diagnostics log every request's full address, query string included ("Request starting ...
                // /search?postcode=...&birth=..."), at Information and Debug; their warnings and errors still come.
                .MinimumLevel.Override(HostingDiagnostics, LogEventLevel.Warning)
                .MinimumLevel.Override(DataProtectionKeyRepository, LogEventLevel.Information)
                .Filter.ByExcluding(IsOutageEcho)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "FamilyServices");
            foreach (var category in CircuitMessages) logging.MinimumLevel.Override(category, LogEventLevel.Information);
            if (development)
            {
                logging.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}",
                    restrictedToMinimumLevel: consoleLevel);
            }
            else
            {
                logging.WriteTo.Console(new JsonFormatter(renderMessage: true), restrictedToMinimumLevel: consoleLevel);
            }
        },
        // Each host (several run side by side in the tests) keeps its own logger instead of the static Log.Logger.
        preserveStaticLogger: true,
        writeToProviders: true);
        return builder;
    }

    /// <summary>
    /// While the database is down, EF Core and Data Protection log each failed connection as an error with its stack
    /// trace, several per request. <see cref="DatabaseAvailability"/> logs the outage once and each request's line
    /// says 503, so these echoes are left out; any other error of theirs still comes.
    /// </summary>
    private static bool IsOutageEcho(LogEvent logEvent) =>
        logEvent.Exception is { } exception
        && logEvent.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string source }
        && (source.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || source.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal))
        && DatabaseAvailability.IsOutage(exception);

    /// <summary>
    /// One line per request, written when the answer is complete, so it has the final status code (error pages
    /// included). Put after <see cref="CorrelationIds"/>, so the line carries the request's CorrelationId.
    /// </summary>
    public static WebApplication UsePortalRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} answered {StatusCode} in {Elapsed:0.0} ms";
            // The query string may hold what a person typed (a postcode, a child's birth month): the path only.
            options.IncludeQueryInRequestPath = false;
        });
        return app;
    }
}
