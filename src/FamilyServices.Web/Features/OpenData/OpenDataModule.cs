using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>Open data: the catalogue as Open Referral HSDS 3.0 (the read API under /hsds; the catalogue export uses <see cref="HsdsCatalogue"/>).</summary>
public static class OpenDataModule
{
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HsdsCatalogue>();
        builder.Services.AddScoped<HsdsFilters>();
        // Open to every origin, for reading only, and only where RequireCors names it: the /hsds group.
        builder.Services.AddCors(cors => cors.AddPolicy(HsdsApi.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Options)
            .AllowAnyHeader()
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return builder;
    }

    public static WebApplication MapOpenData(this WebApplication app)
    {
        app.MapHsdsApi();
        return app;
    }
}
