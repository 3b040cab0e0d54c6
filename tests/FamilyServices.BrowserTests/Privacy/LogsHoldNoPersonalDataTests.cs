using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Privacy;

/// <summary>
/// A staff member's short journey through children's data in a real browser (sign in, today's sessions, a roster, a
/// child added with a nickname, the roster saved), then a look at everything the portal logged so far, from this and
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
        await staff.FollowAsync(page.Locator(".sessions a", new() { HasText = "Anne yanı" }).First, "roster", PageChecks.None);

        await page.Locator("summary", new() { HasText = "Add a child" }).ClickAsync();
        await page.Locator("#birthYear").FillAsync((weekday.Year - 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#birthMonth").SelectOptionAsync("4");
        await page.Locator("#districtId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#new-nickname").FillAsync(nickname);
        await page.Locator("input[name=consent]").CheckAsync();
        await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Register and mark present" }), "child-added", PageChecks.None);
        (await page.Locator("p[role=status]").InnerTextAsync()).Should().Contain("added");
        await page.Locator(".roster__table tbody tr input[value=Present]").First.CheckAsync();
        await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save attendance" }), "saved", PageChecks.None);

        var codes = await page.Locator(".roster__code").AllInnerTextsAsync();
        (await page.Locator(".roster__nickname").AllInnerTextsAsync()).Should().Contain(nickname);
        var personal = new List<string> { email, password, FirstSignIn.OwnPassword, nickname };
        personal.AddRange(codes.Select(c => c.Trim()));
        personal.AddRange(codes.Select(c => c.Trim().Replace("-", "", StringComparison.Ordinal)));

        var events = browser.Portal.Logs.Events;
        events.Should().Contain(e => e.Contains("/staff/sessions/", StringComparison.Ordinal), "the journey was logged at all");
        var leaks = events.SelectMany(e => personal.Where(v => e.Contains(v, StringComparison.OrdinalIgnoreCase)).Select(v => $"{v} in: {e}")).ToList();
        leaks.Should().BeEmpty();
    }
}
