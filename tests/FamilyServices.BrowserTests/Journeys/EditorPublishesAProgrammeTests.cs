using System.Globalization;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 13's journey: an editor creates a programme with Turkish and English texts and a weekly offering at a Kocaeli
/// centre in the MudBlazor forms and sends both to review; an Admin, in a second browser and in Turkish, publishes them
/// from a dialog (checked by axe while the dialog is open); a parent's search (the static public page) finds the
/// programme at once. The accounts are made with the operator's own command. Every page is screenshotted and checked.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EditorPublishesAProgrammeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task An_editor_creates_a_programme_an_admin_publishes_it_from_a_dialog_and_a_parent_finds_it(string viewport)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var code = $"KOC-ROBOT-{suffix}".ToUpperInvariant();
        var turkishTitle = $"Robotik kodlama atölyesi {suffix}";
        var englishTitle = $"Robotics and coding workshop {suffix}";

        // The editor works in English.
        await using var editor = await SignedInAsync("Editor", "en", viewport, "/editor/programmes");
        var page = editor.Page;
        (await editor.HeadingAsync()).Should().Be(UiStrings.Get("EditProgrammesTitle", "en"));

        await FollowInAppAsync(editor, page.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditNewProgramme", "en") }), "new-programme");
        await page.Locator("#code").FillAsync(code);
        await ChooseAsync(page, "#type", UiStrings.Get("EditTypeWorkshop", "en"));
        await ChooseAsync(page, "#categoryId", null);
        // The tabs as a keyboard user moves between them (on a phone the Turkish tab is scrolled out of sight).
        await MoveToTabAsync(page, "ArrowLeft", "Türkçe");
        await page.Locator("#title-tr").FillAsync(turkishTitle);
        await page.Locator("#summary-tr").FillAsync("Çocuklar robot yapmayı ve kodlamayı oyunla öğrenir.");
        await MoveToTabAsync(page, "ArrowRight", "English");
        await page.Locator("#title-en").FillAsync(englishTitle);
        await page.Locator("#summary-en").FillAsync("Children learn to build and program robots through play.");
        await page.Locator("#minYears").FillAsync("7");
        await page.Locator("#maxYears").FillAsync("12");
        await page.Locator("#delivery-en").CheckAsync();
        await Expect(page.Locator("[data-missing=de]")).ToBeAttachedAsync();
        await Expect(page.Locator("[data-missing=tr]")).Not.ToBeAttachedAsync(new() { Timeout = Visitor.CircuitTimeoutMs });
        await editor.ScreenshotAsync("new-programme-filled");
        await FollowInAppAsync(editor, page.Locator("#save"), "programme-created", snackbar: UiStrings.Get("EditProgrammeCreated", "en"));
        (await editor.HeadingAsync()).Should().Be(englishTitle);
        await Expect(page.Locator("[data-missing=nl]")).ToBeAttachedAsync();

        await FollowInAppAsync(editor, page.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditAddOffering", "en") }), "new-offering");
        await ChooseAsync(page, "#centreId", "Anne Şehir İzmit");
        await page.Locator("#weekday-Tuesday").CheckAsync();
        await page.Locator("#weekday-Thursday").CheckAsync();
        await page.Locator("#startTime").FillAsync("15:00");
        await page.Locator("#endTime").FillAsync("16:30");
        await page.Locator("#capacity").FillAsync("16");
        await FollowInAppAsync(editor, page.Locator("#save"), "offering-created", snackbar: UiStrings.Get("EditOfferingCreated", "en"));

        await page.Locator("#step-SendToReview").ClickAsync();
        await Expect(page.Locator("#workflow-heading ~ div .mud-chip")).ToHaveTextAsync(UiStrings.Get("EditStateInReview", "en"), new() { Timeout = Visitor.CircuitTimeoutMs });
        await ArriveAsync(editor, "offering-in-review");
        await FollowInAppAsync(editor, page.GetByRole(AriaRole.Link, new() { Name = englishTitle }), "back-to-programme");
        await page.Locator("#step-SendToReview").ClickAsync();
        await Expect(page.Locator("#workflow-heading ~ div .mud-chip")).ToHaveTextAsync(UiStrings.Get("EditStateInReview", "en"), new() { Timeout = Visitor.CircuitTimeoutMs });
        await ArriveAsync(editor, "programme-in-review");
        (await page.Locator("#step-Publish").CountAsync()).Should().Be(1, "an editor may publish too");

        // Before publication the public address does not exist, and the search does not find it.
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "tr");
        await parent.OpenAsync($"/?q={Uri.EscapeDataString(turkishTitle)}", "search-before", PageChecks.ResourceKeys);
        (await parent.Page.Locator(".card__title a", new() { HasText = turkishTitle }).CountAsync()).Should().Be(0);

        // The Admin works in Turkish in a second browser, finds the programme in review and publishes it with its offering.
        await using var admin = await SignedInAsync("Admin", "tr", viewport, "/editor/programmes?state=InReview");
        var adminPage = admin.Page;
        await FollowInAppAsync(admin, adminPage.GetByRole(AriaRole.Link, new() { Name = turkishTitle }), "review");
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditPreviewLink", "tr") }), "preview");
        (await adminPage.Locator(".preview-banner strong").InnerTextAsync()).Should().Be(UiStrings.Get("EditPreviewBanner", "tr"));
        (await admin.HeadingAsync()).Should().Be(turkishTitle);
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditBackToEditor", "tr") }), "back-to-review");

        await adminPage.Locator("#step-Publish").ClickAsync();
        var dialog = adminPage.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(UiStrings.Get("EditConfirmPublishTitle", "tr"));
        await ArriveAsync(admin, "publish-dialog", PageChecks.Accessibility | PageChecks.ResourceKeys);
        await dialog.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditStepPublish", "tr"), Exact = true }).ClickAsync();
        await Expect(adminPage.Locator(".mud-snackbar").First).ToContainTextAsync(UiStrings.Get("EditStepDonePublish", "tr"));
        await Expect(adminPage.Locator("#workflow-heading ~ div .mud-chip")).ToHaveTextAsync(UiStrings.Get("EditStatePublished", "tr"));
        await ArriveAsync(admin, "programme-published");

        await FollowInAppAsync(admin, adminPage.Locator("#offerings-heading ~ * a[href^='/editor/offerings/']").First, "offering");
        await adminPage.Locator("#step-Publish").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditStepPublish", "tr"), Exact = true }).ClickAsync();
        await Expect(adminPage.Locator("#workflow-heading ~ div .mud-chip")).ToHaveTextAsync(UiStrings.Get("EditStatePublished", "tr"), new() { Timeout = Visitor.CircuitTimeoutMs });
        await ArriveAsync(admin, "offering-published");
        await FollowInAppAsync(admin, adminPage.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditHistoryLink", "tr") }), "offering-history");
        await Expect(adminPage.Locator("ol.history > li").First).ToContainTextAsync(UiStrings.Get("EditActionPublished", "tr"));

        // A parent's search finds it at once, in Turkish.
        await parent.OpenAsync($"/?q={Uri.EscapeDataString(turkishTitle)}", "search-after");
        var card = parent.Page.Locator(".card__title a", new() { HasText = turkishTitle });
        (await card.CountAsync()).Should().Be(1);
        await parent.FollowAsync(card, "programme-page");
        (await parent.HeadingAsync()).Should().Be(turkishTitle);
        (await parent.Page.Locator(".offering__centre").AllInnerTextsAsync()).Should().Equal("Anne Şehir İzmit");
        var days = string.Join(", ", new[] { DayOfWeek.Tuesday, DayOfWeek.Thursday }.Select(d => CultureInfo.GetCultureInfo("tr").DateTimeFormat.GetDayName(d)));
        (await parent.Page.Locator(".offering__schedule").InnerTextAsync()).Should().Contain(days);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>
    /// <see cref="Visitor.FollowInAppAsync"/>, with the keyboard's starting point put back where a page load leaves it
    /// (Chromium keeps it where the clicked element was, and the keyboard check starts with the skip link).
    /// </summary>
    private static async Task FollowInAppAsync(Visitor visitor, ILocator target, string step, PageChecks checks = PageChecks.All, string? snackbar = null)
    {
        var before = visitor.Page.Url;
        await target.ClickAsync();
        await visitor.Page.WaitForURLAsync(url => url != before);
        if (snackbar is not null) await Expect(visitor.Page.Locator(".mud-snackbar").First).ToContainTextAsync(snackbar);
        await ArriveAsync(visitor, step, checks);
    }

    /// <summary>From the open language tab to its neighbour with an arrow key, as the tab list's keyboard use goes.</summary>
    private static async Task MoveToTabAsync(IPage page, string arrow, string language)
    {
        await page.GetByRole(AriaRole.Tab, new() { Selected = true }).FocusAsync();
        await page.Keyboard.PressAsync(arrow);
        await Expect(page.GetByRole(AriaRole.Tab).Filter(new() { HasText = language })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Selected = true })).ToContainTextAsync(language, new() { IgnoreCase = true });
    }

    /// <summary>
    /// <see cref="Visitor.ArriveAsync"/> after a change in the page (a step taken), from the top of the page for the
    /// keyboard, once the outcome's snackbar is closed (the staff layout puts its close button before the skip link).
    /// </summary>
    private static async Task ArriveAsync(Visitor visitor, string step, PageChecks checks = PageChecks.All)
    {
        if (checks.HasFlag(PageChecks.Keyboard))
        {
            // Read, then closed, as a person does (a snackbar under the pointer would wait for it to move away).
            foreach (var close in await visitor.Page.Locator(".mud-snackbar .mud-snackbar-close-button").AllAsync()) await close.ClickAsync();
            await Expect(visitor.Page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = Visitor.CircuitTimeoutMs });
        }
        await visitor.Page.EvaluateAsync("""
            () => {
                const body = document.body;
                body.setAttribute('tabindex', '-1');
                body.focus({ preventScroll: true });
                body.blur();
                body.removeAttribute('tabindex');
            }
            """);
        await visitor.ArriveAsync(step, checks);
    }

    /// <summary>
    /// Chooses in a MudSelect the way a person does: opens its list and clicks the option named
    /// <paramref name="option"/> (the first real choice when null).
    /// </summary>
    private static async Task ChooseAsync(IPage page, string select, string? option)
    {
        await page.Locator(select).Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        var choice = option is null ? options.First : options.Filter(new() { HasText = option }).First;
        await choice.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).Not.ToBeVisibleAsync();
    }

    /// <summary>An account made with the operator's command, signed in through the sign-in page that the first address leads to.</summary>
    private async Task<Visitor> SignedInAsync(string role, string language, string viewport, string firstPath)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", role, "--name", $"{role} {language}");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var visitor = await browser.NewVisitorAsync(Viewport.Named(viewport), language: language,
            test: $"An_editor_creates_a_programme_an_admin_publishes_it_from_a_dialog_and_a_parent_finds_it__{role.ToLowerInvariant()}");
        var page = visitor.Page;
        await visitor.OpenAsync(firstPath, "sign-in-required");
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await visitor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", language) }), "own-password");
        await visitor.ChooseOwnPasswordAsync(password, "signed-in");
        new Uri(page.Url).AbsolutePath.Should().Be(firstPath.Split('?')[0]);
        return visitor;
    }
}
