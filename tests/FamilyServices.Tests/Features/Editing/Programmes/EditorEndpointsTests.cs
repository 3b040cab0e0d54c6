using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// Walks every editor page the portal maps: none may be reached without signing in, and none by an official.
/// A new editor route fails the first test until it is added to <see cref="KnownRoutes"/> (and checked by a test of its own).
/// </summary>
public partial class EditorEndpointsTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    private static readonly string[] KnownRoutes =
    [
        "/editor/programmes",
        "/editor/programmes/new",
        "/editor/programmes/{Id:int}",
        "/editor/programmes/{Id:int}/preview",
        "/editor/programmes/{Id:int}/history",
        "/editor/programmes/{ProgrammeId:int}/offerings/new",
        "/editor/offerings/{Id:int}",
        "/editor/offerings/{Id:int}/history",
        "/editor/translations",
    ];

    private List<string> EditorRoutes() => portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(route => route.StartsWith("/editor/programmes", StringComparison.Ordinal) || route.StartsWith("/editor/offerings", StringComparison.Ordinal)
            || route == "/editor/translations")
        .Distinct()
        .ToList();

    [Fact]
    public void Every_programme_and_offering_editor_route_is_known()
    {
        EditorRoutes().Should().BeEquivalentTo(KnownRoutes);
    }

    [Fact]
    public async Task No_editor_page_opens_without_signing_in_or_for_an_official()
    {
        using var anonymous = await portal.ClientAsync();
        using var official = await portal.ClientAsync(portal.Official);

        foreach (var route in EditorRoutes())
        {
            var path = Parameter().Replace(route, "1");
            var signIn = await anonymous.GetAsync(path);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            signIn.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in", path);

            var refused = await official.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            refused.Headers.Location!.AbsolutePath.Should().Be("/status/403", path);
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
