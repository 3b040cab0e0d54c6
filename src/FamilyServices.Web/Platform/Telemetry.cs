using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Metrics and traces over OTLP (decision 0026), only when an endpoint is configured: <c>Telemetry:OtlpEndpoint</c>,
/// else the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Without one nothing of OpenTelemetry is registered: no
/// exporter, no background sender, and the portal's instruments (<see cref="PortalMetrics"/>) record to no one.
/// </summary>
public static class Telemetry
{
    public const string EndpointSetting = "Telemetry:OtlpEndpoint";
    public const string ProtocolSetting = "Telemetry:OtlpProtocol";
    public const string StandardEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string StandardProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string ServiceName = "familyservices";

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        // Counted whether or not anything exports, so the figure is right from the moment an exporter listens.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, OpenCircuitCounter>());

        if (OtlpEndpoint(builder.Configuration) is not { } endpoint) return builder;
        var protocol = Protocol(builder.Configuration[ProtocolSetting] is { Length: > 0 } own ? own : builder.Configuration[StandardProtocolVariable]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(PortalMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    // Probes every few seconds would drown the requests people make.
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                    // Query strings hold what parents search for and the tokens of account links: not even their keys
                    // leave the portal (the instrumentation's own redaction keeps the keys and can be switched off).
                    options.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                // Spans carry the SQL text with its $1 placeholders; Npgsql never adds parameter values to them.
                .AddNpgsql())
            .UseOtlpExporter(protocol, endpoint);
        return builder;
    }

    /// <summary>The configured endpoint, or null: telemetry is off.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var configured = configuration[EndpointSetting] is { Length: > 0 } own ? own : configuration[StandardEndpointVariable];
        if (string.IsNullOrWhiteSpace(configured)) return null;
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException($"{EndpointSetting} (or {StandardEndpointVariable}) must be an http or https address, such as http://127.0.0.1:4318.");
    }

    /// <summary>
    /// HTTP with protobuf unless gRPC is asked for: the protocol the OpenTelemetry specification makes the default
    /// (port 4318), and the one every collector accepts. The signal's path (/v1/metrics, /v1/traces) is added to the endpoint.
    /// </summary>
    private static OtlpExportProtocol Protocol(string? configured) => configured switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"{ProtocolSetting} '{other}' is neither 'http/protobuf' nor 'grpc'."),
        };
}

/// <summary>
/// The portal's own instruments, in one place, on the meter <c>FamilyServices</c>. Names follow OpenTelemetry's
/// conventions (dotted, units in UCUM: seconds, {row}); tags hold kinds and outcomes, never people or codes.
/// </summary>
public static class PortalMetrics
{
    public const string MeterName = "FamilyServices";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>Tag <c>kind</c>: <c>incremental</c> (the children that changed, one transaction) or <c>full</c> (batches, then whole periods recomputed).</summary>
    public static readonly Histogram<double> ReachRefreshDuration = Meter.CreateHistogram<double>(
        "familyservices.reach.refresh.duration", "s", "How long one refresh of the stored reach figures took.");

    /// <summary>Tag <c>outcome</c>: imported, invalid, forbidden, too_large, failed.</summary>
    public static readonly Histogram<double> AttendanceImportDuration = Meter.CreateHistogram<double>(
        "familyservices.attendance.import.duration", "s", "How long one attendance import took, from the first byte read to the commit or refusal.");

    public static readonly Counter<long> AttendanceImportRows = Meter.CreateCounter<long>(
        "familyservices.attendance.import.rows", "{row}", "Attendance rows written by imports.");

    public static readonly UpDownCounter<long> CircuitsOpen = Meter.CreateUpDownCounter<long>(
        "familyservices.circuits.open", "{circuit}", "Interactive staff pages (Blazor circuits) open on this instance.");

    public static readonly Counter<long> DatabaseOutages = Meter.CreateCounter<long>(
        "familyservices.database.outages", "{outage}", "Times the database went out of reach after it had answered.");

    public static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}

/// <summary>Feeds <see cref="PortalMetrics.CircuitsOpen"/>: one handler per circuit, told when it opens and closes.</summary>
public sealed class OpenCircuitCounter : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        PortalMetrics.CircuitsOpen.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        PortalMetrics.CircuitsOpen.Add(-1);
        return Task.CompletedTask;
    }
}
