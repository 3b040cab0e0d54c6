using FamilyServices.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace FamilyServices.BrowserTests.Privacy;

/// <summary>
/// A staff member's short journey through children's data in a real browser (sign in, today's sessions, a roster, a
/// tick saved over the circuit, a search by code, a child added with a nickname), then a look at everything the portal logged so far, from this and
/// every other journey of the run: no e-mail address, password, nickname or participant code may be in it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LogsHoldNoPersonalDataTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_staff_journey_leaves_no_personal_data_in_the_log()
    {
        var email = $"privacy.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "CentreStaff", "--centre", "IZM");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var nickname = $"Nilay {Guid.NewGuid():N}"[..20];
        await using var staff = await browser.NewVisitorAsync(Viewport.Named("phone"));
        var page = staff.Page;

        await staff.OpenAsync("/staff/today", "sign-in", PageChecks.None);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await staff.FollowAsync(page.Locator("form button[type=submit]").Last, "own-password", PageChecks.None);
        await staff.ChooseOwnPasswordAsync(password, "today", PageChecks.None);
        new Uri(page.Url).AbsolutePath.Should().Be("/staff/today");
        var weekday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        while (weekday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) weekday = weekday.AddDays(1);
        await staff.OpenAsync($"/staff/today?date={weekday:yyyy-MM-dd}", "weekday", PageChecks.None);
        // Opened by its address, so the roster's request is in the log too.
        var roster = await page.Locator("a[href^='/staff/sessions/']", new() { HasText = "Anne yanı" }).First.GetAttributeAsync("href");
        await staff.OpenAsync(roster!, "roster", PageChecks.None);
        var rows = page.Locator("li.roster-row");
        await rows.First.WaitForAsync(new() { Timeout = Visitor.CircuitTimeoutMs });

        // A tick, a search by code, and a new child with a nickname: each over the circuit.
        // A child nobody has marked yet (another journey may have ticked some of this class).
        var participant = await page.Locator("li.roster-row[data-shown='']").First.GetAttributeAsync("data-participant");
        var row = page.Locator($"li.roster-row[data-participant='{participant}']");
        await row.Locator("label", new() { HasText = UiStrings.Get("AttendancePresent", "en") }).ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-state", "Saved", new() { Timeout = Visitor.CircuitTimeoutMs });
        var firstCode = (await row.Locator(".roster-row__code").InnerTextAsync()).Trim();
        await page.Locator("#roster-filter").FillAsync(firstCode);
        await Expect(rows).ToHaveCountAsync(1, new() { Timeout = Visitor.CircuitTimeoutMs });
        await page.Locator("#roster-filter").FillAsync("");
        await Expect(rows).Not.ToHaveCountAsync(1, new() { Timeout = Visitor.CircuitTimeoutMs });

        await page.Locator("#add-child-panel").GetByText(UiStrings.Get("AddChildTitle", "en")).ClickAsync();
        await page.Locator("#birth-year").FillAsync((weekday.Year - 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ChooseAsync(page, "#birth-month", "April");
        await ChooseAsync(page, "#district", null);
        await page.Locator("#new-nickname").FillAsync(nickname);
        await page.Locator("#consent").CheckAsync();
        await page.Locator("#add-new").ClickAsync();
        await Expect(page.Locator(".roster-row__nickname", new() { HasText = nickname })).ToBeVisibleAsync(new() { Timeout = Visitor.CircuitTimeoutMs });
        await staff.ScreenshotAsync("child-added");

        var codes = await page.Locator(".roster-row__code").AllInnerTextsAsync();
        (await page.Locator(".roster-row__nickname").AllInnerTextsAsync()).Should().Contain(nickname);
        var personal = new List<string> { email, password, FirstSignIn.OwnPassword, nickname };
        personal.AddRange(codes.Select(c => c.Trim()));
        personal.AddRange(codes.Select(c => c.Trim().Replace("-", "", StringComparison.Ordinal)));

        var events = browser.Portal.Logs.Events;
        events.Should().Contain(e => e.Contains("/staff/sessions/", StringComparison.Ordinal), "the journey was logged at all");
        var leaks = events.SelectMany(e => personal.Where(v => e.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{v} in: {e}")).ToList();
        leaks.Should().BeEmpty();
    }

    private static async Task ChooseAsync(IPage page, string select, string? option)
    {
        await page.Locator(select).Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        var choice = option is null ? options.First : options.Filter(new() { HasText = option }).First;
        await choice.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).Not.ToBeVisibleAsync();
    }
}
