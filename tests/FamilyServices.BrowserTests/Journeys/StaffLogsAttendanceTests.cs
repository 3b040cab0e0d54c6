using System.Globalization;
using System.Runtime.CompilerServices;
using FamilyServices.BrowserTests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Two members of the İzmit centre's staff on the same Anne yanı class: one ticks 20 children on a phone, the other
/// watches the roster on a desktop and sees every tick arrive without reloading; then the colleague corrects one mark
/// and the phone sees that. The class is chosen from the Kocaeli demo in the database (the next one nobody has logged
/// yet), and the database is checked at the end. Accounts are made with the operator's own command.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffLogsAttendanceTests(BrowserFixture browser)
{
    private const int Ticks = 20;

    /// <summary>Generous for a busy two-core CI machine; the bunit tests hold the 2-second promise on their own.</summary>
    private const float LiveTimeoutMs = 90_000;

    /// <summary>Roster pages check accessibility and strings; the Tab walk of a long list of radio groups is replaced by the keyboard tick below.</summary>
    private const PageChecks RosterChecks = PageChecks.Accessibility | PageChecks.ResourceKeys;

    [Fact]
    public async Task A_staff_member_logs_a_roster_of_20_while_a_second_browser_on_the_same_session_sees_the_ticks_appear()
    {
        var session = await NextUnloggedClassAsync("IZM", "KOC-ANNEYANI");
        var (phoneEmail, phoneUser) = await StaffAccountAsync("IZM");
        var (desktopEmail, _) = await StaffAccountAsync("IZM");
        await using var phone = await SignedInAsync(phoneEmail, Viewport.Phone, "tr");
        await using var desktop = await SignedInAsync(desktopEmail, Viewport.Desktop, "en");

        // The phone finds the class on the day's list, grouped under its centre, and opens it in the app.
        await phone.OpenAsync($"/staff/today?date={session.Date:yyyy-MM-dd}", "class-day");
        (await phone.HeadingAsync()).Should().Be(UiStrings.Get("TodayTitle", "tr"));
        (await phone.Page.Locator("section.today-centre-group h3").AllInnerTextsAsync()).Should().ContainSingle()
            .Which.Should().StartWith(session.Centre, "only the staff member's own centre");
        await phone.FollowInAppAsync(phone.Page.Locator($"a[href='{RosterPage.PathFor(session.Id)}']"), "roster", RosterChecks);
        var phoneRows = phone.Page.Locator("li.roster-row");
        await Expect(phoneRows).ToHaveCountAsync(session.Children, new() { Timeout = LiveTimeoutMs });

        // The colleague has the same class open on a desktop.
        await desktop.OpenAsync(RosterPage.PathFor(session.Id), "roster-open", RosterChecks);
        var desktopRows = desktop.Page.Locator("li.roster-row");
        await Expect(desktopRows).ToHaveCountAsync(session.Children, new() { Timeout = LiveTimeoutMs });

        var present = UiStrings.Get("AttendancePresent", "tr");
        for (var i = 0; i < Ticks; i++)
        {
            await phoneRows.Nth(i).Locator("label", new() { HasText = present }).ClickAsync();
        }
        await Expect(phone.Page.Locator("li.roster-row[data-state=Saved]")).ToHaveCountAsync(Ticks, new() { Timeout = LiveTimeoutMs });
        await phone.ScreenshotAsync("ticked");

        // Without a reload, the desktop shows the same 20 children present, in the same rows.
        await Expect(desktop.Page.Locator("li.roster-row[data-shown=Present]")).ToHaveCountAsync(Ticks, new() { Timeout = LiveTimeoutMs });
        var tickedOnPhone = await phone.Page.Locator("li.roster-row[data-shown=Present]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.participant)");
        var seenOnDesktop = await desktop.Page.Locator("li.roster-row[data-shown=Present]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.participant)");
        seenOnDesktop.Should().BeEquivalentTo(tickedOnPhone);
        (await desktop.Page.Locator("#roster-summary").InnerTextAsync()).Should().StartWith($"Present: {Ticks} ·");
        await desktop.ArriveAsync("ticks-arrived", RosterChecks);

        // The colleague corrects a mark with the keyboard alone: Tab to the first child's marks, arrow to "Absent".
        var corrected = tickedOnPhone[0];
        await KeyboardCheck.TabToAsync(desktop.Page, $"li[data-participant='{corrected}'] input[type=radio]");
        await desktop.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(desktop.Page.Locator($"li[data-participant='{corrected}']")).ToHaveAttributeAsync("data-shown", "Absent", new() { Timeout = LiveTimeoutMs });
        await Expect(desktop.Page.Locator($"li[data-participant='{corrected}']")).ToHaveAttributeAsync("data-state", "Saved", new() { Timeout = LiveTimeoutMs });
        await Expect(phone.Page.Locator($"li[data-participant='{corrected}']")).ToHaveAttributeAsync("data-shown", "Absent", new() { Timeout = LiveTimeoutMs });
        await phone.ScreenshotAsync("correction-arrived");

        // A class of over a hundred on a phone: the filter finds one child by a piece of the code.
        var code = await phone.Page.Locator($"li[data-participant='{corrected}'] .roster-row__code").InnerTextAsync();
        await phone.Page.Locator("#roster-filter").FillAsync(code[..6]);
        await Expect(phone.Page.Locator($"li[data-participant='{corrected}']")).ToBeVisibleAsync();
        await Expect(phoneRows).Not.ToHaveCountAsync(session.Children, new() { Timeout = LiveTimeoutMs });
        (await phoneRows.CountAsync()).Should().BeLessThan(session.Children);
        await phone.ArriveAsync("filtered", RosterChecks);

        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var marks = await db.Attendances.Where(a => a.SessionId == session.Id).ToListAsync();
        marks.Should().HaveCount(Ticks);
        marks.Count(a => a.Status == AttendanceStatus.Present).Should().Be(Ticks - 1);
        marks.Single(a => a.Status == AttendanceStatus.Absent).ParticipantId.ToString(CultureInfo.InvariantCulture).Should().Be(corrected);
        marks.Where(a => a.Status == AttendanceStatus.Present).Should().OnlyContain(a => a.RecordedById == phoneUser);
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == session.Id)).Should().Be(Ticks + 1, "20 first marks and one correction");
        (await db.Sessions.SingleAsync(s => s.Id == session.Id)).Status.Should().Be(SessionStatus.Held);
    }

    /// <summary>The weekly mother-and-child meet-up takes no names, only a headcount; centres that keep their own lists upload them.</summary>
    [Fact]
    public async Task A_staff_member_logs_the_headcount_of_an_open_meet_up()
    {
        var (email, _) = await StaffAccountAsync("IZM");
        await using var staff = await SignedInAsync(email, Viewport.Phone, "tr");
        var page = staff.Page;
        var meetUp = await browser.NextSessionDateAsync("IZM", "KOC-BULUSMA");

        await staff.OpenAsync($"/staff/today?date={meetUp:yyyy-MM-dd}", "meet-up-day");
        await staff.FollowInAppAsync(page.Locator("section.today-centre-group a", new() { HasText = "Anne-Çocuk Buluşma Saati" }).First, "headcount");
        (await page.Locator("li.roster-row").CountAsync()).Should().Be(0, "no names are taken");
        await page.Locator("#children").FillAsync("14");
        await page.Locator("#adults").FillAsync("11");
        await page.Locator("#save-headcount").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(UiStrings.Get("RosterSaved", "tr").Replace("{0}", "14", StringComparison.Ordinal));

        await staff.OpenAsync(page.Url, "headcount-again");
        (await page.Locator("#children").InputValueAsync()).Should().Be("14");
        (await page.Locator("#adults").InputValueAsync()).Should().Be("11");

        await staff.OpenAsync("/staff/import", "import-page");
        (await page.Locator("input[type=file]").CountAsync()).Should().Be(1);
    }

    private sealed record ClassSession(long Id, DateOnly Date, string Centre, int Children);

    /// <summary>
    /// The next class of the programme at the centre that nobody has logged yet, after today (in the centre's time), with
    /// at least 20 children on its roster, counted as the roster counts them.
    /// </summary>
    private async Task<ClassSession> NextUnloggedClassAsync(string centreCode, string programmeCode)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var candidates = await db.Sessions
            .Where(s => s.Offering.Centre.Code == centreCode && s.Offering.Programme.Code == programmeCode
                && s.Status == SessionStatus.Scheduled && s.StartsAt >= tomorrow && !s.Attendances.Any())
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Offering.Code)
            .Include(s => s.Offering).ThenInclude(o => o.Centre)
            .Take(20)
            .ToListAsync();
        foreach (var session in candidates)
        {
            var children = (await StaffSessions.RosterParticipantIdsAsync(db, session)).Distinct().Count();
            if (children < Ticks) continue;
            var local = TimeZoneInfo.ConvertTimeFromUtc(session.StartsAt, TimeZoneInfo.FindSystemTimeZoneById(session.Offering.Centre.TimeZone));
            return new ClassSession(session.Id, DateOnly.FromDateTime(local), session.Offering.Centre.Name, children);
        }
        throw new InvalidOperationException($"The demo has no unlogged {programmeCode} class at {centreCode} with {Ticks} children.");
    }

    /// <summary>A centre staff account made with the operator's command: its e-mail address and id.</summary>
    private async Task<(string Email, string Id)> StaffAccountAsync(string centreCode)
    {
        var email = $"izmit.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "CentreStaff", "--centre", centreCode);
        _oneTimePasswords[email] = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var normalized = email.ToUpperInvariant();
        return (email, await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync());
    }

    private readonly Dictionary<string, string> _oneTimePasswords = [];

    /// <summary>Signs in with the one-time password and chooses an own one, as on a first day.</summary>
    private async Task<Visitor> SignedInAsync(string email, Viewport viewport, string language, [CallerMemberName] string test = "")
    {
        var visitor = await browser.NewVisitorAsync(viewport, language, test: test);
        var page = visitor.Page;
        await visitor.OpenAsync("/staff/today", "sign-in-required", PageChecks.None);
        new Uri(page.Url).AbsolutePath.Should().Be("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(_oneTimePasswords[email]);
        await visitor.FollowAsync(page.Locator("form.form-narrow button[type=submit]"), "own-password", PageChecks.None);
        await visitor.ChooseOwnPasswordAsync(_oneTimePasswords[email], "signed-in", PageChecks.None);
        return visitor;
    }
}
