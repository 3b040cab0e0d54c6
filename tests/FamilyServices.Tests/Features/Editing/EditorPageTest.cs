using System.Globalization;
using Bunit;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace FamilyServices.Tests.Features.Editing;

/// <summary>
/// An editor page rendered as its circuit runs it (see <see cref="InteractivePageTest"/>), in English, with MudBlazor's
/// providers rendered first: dialogs appear in <see cref="Dialogs"/>, and the snackbar's messages are readable.
/// </summary>
public abstract class EditorPageTest : InteractivePageTest
{
    /// <summary>Generous: the page reads and writes the real database, on a busy machine.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected EditorPageTest(EditorWorld world) : base(world)
    {
        Editors = world;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
    }

    protected EditorWorld Editors { get; }

    /// <summary>Where MudBlazor shows dialogs (confirm, conflict).</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; }

    protected IEnumerable<string> Snackbars => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "");

    protected string CurrentPath => new Uri(Services.GetRequiredService<NavigationManager>().Uri).AbsolutePath;

    protected string T(string key, params object[] arguments) => Editors.Texts[key, arguments];

    /// <summary>
    /// Types into a text field as a person does (every keystroke reaches the page). Found and changed in one go on the
    /// renderer: validation as you type re-renders the page, and an element found before that render may carry an
    /// event handler the renderer has dropped since.
    /// </summary>
    protected static void Type(IRenderedComponent<IComponent> page, string inputId, string text) =>
        page.InvokeAsync(() => page.Find($"#{inputId}").Input(text)).GetAwaiter().GetResult();

    /// <summary>Clicks an element of the page as it is now (found and clicked in one go, for the same reason as <see cref="Type"/>).</summary>
    protected static void Click(IRenderedComponent<IComponent> page, string selector) =>
        page.InvokeAsync(() => page.Find(selector).Click()).GetAwaiter().GetResult();

    /// <summary>Chooses a value of a MudSelect (its list opens in a popover; the choice is what the page receives).</summary>
    protected static void Choose(IRenderedComponent<IComponent> page, string inputId, string value)
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId);
        select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    /// <summary>Clicks the button of the open dialog whose text is <paramref name="text"/>.</summary>
    protected void ClickInDialog(string text)
    {
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("button").Should().Contain(b => b.TextContent.Trim() == text), Patience);
        Dialogs.FindAll("button").First(b => b.TextContent.Trim() == text).Click();
    }
}
