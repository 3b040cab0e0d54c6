using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FamilyServices.Tests.Security;

/// <summary>The browser protections are on every kind of answer: pages, API, static files, errors, 413 and 429.</summary>
public class SecurityHeadersTests(SecurityHeadersTests.SmallLimitsFixture portal) : IClassFixture<SecurityHeadersTests.SmallLimitsFixture>
{
    /// <summary>The portal with a search limit that two requests exceed, so a 429 is easy to get.</summary>
    public sealed class SmallLimitsFixture : PortalFixture
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:RateLimits:SearchPerMinute", "1");
            builder.UseSetting("Portal:Map:TileUrl", "https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png");
        }
    }

    private const string ExpectedPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://*.tiles.example.org:8443; "
        + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    [Fact]
    public async Task Pages_api_answers_static_files_errors_and_refusals_all_carry_the_headers()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await client.GetAsync("/"),
            ["api"] = await client.GetAsync("/api/v1/centres"),
            ["static file"] = await client.GetAsync("/css/site.css"),
            ["404 page"] = await client.GetAsync("/programmes/no-such-programme"),
            ["404 api"] = await client.GetAsync("/api/v1/no-such-thing"),
            ["413"] = await client.PostAsync("/api/v1/centres", new ByteArrayContent(new byte[RequestLimits.DefaultBodyBytes + 1])),
        };
        await client.GetAsync("/api/v1/programmes");
        answers["429"] = await client.GetAsync("/api/v1/programmes");

        answers["404 page"].StatusCode.Should().Be(HttpStatusCode.NotFound);
        answers["413"].StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        answers["429"].StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        foreach (var (kind, answer) in answers)
        {
            Header(answer, "Content-Security-Policy").Should().Be(ExpectedPolicy, kind);
            Header(answer, "X-Content-Type-Options").Should().Be("nosniff", kind);
            Header(answer, "X-Frame-Options").Should().Be("DENY", kind);
            Header(answer, "Referrer-Policy").Should().Be("strict-origin-when-cross-origin", kind);
            Header(answer, "Permissions-Policy").Should().Be("geolocation=(self), camera=(), microphone=(), payment=(), usb=()", kind);
            Header(answer, "Cross-Origin-Opener-Policy").Should().Be("same-origin", kind);
            answer.Headers.Contains("Server").Should().BeFalse(kind);
        }
    }

    [Fact]
    public async Task Account_pages_where_token_links_land_send_no_referrer()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var signIn = await client.GetAsync("/account/sign-in");

        Header(signIn, "Referrer-Policy").Should().Be("no-referrer");
    }

    [Fact]
    public async Task Hsts_for_a_year_over_https_outside_development_but_not_for_localhost_or_plain_http()
    {
        using var real = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://familien.example.org") });
        using var local = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var plain = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://familien.example.org") });

        Header(await real.GetAsync("/health/live"), "Strict-Transport-Security").Should().Be("max-age=31536000");
        (await local.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security").Should().BeFalse();
        (await plain.GetAsync("/health/live")).Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    [Fact]
    public void Kestrel_sends_no_server_header_and_takes_small_bodies_by_default()
    {
        var kestrel = portal.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        kestrel.AddServerHeader.Should().BeFalse();
        kestrel.Limits.MaxRequestBodySize.Should().Be(RequestLimits.DefaultBodyBytes);
    }

    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.openstreetmap.de/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.de")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("", null)]
    [InlineData("javascript:alert(1)", null)]
    public void The_tile_server_is_the_only_other_image_source(string tileUrl, string? source) =>
        SecurityHeaders.TileSource(tileUrl).Should().Be(source);

    private static string Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
