using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FamilyServices.Tests.Features.ApiDocument;

/// <summary>
/// /openapi/v1.json describes the public and token APIs under /api and nothing else, valid OpenAPI 3.1, with a 200
/// example for every operation and the error answers its endpoint can really give, found here from the endpoint's own
/// metadata (token authentication, roles, rate limits), not from the document's generator.
/// </summary>
public class ApiDocumentTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_document_is_valid_OpenAPI_3_1()
    {
        var json = await DocumentJsonAsync();

        var (document, diagnostic) = OpenApiModelFactory.Parse(json, "json");

        diagnostic!.Errors.Should().BeEmpty();
        diagnostic.SpecificationVersion.Should().Be(OpenApiSpecVersion.OpenApi3_1);
        JsonDocument.Parse(json).RootElement.GetProperty("openapi").GetString().Should().StartWith("3.1.");
        document!.Validate(ValidationRuleSet.GetDefaultRuleSet()).Should().BeEmpty();
    }

    [Fact]
    public async Task It_describes_every_api_endpoint_and_no_form_page_or_other_endpoint()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        var endpoints = Endpoints();
        var api = endpoints.Where(e => IsApi(e) && !Excluded(e)).Select(PathOf).Distinct().ToList();
        api.Should().Contain(["/api/v1/offerings", "/api/v1/centres", "/api/v1/programmes", "/api/v1/me", "/api/v1/reach",
            "/api/v1/open/reach", "/api/v1/attendance/import"]);
        paths.Should().BeEquivalentTo(api);
        // The form endpoints that once slipped in exist, and stay out.
        var forms = endpoints.Where(e => !IsApi(e)).Select(PathOf).ToList();
        forms.Should().Contain(["/language", "/account/sign-out", "/admin/participants/export"]);
        paths.Should().NotIntersectWith(forms);
    }

    [Fact]
    public async Task Every_operation_has_a_200_example_and_the_error_answers_its_endpoint_can_give()
    {
        var document = await DocumentAsync();
        var operations = 0;

        foreach (var endpoint in Endpoints().Where(e => IsApi(e) && !Excluded(e)))
        {
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var where = $"{method} {PathOf(endpoint)}";
                var operation = document.GetProperty("paths").GetProperty(PathOf(endpoint)).GetProperty(method.ToLowerInvariant());
                var responses = operation.GetProperty("responses");
                var ok = Resolve(document, responses.GetProperty("200"));
                ok.GetProperty("content").EnumerateObject().Any(c => c.Value.TryGetProperty("example", out _)).Should().BeTrue($"{where} has a 200 example");

                var metadata = endpoint.Metadata;
                var token = metadata.GetOrderedMetadata<IAuthorizeData>()
                    .Any(a => a.AuthenticationSchemes?.Contains(ApiTokenAuthenticationHandler.SchemeName, StringComparison.Ordinal) == true);
                var roles = metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles));
                var limited = metadata.GetMetadata<EnableRateLimitingAttribute>() is not null;
                var expected = new List<string> { "503" };
                if (token) expected.Add("401");
                if (token && roles) expected.Add("403");
                if (limited) expected.Add("429");
                var input = operation.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0
                    || operation.TryGetProperty("requestBody", out _);
                if (input) expected.Add("400");

                var listed = responses.EnumerateObject().Select(r => r.Name).ToList();
                listed.Should().Contain(expected, where);
                foreach (var status in new[] { "401", "403", "429", "503" }.Where(listed.Contains))
                {
                    Resolve(document, responses.GetProperty(status)).GetProperty("content").TryGetProperty("application/problem+json", out _)
                        .Should().BeTrue($"{where} answers {status} as problem details");
                }
                foreach (var status in new[] { "429", "503" }.Where(listed.Contains))
                {
                    Resolve(document, responses.GetProperty(status)).GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue(where);
                }
                // 401 and 403 belong to token endpoints only: the public API needs no token.
                if (!token) listed.Should().NotContain(["401", "403"], where);
                else operation.GetProperty("security").GetArrayLength().Should().BePositive(where);
                if (parameters.ValueKind == JsonValueKind.Array)
                {
                    parameters.EnumerateArray().Select(p => Resolve(document, p))
                        .Where(p => !p.TryGetProperty("example", out _) && !p.TryGetProperty("examples", out _))
                        .Select(p => p.GetProperty("name").GetString()).Should().BeEmpty($"{where}: every parameter has an example");
                }
                operations++;
            }
        }
        operations.Should().BeGreaterThanOrEqualTo(7);
    }

    [Fact]
    public async Task The_document_names_the_HSDS_API_and_its_own_document_without_describing_it()
    {
        var document = await DocumentAsync();

        document.GetProperty("externalDocs").GetProperty("url").GetString().Should().EndWith("/hsds/");
        document.GetProperty("info").GetProperty("description").GetString().Should().Contain("/hsds/").And.Contain("openapi_url");
        document.GetProperty("paths").EnumerateObject().Should().NotContain(p => p.Name.StartsWith("/hsds", StringComparison.Ordinal));
    }

    private async Task<string> DocumentJsonAsync()
    {
        using var client = portal.CreateClient();
        var answer = await client.GetAsync("/openapi/v1.json");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        return await answer.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await DocumentJsonAsync()).RootElement;

    private static JsonElement Resolve(JsonElement document, JsonElement element)
    {
        if (!element.TryGetProperty("$ref", out var reference)) return element;
        var target = document;
        foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/')) target = target.GetProperty(part);
        return target;
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)];

    private static string PathOf(RouteEndpoint endpoint) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText ?? "", @"\{([^}:?=]+)[^}]*\}", "{$1}").TrimStart('/');

    private static bool IsApi(RouteEndpoint endpoint) => PathOf(endpoint).StartsWith("/api/", StringComparison.Ordinal);

    private static bool Excluded(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true;
}

/// <summary>A portal, in production error handling, whose database is out of reach.</summary>
public sealed class UnreachableDatabaseFixture : PortalFixture
{
    protected override bool Migrate => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:FamilyServices", "Host=127.0.0.1;Port=1;Username=nobody;Database=nothing;Timeout=3");
    }
}

public class UnreachableDatabaseApiTests(UnreachableDatabaseFixture portal) : IClassFixture<UnreachableDatabaseFixture>
{
    [Fact]
    public async Task The_api_answers_503_problem_details_with_retry_after_when_the_database_is_out_of_reach()
    {
        using var client = portal.CreateClient();

        var answer = await client.GetAsync("/api/v1/centres");

        answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        answer.Headers.RetryAfter.Should().NotBeNull();
        JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32().Should().Be(503);
    }
}
