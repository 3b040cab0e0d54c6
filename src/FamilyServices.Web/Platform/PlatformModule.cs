using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;

namespace FamilyServices.Web.Platform;

/// <summary>
/// The framework set-up every feature stands on: logging, metrics and traces, the database, languages, the security headers and limits,
/// health checks, and Razor components with the interactive staff area. It knows no feature; each feature registers
/// itself through its own module (Features/*/*Module.cs), called from Program.cs.
/// </summary>
public static class PlatformModule
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.AddPortalLogging();
        builder.AddPortalTelemetry();
        builder.AddPortalGracefulShutdown();
        builder.AddPortalDatabase();
        builder.AddPortalLocalization();
        builder.AddPortalRateLimits();
        builder.AddPortalSecurityHeaders();
        builder.AddPortalRequestLimits();
        builder.AddInteractiveArea();
        builder.AddPortalPublicAnswers();
        // blazor.web.js and MudBlazor's files come from packages; a build (not a publish) finds them through the
        // static web assets manifest, which ASP.NET Core reads by itself only in Development. A published app has
        // them in wwwroot and no manifest, and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // A build's manifest would otherwise be served no-cache in Development (for hot reload, which we do not use):
        // its own headers are right in every environment, since a changed file gets a new fingerprinted address.
        builder.Configuration["EnableStaticAssetsDevelopmentCaching"] ??= "true";
        // Nor do we want its catch-all route for files added after the build: every file comes from the manifest.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] ??= "true";
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CurrentCity>();
        builder.Services.AddSingleton<DatabaseAvailability>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DatabaseAvailability>());
        builder.Services.AddSingleton<JobLeadership>();
        builder.Services.AddHostedService(services => services.GetRequiredService<JobLeadership>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.Services.AddProblemDetails();
        // Behind nginx on the same machine (scripts/cluster.sh): the client's address for the rate limits and the
        // scheme it used. Only a proxy on loopback is believed, ASP.NET Core's default; anyone else's headers are ignored.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // Turkish, German, Dutch and Arabic letters are written as they are, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    /// <summary>What every request passes before it reaches authentication.</summary>
    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Before anything reads the client's address or scheme.
        app.UseForwardedHeaders();
        // First, so that every answer carries the headers: static files, errors, 413s and 429s included.
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CorrelationIds>();
        // Outside the error handling, so the request line has the status code of the answer that was really sent.
        app.UsePortalRequestLogging();
        app.UsePortalErrorResponses();
        // Inside the error handling, so a failure of the unavailable page itself still gets an answer.
        app.UseMiddleware<DatabaseOutageAnswers>();
        // Before routing, so the static files that routing answers at once are compressed too (PublicAnswers).
        app.UseResponseCompression();
        // Routing after the status-code pages, so a re-executed request (/status/404) is routed afresh.
        app.UseRouting();
        app.UseDeclaredSizeRefusal();
        app.UsePortalLocalization();
        return app;
    }

    /// <summary>What every request passes after authentication and authorisation, before its endpoint.</summary>
    public static WebApplication UsePlatformFormProtection(this WebApplication app)
    {
        app.UseAntiforgery();
        app.UseOversizeFormRefusal();
        // Before the rate limiter, so a 429 still carries the CORS headers a browser needs to read it. Only endpoints
        // that name a policy (the open-data API under /hsds) get any CORS header.
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        // wwwroot and the packages' files (MudBlazor, blazor.web.js) from the build's manifest: fingerprinted
        // addresses (@Assets[...]) cached for a year as immutable, brotli and gzip made at publish, ETags.
        // Short-circuited: answered by the routing middleware, so no sign-in is read for them (no database look-up, no
        // renewed cookie that would mark them no-store) and no account gate holds them up.
        app.MapStaticAssets().ShortCircuit().Add(endpoint => endpoint.Metadata.Add(new StaticAssetMarker()));
        app.MapHealthEndpoints();
        app.MapOpenApi();
        return app;
    }
}

/// <summary>Endpoint metadata of the build's static files: the same for everyone, so compressed whoever asks.</summary>
public sealed class StaticAssetMarker
{
    public static bool IsStaticAsset(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetMarker>() is not null;
}
