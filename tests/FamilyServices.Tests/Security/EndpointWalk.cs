using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Security;

/// <summary>
/// What the security walks share: every endpoint the portal maps (route pattern and method), its route filled from
/// the seeded city, and how an answer counts: allowed, denied, not found, or the frame of an interactive page.
/// </summary>
public static partial class EndpointWalk
{
    public const string Allowed = "allow";
    public const string Denied = "deny";
    public const string NotFound = "404";
    public const string NoScope = "—";

    /// <summary>
    /// A 200 that carries only the frame of an interactive page (the document, the Blazor server marker, no content):
    /// the route's authorisation let the request through, and everything else happens over the circuit.
    /// </summary>
    public const string Frame = "frame";

    /// <summary>
    /// One row of the table: a route pattern and one of its methods, and whether the route is a page of the interactive
    /// staff area (decision 0013), whose GET answers the frame only and whose handlers run over the circuit.
    /// </summary>
    public sealed record Route(string Pattern, string Method, bool Interactive = false)
    {
        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>
    /// Every route endpoint with each of its methods. HEAD and OPTIONS are left out (HEAD runs the GET endpoint,
    /// OPTIONS is not served); so are the framework's own endpoints under "/_" (none are mapped today, static SSR has
    /// no /_framework or /_blazor). Static files are served by middleware, not endpoints, so they never appear.
    /// </summary>
    public static List<Route> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // wwwroot's files and the packages' (MapStaticAssets): public by design, not endpoints of the portal's own.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"],
                Interactive: IsInteractivePage(e)))
            .Where(e => !e.Pattern.StartsWith("/_", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Where(m => m is not ("HEAD" or "OPTIONS")).Select(m => new Route(e.Pattern, m, e.Interactive)))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    /// <summary>A page of the staff area that is not excluded from interactive routing (as the print view is), as the portal decides it.</summary>
    private static bool IsInteractivePage(RouteEndpoint endpoint) =>
        InteractiveArea.IsInAreaPath("/" + endpoint.RoutePattern.RawText!.TrimStart('/'))
        && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && endpoint.Metadata.GetMetadata<ExcludeFromInteractiveRoutingAttribute>() is null;

    /// <summary>The route's path with its parameters pointing at the rows of one centre; unknown parameters are listed.</summary>
    public static string Fill(SecurityFixture city, Route route, SecurityFixture.CityData data, List<string> unknown) =>
        ParameterRegex().Replace(route.Pattern, match =>
        {
            var value = ValueFor(city, route.Pattern, match.Groups["name"].Value, data);
            if (value is null) unknown.Add($"{{{match.Groups["name"].Value}}} in {route.Pattern}");
            return value ?? "0";
        }) + QueryFor(route.Pattern, data);

    /// <summary>Pages that need a query string to show anything: what they are about.</summary>
    private static string QueryFor(string pattern, SecurityFixture.CityData data) => pattern switch
    {
        "/report" or "/report/sent" => $"?programme={data.Programme.Slug}",
        "/editor/proposals/new" => $"?programme={data.Programme.Id}",
        _ => "",
    };

    private static string? ValueFor(SecurityFixture city, string pattern, string name, SecurityFixture.CityData data)
    {
        bool Under(string prefix) => pattern.StartsWith(prefix, StringComparison.Ordinal);
        object? value = name.ToLowerInvariant() switch
        {
            "code" when Under("/centres/") => data.Centre.Code,
            "code" when Under("/calendar/offerings/") => data.Offering.Code,
            "slug" => data.Programme.Slug,
            "sessionid" => data.Session.Id,
            "participantid" => data.Child.Id,
            "programmeid" => data.Programme.Id,
            // The status page takes any code and answers with it; 200 shows it is reachable.
            "statuscode" => 200,
            "documentname" => "v1",
            "id" when Under("/admin/users/") => city.AccountIds[Roles.CentreStaff],
            "id" when Under("/editor/categories/") => city.CategoryId,
            "id" when Under("/editor/centres/") => data.Centre.Id,
            "id" when Under("/editor/districts/") => city.DistrictId,
            "id" when Under("/editor/offerings/") => data.Offering.Id,
            "id" when Under("/editor/organisations/") => city.OrganisationId,
            "id" when Under("/editor/programmes/") => data.Programme.Id,
            // The open-data API names everything by its HSDS id; the vocabulary's taxonomy and terms always exist.
            "id" when Under("/hsds/services/") => data.Programme.OpenDataId,
            "id" when Under("/hsds/service_at_locations/") => data.Offering.OpenDataId,
            "id" when Under("/hsds/organizations/") => city.OrganisationOpenDataId,
            "id" when Under("/hsds/taxonomies/") => Web.Features.OpenData.Hsds.PortalVocabulary.TaxonomyId,
            "id" when Under("/hsds/taxonomy_terms/") => Web.Features.OpenData.Hsds.PortalVocabulary.TermId(Web.Features.OpenData.Hsds.PortalVocabulary.Code),
            _ => null,
        };
        return value is null ? null : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex ParameterRegex();

    /// <summary>
    /// Allowed: the request passed the access rules (a page, a file, a redirect elsewhere, or a 400/413/415 from a
    /// check made after them, such as antiforgery). Denied: 401, 403, or a redirect to sign-in or to /status/403.
    /// Not found: 404 (how the portal hides other centres' rows). Anything else (5xx) is named as it is.
    /// </summary>
    public static string Classify(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is 401 or 403) return Denied;
        if (code == 404) return NotFound;
        if (code is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return path switch
            {
                "/account/sign-in" or "/status/401" or "/status/403" => Denied,
                "/status/404" => NotFound,
                "/error" => $"{code}→/error",
                _ => Allowed,
            };
        }
        return code >= 500 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : Allowed;
    }

    /// <summary>As <see cref="Classify"/>, but a 200 that is only the frame of an interactive page counts as <see cref="Frame"/>.</summary>
    public static async Task<string> ClassifyAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.OK && IsFrame(await response.Content.ReadAsStringAsync()) ? Frame : Classify(response);

    /// <summary>
    /// The frame of an interactive page: the server's marker for a component it leaves to the circuit, and nothing of
    /// the page itself (no heading, no main content, no form that posts; the reconnect notice's reload forms are GETs):
    /// without prerendering the page runs only in its circuit.
    /// </summary>
    public static bool IsFrame(string html) =>
        html.Contains("<!--Blazor:", StringComparison.Ordinal)
        && html.Contains("\"type\":\"server\"", StringComparison.Ordinal)
        && !html.Contains("<h1", StringComparison.OrdinalIgnoreCase)
        && !html.Contains("<main", StringComparison.OrdinalIgnoreCase)
        && !PostingFormRegex().IsMatch(html);

    [GeneratedRegex(@"<form[^>]*method\s*=\s*[""']?post", RegexOptions.IgnoreCase)]
    private static partial Regex PostingFormRegex();

    /// <summary>
    /// Sends one request as a browser or script would, but without an antiforgery token: a GET, or a POST of the
    /// fields of the page's own form (or a placeholder field when there is no such page); the API import gets an empty CSV.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Route route, string path, IEnumerable<KeyValuePair<string, string>>? fields = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        if (route.Method != "GET")
        {
            request.Content = route.IsApi
                ? new StringContent("", Encoding.UTF8, "text/csv")
                : new FormUrlEncodedContent(fields ?? [new("_handler", "walk"), new("walk", "1")]);
        }
        return await client.SendAsync(request);
    }

    /// <summary>
    /// The fields of each form of a page that posts to the page itself (hidden ones and the form name included, ticked
    /// boxes only), without the antiforgery token. Forms posting elsewhere (language switch, sign-out) are left out.
    /// </summary>
    public static List<List<KeyValuePair<string, string>>> PostForms(HtmlDocument page, string path)
    {
        var forms = new List<List<KeyValuePair<string, string>>>();
        foreach (var form in page.DocumentNode.SelectNodes("//form[translate(@method,'POST','post')='post']") ?? Enumerable.Empty<HtmlNode>())
        {
            var action = HtmlEntity.DeEntitize(form.GetAttributeValue("action", ""));
            if (action.Length > 0 && action.Split('?')[0] != path.Split('?')[0]) continue;
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var input in form.SelectNodes(".//input[@name]|.//textarea[@name]|.//select[@name]") ?? Enumerable.Empty<HtmlNode>())
            {
                var name = input.GetAttributeValue("name", "");
                if (name == "__RequestVerificationToken") continue;
                var type = input.GetAttributeValue("type", "text");
                if (type is "checkbox" or "radio" && !input.Attributes.Contains("checked")) continue;
                if (type is "file" or "submit") continue;
                var value = input.Name == "select"
                    ? input.SelectSingleNode(".//option[@selected]")?.GetAttributeValue("value", "") ?? input.SelectSingleNode(".//option")?.GetAttributeValue("value", "") ?? ""
                    : input.Name == "textarea" ? HtmlEntity.DeEntitize(input.InnerText) : HtmlEntity.DeEntitize(input.GetAttributeValue("value", type is "checkbox" ? "on" : ""));
                fields.Add(new(name, value));
            }
            forms.Add(fields);
        }
        return forms;
    }

    public static async Task<HtmlDocument?> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html"
            ? await Html.ParseAsync(response)
            : null;
    }

    public static string TokenOf(HtmlDocument page) => page.AntiforgeryToken();

    /// <summary>
    /// A valid antiforgery token of the client's user, from a static page that has a form: the home page's sign-out form
    /// for a signed-in user, the sign-in form for a visitor (the language switch carries none, decision 0019).
    /// </summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var home = await PageAsync(client, "/") ?? throw new InvalidOperationException("The home page did not answer with a page.");
        if (home.DocumentNode.SelectSingleNode("//input[@name='__RequestVerificationToken']") is not null) return TokenOf(home);
        return TokenOf(await PageAsync(client, "/account/sign-in") ?? throw new InvalidOperationException("The sign-in page did not answer with a page."));
    }

    /// <summary>A fingerprint of every table, except the ones that change by reading (key ring, token use times).</summary>
    public static async Task<List<string>> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' "
            + "and table_name not in ('data_protection_keys', 'api_tokens') order by table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var prints = new List<string>();
        foreach (var table in tables)
        {
            await using var hash = new NpgsqlCommand($"select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \"{table}\" t", connection);
            prints.Add($"{table}: {await hash.ExecuteScalarAsync()}");
        }
        return prints;
    }
}
