using System.Reflection;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace FamilyServices.Tests.Architecture;

/// <summary>
/// The split of decision 0013, page by page: every page under /staff, /editor, /admin and /officials runs
/// interactively and requires a signed-in role; every other page is static and excluded from interactive routing (so
/// the staff area's router loads it afresh instead of running it in a circuit). Print views may stay static.
/// </summary>
public sealed class InteractiveAreaTests
{
    /// <summary>Pages in the area that stay static server-rendered, and why.</summary>
    private static readonly Dictionary<string, string> StaticInArea = new()
    {
        ["/officials/reach/print"] = "a print view: plain HTML for the printer, no circuit",
        ["/editor/programmes/{Id:int}/preview"] = "the public programme page's own rendering (public stylesheet, strict CSP) for a draft, no circuit",
    };

    public static IEnumerable<(Type Page, string Route)> Pages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    [Fact]
    public void Every_page_in_the_staff_area_is_interactive_and_needs_a_role()
    {
        var pages = Pages().Where(p => InteractiveArea.IsInAreaPath("/" + p.Route.TrimStart('/')) && !StaticInArea.ContainsKey(p.Route)).ToList();

        pages.Should().NotBeEmpty();
        pages.Where(p => p.Page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is not null)
            .Select(p => p.Route).Should().BeEmpty("pages of the staff area run in a circuit with MudBlazor");
        pages.Where(p => p.Page.GetCustomAttribute<AuthorizeAttribute>() is not { Roles.Length: > 0 })
            .Select(p => p.Route).Should().BeEmpty("every staff page names the roles that may open it");
    }

    [Fact]
    public void Every_other_page_is_static()
    {
        var pages = Pages().Where(p => !InteractiveArea.IsInAreaPath("/" + p.Route.TrimStart('/')) || StaticInArea.ContainsKey(p.Route)).ToList();

        pages.Should().Contain(p => p.Route == "/");
        pages.Where(p => p.Page.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
            .Select(p => p.Route).Should().BeEmpty("public, account and error pages are static server rendering without MudBlazor (decision 0013)");
    }
}
