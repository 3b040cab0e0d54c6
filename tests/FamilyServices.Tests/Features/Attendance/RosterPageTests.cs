using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>The roster as its circuit runs it: ticks save at once, colleagues' ticks arrive live, the page never claims a save it did not make.</summary>
public sealed class RosterPageTests(StaffFixture world) : InteractivePageTest(world), IClassFixture<StaffFixture>
{
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(30);

    /// <summary>The promise: a colleague's tick shows within 2 seconds, without reloading.</summary>
    private static readonly TimeSpan Live = TimeSpan.FromSeconds(2);

    private StaffFixture Fixture => (StaffFixture)World;

    /// <summary>Retries a check of the database until it holds (the page saves in the background of its render).</summary>
    private static async Task Eventually(Func<Task> check)
    {
        var until = DateTime.UtcNow + Load;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task A_tick_is_saved_at_once_and_the_row_says_so()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var child = Fixture.ChildrenA[3];
        var page = this.OpenRoster(session);

        page.Row(child).GetAttribute("data-state").Should().Be(nameof(MarkState.Unmarked));
        page.Tick(child, AttendanceStatus.Excused);

        page.WaitForAssertion(() => page.Row(child).GetAttribute("data-state").Should().Be(nameof(MarkState.Saved)), Load);
        page.Row(child).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Excused));
        page.Row(child).TextContent.Should().Contain("Saved");
        await using var db = World.NewDb();
        var mark = await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == child.Id);
        (mark.Status, mark.RecordedById).Should().Be((AttendanceStatus.Excused, World.StaffA.Id));
        (await db.Sessions.SingleAsync(s => s.Id == session.Id)).Status.Should().Be(SessionStatus.Held);
    }

    [Fact]
    public async Task A_roster_of_20_is_logged_tick_by_tick_and_ticking_again_creates_no_duplicates()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var expected = Fixture.ChildrenA.Select((child, i) => (child, status: i % 5 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present)).ToList();

        foreach (var (child, status) in expected) page.Tick(child, status);
        page.WaitForAssertion(() => page.FindAll("li.roster-row[data-state='Saved']").Should().HaveCount(20), Load);
        foreach (var (child, status) in expected.Take(5)) page.Tick(child, status);
        page.WaitForAssertion(() => page.FindAll("li.roster-row[data-state='Saved']").Should().HaveCount(20), Load);

        await using var db = World.NewDb();
        var rows = await db.Attendances.Where(a => a.SessionId == session.Id).ToListAsync();
        rows.Should().HaveCount(20);
        rows.Count(a => a.Status == AttendanceStatus.Present).Should().Be(expected.Count(m => m.status == AttendanceStatus.Present));
        (await db.AttendanceChanges.CountAsync(c => c.SessionId == session.Id)).Should().Be(20, "the repeated ticks changed nothing");
        page.Find("#roster-summary").TextContent.Should().StartWith($"Present: {expected.Count(m => m.status == AttendanceStatus.Present)} · Absent: {expected.Count(m => m.status == AttendanceStatus.Absent)}");
    }

    [Fact]
    public async Task A_colleagues_tick_on_another_page_appears_within_two_seconds()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var mine = this.OpenRoster(session);
        var theirs = this.OpenRoster(session);
        var child = Fixture.ChildrenA[7];

        theirs.Tick(child, AttendanceStatus.Absent);

        mine.WaitForAssertion(() => mine.Row(child).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Absent)), Live);
        mine.Row(child).GetAttribute("data-state").Should().Be(nameof(MarkState.Saved));
    }

    [Fact]
    public async Task A_save_from_another_circuit_or_portal_instance_appears_within_two_seconds()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var child = Fixture.ChildrenA[8];
        var other = await World.PrincipalAsync(World.CoordinatorA);

        await using (var scope = World.Scope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<RosterActions>().MarkAsync(other, session.Id, child.Id, AttendanceStatus.Excused);
            result.Succeeded.Should().BeTrue();
        }

        page.WaitForAssertion(() => page.Row(child).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Excused)), Live);
    }

    [Fact]
    public async Task A_live_update_renders_in_the_users_language()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var child = Fixture.ChildrenA[10];
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr");
        try
        {
            var page = this.OpenRoster(session);
            var other = await World.PrincipalAsync(World.CoordinatorA);

            await Task.Run(async () =>
            {
                // The save happens elsewhere, in another language; the notification arrives on the listener's thread.
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
                await using var scope = World.Scope();
                (await scope.ServiceProvider.GetRequiredService<RosterActions>().MarkAsync(other, session.Id, child.Id, AttendanceStatus.Present))
                    .Succeeded.Should().BeTrue();
            });

            page.WaitForAssertion(() => page.Row(child).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Present)), Live);
            page.Row(child).TextContent.Should().Contain("Kaydedildi").And.Contain("Geldi");
            page.Find("#roster-summary").TextContent.Should().StartWith("Geldi: 1");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task A_child_a_colleague_adds_appears_on_the_open_roster()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var other = await World.PrincipalAsync(World.CoordinatorA);

        await using (var scope = World.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<RosterActions>().AddByCodeAsync(other, session.Id, Fixture.ChildB.Code, null))
                .Succeeded.Should().BeTrue();
        }

        page.WaitForAssertion(() => page.Row(Fixture.ChildB).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Present)), Live);
        page.Row(Fixture.ChildB).TextContent.Should().Contain(ParticipantCode.Display(Fixture.ChildB.Code));
    }

    [Fact]
    public async Task A_refused_tick_is_shown_as_not_saved_and_can_be_tried_again()
    {
        var helper = await World.AccountAsync($"helper.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, World.CentreA);
        await SignInAsync(helper);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var child = Fixture.ChildrenA[9];
        await Fixture.MoveAsync(helper, null);

        page.Tick(child, AttendanceStatus.Present);

        page.WaitForAssertion(() => page.Row(child).GetAttribute("data-state").Should().Be(nameof(MarkState.NotSaved)), Load);
        page.Row(child).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Present), "the tick stays visible, marked as not saved");
        page.Find("#not-saved").TextContent.Should().Contain("Marks not saved: 1");
        await Fixture.MoveAsync(helper, World.CentreA);
        page.Press($"li[data-participant='{child.Id}'] button");

        page.WaitForAssertion(() => page.Row(child).GetAttribute("data-state").Should().Be(nameof(MarkState.Saved)), Load);
        page.FindAll("#not-saved").Should().BeEmpty();
        await using var db = World.NewDb();
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == child.Id)).Status.Should().Be(AttendanceStatus.Present);
    }

    [Fact]
    public async Task The_filter_finds_a_child_by_nickname_or_by_code_as_typed()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var named = Fixture.ChildrenA[11];
        await using (var db = World.NewDb())
        {
            db.ParticipantNicknames.Add(new ParticipantNickname { CentreId = World.CentreA.Id, ParticipantId = named.Id, Nickname = "Zeynep Çelik" });
            await db.SaveChangesAsync();
        }
        var page = this.OpenRoster(session);
        var coded = Fixture.ChildrenA[12];

        page.Find("#roster-filter").Input("celik");
        page.WaitForAssertion(() => page.FindAll("li.roster-row").Select(r => r.GetAttribute("data-participant")).Should().Equal(named.Id.ToString()), Load);
        page.Find("#roster-filter").Input(ParticipantCode.Display(coded.Code).ToLowerInvariant()[..6]);
        page.WaitForAssertion(() => page.FindAll("li.roster-row").Select(r => r.GetAttribute("data-participant")).Should().Contain(coded.Id.ToString()), Load);
        page.Find("#roster-filter").Input("no such child");
        page.WaitForAssertion(() => page.Find("#roster-no-match").TextContent.Should().Contain("no such child"), Load);
        page.FindAll("li.roster-row").Should().BeEmpty();
    }

    [Fact]
    public async Task Mark_all_present_marks_only_those_without_a_mark()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var absent = Fixture.ChildrenA[0];
        page.Tick(absent, AttendanceStatus.Absent);
        page.WaitForAssertion(() => page.Row(absent).GetAttribute("data-state").Should().Be(nameof(MarkState.Saved)), Load);

        page.Press("#mark-all-present");

        page.WaitForAssertion(() => page.FindAll("li.roster-row[data-shown='Present']").Should().HaveCount(19), Load);
        page.Row(absent).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Absent));
        page.FindAll("#mark-all-present").Should().BeEmpty("nobody is left unmarked");
        await using var db = World.NewDb();
        (await db.Attendances.CountAsync(a => a.SessionId == session.Id && a.Status == AttendanceStatus.Present)).Should().Be(19);
    }

    [Fact]
    public async Task A_new_child_is_registered_from_the_page_and_a_refusal_keeps_what_was_typed()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var nickname = $"Lotta {Guid.NewGuid():N}"[..20];
        page.Expand("add-child-panel");

        page.Find("#birth-year").Change("2022");
        await page.ChooseAsync("Birth month", 7);
        await page.ChooseAsync("District where the child lives", World.CentreA.DistrictId);
        page.Find("#new-nickname").Change(nickname);
        page.Press("#add-new");

        page.WaitForAssertion(() => page.Find("#add-new-problem").TextContent.Should().Be("Please confirm that the family agreed to the registration."), Load);
        page.Find("#birth-year").GetAttribute("value").Should().Be("2022", "what was typed is kept");
        page.Find("#new-nickname").GetAttribute("value").Should().Be(nickname);
        await page.ConsentAsync();
        page.Press("#add-new");

        page.WaitForAssertion(() => page.FindAll("li.roster-row").Should().Contain(r => r.TextContent.Contains(nickname)), Load);
        await using var db = World.NewDb();
        var childId = await db.ParticipantNicknames.Where(n => n.Nickname == nickname).Select(n => n.ParticipantId).SingleAsync();
        var child = await db.Participants.SingleAsync(p => p.Id == childId);
        ParticipantCode.IsValid(child.Code).Should().BeTrue();
        (child.BirthYear, child.BirthMonth, child.DistrictId).Should().Be((2022, 7, World.CentreA.DistrictId));
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == childId)).Status.Should().Be(AttendanceStatus.Present);
    }

    [Fact]
    public async Task Cancelling_asks_first_and_then_the_roster_takes_no_more_ticks()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = this.OpenRoster(session);
        page.Expand("cancel-panel");

        page.Press("#cancel-session");
        page.WaitForAssertion(() => page.Find("#cancel-problem").TextContent.Should().StartWith("Give a reason"), Load);
        page.Find("#reason").Change("Kursleitung krank");
        page.Press("#cancel-session");
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.Should().Contain("Kursleitung krank"), Load);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel the session").Click();

        page.WaitForAssertion(() => page.Find("#cancelled-notice").TextContent.Should().Contain("Kursleitung krank"), Load);
        page.FindAll("li.roster-row input:not([disabled])").Should().BeEmpty("a cancelled session has no roster to tick");
        await using var db = World.NewDb();
        var cancelled = await db.Sessions.SingleAsync(s => s.Id == session.Id);
        (cancelled.Status, cancelled.CancellationReason).Should().Be((SessionStatus.Cancelled, "Kursleitung krank"));
    }

    [Fact]
    public async Task Dismissing_the_cancel_dialog_changes_nothing()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var dialogs = Render<MudDialogProvider>();
        var page = this.OpenRoster(session);
        page.Expand("cancel-panel");

        page.Find("#reason").Change("Not really");
        page.Press("#cancel-session");
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Should().NotBeEmpty(), Load);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").Should().BeEmpty(), Load);
        await using var db = World.NewDb();
        (await db.Sessions.SingleAsync(s => s.Id == session.Id)).Status.Should().Be(SessionStatus.Scheduled);
    }

    [Fact]
    public async Task An_open_activity_takes_a_headcount_from_the_page()
    {
        await SignInAsync(World.StaffA);
        var page = this.OpenRoster(Fixture.OpenMeetingA);

        page.Find("#children").Change("12");
        page.Find("#adults").Change("9");
        page.Press("#save-headcount");

        await Eventually(async () =>
        {
            await using var db = World.NewDb();
            var session = await db.Sessions.SingleAsync(s => s.Id == Fixture.OpenMeetingA.Id);
            (session.HeadcountChildren, session.HeadcountAdults, session.Status).Should().Be((12, 9, SessionStatus.Held));
        });
        page.FindAll("li.roster-row, #roster-filter").Should().BeEmpty("no names are taken");
    }

    [Fact]
    public async Task After_the_correction_window_staff_see_the_roster_read_only()
    {
        await SignInAsync(World.StaffA);

        var page = this.OpenRoster(Fixture.OldSessionA);

        page.WaitForAssertion(() => page.Find("#window-closed").TextContent.Should().StartWith("This session ended more than 14 days ago"), Load);
        await using (var db = World.NewDb())
        {
            var enrolled = await db.Enrolments.CountAsync(e => e.OfferingId == Fixture.OldSessionA.OfferingId);
            page.FindAll("li.roster-row").Should().HaveCount(enrolled, "every child enrolled in the group");
        }
        page.FindAll("li.roster-row input:not([disabled])").Should().BeEmpty();
        page.FindAll("#mark-all-present, #add-existing, #cancel-session").Should().BeEmpty();
    }

    [Fact]
    public async Task Opening_the_roster_records_one_view_of_its_children()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        long before;
        await using (var db = World.NewDb()) before = await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;

        this.OpenRoster(session);

        await using var after = World.NewDb();
        var entry = (await after.AuditEvents.Where(e => e.Id > before).ToListAsync()).Should().ContainSingle().Subject;
        (entry.Action, entry.ActorId, entry.CentreId).Should().Be((AuditAction.RosterViewed, World.StaffA.Id, World.CentreA.Id));
        entry.Subjects.Should().HaveCount(20);
    }

    [Fact]
    public async Task Hostile_text_in_a_nickname_is_refused_or_shown_as_text()
    {
        await SignInAsync(World.StaffA);
        var session = await Fixture.SessionAsync();
        var page = this.OpenRoster(session);
        var markup = $"<script>alert(1)</script>\"><img src=x onerror=alert(2)> {Guid.NewGuid():N}"[..58];
        page.Expand("add-child-panel");

        foreach (var (nickname, problem) in new[]
                 {
                     ("Ali\0", "invisible control characters"), ("Ali\u202Eilа", "invisible control characters"),
                     (new string('x', 20_000), "at most 60 characters"),
                 })
        {
            page.Find("#code").Change(Fixture.ChildrenA[13].Code);
            page.Find("#existing-nickname").Change(nickname);
            page.Press("#add-existing");
            page.WaitForAssertion(() => page.Find("#add-existing-problem").TextContent.Should().Contain(problem), Load);
        }
        page.Find("#code").Change(Fixture.ChildrenA[13].Code);
        page.Find("#existing-nickname").Change(markup);
        page.Press("#add-existing");

        page.WaitForAssertion(() => page.Row(Fixture.ChildrenA[13]).QuerySelector(".roster-row__nickname")!.TextContent.Should().Be(markup), Load);
        page.Row(Fixture.ChildrenA[13]).QuerySelectorAll("script, img").Should().BeEmpty();
    }
}
