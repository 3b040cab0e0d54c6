using System.Globalization;
using Bunit;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Offerings;

/// <summary>
/// The offering edit page as its circuit runs it: a weekly schedule in MudBlazor fields, "cancel" confirmed in a
/// dialog, another centre's offering "not found", and handlers that check the account's centres afresh.
/// </summary>
public sealed class OfferingEditPageTests(EditorWorld world) : EditorPageTest(world), IClassFixture<EditorWorld>
{
    private async Task<int> OfferingOfAsync(Programme programme)
    {
        await using var db = Editors.NewDb();
        return await db.Offerings.Where(o => o.ProgrammeId == programme.Id).Select(o => o.Id).SingleAsync();
    }

    [Fact]
    public async Task Centre_staff_create_a_weekly_offering_at_their_centre()
    {
        var programme = await Editors.ProgrammeAsync();
        await SignInAsync(Editors.StaffA);
        var page = Render<OfferingEditPage>(p => p.Add(x => x.ProgrammeId, programme.Id));
        page.WaitForAssertion(() => page.Find("#save"), Patience);

        page.Find("#weekday-Tuesday").Change(true);
        page.Find("#weekday-Thursday").Change(true);
        Type(page, "startTime", "15:00");
        Type(page, "endTime", "16:30");
        Type(page, "capacity", "16");
        Click(page, "#save");

        page.WaitForAssertion(() => Snackbars.Should().Contain(s => s.StartsWith(T("EditOfferingCreated"), StringComparison.Ordinal)), Patience);
        await using var db = Editors.NewDb();
        var offering = await db.Offerings.AsNoTracking().SingleAsync(o => o.ProgrammeId == programme.Id && o.Capacity == 16);
        (offering.CentreId, offering.Schedule.Weekdays, offering.Schedule.StartTime).Should().Be((Editors.CentreA.Id, Weekdays.Tuesday | Weekdays.Thursday, new TimeOnly(15, 0)));
        CurrentPath.Should().Be(OfferingEditPage.PathFor(offering.Id));
        (await db.Sessions.CountAsync(s => s.OfferingId == offering.Id)).Should().BeGreaterThan(0, "its sessions are generated");
    }

    [Fact]
    public async Task Cancelling_is_confirmed_in_a_dialog_before_anything_is_saved()
    {
        var programme = await Editors.ProgrammeAsync();
        var id = await OfferingOfAsync(programme);
        await SignInAsync(Editors.StaffA);
        var page = Render<OfferingEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("#statusNote"), Patience);
        Choose(page, "status", nameof(OfferingStatus.Cancelled));
        Type(page, "statusNote", "Die Kursleiterin ist krank.");

        Click(page, "#save");
        ClickInDialog(T("DialogCancel"));
        page.WaitForAssertion(() => Dialogs.FindAll("button").Should().BeEmpty(), Patience);
        (await StatusAsync(id)).Should().Be(OfferingStatus.Scheduled, "nothing is saved when the dialog is cancelled");

        Click(page, "#save");
        ClickInDialog(T("EditConfirmCancelButton"));

        page.WaitForAssertion(() => Snackbars.Should().Contain(s => s.StartsWith(T("EditSaved"), StringComparison.Ordinal)), Patience);
        (await StatusAsync(id)).Should().Be(OfferingStatus.Cancelled);
        await using var db = Editors.NewDb();
        (await db.Sessions.Where(s => s.OfferingId == id && s.StartsAt > DateTime.UtcNow).Select(s => s.Status).Distinct().ToListAsync()).Should().Equal(SessionStatus.Cancelled);
    }

    [Fact]
    public async Task Staff_moved_off_the_centre_after_opening_the_page_change_nothing()
    {
        var programme = await Editors.ProgrammeAsync();
        var id = await OfferingOfAsync(programme);
        var staff = await Editors.AccountAsync($"moving.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, Editors.CentreA);
        await SignInAsync(staff);
        var page = Render<OfferingEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("#step-SendToReview"), Patience);
        var version = await Editors.OfferingVersionAsync(id);
        await Editors.RemoveFromCentresAsync(staff);
        await using (var db = Editors.NewDb())
        {
            db.StaffCentres.Add(new StaffCentre { UserId = staff.Id, CentreId = Editors.CentreB.Id });
            await db.SaveChangesAsync();
        }

        Type(page, "capacity", "99");
        Click(page, "#save");
        page.WaitForAssertion(() => Snackbars.Should().Contain(T("NotFoundText")), Patience);
        page.Find("#step-SendToReview").Click();

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(T("NotFoundTitle"), "the page reads the offering again: it is no longer theirs"), Patience);
        await using var check = Editors.NewDb();
        var stored = await check.Offerings.AsNoTracking().SingleAsync(o => o.Id == id);
        (stored.Capacity, stored.PublicationState, stored.Version).Should().Be((null, PublicationState.Draft, version));
        (await Editors.HistoryCountAsync("Offering", id)).Should().Be(0);
    }

    [Fact]
    public async Task Staff_of_another_centre_find_neither_the_offering_nor_its_history()
    {
        var programme = await Editors.ProgrammeAsync();
        var id = await OfferingOfAsync(programme);
        await SignInAsync(Editors.StaffB);

        var page = Render<OfferingEditPage>(p => p.Add(x => x.Id, id));
        var history = Render<OfferingHistoryPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(T("NotFoundTitle")), Patience);
        page.FindAll("#save").Should().BeEmpty();
        history.WaitForAssertion(() => history.Markup.Should().Contain(T("NotFoundText")), Patience);
        history.FindAll("ol.history").Should().BeEmpty();
    }

    [Fact]
    public async Task Centre_staff_read_their_offerings_history_in_their_language()
    {
        var programme = await Editors.ProgrammeAsync();
        var id = await OfferingOfAsync(programme);
        (await Editors.Offerings.TakeStepAsync(await Editors.PrincipalAsync(Editors.StaffA), id, WorkflowStep.SendToReview, await Editors.OfferingVersionAsync(id))).Succeeded.Should().BeTrue();
        await SignInAsync(Editors.StaffA);

        var page = Render<OfferingHistoryPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => page.FindAll("ol.history > li").Should().ContainSingle(), Patience);
        var entry = page.Find("ol.history > li");
        entry.TextContent.Trim().Should().StartWith(T("EditActionInReview")).And.Contain(Editors.StaffA.Email.Split('@')[0]);
        entry.QuerySelector("dt")!.TextContent.Should().Be(T("EditPublicationState"));
        entry.QuerySelector("dd")!.TextContent.Should().Be(T("EditHistoryBeforeAfter", T("EditStateDraft"), T("EditStateInReview")), "states are shown in the UI language, not as stored");
    }

    private async Task<OfferingStatus> StatusAsync(int offeringId)
    {
        await using var db = Editors.NewDb();
        return await db.Offerings.Where(o => o.Id == offeringId).Select(o => o.Status).SingleAsync();
    }
}
