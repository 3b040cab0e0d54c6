using System.Text.Json;
using FamilyServices.Web.Features.OpenData.Hsds;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>
/// The Open Referral HSDS 3.0 read API under /hsds: services, organizations, service_at_locations, taxonomies and
/// taxonomy terms of the public catalogue. Open to every origin (CORS *), limited like the public search. See
/// docs/open-data.md for the mapping and the parameters.
/// </summary>
public static class HsdsApi
{
    public const string CorsPolicy = "hsds-open";
    public const string Root = "/hsds";
    public const string NdjsonContentType = "application/x-ndjson";

    /// <summary>The HSDS 3.0 OpenAPI document at the specification commit whose schemas this API is tested against.</summary>
    public const string OpenApiUrl = "https://raw.githubusercontent.com/openreferral/specification/279fd2eb3552c349bf698c07c00cc25f5fc8249b/schema/openapi.json";

    /// <summary>The profile: HSDS 3.0 itself (the portal's extras are attributes of its own taxonomy, which needs no profile).</summary>
    public const string DefaultProfileUrl = "https://github.com/openreferral/specification/tree/279fd2eb3552c349bf698c07c00cc25f5fc8249b";

    public static WebApplication MapHsdsApi(this WebApplication app)
    {
        var hsds = app.MapGroup(Root)
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RateLimits.PublicSearch)
            .AsPublicCatalogueAnswer()
            .ExcludeFromDescription();
        hsds.MapGet("/", Index);
        hsds.MapGet("/services", ListServicesAsync);
        hsds.MapGet("/services/{id}", GetServiceAsync);
        hsds.MapGet("/service_at_locations", ListServiceAtLocationsAsync);
        hsds.MapGet("/service_at_locations/{id}", GetServiceAtLocationAsync);
        hsds.MapGet("/organizations", ListOrganizationsAsync);
        hsds.MapGet("/organizations/{id}", GetOrganizationAsync);
        hsds.MapGet("/taxonomies", ListTaxonomiesAsync);
        hsds.MapGet("/taxonomies/{id}", GetTaxonomyAsync);
        hsds.MapGet("/taxonomy_terms", ListTaxonomyTermsAsync);
        hsds.MapGet("/taxonomy_terms/{id}", GetTaxonomyTermAsync);
        return app;
    }

    /// <summary>The portal's public address: Portal:PublicAddress when configured, else the request's scheme, host and path base.</summary>
    public static Uri BaseAddress(HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IConfiguration>()["Portal:PublicAddress"];
        if (Uri.TryCreate(configured, UriKind.Absolute, out var uri)) return uri;
        var request = context.Request;
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    private static IResult Index(IConfiguration configuration) => Json(new Dictionary<string, string>
    {
        ["version"] = "3.0",
        ["profile"] = configuration["Portal:OpenData:ProfileUrl"] is { Length: > 0 } profile ? profile : DefaultProfileUrl,
        ["openapi_url"] = OpenApiUrl,
    });

    // ---------- services ----------

    private static async Task<IResult> ListServicesAsync(
        HttpContext http, HsdsCatalogue catalogue, HsdsFilters filters, CancellationToken cancellationToken)
    {
        var (query, problems) = HsdsQuery.Parse(http.Request.Query);
        if (problems.Count > 0) return BadRequest(problems);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var selection = filters.Programmes(query, context);
        Func<HsdsService, HsdsService> shape = query.WantsFull ? s => s : HsdsMapper.Minimal;
        if (query.Ndjson) return Ndjson(catalogue.ServicesAsync(selection, context, cancellationToken), shape);

        var total = await selection.CountAsync(cancellationToken);
        var ids = await selection.OrderBy(p => p.Code).Skip(query.Skip).Take(query.PerPage).Select(p => p.Id).ToListAsync(cancellationToken);
        var services = await catalogue.ServicesAsync(ids, context, cancellationToken);
        return Json(HsdsPage.Of([.. services.Select(shape)], total, query.Page, query.PerPage));
    }

    private static async Task<IResult> GetServiceAsync(
        string id, HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var openDataId)) return NotFound("service", id);
        var programmeId = await catalogue.PublicProgrammes().Where(p => p.OpenDataId == openDataId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId is null) return NotFound("service", id);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var services = await catalogue.ServicesAsync([programmeId.Value], context, cancellationToken);
        return Json(services[0]);
    }

    // ---------- service at locations ----------

    private static async Task<IResult> ListServiceAtLocationsAsync(
        HttpContext http, HsdsCatalogue catalogue, HsdsFilters filters, CancellationToken cancellationToken)
    {
        var (query, problems) = HsdsQuery.Parse(http.Request.Query);
        if (problems.Count > 0) return BadRequest(problems);
        HsdsPoint? point = query.Latitude is { } lat && query.Longitude is { } lon ? new HsdsPoint(lat, lon) : null;
        if (query.Postcode is { } postcode)
        {
            point = await filters.PostcodePointAsync(postcode, cancellationToken);
            if (point is null)
            {
                return BadRequest(new Dictionary<string, string[]>
                {
                    ["postcode"] = [$"'{postcode}' is not a postcode of this city. Give a postcode of the city, such as the one of a centre's address."],
                });
            }
        }
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var selection = filters.Offerings(query, context, point);
        Func<HsdsServiceAtLocation, HsdsServiceAtLocation> shape = query.WantsFull ? s => s : HsdsMapper.Minimal;
        if (query.Ndjson) return Ndjson(catalogue.ServiceAtLocationsAsync(selection, context, cancellationToken), shape);

        var total = await selection.CountAsync(cancellationToken);
        var ids = await HsdsFilters.Ordered(selection, point).Skip(query.Skip).Take(query.PerPage).Select(o => o.Id).ToListAsync(cancellationToken);
        var items = await catalogue.ServiceAtLocationsAsync(ids, context, cancellationToken);
        return Json(HsdsPage.Of([.. items.Select(shape)], total, query.Page, query.PerPage));
    }

    private static async Task<IResult> GetServiceAtLocationAsync(
        string id, HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var openDataId)) return NotFound("service_at_location", id);
        var offeringId = await catalogue.PublicOfferings().Where(o => o.OpenDataId == openDataId).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (offeringId is null) return NotFound("service_at_location", id);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var items = await catalogue.ServiceAtLocationsAsync([offeringId.Value], context, cancellationToken);
        return Json(items[0]);
    }

    // ---------- organizations ----------

    private static async Task<IResult> ListOrganizationsAsync(
        HttpContext http, HsdsCatalogue catalogue, HsdsFilters filters, CancellationToken cancellationToken)
    {
        var (query, problems) = HsdsQuery.Parse(http.Request.Query);
        if (problems.Count > 0) return BadRequest(problems);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var selection = filters.Organisations(query);
        Func<HsdsOrganization, HsdsOrganization> shape = query.WantsFull ? o => o : HsdsMapper.Minimal;
        if (query.Ndjson) return Ndjson(catalogue.OrganizationsAsync(selection, context, cancellationToken), shape);

        var total = await selection.CountAsync(cancellationToken);
        var ids = await selection.OrderBy(o => o.Code).Skip(query.Skip).Take(query.PerPage).Select(o => o.Id).ToListAsync(cancellationToken);
        var items = await catalogue.OrganizationsAsync(ids, context, cancellationToken);
        return Json(HsdsPage.Of([.. items.Select(shape)], total, query.Page, query.PerPage));
    }

    private static async Task<IResult> GetOrganizationAsync(
        string id, HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var openDataId)) return NotFound("organization", id);
        var organisationId = await catalogue.PublicOrganisations().Where(o => o.OpenDataId == openDataId).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (organisationId is null) return NotFound("organization", id);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var items = await catalogue.OrganizationsAsync([organisationId.Value], context, cancellationToken);
        return Json(items[0]);
    }

    // ---------- taxonomies: the city's category tree and the portal vocabulary, a few hundred items at most ----------

    private static async Task<IResult> ListTaxonomiesAsync(HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        var (query, problems) = HsdsQuery.Parse(http.Request.Query);
        if (problems.Count > 0) return BadRequest(problems);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var taxonomies = HsdsCatalogue.Taxonomies(context).Where(t => Matches(query.Search, t.Name, t.Description)).ToList();
        return Listed(query, taxonomies);
    }

    private static async Task<IResult> GetTaxonomyAsync(string id, HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var taxonomy = Guid.TryParse(id, out var taxonomyId) ? HsdsCatalogue.Taxonomies(context).FirstOrDefault(t => t.Id == taxonomyId) : null;
        return taxonomy is null ? NotFound("taxonomy", id) : Json(taxonomy);
    }

    private static async Task<IResult> ListTaxonomyTermsAsync(HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        var (query, problems) = HsdsQuery.Parse(http.Request.Query);
        if (problems.Count > 0) return BadRequest(problems);
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var terms = HsdsCatalogue.TaxonomyTerms(context)
            .Where(t => query.TaxonomyId is not { } taxonomyId || t.TaxonomyId == taxonomyId)
            .Where(t => !query.TopOnly || t.ParentId is null)
            .Where(t => query.ParentId is not { } parentId || t.ParentId == parentId)
            .Where(t => Matches(query.Search, t.Name, t.Code, t.Description))
            .ToList();
        return Listed(query, terms);
    }

    private static async Task<IResult> GetTaxonomyTermAsync(string id, HttpContext http, HsdsCatalogue catalogue, CancellationToken cancellationToken)
    {
        var context = await catalogue.ContextAsync(BaseAddress(http), cancellationToken);
        var term = Guid.TryParse(id, out var termId) ? HsdsCatalogue.TaxonomyTerms(context).FirstOrDefault(t => t.Id == termId) : null;
        return term is null ? NotFound("taxonomy_term", id) : Json(term);
    }

    /// <summary>A page (or all, as ndjson) of a short list that is already in memory.</summary>
    private static IResult Listed<T>(HsdsQuery query, IReadOnlyList<T> items) => query.Ndjson
        ? Ndjson(items.ToAsyncEnumerable(), item => item)
        : Json(HsdsPage.Of([.. items.Skip(query.Skip).Take(query.PerPage)], items.Count, query.Page, query.PerPage));

    /// <summary>Case- and accent-forgiving substring match, as the SearchText columns fold text.</summary>
    private static bool Matches(string? search, params string?[] texts) =>
        search is null || texts.Any(text => text is not null && Fold(text).Contains(Fold(search), StringComparison.Ordinal));

    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD);
        return new string([.. decomposed.Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)])
            .Replace('ı', 'i');
    }

    // ---------- answers ----------

    private static IResult Json<T>(T value) => Results.Json(value, HsdsJson.Options);

    private static NdjsonResult<T> Ndjson<T>(IAsyncEnumerable<T> items, Func<T, T> shape) => new NdjsonResult<T>(items, shape);

    private static IResult NotFound(string kind, string id) => Results.Problem(
        title: "Not found",
        detail: $"There is no published {kind} with the id '{Truncate(id)}'. Ids are UUIDs; list the {kind}s under {Root} to find one.",
        statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(IReadOnlyDictionary<string, string[]> problems) => Results.Problem(
        title: "Some query parameters are not valid.",
        detail: string.Join(" ", problems.Values.SelectMany(m => m)),
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = problems });

    private static string Truncate(string id) => id.Length > 60 ? id[..60] + "…" : id;

    /// <summary>One JSON document a line, written and flushed as the items come: the whole catalogue is never in memory.</summary>
    private sealed class NdjsonResult<T>(IAsyncEnumerable<T> items, Func<T, T> shape) : IResult
    {
        private static readonly ReadOnlyMemory<byte> NewLine = new[] { (byte)'\n' };

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = NdjsonContentType;
            var body = response.Body;
            var count = 0;
            await foreach (var item in items.WithCancellation(httpContext.RequestAborted))
            {
                await JsonSerializer.SerializeAsync(body, shape(item), HsdsJson.Options, httpContext.RequestAborted);
                await body.WriteAsync(NewLine, httpContext.RequestAborted);
                if (++count % HsdsCatalogue.BatchSize == 0) await body.FlushAsync(httpContext.RequestAborted);
            }
            await body.FlushAsync(httpContext.RequestAborted);
        }
    }
}
