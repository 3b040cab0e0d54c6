using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace FamilyServices.Tests.Platform;

/// <summary>A stand-in for an OpenTelemetry collector: an HTTP server on a free loopback port that keeps every post.</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    public sealed record Post(string Path, string? ContentType, byte[] Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Post> _posts = new();

    private OtlpCollector(WebApplication app) => _app = app;

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/{**signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            collector._posts.Enqueue(new Post(context.Request.Path, context.Request.ContentType, body.ToArray()));
            // An empty ExportXServiceResponse: success.
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return collector;
    }

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public IReadOnlyList<Post> Posts => [.. _posts];

    /// <summary>Waits until a post to <paramref name="path"/> holds <paramref name="text"/>; the posts to that path so far.</summary>
    public async Task<IReadOnlyList<Post>> UntilAsync(string path, string text)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (Posts.Any(p => p.Path == path && Holds(p, text))) break;
        }
        return Posts.Where(p => p.Path == path).ToList();
    }

    /// <summary>OTLP protobuf writes strings as UTF-8 bytes: a name or value is found in the body as it is.</summary>
    public static bool Holds(Post post, string text) => post.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The portal with an OTLP endpoint configured, pointing at an in-test collector, exporting every half second.</summary>
public sealed class TelemetryPortal : PortalFixture, IAsyncLifetime
{
    public OtlpCollector Collector { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Collector = await OtlpCollector.StartAsync();
        await InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(Telemetry.EndpointSetting, Collector.Address.ToString());
        // Read when the providers are built, after the host's own configuration: not command-line settings of the portal.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        }));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        await Collector.DisposeAsync();
    }
}

public sealed class TelemetryExportTests(TelemetryPortal portal) : IClassFixture<TelemetryPortal>
{
    /// <summary>What a parent might search for: it must never leave the portal in a trace.</summary>
    private const string Searched = "Zeynep-Yilmaz-2021";

    [Fact]
    public async Task With_an_endpoint_metrics_and_traces_are_posted_as_otlp_protobuf_without_the_query_or_its_values()
    {
        using var client = TestAccounts.NewClient(portal);
        (await DatabaseOutageTests.UntilAsync(client, "/health/ready", HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);

        (await client.GetAsync($"/search?q={Searched}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var metrics = await portal.Collector.UntilAsync("/v1/metrics", "http.server.request.duration");
        var traces = await portal.Collector.UntilAsync("/v1/traces", "/search");
        metrics.Should().Contain(p => OtlpCollector.Holds(p, "http.server.request.duration"), "ASP.NET Core's request meter is exported");
        metrics.Should().Contain(p => OtlpCollector.Holds(p, "familyservices"), "the resource names the service");
        metrics.Should().OnlyContain(p => p.ContentType == "application/x-protobuf");
        var search = traces.Where(p => OtlpCollector.Holds(p, "/search")).Should().NotBeEmpty().And.Subject.ToList();
        traces.Should().Contain(p => OtlpCollector.Holds(p, "SELECT"), "Npgsql's spans carry the SQL text");
        traces.Concat(metrics).Should().NotContain(p => OtlpCollector.Holds(p, Searched), "neither the address's query nor a parameter value is exported");
        search.Should().NotContain(p => OtlpCollector.Holds(p, "url.query"));
    }
}

public sealed class TelemetryOffTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void Without_an_endpoint_no_opentelemetry_provider_or_exporter_is_registered()
    {
        Telemetry.OtlpEndpoint(portal.Services.GetRequiredService<IConfiguration>()).Should().BeNull();

        portal.Services.GetService<MeterProvider>().Should().BeNull();
        portal.Services.GetService<TracerProvider>().Should().BeNull();
        portal.Services.GetServices<IHostedService>().Select(s => s.GetType().FullName)
            .Should().NotContain(name => name!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }
}
