using System.Globalization;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 7's journey: an editor creates a programme with Turkish and English texts and a weekly offering at a Kocaeli
/// centre and sends both to review; an admin publishes them; a parent's search finds the programme at once.
/// The accounts are made with the operator's own command. Every page is screenshotted and checked.
/// </summary>
[Collection(BrowserCollection.Name)]
public class EditorPublishesAProgrammeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task An_editor_creates_a_programme_an_admin_publishes_it_and_a_parent_finds_it(string viewport)
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var code = $"KOC-ROBOT-{suffix}".ToUpperInvariant();
        var turkishTitle = $"Robotik kodlama atölyesi {suffix}";
        var englishTitle = $"Robotics and coding workshop {suffix}";

        // The editor works in English.
        await using var editor = await SignedInAsync("Editor", "en", viewport, "/editor/programmes");
        var page = editor.Page;
        (await editor.HeadingAsync()).Should().Be(UiStrings.Get("EditProgrammesTitle", "en"));

        await editor.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditNewProgramme", "en") }), "new-programme");
        await page.Locator("#code").FillAsync(code);
        await page.Locator("#type").SelectOptionAsync("Workshop");
        await page.Locator("#categoryId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#title-tr").FillAsync(turkishTitle);
        await page.Locator("#summary-tr").FillAsync("Çocuklar robot yapmayı ve kodlamayı oyunla öğrenir.");
        await page.Locator("#title-en").FillAsync(englishTitle);
        await page.Locator("#summary-en").FillAsync("Children learn to build and program robots through play.");
        await page.Locator("#minYears").FillAsync("7");
        await page.Locator("#maxYears").FillAsync("12");
        await page.Locator("#delivery-en").CheckAsync();
        (await page.Locator("#texts-de .edit-missing").InnerTextAsync()).Should().Be("Missing in Deutsch");
        await editor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditCreate", "en"), Exact = true }), "programme-created");

        (await page.Locator("p[role=status]").InnerTextAsync()).Should().StartWith(UiStrings.Get("EditProgrammeCreated", "en"));
        (await editor.HeadingAsync()).Should().Be(englishTitle);
        (await page.Locator("#texts-nl .edit-missing").InnerTextAsync()).Should().Be("Missing in Nederlands");

        await editor.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditAddOffering", "en") }), "new-offering");
        await page.Locator("#centreId").SelectOptionAsync(new SelectOptionValue { Label = "Anne Şehir İzmit" });
        await page.Locator("#weekday-Tuesday").CheckAsync();
        await page.Locator("#weekday-Thursday").CheckAsync();
        await page.Locator("#startTime").FillAsync("15:00");
        await page.Locator("#endTime").FillAsync("16:30");
        await page.Locator("#capacity").FillAsync("16");
        await editor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditCreate", "en"), Exact = true }), "offering-created");
        (await page.Locator("p[role=status]").InnerTextAsync()).Should().StartWith(UiStrings.Get("EditOfferingCreated", "en"));

        await editor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditStepSendToReview", "en") }), "offering-in-review");
        await editor.FollowAsync(page.Locator(".breadcrumb a"), "back-to-programme");
        await editor.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditStepSendToReview", "en") }), "programme-in-review");
        (await page.Locator("#workflow-heading + p .state").InnerTextAsync()).Should().Be(UiStrings.Get("EditStateInReview", "en"));
        (await page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("EditStepPublish", "en") }).CountAsync()).Should().Be(1, "an editor may publish too");

        // Before publication the public address does not exist, and only staff see the preview.
        await using var parent = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "tr");
        await parent.OpenAsync($"/?q={Uri.EscapeDataString(turkishTitle)}", "search-before", PageChecks.ResourceKeys);
        (await parent.Page.Locator(".card__title a", new() { HasText = turkishTitle }).CountAsync()).Should().Be(0);

        // The admin works in Turkish, finds the programme in review and publishes it with its offering.
        await using var admin = await SignedInAsync("Admin", "tr", viewport, "/editor/programmes?state=InReview&sort=state");
        var adminPage = admin.Page;
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Link, new() { Name = turkishTitle }), "review");
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditPreviewLink", "tr") }), "preview");
        (await adminPage.Locator(".preview-banner strong").InnerTextAsync()).Should().Be("Önizleme – herkese açık değil");
        (await admin.HeadingAsync()).Should().Be(turkishTitle);
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditBackToEditor", "tr") }), "back-to-review");
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Button, new() { Name = "Yayımla" }), "programme-published");
        (await adminPage.Locator("p[role=status]").InnerTextAsync()).Should().StartWith("Yayımlandı");
        await admin.FollowAsync(adminPage.Locator(".editor-list h3 a").First, "offering");
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Button, new() { Name = "Yayımla" }), "offering-published");
        await admin.FollowAsync(adminPage.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("EditHistoryLink", "tr") }), "offering-history");
        (await adminPage.Locator("ol.history > li").First.InnerTextAsync()).Should().StartWith(UiStrings.Get("EditActionPublished", "tr"));

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

    /// <summary>An account made with the operator's command, signed in through the sign-in page that the first address leads to.</summary>
    private async Task<Visitor> SignedInAsync(string role, string language, string viewport, string firstPath)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", role, "--name", $"{role} {language}");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var visitor = await browser.NewVisitorAsync(Viewport.Named(viewport), language: language, test: $"An_editor_creates_a_programme_an_admin_publishes_it_and_a_parent_finds_it__{role.ToLowerInvariant()}");
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
