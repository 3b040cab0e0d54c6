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
/// finds the child by the code on their card on the interactive children's-data page, sees what is held, downloads it
/// as JSON for the family (a form post with antiforgery; the page and its circuit stay), erases the child (the code typed
/// again, a reason, then a confirmation dialog), finds nobody with that code any more and sees the erasure in the audit
/// trail, which never shows the code. The closed year's reach figures stay exactly as they were; the current year's
/// count one child fewer. The expected figures are read from the database before and after, never written down here.
/// On a phone and a desktop, each with a child of its own (erasure is one-way); every page and the open dialog pass
/// axe, reflow and the raw-key check.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AdminErasesAChildOnRequestTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("phone", 0)]
    [InlineData("desktop", 1)]
    public async Task An_Admin_shows_downloads_and_erases_a_child_and_the_closed_years_reach_stays_the_same(string viewport, int pick)
    {
        var (closedYear, _) = ParticipantErasure.LastClosedYears(DateTime.UtcNow);
        var currentYear = closedYear + 1;
        var child = await ChildAsync(closedYear, pick);
        var display = ParticipantCode.Display(child.Code);
        var closedBefore = await FiguresAsync(closedYear);
        var currentBefore = await FiguresAsync(currentYear);
        closedBefore.DistinctChildren.Should().BeGreaterThan(0, $"the demo has attendance in {closedYear}");
        (await CountedChildrenAsync(closedYear)).Should().Be(closedBefore.DistinctChildren, "the stored figure is the count of the children's rows");

        var email = $"admin.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "Admin", "--name", "Privacy desk");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await using var admin = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "en");
        var page = admin.Page;

        await admin.OpenAsync("/admin/participants", "sign-in", PageChecks.None);
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await admin.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("SignInSubmit", "en"), Exact = true }), "own-password");
        await admin.ChooseOwnPasswordAsync(password, "participants");
        new Uri(page.Url).AbsolutePath.Should().Be("/admin/participants");
        (await admin.HeadingAsync()).Should().Be("A child's data: access and erasure");

        // The family's request: find the child by the code on the card and see everything that is held.
        await page.Locator("#code").FillAsync(display);
        await page.Locator("#find").ClickAsync();
        await page.Locator("h2#record").WaitForAsync();
        await admin.ArriveAsync("record");
        new Uri(page.Url).AbsolutePath.Should().Be("/admin/participants", "the code is typed into the page, never put in the address");
        new Uri(page.Url).Query.Should().BeEmpty();
        (await page.Locator("h2#record").InnerTextAsync()).Trim().Should().Be($"Data held about {display}");
        (await page.Locator(".privacy-attendance tbody tr").CountAsync()).Should().Be(child.Attendances);
        var attendanceText = await page.Locator(".privacy-attendance").InnerTextAsync();
        attendanceText.Should().Contain($"{closedYear}-").And.Contain($"{currentYear}-", "the child came in both years");
        (await page.Locator(".privacy-reach tbody tr").CountAsync()).Should().Be(child.ReachRows);
        (await page.Locator(".privacy-audit tbody tr").CountAsync()).Should().BeGreaterThan(0, "showing the data is itself recorded, and shown");

        // The download for the family: everything on the page, in a file whose name says nothing about the child.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-json").ClickAsync());
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
        page.Url.Should().EndWith("/admin/participants", "the download leaves the page where it was");
        (await page.Locator("h2#record").CountAsync()).Should().Be(1, "and the page keeps running in its circuit");

        // The erasure: the code typed again and a reason, then a dialog. A slip in the code erases nothing.
        await page.Locator("#confirm").FillAsync(display[..^1] + (display[^1] == 'A' ? 'C' : 'A')); // one character wrong
        await ChooseReasonAsync(page, "The family asked for erasure");
        await page.Locator("#erase-button").ClickAsync();
        await page.GetByText("The code typed to confirm does not match. Type the child's code again.").WaitForAsync();
        await admin.ArriveAsync("confirm-mismatch", PageChecks.Accessibility | PageChecks.ResourceKeys);
        (await page.Locator(".mud-dialog").CountAsync()).Should().Be(0, "nothing is asked while the code does not match");
        (await ChildExistsAsync(child.Code)).Should().BeTrue();
        await page.Locator("#confirm").FillAsync(display);
        await page.Locator("#erase-button").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        (await dialog.InnerTextAsync()).Should().Contain($"Erase {display} for good?");
        await admin.ArriveAsync("erase-dialog", PageChecks.Accessibility | PageChecks.ResourceKeys);
        await dialog.Locator("button", new() { HasText = "Erase this participant" }).ClickAsync();
        await page.Locator("#erased").WaitForAsync(new() { Timeout = 120_000 });
        await admin.ArriveAsync("erased");
        (await page.Locator("#erased").InnerTextAsync()).Trim().Should().Be(
            $"The participant was erased. Removed: {child.Attendances} attendance records, {child.AttendanceChanges} changes to attendance, "
            + $"{child.Enrolments} enrolments, {child.Nicknames} nicknames. {child.ClosedReachRows} rows of closed years stay in the reach "
            + "statistics without any link to the child.");
        (await page.Locator("h2#record").CountAsync()).Should().Be(0);
        (await page.ContentAsync()).Should().NotContain(child.Code).And.NotContain(display, "nothing about the child is left on the page");

        // Nobody has that code any more.
        await page.Locator("#code").FillAsync(display);
        await page.Locator("#find").ClickAsync();
        await page.GetByText("No child has this code.", new() { Exact = false }).WaitForAsync();
        await admin.ScreenshotAsync("not-found");
        (await page.Locator("h2#record").CountAsync()).Should().Be(0);
        (await ChildExistsAsync(child.Code)).Should().BeFalse();

        // The audit trail: the erasure, in words, with its reason and counts, and never the code.
        await admin.OpenAsync("/admin/audit", "audit");
        await page.Locator("table tbody .audit-action").First.WaitForAsync();
        (await page.Locator("table tbody").InnerTextAsync()).Should().Contain("Child erased");
        await ShowsNoCodeAsync(page, child.Code, display);
        await page.Locator("#audit-action").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Child erased" }).ClickAsync();
        await page.Locator("#audit-show").ClickAsync();
        await page.Locator("table tbody tr", new() { HasText = "Privacy desk" }).First.WaitForAsync();
        var newest = page.Locator("table tbody tr").First;
        (await newest.Locator(".audit-action").InnerTextAsync()).Trim().Should().Be("Child erased");
        await newest.Locator("summary").ClickAsync();
        await admin.ArriveAsync("audit-erasures", PageChecks.Accessibility | PageChecks.ResourceKeys);
        (await newest.InnerTextAsync()).Should().Contain("Privacy desk").And.Contain("1 (as pseudonyms)");
        using (var details = JsonDocument.Parse(await newest.Locator("code.audit-details").InnerTextAsync()))
        {
            details.RootElement.GetProperty("reason").GetString().Should().Be("familyRequest");
            details.RootElement.GetProperty("attendances").GetInt32().Should().Be(child.Attendances);
            details.RootElement.GetProperty("closedReachRowsKept").GetInt32().Should().Be(child.ClosedReachRows);
        }
        await ShowsNoCodeAsync(page, child.Code, display);
        // By design, an erased child's entries can no longer be found by the code.
        await page.Locator("#audit-code").FillAsync(display);
        await page.Locator("#audit-show").ClickAsync();
        await page.GetByText("Entries about erased children cannot be found by their code", new() { Exact = false }).WaitForAsync();
        await admin.ScreenshotAsync("audit-by-erased-code");
        (await page.Locator("table tbody .audit-action").CountAsync()).Should().Be(0);

        // After: the closed year is final; the current year counts the child no more (the erasure refreshed the figures).
        var closedAfter = await FiguresAsync(closedYear);
        var currentAfter = await FiguresAsync(currentYear);
        closedAfter.Should().Be(closedBefore, $"the figures of {closedYear}, a closed year, never change");
        (await CountedChildrenAsync(closedYear)).Should().Be(closedBefore.DistinctChildren, "the child's closed rows stay, without the child");
        currentAfter.DistinctChildren.Should().Be(currentBefore.DistinctChildren - 1, $"{currentYear} counts one child fewer");
        currentAfter.Participations.Should().Be(currentBefore.Participations - child.CurrentYearParticipations,
            $"the child's attendances of {currentYear} are no longer counted");

        browser.Portal.Logs.Events.Should().NotContain(e => e.Contains(child.Code, StringComparison.OrdinalIgnoreCase)
            || e.Contains(display, StringComparison.OrdinalIgnoreCase), "the code is never logged");
    }

    /// <summary>Opens the reason's list and picks one (keyboard users do the same with Enter and the arrow keys).</summary>
    private static async Task ChooseReasonAsync(IPage page, string reason)
    {
        await page.Locator("#reason").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = reason }).ClickAsync();
        await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>The stored key figures of a calendar year.</summary>
    private async Task<(int DistinctChildren, int Participations)> FiguresAsync(int year)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var period = await scope.ServiceProvider.GetRequiredService<FamilyServicesDb>().ReachPeriods.AsNoTracking()
            .SingleAsync(p => p.PeriodKind == ReachPeriodKind.Calendar && p.PeriodYear == year);
        return (period.DistinctChildren, period.Participations);
    }

    /// <summary>An independent count: the distinct children (erased ones under their surrogate) with rows in the year.</summary>
    private async Task<int> CountedChildrenAsync(int year)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FamilyServicesDb>().ReachChildren.AsNoTracking()
            .Where(c => c.PeriodKind == ReachPeriodKind.Calendar && c.PeriodYear == year).Select(c => c.ParticipantId).Distinct().CountAsync();
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

    private static async Task ShowsNoCodeAsync(IPage page, string code, string display)
    {
        var html = await page.ContentAsync();
        html.Should().NotContain(code).And.NotContain(display, "the audit trail shows pseudonyms, never a child's code");
    }
}
