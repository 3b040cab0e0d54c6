using System.Net;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.SignIn;
using FamilyServices.Web.Features.Language;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Security;

/// <summary>
/// Every form post needs the antiforgery token: each POST endpoint, posted by each principal with its sign-in cookie
/// and the fields of the page's own form but no token, is refused and changes nothing. The API takes no cookies at
/// all (only Bearer tokens), so a cross-site form cannot use a signed-in person's session there.
/// </summary>
public class AntiforgeryTests(SecurityFixture portal) : IClassFixture<SecurityFixture>
{
    [Fact]
    public async Task Every_form_post_without_an_antiforgery_token_is_refused_and_changes_nothing()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var principal in SecurityFixture.Principals) clients[principal] = await portal.ClientAsync(principal);
        var posts = EndpointWalk.Routes(portal.Services).Where(r => r.Method == "POST" && !r.IsApi).ToList();
        posts.Should().Contain(r => r.Pattern == LanguageSwitch.Path, "the walk finds the endpoints that accept posts");
        // The one form without a token (decision 0019): same-origin only, proved in Features/LanguageSwitchTests.
        posts.RemoveAll(r => r.Pattern == LanguageSwitch.Path);
        // Read every page's forms first: a first visit may write (a roster view in the audit trail, a new authenticator
        // key waiting on the two-factor page), and that is the GET's doing, not the post's.
        var attempts = new List<(EndpointWalk.Route Route, string Path, string Principal, HttpClient Client, List<KeyValuePair<string, string>> Fields)>();
        foreach (var route in posts)
        {
            var path = EndpointWalk.Fill(portal, route, portal.A, []);
            foreach (var (principal, client) in clients)
            {
                var page = await EndpointWalk.PageAsync(client, path);
                var forms = page is null ? [] : EndpointWalk.PostForms(page, path);
                if (forms.Count == 0) forms.Add([new("_handler", "walk"), new("culture", "de"), new("status", nameof(AttendanceStatus.Present))]);
                attempts.AddRange(forms.Select(fields => (route, path, principal, client, fields)));
            }
        }
        var before = await SnapshotAsync();

        var accepted = new List<string>();
        var tried = 0;
        foreach (var (route, path, principal, client, fields) in attempts)
        {
            tried++;
            using var response = await EndpointWalk.SendAsync(client, route, path, fields);
            var outcome = EndpointWalk.Classify(response);
            if (outcome == EndpointWalk.Denied || IsBadRequest(response)) continue;
            accepted.Add($"{principal}: POST {path} ({string.Join("&", fields.Select(f => f.Key))}) answered {(int)response.StatusCode} {response.Headers.Location}");
        }

        accepted.Should().BeEmpty("a post without an antiforgery token must be refused ({0} posts tried)", tried);
        tried.Should().BeGreaterThan(posts.Count * SecurityFixture.Principals.Length, "the pages' own forms were posted, not just placeholders");
        (await SnapshotAsync()).Should().Equal(before, "nothing may change when the token is missing");
    }

    [Fact]
    public async Task The_same_post_with_the_token_goes_through_so_the_missing_token_is_what_is_refused()
    {
        using var client = await portal.ClientAsync(Roles.Editor);
        var page = await EndpointWalk.PageAsync(client, "/");
        var fields = new Dictionary<string, string> { ["from"] = "footer" };

        var without = await client.PostAsync(SignOutEndpoint.Path, new FormUrlEncodedContent(fields));
        fields["__RequestVerificationToken"] = EndpointWalk.TokenOf(page!);
        var with = await client.PostAsync(SignOutEndpoint.Path, new FormUrlEncodedContent(fields));

        IsBadRequest(without).Should().BeTrue();
        with.StatusCode.Should().Be(HttpStatusCode.Redirect);
        with.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("fs.auth=;", StringComparison.Ordinal), "the sign-out went through");
    }

    [Fact]
    public async Task A_sign_in_cookie_alone_does_not_authenticate_any_api_endpoint()
    {
        using var cookieOnly = await portal.ClientAsync(Roles.Admin);
        using var anonymous = await portal.ClientAsync("Anonymous");
        var protectedApi = new List<EndpointWalk.Route>();
        foreach (var route in EndpointWalk.Routes(portal.Services).Where(r => r.IsApi))
        {
            var path = EndpointWalk.Fill(portal, route, portal.A, []);
            using var response = await EndpointWalk.SendAsync(anonymous, route, path);
            if (EndpointWalk.Classify(response) == EndpointWalk.Denied) protectedApi.Add(route);
        }
        protectedApi.Select(r => r.Pattern).Should().Contain(["/api/v1/me", "/api/v1/reach", "/api/v1/attendance/import"]);

        foreach (var route in protectedApi)
        {
            using var response = await EndpointWalk.SendAsync(cookieOnly, route, EndpointWalk.Fill(portal, route, portal.A, []));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, $"{route.Method} {route.Pattern} with an Admin's cookie and no token");
        }
    }

    /// <summary>400, as pages answer it, or the redirect to /status/400 that form endpoints without a page get.</summary>
    private static bool IsBadRequest(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.BadRequest
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/status/400");

    private Task<List<string>> SnapshotAsync() => EndpointWalk.SnapshotAsync(portal.ConnectionString);
}
