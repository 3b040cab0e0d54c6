using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace FamilyServices.Web.Features.ApiDocument;

/// <summary>
/// Completes the generated document: its description with the link to the HSDS API's own document, the token
/// security scheme, and for every operation its examples (<see cref="ApiExamples"/>) and the error answers that can
/// really happen, found from the endpoint's metadata (<see cref="ErrorAnswers"/>), as problem details.
/// </summary>
public sealed partial class ApiDocumentTransformer(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOpenApiDocumentTransformer
{
    public const string HsdsPath = "/hsds/";
    public const string TokenScheme = "apiToken";
    public const string ProblemJson = "application/problem+json";
    private const string ProblemSchema = "ProblemDetails";

    public static string Description => $"""
        The FamilyServices portal's own JSON API: the public catalogue (centres, offerings, the programme search), the reach
        figures (open, with small-number protection; exact for officials) and the token API for integrators (who am I, the
        attendance import). Forms and pages of the portal are not an API and are not described here.

        The catalogue is also published as an Open Referral HSDS 3.0 API under [{HsdsPath}]({HsdsPath}): `GET {HsdsPath}`
        answers with its version, profile and `openapi_url`, the HSDS specification's own OpenAPI document. That API is
        not described here.

        Errors are problem details (RFC 9457, `{ProblemJson}`). Token endpoints take `Authorization: Bearer fs_...`
        (a personal API token made on the account page): 401 without a valid token, 403 when its owner lacks the role.
        Rate-limited endpoints answer 429 with `Retry-After`. When the database cannot be reached the API answers 503
        with `Retry-After`; an unknown path under /api answers 404.
        """;

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "FamilyServices API";
        document.Info.Description = Description;
        document.ExternalDocs = new OpenApiExternalDocs
        {
            Description = "The catalogue as an Open Referral HSDS 3.0 API; its own OpenAPI document is named by openapi_url there.",
            Url = HsdsUrl(document),
        };

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, Problem());
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var answer in ErrorAnswers.All) document.Components.Responses[answer.Name] = Response(answer, document);
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[TokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "fs_...",
            Description = "A personal API token (account page, 'API tokens'); it acts with its owner's current roles and centres.",
        };

        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            if (description.HttpMethod is null || document.Paths is null) continue;
            if (!document.Paths.TryGetValue(PathOf(description), out var item) || item.Operations is null) continue;
            var method = item.Operations.Keys.FirstOrDefault(m => m.Method.Equals(description.HttpMethod, StringComparison.OrdinalIgnoreCase));
            if (method is null) continue;
            var operation = item.Operations[method];
            Describe(operation, description, document);
        }
        await Task.CompletedTask;
    }

    /// <summary>The document's path of an endpoint: "/" + the route, without route constraints.</summary>
    public static string PathOf(ApiDescription description) =>
        "/" + RouteConstraint().Replace(description.RelativePath ?? "", "{$1}").TrimStart('/');

    private void Describe(OpenApiOperation operation, ApiDescription description, OpenApiDocument document)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = $"{description.HttpMethod!.ToUpperInvariant()} {PathOf(description)}";
        if (ApiExamples.ByOperation.TryGetValue(key, out var example))
        {
            operation.Summary ??= example.Summary;
            AddParameters(operation, example.Query);
            if (example.Request is { } request && operation.RequestBody?.Content?.TryGetValue(request.MediaType, out var body) == true)
            {
                body.Example = JsonValue.Create(request.Body);
            }
            if (operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse okResponse)
            {
                okResponse.Content ??= new Dictionary<string, OpenApiMediaType>();
                if (!okResponse.Content.TryGetValue("application/json", out var media))
                {
                    okResponse.Content["application/json"] = media = new OpenApiMediaType();
                }
                media.Example = JsonSerializer.SerializeToNode(example.Response, example.Response.GetType(), json.Value.SerializerOptions);
            }
        }

        var metadata = description.ActionDescriptor.EndpointMetadata;
        var answers = ErrorAnswers.For(metadata, HasInput(operation), description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path));
        foreach (var answer in answers)
        {
            var status = answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(status, out var declared))
            {
                operation.Responses[status] = new OpenApiResponseReference(answer.Name, document);
            }
            else if (declared is OpenApiResponse concrete && answer.Status != StatusCodes.Status400BadRequest)
            {
                // Declared by the endpoint with its own body (an import's rows refused for another centre): the
                // platform's problem details can come as well.
                concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
                concrete.Content.TryAdd(ProblemJson, new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) });
            }
        }
        if (ErrorAnswers.IsTokenEndpoint(metadata))
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(TokenScheme, document)] = [] }];
        }
    }

    private static bool HasInput(OpenApiOperation operation) => operation.Parameters is { Count: > 0 } || operation.RequestBody is not null;

    private static void AddParameters(OpenApiOperation operation, IReadOnlyList<ApiQueryParameter> query)
    {
        if (query.Count == 0) return;
        operation.Parameters ??= [];
        foreach (var parameter in query)
        {
            var existing = operation.Parameters.OfType<OpenApiParameter>()
                .FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == parameter.Name);
            if (existing is null)
            {
                existing = new OpenApiParameter
                {
                    Name = parameter.Name, In = ParameterLocation.Query, Schema = new OpenApiSchema { Type = parameter.Type },
                };
                operation.Parameters.Add(existing);
            }
            existing.Description ??= parameter.Description;
            existing.Example = parameter.Type switch
            {
                JsonSchemaType.Integer => JsonValue.Create(int.Parse(parameter.Example, System.Globalization.CultureInfo.InvariantCulture)),
                JsonSchemaType.Boolean => JsonValue.Create(bool.Parse(parameter.Example)),
                _ => JsonValue.Create(parameter.Example),
            };
        }
    }

    private static Uri HsdsUrl(OpenApiDocument document) =>
        document.Servers?.FirstOrDefault()?.Url is { } server && Uri.TryCreate(server, UriKind.Absolute, out var root)
            ? new Uri(root, HsdsPath)
            : new Uri(HsdsPath, UriKind.Relative);

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Problem details (RFC 9457).",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it to support: the log has the details." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Per parameter, what is wrong with it, in the request's language.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    private static OpenApiResponse Response(ErrorAnswer answer, OpenApiDocument document) => new()
    {
        Description = answer.Description,
        Headers = answer.RetryAfter
            ? new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            }
            : answer.Status == StatusCodes.Status401Unauthorized
                ? new Dictionary<string, IOpenApiHeader>
                {
                    ["WWW-Authenticate"] = new OpenApiHeader { Description = "Bearer", Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                }
                : null,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new()
            {
                Schema = new OpenApiSchemaReference(ProblemSchema, document),
                Example = JsonNode.Parse(answer.ExampleJson),
            },
        },
    };

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}")]
    private static partial Regex RouteConstraint();
}

/// <summary>An error answer the portal gives on /api, with an example as it is really written.</summary>
public sealed record ErrorAnswer(int Status, string Name, string Description, string ExampleJson, bool RetryAfter = false);

/// <summary>Which error answers an API endpoint can give, from what its metadata says about it.</summary>
public static class ErrorAnswers
{
    public static readonly ErrorAnswer BadRequest = new(400, "BadRequest", "A parameter is not valid; errors says which and why.",
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"Some reach parameters are not valid.","status":400,"errors":{"year":["Enter a year from 2000 to 2100."]},"traceId":"00-4584140566806debb28c7ff662baaa44-52b313e4e41a004c-00"}""");

    public static readonly ErrorAnswer Unauthorized = new(401, "Unauthorized", "No token, or an unknown, expired or revoked one.",
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"traceId":"00-993b078f1c5cd543ce640aba4ac3bd92-4e0b56d006a6af3c-00"}""");

    public static readonly ErrorAnswer Forbidden = new(403, "Forbidden", "The token's owner does not have the role (or the centre) this needs.",
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403,"traceId":"00-1f0c2b7d9e3a4c5b8d6e7f8091a2b3c4-5d6e7f8091a2b3c4-00"}""");

    public static readonly ErrorAnswer NotFound = new(404, "NotFound", "No such item, or no such path under /api.",
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.5","title":"Not Found","status":404,"traceId":"00-ed339acb7c43ceae0d22e36fe359e7c8-0c565a3dd413c30d-00"}""");

    public static readonly ErrorAnswer TooManyRequests = new(429, "TooManyRequests", "Too many requests from this address this minute; wait Retry-After seconds.",
        """{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests","status":429,"detail":"Too many searches from your connection in a short time. Please wait a minute and try again.","traceId":"00-6b1f3e2d4c5a69788796a5b4c3d2e1f0-8796a5b4c3d2e1f0-00"}""",
        RetryAfter: true);

    public static readonly ErrorAnswer ServiceUnavailable = new(503, "ServiceUnavailable", "The database cannot be reached for a moment; try again after Retry-After seconds.",
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.6.4","title":"The service is not available for a moment.","status":503,"correlationId":"0HN8Q2J4K5L6M","traceId":"00-2c3d4e5f60718293a4b5c6d7e8f90a1b-a4b5c6d7e8f90a1b-00"}""",
        RetryAfter: true);

    public static readonly IReadOnlyList<ErrorAnswer> All = [BadRequest, Unauthorized, Forbidden, NotFound, TooManyRequests, ServiceUnavailable];

    public static bool IsTokenEndpoint(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any(a => a.AuthenticationSchemes?.Split(',').Select(s => s.Trim())
            .Contains(ApiTokenAuthenticationHandler.SchemeName) == true);

    public static bool IsRateLimited(IEnumerable<object> metadata) =>
        metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any();

    /// <summary>
    /// 400 where the caller sends parameters or a body; 401 on token endpoints, and 403 when they need a role;
    /// 404 where the path names an item; 429 where a rate limit applies; 503 everywhere (every answer reads the database).
    /// </summary>
    public static IReadOnlyList<ErrorAnswer> For(IList<object> metadata, bool hasInput, bool hasRouteParameters)
    {
        var answers = new List<ErrorAnswer>();
        if (hasInput) answers.Add(BadRequest);
        if (IsTokenEndpoint(metadata))
        {
            answers.Add(Unauthorized);
            if (metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy))) answers.Add(Forbidden);
        }
        if (hasRouteParameters) answers.Add(NotFound);
        if (IsRateLimited(metadata)) answers.Add(TooManyRequests);
        answers.Add(ServiceUnavailable);
        return answers;
    }
}
