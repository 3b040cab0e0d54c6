using Serilog;
using Serilog.Formatting.Json;

namespace FamilyServices.Web.Platform;

public static class Logging
{
    public const string HostingDiagnostics = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Serilog: readable lines in development, one JSON object per event elsewhere.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var configuration = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "FamilyServices");

        configuration = builder.Environment.IsDevelopment()
            ? configuration.WriteTo.Console(outputTemplate:
                "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            : configuration.WriteTo.Console(new JsonFormatter(renderMessage: true));

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        // ASP.NET Core's hosting diagnostics log every request's full address, query string included ("Request
        // starting ... /search?postcode=...&birth=..."), at Information and Debug. The portal's own request line
        // (CorrelationAndRequestLogging) keeps the path only, so these go for every provider, whatever level an
        // operator turns logging up to; the category's warnings and errors still come through.
        builder.Logging.AddFilter(HostingDiagnostics, LogLevel.Warning);
        return builder;
    }
}
