using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>The roster's actions besides ticking, as rules against the real database: headcount, adding children, cancelling.</summary>
public sealed class RosterActionsTests(StaffFixture world) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task An_open_activity_logs_an_anonymous_headcount_and_counts_as_held()
    {
        var session = await world.SessionAsync(offering: await OpenMeetingOfferingAsync());

        var refused = await world.ActAsync(world.StaffA, (roster, user) => roster.SaveHeadcountAsync(user, session.Id, -3, 4));
        var tooMany = await world.ActAsync(world.StaffA, (roster, user) => roster.SaveHeadcountAsync(user, session.Id, 12, RosterActions.MaxHeadcount + 1));
        var saved = await world.ActAsync(world.StaffA, (roster, user) => roster.SaveHeadcountAsync(user, session.Id, 12, 9));

        (refused.Outcome, refused.Problem).Should().Be((RosterOutcome.Refused, "HeadcountInvalid"));
        tooMany.Outcome.Should().Be(RosterOutcome.Refused);
        saved.Succeeded.Should().BeTrue();
        await using var db = world.NewDb();
        var stored = await db.Sessions.SingleAsync(s => s.Id == session.Id);
        (stored.HeadcountChildren, stored.HeadcountAdults, stored.Status).Should().Be((12, 9, SessionStatus.Held));
        (await db.Attendances.AnyAsync(a => a.SessionId == session.Id)).Should().BeFalse("no names are taken");
    }

    [Fact]
    public async Task An_open_activity_takes_no_names_and_a_class_no_headcount()
    {
        var open = await world.SessionAsync(offering: await OpenMeetingOfferingAsync());
        var group = await world.SessionAsync();

        var tick = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, open.Id, world.ChildrenA[0].Id, AttendanceStatus.Present));
        var add = await world.ActAsync(world.StaffA, (roster, user) => roster.AddByCodeAsync(user, open.Id, world.ChildrenA[0].Code, null));
        var count = await world.ActAsync(world.StaffA, (roster, user) => roster.SaveHeadcountAsync(user, group.Id, 3, 2));

        (tick.Problem, add.Problem, count.Problem).Should().Be(("RosterOpenMeetingNoNames", "RosterOpenMeetingNoNames", "RosterHeadcountOnlyOpen"));
        await using var db = world.NewDb();
        (await db.Attendances.AnyAsync(a => a.SessionId == open.Id || a.SessionId == group.Id)).Should().BeFalse();
        (await db.Sessions.SingleAsync(s => s.Id == group.Id)).HeadcountChildren.Should().BeNull();
    }

    [Fact]
    public async Task A_child_known_at_another_centre_is_added_by_code_and_stays_one_participant()
    {
        var session = await world.SessionAsync(daysAgo: 7);
        await using var before = world.NewDb();
        var participants = await before.Participants.CountAsync();

        var result = await world.ActAsync(world.StaffA, (roster, user) =>
            roster.AddByCodeAsync(user, session.Id, ParticipantCode.Display(world.ChildB.Code).ToLowerInvariant(), null));

        result.Succeeded.Should().BeTrue();
        await using var db = world.NewDb();
        (await db.Participants.CountAsync()).Should().Be(participants);
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == world.ChildB.Id)).Status.Should().Be(AttendanceStatus.Present);
        (await db.Enrolments.AnyAsync(e => e.ParticipantId == world.ChildB.Id && e.OfferingId == session.OfferingId)).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_code_is_refused_and_nothing_is_written()
    {
        var session = await world.SessionAsync();

        var typo = await world.ActAsync(world.StaffA, (roster, user) => roster.AddByCodeAsync(user, session.Id, "QQQQ-QQQQ", "Elif"));
        var sqlish = await world.ActAsync(world.StaffA, (roster, user) => roster.AddByCodeAsync(user, session.Id, "' OR 1=1 --", null));

        (typo.Problem, sqlish.Problem).Should().Be(("AddChildCodeUnknown", "AddChildCodeUnknown"));
        await using var db = world.NewDb();
        (await db.Attendances.AnyAsync(a => a.SessionId == session.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task A_nickname_is_shown_only_to_the_centre_that_gave_it()
    {
        var child = world.ChildrenA[5];
        var sessionA = await world.SessionAsync(daysAgo: 1);
        var sessionB = await world.SessionAsync(daysAgo: 1, offering: world.OfferingB);

        (await world.ActAsync(world.StaffA, (roster, user) => roster.AddByCodeAsync(user, sessionA.Id, child.Code, "  Elif  "))).Succeeded.Should().BeTrue();
        (await world.ActAsync(world.StaffB, (roster, user) => roster.AddByCodeAsync(user, sessionB.Id, child.Code, null))).Succeeded.Should().BeTrue();

        var rosterA = await world.ActAsync(world.StaffA, (roster, user) => roster.OpenAsync(user, sessionA.Id, "en"));
        var rosterB = await world.ActAsync(world.StaffB, (roster, user) => roster.OpenAsync(user, sessionB.Id, "en"));
        rosterA!.Children.Single(c => c.Id == child.Id).Nickname.Should().Be("Elif");
        rosterB!.Children.Single(c => c.Id == child.Id).Nickname.Should().BeNull();
    }

    [Fact]
    public async Task A_new_child_needs_birth_month_district_and_the_familys_consent_and_gets_a_valid_code()
    {
        var session = await world.SessionAsync(daysAgo: 7);
        var district = world.CentreA.DistrictId;
        await using var before = world.NewDb();
        var participants = await before.Participants.CountAsync();

        var future = await world.ActAsync(world.StaffA, (roster, user) => roster.AddNewAsync(user, session.Id, new NewChild(2099, 7, district, null, true)));
        var tooOld = await world.ActAsync(world.StaffA, (roster, user) => roster.AddNewAsync(user, session.Id, new NewChild(1990, 7, district, null, true)));
        var month = await world.ActAsync(world.StaffA, (roster, user) => roster.AddNewAsync(user, session.Id, new NewChild(2022, 13, district, null, true)));
        var nowhere = await world.ActAsync(world.StaffA, (roster, user) => roster.AddNewAsync(user, session.Id, new NewChild(2022, 7, int.MaxValue, null, true)));
        var noConsent = await world.ActAsync(world.StaffA, (roster, user) => roster.AddNewAsync(user, session.Id, new NewChild(2022, 7, district, null, false)));
        await using (var unchanged = world.NewDb()) (await unchanged.Participants.CountAsync()).Should().Be(participants);
        var added = await world.ActAsync(world.StaffA, (roster, user) => roster.AddNewAsync(user, session.Id, new NewChild(2022, 7, district, null, true)));

        new[] { future, tooOld, month, nowhere }.Should().OnlyContain(r => r.Problem == "AddChildInvalid");
        noConsent.Problem.Should().Be("AddChildConsentRequired");
        added.Succeeded.Should().BeTrue();
        await using var db = world.NewDb();
        var child = await db.Participants.SingleAsync(p => p.Id == added.Count);
        (await db.Participants.CountAsync()).Should().Be(participants + 1);
        ParticipantCode.IsValid(child.Code).Should().BeTrue();
        (child.BirthYear, child.BirthMonth, child.DistrictId).Should().Be((2022, 7, district));
        (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == child.Id)).Status.Should().Be(AttendanceStatus.Present);
        (await db.Enrolments.AnyAsync(e => e.ParticipantId == child.Id && e.OfferingId == session.OfferingId)).Should().BeTrue();
    }

    [Fact]
    public async Task A_session_is_cancelled_only_with_a_reason_and_then_takes_no_attendance()
    {
        var session = await world.SessionAsync(daysAgo: -7);

        var blank = await world.ActAsync(world.StaffA, (roster, user) => roster.CancelAsync(user, session.Id, "  "));
        var tooLong = await world.ActAsync(world.StaffA, (roster, user) => roster.CancelAsync(user, session.Id, new string('x', 20_000)));
        var hidden = await world.ActAsync(world.StaffA, (roster, user) => roster.CancelAsync(user, session.Id, "krank\0"));
        var cancelled = await world.ActAsync(world.StaffA, (roster, user) => roster.CancelAsync(user, session.Id, "  Kursleitung krank "));
        var tick = await world.ActAsync(world.StaffA, (roster, user) => roster.MarkAsync(user, session.Id, world.ChildrenA[0].Id, AttendanceStatus.Present));

        (blank.Problem, tooLong.Problem, hidden.Problem).Should().Be(("CancelSessionReasonRequired", "CancelSessionReasonRequired", "RosterTextHiddenCharacters"));
        cancelled.Succeeded.Should().BeTrue();
        tick.Problem.Should().Be("RosterSessionIsCancelled");
        await using var db = world.NewDb();
        var stored = await db.Sessions.SingleAsync(s => s.Id == session.Id);
        (stored.Status, stored.CancellationReason).Should().Be((SessionStatus.Cancelled, "Kursleitung krank"));
        (await db.Attendances.AnyAsync(a => a.SessionId == session.Id)).Should().BeFalse();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\",\"x\")")]
    [InlineData("'); DROP TABLE sessions; --")]
    [InlineData("<script>alert(1)</script>\"><img src=x onerror=alert(1)>")]
    public async Task Odd_but_printable_text_is_stored_as_it_was_typed(string text)
    {
        var session = await world.SessionAsync(daysAgo: -8);

        var result = await world.ActAsync(world.StaffA, (roster, user) => roster.CancelAsync(user, session.Id, text));

        result.Succeeded.Should().BeTrue();
        await using var db = world.NewDb();
        (await db.Sessions.SingleAsync(s => s.Id == session.Id)).CancellationReason.Should().Be(text);
    }

    [Theory]
    [InlineData("Ali\0")]
    [InlineData("Ali\u202Eevil")]
    [InlineData("Ali\u2066x\u2069")]
    [InlineData("Ali\r\nBerk")]
    public void A_nickname_with_hidden_characters_is_refused(string nickname)
    {
        RosterInput.Nickname(nickname, out _)!.Problem.Should().Be("RosterTextHiddenCharacters");
    }

    [Fact]
    public void A_nickname_is_trimmed_empty_is_none_and_long_is_refused()
    {
        RosterInput.Nickname("  Zeynep Çelik ", out var trimmed).Should().BeNull();
        trimmed.Should().Be("Zeynep Çelik");
        RosterInput.Nickname("   ", out var none).Should().BeNull();
        none.Should().BeNull();
        RosterInput.Nickname(new string('a', RosterActions.MaxNicknameLength + 1), out _)!.Problem.Should().Be("AddChildNicknameTooLong");
    }

    [Fact]
    public void The_filter_matches_nickname_parts_without_accents_and_codes_with_or_without_the_hyphen()
    {
        var child = new RosterChild(1, "KX7M4QRA", 2021, 3, "Zeynep Çelik");

        child.Matches(null).Should().BeTrue();
        child.Matches("celik").Should().BeTrue();
        child.Matches("ZEY").Should().BeTrue();
        child.Matches("kx7m-4q").Should().BeTrue();
        child.Matches("m4qr").Should().BeTrue();
        child.Matches("Elif").Should().BeFalse();
        child.Matches("-").Should().BeFalse();
    }

    private async Task<Offering> OpenMeetingOfferingAsync()
    {
        await using var db = world.NewDb();
        return await db.Offerings.SingleAsync(o => o.Id == world.OpenMeetingA.OfferingId);
    }
}
