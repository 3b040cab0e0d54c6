using FamilyServices.Web.Features.Catalogue.Calendar;
using FamilyServices.Web.Features.Catalogue.Search;

namespace FamilyServices.Web.Features.Catalogue;

/// <summary>The parents' side: search, programme and centre pages, the public API and calendar files.</summary>
public static class CatalogueModule
{
    public static WebApplicationBuilder AddCatalogue(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgrammeSearch>();
        builder.Services.AddScoped<PlaceResolver>();
        builder.Services.AddSingleton<SearchChoices>();
        return builder;
    }

    public static WebApplication MapCatalogue(this WebApplication app)
    {
        app.MapCatalogueApi();
        app.MapCalendarEndpoints();
        return app;
    }
}
