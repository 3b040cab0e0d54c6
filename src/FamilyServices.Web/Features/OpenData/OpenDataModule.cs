using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>Open data: the catalogue as Open Referral HSDS 3.0 (the read API under /hsds; the catalogue export uses <see cref="HsdsCatalogue"/>).</summary>
public static class OpenDataModule
{
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<HsdsCatalogue>();
        return builder;
    }

    public static WebApplication MapOpenData(this WebApplication app) => app;
}
