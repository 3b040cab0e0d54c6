using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FamilyServices.BrowserTests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// A family asks the city to see and then erase their child's data. An Admin (made with the operator's own command)
/// notes the closed year's reach figure, finds the child by the code on their card, sees what is held, downloads it as
/// JSON for the family, erases the child (typing the code again and choosing the reason), finds nobody with that code
/// any more and sees the erasure in the audit trail, which never shows the code. The closed year's figure stays exactly
/// as it was; the current year's no longer counts the child. On a phone and a desktop, each with a child of its own
/// (erasure is one-way); every Admin page passes axe, reflow, the keyboard walk and the raw-key check.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AdminErasesAChildOnRequestTests(BrowserFixture browser)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("phone", 0)]
    [InlineData("desktop", 1)]
    public async Task An_Admin_shows_downloads_and_erases_a_child_and_the_closed_years_reach_stays_the_same(string viewport, int pick)
    {
        var (closedYear, _) = ParticipantErasure.LastClosedYears(DateTime.UtcNow);
        var currentYear = closedYear + 1;
        var child = await ChildAsync(closedYear, pick);
        var display = ParticipantCode.Display(child.Code);

        var email = $"admin.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "Admin", "--name", "Privacy desk");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await using var admin = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "en");
        var page = admin.Page;

        // Before: the closed year's figure and the current year's, as an official would read them.
        await admin.OpenAsync($"/officials/reach?year={closedYear}", "sign-in", PageChecks.None);
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", "en"), Exact = true }), "own-password");
        await admin.ChooseOwnPasswordAsync(password, "reach-closed-year-before", PageChecks.ResourceKeys);
        new Uri(page.Url).AbsolutePath.Should().Be("/officials/reach");
        var closedBefore = await DistinctChildrenAsync(page);
        var closedParticipationsBefore = await FigureAsync(page, "#participations");
        closedBefore.Should().BeGreaterThan(0, $"the demo has attendance in {closedYear}");
        await admin.OpenAsync($"/officials/reach?year={currentYear}", "reach-current-year-before", PageChecks.ResourceKeys);
        var currentBefore = await DistinctChildrenAsync(page);
        var currentParticipationsBefore = await FigureAsync(page, "#participations");

        // The family's request: find the child by the code on the card and see everything that is held.
        await admin.OpenAsync("/admin/participants", "participants");
        (await admin.HeadingAsync()).Should().Be("A child's data: access and erasure");
        await page.Locator("#code").FillAsync(display);
        // The reason is a radio group: Tab reaches it once and the arrow keys choose (see UsableByKeyboardAsync).
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show what is held", Exact = true }), "record",
            PageChecks.Accessibility | PageChecks.ResourceKeys);
        await UsableByKeyboardAsync(admin, "record");
        new Uri(page.Url).AbsolutePath.Should().Be("/admin/participants", "the code travels in the form, never in the address");
        new Uri(page.Url).Query.Should().BeEmpty();
        (await page.Locator("h2#record").InnerTextAsync()).Trim().Should().Be($"Data held about {display}");
        var attendanceRows = page.Locator(".privacy-table[aria-label='Attendance'] tbody tr");
        (await attendanceRows.CountAsync()).Should().Be(child.Attendances);
        var attendanceText = await page.Locator(".privacy-table[aria-label='Attendance']").InnerTextAsync();
        attendanceText.Should().Contain($"{closedYear}-").And.Contain($"{currentYear}-", "the child came in both years");
        (await page.Locator(".privacy-table[aria-label='Rows in the reach statistics'] tbody tr").CountAsync()).Should().Be(child.ReachRows);
        (await page.Locator(".privacy-table[aria-label='Audit trail entries about this child'] tbody tr").CountAsync())
            .Should().BeGreaterThan(0, "showing the data is itself recorded, and shown");

        // The download for the family: everything on the page, in a file whose name says nothing about the child.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download everything (JSON)", Exact = true }).ClickAsync());
        download.SuggestedFilename.Should().MatchRegex(@"^participant-record-\d{4}-\d{2}-\d{2}\.json$").And.NotContain(child.Code);
        var json = await File.ReadAllTextAsync((await download.PathAsync())!);
        using (var record = JsonDocument.Parse(json))
        {
            var root = record.RootElement;
            root.GetProperty("code").GetString().Should().Be(child.Code);
            var attendance = root.GetProperty("attendance").EnumerateArray().ToList();
            attendance.Should().HaveCount(child.Attendances);
            attendance.Select(a => a.GetProperty("sessionStartsAt").GetDateTime().Year).Should().Contain(new[] { closedYear, currentYear });
            attendance.Should().OnlyContain(a => a.GetProperty("centreCode").GetString()!.Length > 0 && a.GetProperty("status").GetString()!.Length > 0);
            root.GetProperty("reachRows").GetArrayLength().Should().Be(child.ReachRows);
            root.GetProperty("auditEntries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Should().Contain("ParticipantExported");
        }
        admin.Page.Url.Should().EndWith("/admin/participants", "the download leaves the page where it was");

        // The erasure: the code typed again and a reason, then what was removed. A slip in the code erases nothing.
        await page.Locator("#confirm").FillAsync(display[..^1] + (display[^1] == 'A' ? 'C' : 'A')); // one character wrong
        await page.Locator("input[name=reason][value=family-request]").CheckAsync();
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Erase this participant", Exact = true }), "confirm-mismatch",
            PageChecks.Accessibility | PageChecks.ResourceKeys);
        (await page.Locator(".error-summary[role=alert]").InnerTextAsync()).Trim().Should().Be("The code typed to confirm does not match. Type the child's code again.");
        (await page.Locator(".error-summary a").GetAttributeAsync("href")).Should().Be("#confirm");
        (await page.Locator("#confirm").GetAttributeAsync("aria-invalid")).Should().Be("true");
        (await page.Locator("h2#record").InnerTextAsync()).Trim().Should().Be($"Data held about {display}", "nothing was erased");
        (await ChildExistsAsync(child.Code)).Should().BeTrue();
        await page.Locator("#confirm").FillAsync(display);
        await page.Locator("input[name=reason][value=family-request]").CheckAsync();
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Erase this participant", Exact = true }), "erased");
        (await page.Locator("p.notice[role=status]").InnerTextAsync()).Trim().Should().Be(
            $"The participant was erased. Removed: {child.Attendances} attendance records, {child.AttendanceChanges} changes to attendance, "
            + $"{child.Enrolments} enrolments, {child.Nicknames} nicknames. {child.ClosedReachRows} rows of closed years stay in the reach "
            + "statistics without any link to the child.");
        (await page.Locator("h2#record").CountAsync()).Should().Be(0);
        (await page.ContentAsync()).Should().NotContain(child.Code).And.NotContain(display, "nothing about the child is left on the page");

        // Nobody has that code any more.
        await page.Locator("#code").FillAsync(display);
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show what is held", Exact = true }), "not-found");
        (await page.Locator(".error-summary[role=alert]").InnerTextAsync()).Should().Contain("No child has this code.");
        (await page.Locator("h2#record").CountAsync()).Should().Be(0);
        (await ChildExistsAsync(child.Code)).Should().BeFalse();

        // The audit trail: the erasure, in words, with its reason and counts, and never the code.
        await admin.OpenAsync("/admin/audit", "audit");
        (await page.Locator(".audit-list").InnerTextAsync()).Should().Contain("Child erased");
        await ShowsNoCodeAsync(page, child.Code, display);
        await page.Locator("#audit-action").SelectOptionAsync("ParticipantErased");
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show entries", Exact = true }), "audit-erasures");
        var newest = page.Locator(".audit-list > li").First;
        (await newest.Locator("h2").InnerTextAsync()).Trim().Should().Be("Child erased");
        (await newest.InnerTextAsync()).Should().Contain("Privacy desk").And.Contain("1 (as pseudonyms)");
        using (var details = JsonDocument.Parse(await newest.Locator("dd code").First.InnerTextAsync()))
        {
            details.RootElement.GetProperty("reason").GetString().Should().Be("familyRequest");
            details.RootElement.GetProperty("attendances").GetInt32().Should().Be(child.Attendances);
            details.RootElement.GetProperty("closedReachRowsKept").GetInt32().Should().Be(child.ClosedReachRows);
        }
        await ShowsNoCodeAsync(page, child.Code, display);
        // By design, an erased child's entries can no longer be found by the code.
        await page.Locator("#audit-action").SelectOptionAsync("");
        await page.Locator("#audit-code").FillAsync(display);
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Show entries", Exact = true }), "audit-by-erased-code");
        (await page.Locator(".error-summary[role=alert]").InnerTextAsync()).Should().Contain("Entries about erased children cannot be found by their code");
        (await page.Locator(".audit-list").CountAsync()).Should().Be(0);

        // After: the closed year is final; the current year stops counting the child (at once, or at the next refresh).
        await admin.OpenAsync($"/officials/reach?year={closedYear}", "reach-closed-year-after", PageChecks.ResourceKeys);
        (await DistinctChildrenAsync(page)).Should().Be(closedBefore, $"the figures of {closedYear}, a closed year, never change");
        (await FigureAsync(page, "#participations")).Should().Be(closedParticipationsBefore, "the child's closed rows stay, without the child");
        var waited = Stopwatch.StartNew();
        var poll = 0;
        while (true)
        {
            await admin.OpenAsync($"/officials/reach?year={currentYear}", $"reach-current-year-after-{++poll}", poll == 1 ? PageChecks.ResourceKeys : PageChecks.None);
            var current = await DistinctChildrenAsync(page);
            await admin.OpenAsync($"/officials/reach?year={closedYear}", $"reach-closed-year-after-{poll}", PageChecks.None);
            (await DistinctChildrenAsync(page)).Should().Be(closedBefore, $"the figures of {closedYear} stay the same at every moment");
            if (current == currentBefore - 1)
            {
                (await FigureAsync(page, "#participations")).Should().Be(closedParticipationsBefore);
                await admin.OpenAsync($"/officials/reach?year={currentYear}", "reach-current-year-dropped", PageChecks.None);
                (await FigureAsync(page, "#participations")).Should().Be(currentParticipationsBefore - child.CurrentYearParticipations,
                    $"the child's attendances of {currentYear} are no longer counted");
                break;
            }
            current.Should().Be(currentBefore, "until the refresh the child is still counted, afterwards one child fewer");
            waited.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), $"the {currentYear} figure should drop by one within a minute");
            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        browser.Portal.Logs.Events.Should().NotContain(e => e.Contains(child.Code, StringComparison.OrdinalIgnoreCase)
            || e.Contains(display, StringComparison.OrdinalIgnoreCase), "the code is never logged");
    }

    /// <summary>What the demo holds about a child counted in both the closed and the current calendar year.</summary>
    private sealed record Child(string Code, int Attendances, int AttendanceChanges, int Enrolments, int Nicknames, int ReachRows, int ClosedReachRows,
        int CurrentYearParticipations);

    /// <summary>
    /// The <paramref name="pick"/>th child (by id) counted in the reach figures of both years, kept away from the İzmit
    /// centre, whose rosters other journeys fill.
    /// </summary>
    private async Task<Child> ChildAsync(int closedYear, int pick)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var erasure = scope.ServiceProvider.GetRequiredService<ParticipantErasure>();
        var (closedCalendar, closedSchool) = await erasure.LastClosedYearsAsync();
        var id = await db.ReachChildren.AsNoTracking()
            .Where(c => c.PeriodKind == ReachPeriodKind.Calendar && c.PeriodYear == closedYear && c.ParticipantId > 0
                && db.ReachChildren.Any(o => o.ParticipantId == c.ParticipantId && o.PeriodKind == ReachPeriodKind.Calendar && o.PeriodYear == closedYear + 1)
                && !db.Enrolments.Any(e => e.ParticipantId == c.ParticipantId && e.Offering.Centre.Code == "IZM")
                && !db.Attendances.Any(a => a.ParticipantId == c.ParticipantId && a.Session.Offering.Centre.Code == "IZM"))
            .OrderBy(c => c.ParticipantId)
            .Select(c => c.ParticipantId)
            .Skip(pick)
            .FirstAsync();
        return new Child(
            await db.Participants.Where(p => p.Id == id).Select(p => p.Code).SingleAsync(),
            await db.Attendances.CountAsync(a => a.ParticipantId == id),
            await db.AttendanceChanges.CountAsync(c => c.ParticipantId == id),
            await db.Enrolments.CountAsync(e => e.ParticipantId == id),
            await db.ParticipantNicknames.CountAsync(n => n.ParticipantId == id),
            await db.ReachChildren.CountAsync(c => c.ParticipantId == id),
            await db.ReachChildren.CountAsync(c => c.ParticipantId == id
                && ((c.PeriodKind == ReachPeriodKind.Calendar && c.PeriodYear <= closedCalendar) || (c.PeriodKind == ReachPeriodKind.School && c.PeriodYear <= closedSchool))),
            await db.ReachChildren.Where(c => c.ParticipantId == id && c.PeriodKind == ReachPeriodKind.Calendar && c.PeriodYear == closedYear + 1)
                .Select(c => c.Participations).SingleAsync());
    }

    private async Task<bool> ChildExistsAsync(string code)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FamilyServicesDb>().Participants.AnyAsync(p => p.Code == code);
    }

    /// <summary>The distinct-children key figure of the reach page now open, as a number ("63,007" in English).</summary>
    private static Task<int> DistinctChildrenAsync(IPage page) => FigureAsync(page, "#distinct-children");

    /// <summary>A key figure of the reach page now open, as a number.</summary>
    private static async Task<int> FigureAsync(IPage page, string selector)
    {
        var text = (await page.Locator(selector).InnerTextAsync()).Trim();
        return int.Parse(text, NumberStyles.AllowThousands, English);
    }

    /// <summary>
    /// The keyboard walk of <see cref="KeyboardCheck"/>, except that a radio group is one Tab stop, as in every browser
    /// (Tab reaches the checked or first radio, the arrow keys move within the group): its other radios count as
    /// reached when one radio of the same group was. The arrows are then tried on the erasure reasons.
    /// </summary>
    private static async Task UsableByKeyboardAsync(Visitor visitor, string step)
    {
        var page = visitor.Page;
        var where = $"{page.Url} (step '{step}', {visitor.Viewport.Name})";
        var walk = await KeyboardCheck.WalkAsync(page);
        walk.Stops.Should().NotBeEmpty(where);
        walk.Stops[0].Element.Should().Contain("skip-link", "the skip link comes first on {0}", where);
        walk.Invisible.Should().BeEmpty("focus must be visible on {0}", where);
        var reached = walk.Stops.Select(s => s.Index).Where(i => i >= 0).Distinct().ToArray();
        var unreached = Enumerable.Range(0, walk.Interactive.Count).Except(reached).ToArray();
        foreach (var index in unreached)
        {
            var inReachedGroup = await page.EvaluateAsync<bool>("""
                ([index, reached]) => {
                    const el = document.querySelector(`[data-fs-tab="${index}"]`);
                    return el?.type === 'radio' && el.name !== ''
                        && [...document.getElementsByName(el.name)].some(r => r.form === el.form && reached.includes(Number(r.dataset.fsTab)));
                }
                """, new object[] { index, reached });
            inReachedGroup.Should().BeTrue("{0} must be reachable with Tab on {1}", walk.Interactive[index], where);
        }

        await page.Locator("input[name=reason][value=family-request]").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        (await page.Locator("input[name=reason][value=other]").IsCheckedAsync()).Should().BeTrue("the arrow keys choose within the group");
        await page.Keyboard.PressAsync("ArrowUp");
        (await page.Locator("input[name=reason][value=family-request]").IsCheckedAsync()).Should().BeTrue();
        await page.Locator("input[name=reason][value=family-request]").BlurAsync();
    }

    private static async Task ShowsNoCodeAsync(IPage page, string code, string display)
    {
        var html = await page.ContentAsync();
        html.Should().NotContain(code).And.NotContain(display, "the audit trail shows pseudonyms, never a child's code");
    }
}
