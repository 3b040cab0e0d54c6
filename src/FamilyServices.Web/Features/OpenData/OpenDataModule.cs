using FamilyServices.Web.Features.OpenData.Import;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>Open data: the HSDS 3.0 catalogue import and export (and the HSDS read API).</summary>
public static class OpenDataModule
{
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(new CatalogueImportSettings(
            builder.Configuration.GetValue<long?>("Portal:OpenData:ImportMaxBytes") ?? HsdsDatasetReader.DefaultMaxBytes));
        return builder;
    }

    public static WebApplication MapOpenData(this WebApplication app) => app;
}
