using System.Globalization;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// A centre staff member between two groups: signs in on a phone, opens the next weekday's sessions, picks an
/// Anne yanı class and logs who came with one submit. The account is made with the operator's own command.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffLogsAttendanceTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task A_staff_member_logs_a_roster_of_20_children(string viewport)
    {
        var email = $"izmit.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "CentreStaff", "--centre", "IZM");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await using var staff = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "tr");
        var page = staff.Page;

        await staff.OpenAsync("/staff/today", "sign-in-required");
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }), "own-password");
        await staff.ChooseOwnPasswordAsync(password, "today");
        (await staff.HeadingAsync()).Should().Be("Bugünün oturumları");

        var weekday = NextWeekday(DateOnly.FromDateTime(DateTime.UtcNow));
        await staff.OpenAsync($"/staff/today?date={weekday:yyyy-MM-dd}", "next-weekday");
        var sessions = page.Locator(".sessions a");
        (await sessions.CountAsync()).Should().BeGreaterThan(0, "the İzmit centre has classes every weekday");
        (await page.Locator(".sessions").InnerTextAsync()).Should().NotContain("Gebze", "only the staff member's own centre");

        await staff.FollowAsync(page.Locator(".sessions a", new() { HasText = "Anne yanı" }).First, "roster", PageChecks.Accessibility | PageChecks.ResourceKeys);
        var rows = page.Locator(".roster__table tbody tr");
        (await rows.CountAsync()).Should().BeGreaterThanOrEqualTo(20);
        for (var i = 0; i < 20; i++)
        {
            await rows.Nth(i).Locator("input[value=Present]").CheckAsync();
        }
        await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Yoklamayı kaydet" }), "saved", PageChecks.Accessibility | PageChecks.ResourceKeys);

        (await page.Locator("p[role=status]").InnerTextAsync()).Should().Be("Kaydedildi: 20 çocuk katıldı.");
        (await page.Locator("input[value=Present]:checked").CountAsync()).Should().Be(20);

        // With scripts on, a single tick is saved at once (htmx), without pressing save: it is still there after a reload.
        var saved = page.WaitForResponseAsync(r => r.Url.Contains("/marks/", StringComparison.Ordinal) && r.Status == 204);
        await rows.Nth(0).Locator("input[value=Absent]").CheckAsync();
        await saved;
        await staff.OpenAsync(page.Url, "after-single-tick", PageChecks.ResourceKeys);
        (await rows.Nth(0).Locator("input[value=Absent]").IsCheckedAsync()).Should().BeTrue();

        // The weekly mother-and-child meet-up takes no names, only a headcount.
        var meetUp = await browser.NextSessionDateAsync("IZM", "KOC-BULUSMA");
        await staff.OpenAsync($"/staff/today?date={meetUp:yyyy-MM-dd}", "meet-up-day");
        await staff.FollowAsync(page.Locator(".sessions a", new() { HasText = "Anne-Çocuk Buluşma Saati" }).First, "headcount");
        await page.Locator("#children").FillAsync("14");
        await page.Locator("#adults").FillAsync("11");
        await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sayımı kaydet" }), "headcount-saved");
        (await page.Locator("#children").InputValueAsync()).Should().Be("14");
        (await page.Locator("#adults").InputValueAsync()).Should().Be("11");

        // Centres that keep their own lists upload them instead.
        await staff.OpenAsync("/staff/import", "import-page");
        (await page.Locator("input[type=file]").CountAsync()).Should().Be(1);
    }

    private static DateOnly NextWeekday(DateOnly from)
    {
        var day = from.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }
}
