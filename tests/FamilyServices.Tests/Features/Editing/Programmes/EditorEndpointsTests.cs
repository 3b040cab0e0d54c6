using System.Net;
using System.Text.RegularExpressions;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// Walks every programme and offering editor page the portal maps: none opens without signing in, none for an
/// official (the first request checks the page's roles; every handler checks the account again). A new editor route
/// fails the first test until it is added to <see cref="KnownRoutes"/> (and checked by a test of its own).
/// </summary>
public partial class EditorEndpointsTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    private static readonly string[] KnownRoutes =
    [
        "/editor",
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

    private List<string> EditorRoutes() => world.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(route => route == "/editor" || route.StartsWith("/editor/programmes", StringComparison.Ordinal)
            || route.StartsWith("/editor/offerings", StringComparison.Ordinal) || route == "/editor/translations")
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
        using var anonymous = await world.ClientAsync(null);
        using var official = await world.ClientAsync(world.Official);

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

    [Fact]
    public async Task An_editor_page_answers_its_frame_and_runs_in_a_circuit()
    {
        using var editor = await world.ClientAsync(world.Editor);

        var html = await editor.GetStringAsync(ProgrammeListPage.Path);

        // Fingerprinted addresses (MapStaticAssets): _framework/blazor.web.{fingerprint}.js, MudBlazor.min.{fingerprint}.css.
        html.Should().Contain("_framework/blazor.web.").And.Contain("_content/MudBlazor/MudBlazor.min.");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
