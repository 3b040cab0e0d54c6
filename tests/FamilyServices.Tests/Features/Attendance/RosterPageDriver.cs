using AngleSharp.Dom;
using Bunit;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using MudBlazor;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>How the bunit tests work a rendered roster: as a person would, by its rows, fields and buttons.</summary>
internal static class RosterPageDriver
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Renders the roster of a session and waits until it has loaded (rows, the headcount or a message).</summary>
    public static IRenderedComponent<RosterPage> OpenRoster(this BunitContext context, Session session)
    {
        var page = context.Render<RosterPage>(p => p.Add(x => x.SessionId, session.Id));
        page.WaitForAssertion(() => page.FindAll("li.roster-row, #save-headcount, .mud-alert").Should().NotBeEmpty(), Wait);
        return page;
    }

    public static IElement Row(this IRenderedComponent<RosterPage> page, Participant child) => page.Find($"li[data-participant='{child.Id}']");

    /// <summary>Ticks one of a child's marks (a click on the radio).</summary>
    public static void Tick(this IRenderedComponent<RosterPage> page, Participant child, AttendanceStatus status) =>
        page.Press($"li[data-participant='{child.Id}'] input[data-status='{status}']");

    /// <summary>Opens one of the page's folded sections (add a child, cancel), as a click on its header does.</summary>
    public static void Expand(this IRenderedComponent<RosterPage> page, string panelId) => page.Press($"#{panelId} .mud-expand-panel-header");

    /// <summary>
    /// Clicks a button once the page's previous action has finished (a form's buttons are disabled while one runs),
    /// finding it afresh on the renderer, so a render in between does not leave a stale element.
    /// </summary>
    public static void Press(this IRenderedComponent<RosterPage> page, string selector)
    {
        page.WaitForAssertion(() => page.Find(selector).HasAttribute("disabled").Should().BeFalse(), Wait);
        page.InvokeAsync(() => page.Find(selector).Click()).GetAwaiter().GetResult();
    }

    /// <summary>Chooses an option of a MudSelect by its label, as a click on the option does.</summary>
    public static Task ChooseAsync(this IRenderedComponent<RosterPage> page, string label, int value)
    {
        var select = page.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Label == label);
        return page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    public static Task ConsentAsync(this IRenderedComponent<RosterPage> page)
    {
        var consent = page.FindComponent<MudCheckBox<bool>>();
        return page.InvokeAsync(() => consent.Instance.ValueChanged.InvokeAsync(true));
    }
}
