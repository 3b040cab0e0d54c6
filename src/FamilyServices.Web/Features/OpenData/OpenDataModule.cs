using FamilyServices.Web.Features.OpenData.Hsds;
using FamilyServices.Web.Features.OpenData.Import;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>
/// Open data: the catalogue as Open Referral HSDS 3.0 (the read API under /hsds; the catalogue export uses
/// <see cref="HsdsCatalogue"/>), and the catalogue import.
/// </summary>
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
        builder.Services.AddSingleton(new CatalogueImportSettings(
            builder.Configuration.GetValue<long?>("Portal:OpenData:ImportMaxBytes") ?? HsdsDatasetReader.DefaultMaxBytes));
        return builder;
    }

    public static WebApplication MapOpenData(this WebApplication app)
    {
        app.MapHsdsApi();
        return app;
    }
}
