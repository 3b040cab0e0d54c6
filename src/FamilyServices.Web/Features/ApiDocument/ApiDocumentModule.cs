using Microsoft.AspNetCore.OpenApi;

namespace FamilyServices.Web.Features.ApiDocument;

/// <summary>
/// The portal's own OpenAPI document (/openapi/v1.json): the public and token APIs under /api only, never a form,
/// a page, a calendar file or the HSDS API (which has its own document). <see cref="ApiDocumentTransformer"/>
/// adds what the generator cannot know: the examples, the error answers and the links.
/// </summary>
public static class ApiDocumentModule
{
    public const string DocumentName = "v1";
    public const string ApiRoot = "/api/";

    public static WebApplicationBuilder AddApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OpenApiOptions>(DocumentName, options =>
        {
            var inGroup = options.ShouldInclude;
            options.ShouldInclude = description => IsApi(description.RelativePath) && inGroup(description);
            options.AddDocumentTransformer<ApiDocumentTransformer>();
        });
        return builder;
    }

    /// <summary>Whether a route (with or without its leading slash) belongs to the described API.</summary>
    public static bool IsApi(string? route) =>
        route is not null && ("/" + route.TrimStart('/')).StartsWith(ApiRoot, StringComparison.OrdinalIgnoreCase);
}
