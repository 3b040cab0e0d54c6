using System.Globalization;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Offerings;

/// <summary>
/// Offerings (OfferingEditor): centre staff create and edit their own centres' offerings, only editors publish;
/// saving a schedule generates its future sessions and never removes a session with something recorded.
/// </summary>
public class OfferingEditorTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>A Monday at least two weeks ahead, so every meeting of the test schedules is in the future.</summary>
    private static DateOnly Monday()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Berlin)).AddDays(14);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static OfferingForm Form(int centreId, DateOnly from, DateOnly to, DayOfWeek[] weekdays, string excluded = "", string version = "",
        OfferingStatus status = OfferingStatus.Scheduled, string note = "") => new()
    {
        CentreId = centreId.ToString(CultureInfo.InvariantCulture), Capacity = "12", Kind = nameof(ScheduleKind.Weekly),
        StartDate = Iso(from), EndDate = Iso(to), StartTime = "15:00", EndTime = "16:30", ExcludedDates = excluded,
        Status = status.ToString(), StatusNote = note, Version = version, Weekdays = weekdays.Select(d => d.ToString()).ToList(),
    };

    private async Task<SaveResult> SaveAsync(TestWorld.Account account, int? offeringId, int programmeId, OfferingForm form) =>
        await world.Offerings.SaveAsync(await world.PrincipalAsync(account), offeringId, programmeId, form);

    [Fact]
    public async Task Centre_staff_create_a_weekly_offering_at_their_centre_and_its_sessions_are_generated()
    {
        var programme = await world.ProgrammeAsync();
        var monday = Monday();
        var holiday = monday.AddDays(8); // the second Tuesday

        var result = await SaveAsync(world.StaffA, null, programme.Id,
            Form(world.CentreA.Id, monday, monday.AddDays(27), [DayOfWeek.Tuesday, DayOfWeek.Thursday], excluded: Iso(holiday)));

        result.Status.Should().Be(SaveStatus.Saved);
        result.Sessions.Should().Be((7, 0), "8 meetings in four weeks, less the holiday");
        await using var db = world.NewDb();
        var offering = await db.Offerings.AsNoTracking().Include(o => o.Sessions).SingleAsync(o => o.Id == result.Id);
        offering.CentreId.Should().Be(world.CentreA.Id);
        offering.PublicationState.Should().Be(PublicationState.Draft, "only editors publish");
        offering.Code.Should().Be($"{programme.Code}-01", "the programme's code and the first free number");
        offering.Schedule.ExcludedDates.Should().Equal(holiday);
        var meetings = offering.Sessions.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, Berlin)).Order().ToList();
        meetings.Should().HaveCount(7).And.OnlyContain(m => m.Hour == 15 && (m.DayOfWeek == DayOfWeek.Tuesday || m.DayOfWeek == DayOfWeek.Thursday));
        meetings.Select(DateOnly.FromDateTime).Should().NotContain(holiday);
        offering.Sessions.Should().OnlyContain(s => s.Status == SessionStatus.Scheduled && s.EndsAt - s.StartsAt == TimeSpan.FromMinutes(90));
        var created = await db.CatalogueChanges.SingleAsync(c => c.ItemType == "Offering" && c.ItemId == offering.Id);
        (created.Action, created.ChangedById).Should().Be(("Created", world.StaffA.Id));
        var history = await ChangeHistoryEntries.ReadAsync(db, "Offering", offering.Id, Berlin, world.Texts);
        history.Single().Fields.Single(f => f.Label == world.Texts["EditCentre"]).Should().Be(
            new ChangeHistoryEntries.Field(world.Texts["EditCentre"], null, world.CentreA.Name), "ids are shown by name");
        history.Single().Fields.Single(f => f.Label == world.Texts["EditWeekdays"]).After.Should().Be(
            $"{CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(DayOfWeek.Tuesday)}, {CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(DayOfWeek.Thursday)}");
    }

    [Fact]
    public async Task Centre_staff_cannot_place_an_offering_at_another_centre_nor_see_or_change_its_offerings()
    {
        var programme = await world.ProgrammeAsync();
        var offeringOfA = await OfferingIdAsync(programme.Id);
        var monday = Monday();
        var staffB = await world.PrincipalAsync(world.StaffB);
        var version = await world.OfferingVersionAsync(offeringOfA);

        var elsewhere = await SaveAsync(world.StaffA, null, programme.Id, Form(world.CentreB.Id, monday, monday.AddDays(6), [DayOfWeek.Monday]));
        elsewhere.Problems.Should().Contain(p => p.Field == "centreId");
        (await world.Offerings.LoadAsync(staffB, offeringOfA)).Should().BeNull();
        (await world.Offerings.NewAsync(staffB, programme.Id)).Should().BeNull("the programme does not run at centre B");
        (await world.Offerings.RoomsAsync(staffB, world.CentreA.Id)).Should().BeEmpty();
        (await world.Offerings.SaveAsync(staffB, offeringOfA, programme.Id,
            Form(world.CentreB.Id, monday, monday.AddDays(6), [DayOfWeek.Monday], version: version.ToString(CultureInfo.InvariantCulture)))).Status.Should().Be(SaveStatus.NotFound);
        (await world.Offerings.TakeStepAsync(staffB, offeringOfA, WorkflowStep.SendToReview, version)).Status.Should().Be(SaveStatus.NotFound);

        await using var db = world.NewDb();
        (await db.Offerings.CountAsync(o => o.ProgrammeId == programme.Id)).Should().Be(1, "nothing was created");
        var stored = await db.Offerings.AsNoTracking().SingleAsync(o => o.Id == offeringOfA);
        (stored.CentreId, stored.PublicationState, stored.Version).Should().Be((world.CentreA.Id, PublicationState.Draft, version));
        (await world.HistoryCountAsync("Offering", offeringOfA)).Should().Be(0);
    }

    [Fact]
    public async Task Centre_staff_send_an_offering_to_review_and_only_an_editor_publishes_it()
    {
        var programme = await world.ProgrammeAsync();
        var id = await OfferingIdAsync(programme.Id);
        var staff = await world.PrincipalAsync(world.StaffA);
        var editor = await world.PrincipalAsync(world.Editor);

        (await world.Offerings.TakeStepAsync(staff, id, WorkflowStep.SendToReview, await world.OfferingVersionAsync(id))).Succeeded.Should().BeTrue();
        (await world.Offerings.TakeStepAsync(staff, id, WorkflowStep.Publish, await world.OfferingVersionAsync(id))).Message.Should().Be(world.Texts["EditOnlyEditorsPublish"]);
        (await StateAsync(id)).Should().Be(PublicationState.InReview);

        (await world.Offerings.TakeStepAsync(editor, id, WorkflowStep.Publish, await world.OfferingVersionAsync(id))).Succeeded.Should().BeTrue();
        (await StateAsync(id)).Should().Be(PublicationState.Published);
        (await world.Offerings.TakeStepAsync(staff, id, WorkflowStep.Archive, await world.OfferingVersionAsync(id))).Status.Should().Be(SaveStatus.Refused);
        (await StateAsync(id)).Should().Be(PublicationState.Published);
        var history = await HistoryAsync(id);
        history.Select(h => h.ChangedById).Should().Equal(world.StaffA.Id, world.Editor.Id);
    }

    [Fact]
    public async Task A_new_schedule_adds_missing_sessions_removes_unused_ones_and_keeps_what_was_recorded()
    {
        var programme = await world.ProgrammeAsync();
        var id = await OfferingIdAsync(programme.Id);
        var monday = Monday();
        var first = await SaveAsync(world.Editor, id, programme.Id,
            Form(world.CentreA.Id, monday, monday.AddDays(13), [DayOfWeek.Tuesday], version: await VersionTextAsync(id)));
        first.Sessions.Should().Be((2, 0));

        long recordedId;
        await using (var db = world.NewDb())
        {
            var sessions = await db.Sessions.Where(s => s.OfferingId == id).OrderBy(s => s.StartsAt).ToListAsync();
            recordedId = sessions[0].Id;
            var child = new Participant { Code = ParticipantCode.Create(new Random(7)), BirthYear = 2021, BirthMonth = 3, DistrictId = world.CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            db.Participants.Add(child);
            await db.SaveChangesAsync();
            db.Attendances.Add(new FamilyServices.Web.Domain.Attendance { SessionId = recordedId, ParticipantId = child.Id, Status = AttendanceStatus.Present, RecordedAt = DateTime.UtcNow });
            db.Sessions.Add(new Session { OfferingId = id, StartsAt = DateTime.UtcNow.AddDays(-7), EndsAt = DateTime.UtcNow.AddDays(-7).AddHours(1), Status = SessionStatus.Held });
            await db.SaveChangesAsync();
        }

        var second = await SaveAsync(world.Editor, id, programme.Id,
            Form(world.CentreA.Id, monday, monday.AddDays(13), [DayOfWeek.Thursday], version: await VersionTextAsync(id)));

        second.Sessions.Should().Be((2, 1), "the Tuesday with attendance stays");
        await using var check = world.NewDb();
        var future = await check.Sessions.Where(s => s.OfferingId == id && s.StartsAt > DateTime.UtcNow).OrderBy(s => s.StartsAt).ToListAsync();
        future.Select(s => (s.Id == recordedId, TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, Berlin).DayOfWeek)).Should()
            .Equal((true, DayOfWeek.Tuesday), (false, DayOfWeek.Thursday), (false, DayOfWeek.Thursday));
        (await check.Attendances.CountAsync(a => a.SessionId == recordedId)).Should().Be(1, "attendance is never deleted");
        (await check.Sessions.CountAsync(s => s.OfferingId == id && s.StartsAt < DateTime.UtcNow)).Should().Be(1, "the past is never touched");
    }

    [Fact]
    public async Task Cancelling_an_offering_needs_a_note_and_cancels_its_future_sessions_until_it_runs_again()
    {
        var programme = await world.ProgrammeAsync();
        var id = await OfferingIdAsync(programme.Id);
        var monday = Monday();
        async Task<SaveResult> SaveStatusAsync(OfferingStatus status, string note) => await SaveAsync(world.StaffA, id, programme.Id,
            Form(world.CentreA.Id, monday, monday.AddDays(13), [DayOfWeek.Wednesday], version: await VersionTextAsync(id), status: status, note: note));

        var withoutNote = await SaveStatusAsync(OfferingStatus.Cancelled, "");
        withoutNote.Problems.Should().Contain(new FormProblem("statusNote", world.Texts["EditStatusNoteRequired"]));
        Form(world.CentreA.Id, monday, monday, [], status: OfferingStatus.Cancelled).Cancels(OfferingStatus.Scheduled).Should().BeTrue("the page confirms it first");

        (await SaveStatusAsync(OfferingStatus.Cancelled, "Die Kursleiterin ist krank.")).Succeeded.Should().BeTrue();
        (await SessionStatesAsync(id)).Should().Equal((SessionStatus.Cancelled, "Die Kursleiterin ist krank."), (SessionStatus.Cancelled, "Die Kursleiterin ist krank."));

        (await SaveStatusAsync(OfferingStatus.Scheduled, "")).Succeeded.Should().BeTrue();
        (await SessionStatesAsync(id)).Should().Equal((SessionStatus.Scheduled, null), (SessionStatus.Scheduled, null));
    }

    [Fact]
    public async Task The_second_of_two_people_saving_an_offering_is_refused_with_who_saved_first()
    {
        var programme = await world.ProgrammeAsync();
        var id = await OfferingIdAsync(programme.Id);
        var monday = Monday();
        var readVersion = await VersionTextAsync(id);

        (await SaveAsync(world.Editor, id, programme.Id, Form(world.CentreA.Id, monday, monday.AddDays(6), [DayOfWeek.Friday], version: readVersion))).Succeeded.Should().BeTrue();
        var staffForm = Form(world.CentreA.Id, monday, monday.AddDays(6), [DayOfWeek.Monday], version: readVersion);
        var refused = await SaveAsync(world.StaffA, id, programme.Id, staffForm);

        refused.Status.Should().Be(SaveStatus.Conflict);
        refused.Message.Should().Contain(world.Editor.Email.Split('@')[0]);
        staffForm.Weekdays.Should().Equal("Monday");
        await using var db = world.NewDb();
        (await db.Offerings.AsNoTracking().SingleAsync(o => o.Id == id)).Schedule.Weekdays.Should().Be(Weekdays.Friday);
        (await db.Sessions.CountAsync(s => s.OfferingId == id)).Should().Be(1, "only the editor's Friday");
    }

    [Fact]
    public async Task A_room_of_another_centre_and_an_unsafe_online_address_are_refused()
    {
        var programme = await world.ProgrammeAsync();
        var monday = Monday();
        var form = Form(world.CentreB.Id, monday, monday.AddDays(6), [DayOfWeek.Monday]);
        form.RoomId = world.RoomA.Id.ToString(CultureInfo.InvariantCulture);
        (form.IsOnline, form.OnlineUrl) = (true, "javascript:alert(1)");

        var result = await SaveAsync(world.Editor, null, programme.Id, form);

        result.Problems.Select(p => p.Field).Should().Contain(["roomId", "onlineUrl"]);
    }

    [Fact]
    public async Task A_programmes_offerings_are_listed_a_page_at_a_time_and_centre_staff_see_their_own_only()
    {
        var programme = await world.ProgrammeAsync();
        await using (var db = world.NewDb())
        {
            var catalogue = new TestCatalogue(db);
            for (var i = 0; i < 11; i++) await catalogue.OfferingAsync(programme, world.CentreB);
        }
        var editor = await world.PrincipalAsync(world.Editor);
        var staffA = await world.PrincipalAsync(world.StaffA);
        await using var read = world.NewDb();

        var first = await OfferingList.PageAsync(read, editor, programme.Id, "", OfferingSort.Centre, false, 0, OfferingList.DefaultPageSize);
        var second = await OfferingList.PageAsync(read, editor, programme.Id, "", OfferingSort.Centre, false, 1, OfferingList.DefaultPageSize);
        var mine = await OfferingList.PageAsync(read, staffA, programme.Id, "", OfferingSort.Code, true, 0, OfferingList.MaxPageSize);
        var byCode = await OfferingList.PageAsync(read, editor, programme.Id, first.Rows[0].Code.ToLowerInvariant(), OfferingSort.Code, false, 0, 10);

        (first.Total, first.Rows.Count, second.Rows.Count).Should().Be((12, OfferingList.DefaultPageSize, 2));
        first.Rows.Concat(second.Rows).Select(r => r.Id).Should().OnlyHaveUniqueItems();
        mine.Rows.Should().ContainSingle().Which.Centre.Should().Be(world.CentreA.Name);
        byCode.Rows.Select(r => r.Id).Should().Contain(first.Rows[0].Id);
        byCode.Rows.Should().OnlyContain(r => r.Code.Contains(first.Rows[0].Code, StringComparison.OrdinalIgnoreCase), "the search matches codes, case folded");
    }

    private async Task<string> VersionTextAsync(int offeringId) => (await world.OfferingVersionAsync(offeringId)).ToString(CultureInfo.InvariantCulture);

    private async Task<int> OfferingIdAsync(int programmeId)
    {
        await using var db = world.NewDb();
        return await db.Offerings.Where(o => o.ProgrammeId == programmeId).Select(o => o.Id).SingleAsync();
    }

    private async Task<PublicationState> StateAsync(int offeringId)
    {
        await using var db = world.NewDb();
        return await db.Offerings.Where(o => o.Id == offeringId).Select(o => o.PublicationState).SingleAsync();
    }

    private async Task<List<CatalogueChange>> HistoryAsync(int offeringId)
    {
        await using var db = world.NewDb();
        return await db.CatalogueChanges.Where(c => c.ItemType == "Offering" && c.ItemId == offeringId).OrderBy(c => c.Id).ToListAsync();
    }

    private async Task<List<(SessionStatus, string?)>> SessionStatesAsync(int offeringId)
    {
        await using var db = world.NewDb();
        return (await db.Sessions.Where(s => s.OfferingId == offeringId).OrderBy(s => s.StartsAt).Select(s => new { s.Status, s.CancellationReason }).ToListAsync())
            .Select(s => (s.Status, s.CancellationReason)).ToList();
    }
}
