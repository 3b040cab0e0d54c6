using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using MudBlazor.Services;

namespace FamilyServices.Web.Platform;

/// <summary>
/// The split of decision 0013: the staff, editors', Admins' and officials' pages run as interactive Blazor Server
/// pages built with MudBlazor; everything else (the parents' pages, sign-in and account flows, error pages, print
/// views) is static server rendering without MudBlazor and under the strict CSP. A page in the area that must stay
/// static (a print view) says so with [ExcludeFromInteractiveRouting]; every page outside it carries that attribute
/// too, so that the staff area's interactive router loads it afresh instead of rendering it in a circuit.
/// </summary>
public static class InteractiveArea
{
    public static readonly IReadOnlyList<string> PathPrefixes = ["/staff", "/editor", "/admin", "/officials"];

    /// <summary>
    /// No prerendering for most pages: a page runs once, in its circuit, where every handler checks the user afresh;
    /// the server answers the first request with the page's frame only (authorisation of the route still happens there).
    /// </summary>
    public static IComponentRenderMode RenderMode { get; } = new InteractiveServerRenderMode(prerender: false);

    /// <summary>
    /// For a page marked <see cref="PrerenderedInAreaAttribute"/> (decision 0022): its first answer already holds what it
    /// shows, rendered on the server for the request's account after the route's authorisation; the circuit then takes
    /// over that markup, with the page's own state carried over (persistent component state) instead of read again.
    /// </summary>
    public static IComponentRenderMode PrerenderedRenderMode { get; } = new InteractiveServerRenderMode(prerender: true);

    /// <summary>The render mode of the staff area's root components for this page request.</summary>
    public static IComponentRenderMode RenderModeFor(HttpContext context) => PrerenderedPage(context) is null ? RenderMode : PrerenderedRenderMode;

    /// <summary>What the requested page says about its prerendering, or null when it is not prerendered.</summary>
    public static PrerenderedInAreaAttribute? PrerenderedPage(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type.GetCustomAttribute<PrerenderedInAreaAttribute>(inherit: false);

    public static bool IsInAreaPath(PathString path) =>
        PathPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A page request (not an API call or a file) in the area, for a page that runs interactively.</summary>
    public static bool IsInteractivePage(HttpContext context) =>
        IsInAreaPath(context.Request.Path)
        && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
        && context.AcceptsInteractiveRouting();

    public static WebApplicationBuilder AddInteractiveArea(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            // Exception details stay in the log (with the correlation id), never in the browser, outside Development.
            .AddInteractiveServerComponents(options => options.DetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.PreventDuplicates = false;
            options.SnackbarConfiguration.VisibleStateDuration = 6000;
            options.SnackbarConfiguration.ShowCloseIcon = true;
        });
        builder.Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        return builder;
    }
}

/// <summary>
/// A page of the interactive area whose first answer is prerendered (decision 0022). The page promises what a handler
/// does: it asks <c>CurrentStaff</c> for the account as the database knows it before it reads anything (so the
/// prerender request is checked as a circuit is), it shows nothing but what it shows interactively, and it carries
/// what it read over to its circuit, so that the circuit's first render is the same markup (no flash, no second read).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PrerenderedInAreaAttribute(string? stylesheet = null) : Attribute
{
    /// <summary>
    /// The page's own stylesheet (a path under wwwroot), linked by the document itself rather than through HeadOutlet:
    /// when the circuit takes the page over it renders HeadOutlet's content afresh, which drops a stylesheet from
    /// HeadContent for a moment and lets the prerendered page jump.
    /// </summary>
    public string? Stylesheet { get; } = stylesheet;
}
