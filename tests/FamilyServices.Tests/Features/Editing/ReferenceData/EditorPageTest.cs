using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// An editor page rendered as in its circuit (see <see cref="InteractivePageTest"/>), with MudBlazor's dialog, snackbar
/// and popover providers beside it, and the few ways a person uses it: type into a box, choose from a list, press a
/// button, wait for the result.
/// </summary>
public abstract class EditorPageTest<TWorld> : InteractivePageTest where TWorld : TestWorld
{
    /// <summary>Generous: the tests share a 2-core machine with builds and other suites.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    protected EditorPageTest(TWorld world) : base(world)
    {
        // The texts the tests expect are the English ones, whatever the machine's language.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    protected new TWorld World => (TWorld)base.World;

    /// <summary>Where MudBlazor renders open dialogs.</summary>
    protected IRenderedComponent<MudDialogProvider> DialogHost { get; private set; } = null!;

    // Set once by the first Open.

    /// <summary>Where MudBlazor renders snackbars.</summary>
    protected IRenderedComponent<MudSnackbarProvider> SnackbarHost { get; private set; } = null!;

    /// <summary>The page at <paramref name="uri"/> (its query string is read by the page), rendered once it has read its data.</summary>
    protected IRenderedComponent<TPage> Open<TPage>(string uri, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : class, IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(uri);
        if (DialogHost is null)
        {
            // Snackbars stay until closed, so a busy machine cannot miss one; the same message twice shows twice, as in the portal.
            var snackbars = Services.GetRequiredService<ISnackbar>().Configuration;
            (snackbars.RequireInteraction, snackbars.ShowTransitionDuration, snackbars.HideTransitionDuration, snackbars.PreventDuplicates) = (true, 0, 0, false);
            DialogHost = Render<MudDialogProvider>();
            SnackbarHost = Render<MudSnackbarProvider>();
            Render<MudPopoverProvider>();
        }
        var page = Render(parameters);
        page.WaitForAssertion(() => page.FindAll(".mud-progress-linear").Should().BeEmpty("the page has read its data"), Patience);
        return page;
    }

    /// <summary>
    /// Waits until <paramref name="assertion"/> holds, checking every tenth of a second (what it looks at may render
    /// elsewhere: in a dialog, a snackbar, the database).
    /// </summary>
    protected Task EventuallyAsync(Action assertion) => EventuallyAsync(() =>
    {
        assertion();
        return Task.CompletedTask;
    });

    /// <summary>The same for a check that reads the database.</summary>
    protected async Task EventuallyAsync(Func<Task> assertion)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
            catch (Exception) when (Renderer.UnhandledException.IsCompletedSuccessfully)
            {
                // A handler failed: that, not the assertion, is what went wrong.
                throw new InvalidOperationException("A page handler threw.", await Renderer.UnhandledException);
            }
        }
    }

    /// <summary>The text of every snackbar shown so far.</summary>
    protected string Snackbars => SnackbarHost.Markup;
}

/// <summary>
/// Using a rendered page as a person would. Finding an element and acting on it happen in one turn of the renderer
/// (InvokeAsync), so a render in between cannot leave the action on a stale element.
/// </summary>
public static class PageUse
{
    /// <summary>Types <paramref name="value"/> into the box whose input has the id <paramref name="id"/> (the form's field name).</summary>
    public static Task TypeAsync<TPage>(this IRenderedComponent<TPage> page, string id, string value) where TPage : class, IComponent =>
        page.InvokeAsync(() => page.Find($"#{id}").Input(value));

    /// <summary>Chooses <paramref name="value"/> in the list whose input has the id <paramref name="id"/>.</summary>
    public static async Task ChooseAsync<TPage>(this IRenderedComponent<TPage> page, string id, string value) where TPage : class, IComponent
    {
        var select = page.FindComponents<MudSelect<string>>().Single(s => s.FindAll($"#{id}").Count > 0);
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    /// <summary>Presses the page's button whose text starts with <paramref name="text"/> (the first, if several).</summary>
    public static Task PressAsync<TPage>(this IRenderedComponent<TPage> page, string text) where TPage : class, IComponent =>
        page.ClickAsync(() => page.FindAll("button"), text);

    /// <summary>Presses the button whose text starts with <paramref name="text"/> among those <paramref name="buttons"/> finds now.</summary>
    public static Task ClickAsync<THost>(this IRenderedComponent<THost> host, Func<IEnumerable<IElement>> buttons, string text) where THost : class, IComponent =>
        host.InvokeAsync(() => Button(buttons(), text).Click());

    public static IElement Button(IEnumerable<IElement> buttons, string text)
    {
        var all = buttons.ToList();
        return all.FirstOrDefault(b => b.TextContent.Trim().StartsWith(text, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button “{text}” among: {string.Join(" | ", all.Select(b => b.TextContent.Trim()))}");
    }

    /// <summary>The value the box with the id shows.</summary>
    public static string ValueOf<TPage>(this IRenderedComponent<TPage> page, string id) where TPage : class, IComponent =>
        page.Find($"#{id}").GetAttribute("value") ?? "";
}
