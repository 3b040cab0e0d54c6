using Bunit;
using Bunit.Extensions.WaitForHelpers;
using Bunit.Rendering;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// An Admin page (users, audit trail, children's data) rendered as its circuit runs it, with MudBlazor's dialog and
/// popover providers, and the ways an Admin's rights change behind the page's back: in the database, never in the
/// principal the circuit holds.
/// </summary>
public abstract class AdminPageTest(TestWorld world) : InteractivePageTest(world)
{
    /// <summary>Data loads asynchronously against a real database on a busy machine.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private IRenderedComponent<MudDialogProvider>? _dialogs;

    /// <summary>Where the page's dialogs render.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs => _dialogs ?? throw new InvalidOperationException("Open a page first.");

    /// <summary>Renders the providers a MudBlazor page needs (as the staff layout does), then the page.</summary>
    protected IRenderedComponent<TPage> Open<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null) where TPage : IComponent
    {
        if (_dialogs is null)
        {
            Render<MudPopoverProvider>();
            _dialogs = Render<MudDialogProvider>();
        }
        return parameters is null ? Render<TPage>() : Render<TPage>(parameters);
    }

    /// <summary>Presses the button of the open dialog that says <paramref name="buttonText"/>.</summary>
    protected void AnswerDialog(string buttonText)
    {
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("button").Select(b => b.TextContent.Trim()).Should().Contain(buttonText), Wait);
        // On a busy machine a click can come too early for the dialog: while it is still opening, it renders again and
        // the click names a handler that is gone, or its answer is not taken. The button as it is then is pressed
        // again, which is harmless once the dialog has its answer.
        for (var attempt = 1; ; attempt++)
        {
            Press(buttonText);
            try
            {
                Dialogs.WaitForAssertion(() => Dialogs.FindAll(".mud-dialog").Should().BeEmpty(), attempt < 3 ? Wait / 3 : Wait);
                return;
            }
            catch (WaitForFailedException) when (attempt < 3 && Dialogs.FindAll("button").Any(b => b.TextContent.Trim() == buttonText))
            {
            }
        }
    }

    private void Press(string buttonText)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Waited for, not only started: a failed click leaves its exception in the renderer until the next
                // click runs, and a wait begun before then would report that stale failure.
                var click = Dialogs.FindAll("button").Last(b => b.TextContent.Trim() == buttonText).ClickAsync(new MouseEventArgs());
                if (!click.Wait(Wait)) throw new TimeoutException($"The click on \"{buttonText}\" did not finish within {Wait}.");
                return;
            }
            catch (Exception e) when (attempt < 5 && (e is UnknownEventHandlerIdException || e.InnerException is UnknownEventHandlerIdException))
            {
            }
        }
    }

    /// <summary>The text of the open dialog.</summary>
    protected string DialogText()
    {
        Dialogs.WaitForAssertion(() => Dialogs.FindAll(".mud-dialog").Should().NotBeEmpty(), Wait);
        return Dialogs.Find(".mud-dialog").TextContent;
    }

    /// <summary>Clicks an element of the page as it is now (found and clicked in one go, between two renders).</summary>
    protected static void Click<TPage>(IRenderedComponent<TPage> page, string selector) where TPage : class, IComponent =>
        page.InvokeAsync(() => page.Find(selector).Click()).GetAwaiter().GetResult();

    /// <summary>
    /// Types into an input of the page as it is now (found and changed in one go, between two renders: an element
    /// found before a render may carry an event handler id the renderer has dropped since). The input is focused first,
    /// as a user's would be: MudBlazor resets the text of an unfocused input to its bound value whenever the page
    /// renders, so a render during a debounced field's wait would drop what was typed.
    /// </summary>
    protected static void TypeInto<TPage>(IRenderedComponent<TPage> page, string selector, string value) where TPage : class, IComponent
    {
        page.InvokeAsync(() =>
        {
            var input = page.Find(selector);
            if (input.HasAttribute("blazor:onfocus")) input.Focus();
        }).GetAwaiter().GetResult();
        page.InvokeAsync(() => page.Find(selector).Input(value)).GetAwaiter().GetResult();
    }

    /// <summary>Chooses a value in the MudSelect whose input has the id <paramref name="inputId"/>, as picking it from its list does.</summary>
    protected static void Choose<TPage, TValue>(IRenderedComponent<TPage> page, string inputId, TValue value) where TPage : class, IComponent
    {
        // A page renders its selects once its data has loaded, which can come after the element a test waited for.
        IRenderedComponent<MudSelect<TValue>>? select = null;
        page.WaitForAssertion(() =>
        {
            select = page.FindComponents<MudSelect<TValue>>().SingleOrDefault(s => s.Instance.GetState(x => x.InputId) == inputId);
            select.Should().NotBeNull($"the page shows the select {inputId}");
        }, Wait);
        page.InvokeAsync(() => select!.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    /// <summary>Ticks or unticks the checkbox labelled <paramref name="label"/>.</summary>
    protected static void Tick<TPage>(IRenderedComponent<TPage> page, string label, bool on) where TPage : class, IComponent
    {
        var box = page.FindComponents<MudCheckBox<bool>>().Single(c => c.Instance.Label == label);
        page.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(on)).GetAwaiter().GetResult();
    }

    /// <summary>Takes a role away from an account in the database (a page already open keeps its old principal).</summary>
    protected async Task RemoveRoleAsync(TestWorld.Account account, string role)
    {
        await using var scope = World.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(account.Id))!;
        (await users.RemoveFromRoleAsync(user, role)).Succeeded.Should().BeTrue();
    }

    /// <summary>Deactivates an account in the database, as another Admin would.</summary>
    protected async Task DeactivateInDatabaseAsync(TestWorld.Account account)
    {
        await using var db = World.NewDb();
        await db.Users.Where(u => u.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false));
    }
}
