using System.Net;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// Draft → in review → published → archived → restored, and who may take each step: checked by ProgrammeEditor with
/// the account as the database knows it at that moment, whatever the page offered.
/// </summary>
public class ProgrammeWorkflowTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    [Fact]
    public async Task An_editor_takes_a_programme_through_every_step()
    {
        var programme = await world.ProgrammeAsync();
        var editor = await world.PrincipalAsync(world.Editor);

        foreach (var (step, expected) in new[]
        {
            (WorkflowStep.SendToReview, PublicationState.InReview), (WorkflowStep.BackToDraft, PublicationState.Draft),
            (WorkflowStep.SendToReview, PublicationState.InReview), (WorkflowStep.Publish, PublicationState.Published),
            (WorkflowStep.Archive, PublicationState.Archived), (WorkflowStep.Restore, PublicationState.Draft),
        })
        {
            var result = await world.Programmes.TakeStepAsync(editor, programme.Id, step, await world.ProgrammeVersionAsync(programme.Id));
            result.Status.Should().Be(SaveStatus.Saved, step.ToString());
            (await world.ProgrammeStateAsync(programme.Id)).Should().Be(expected, $"after {step}");
        }
    }

    [Fact]
    public async Task An_admin_publishes_and_archives()
    {
        var programme = await world.ProgrammeAsync(PublicationState.InReview);
        var admin = await world.PrincipalAsync(world.Admin);

        (await world.Programmes.TakeStepAsync(admin, programme.Id, WorkflowStep.Publish, await world.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Published);
        (await world.Programmes.TakeStepAsync(admin, programme.Id, WorkflowStep.Archive, await world.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Archived);
    }

    [Fact]
    public async Task Centre_staff_of_a_centre_running_it_send_it_to_review_and_back_but_never_publish()
    {
        var programme = await world.ProgrammeAsync();
        var staff = await world.PrincipalAsync(world.StaffA);

        (await world.Programmes.TakeStepAsync(staff, programme.Id, WorkflowStep.SendToReview, await world.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.InReview);
        (await world.Programmes.LoadAsync(staff, programme.Id))!.Steps.Should().Equal([WorkflowStep.BackToDraft], "the page offers only what they may do");

        var publish = await world.Programmes.TakeStepAsync(staff, programme.Id, WorkflowStep.Publish, await world.ProgrammeVersionAsync(programme.Id));

        publish.Status.Should().Be(SaveStatus.Refused);
        publish.Message.Should().Be(world.Texts["EditOnlyEditorsPublish"]);
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.InReview, "nothing changed");
        (await world.Programmes.TakeStepAsync(staff, programme.Id, WorkflowStep.BackToDraft, await world.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task Centre_staff_may_not_archive_or_restore()
    {
        var published = await world.ProgrammeAsync(PublicationState.Published);
        var archived = await world.ProgrammeAsync(PublicationState.Archived);
        var staff = await world.PrincipalAsync(world.StaffA);

        (await world.Programmes.TakeStepAsync(staff, published.Id, WorkflowStep.Archive, await world.ProgrammeVersionAsync(published.Id))).Status.Should().Be(SaveStatus.Refused);
        (await world.Programmes.TakeStepAsync(staff, archived.Id, WorkflowStep.Restore, await world.ProgrammeVersionAsync(archived.Id))).Status.Should().Be(SaveStatus.Refused);

        (await world.ProgrammeStateAsync(published.Id)).Should().Be(PublicationState.Published);
        (await world.ProgrammeStateAsync(archived.Id)).Should().Be(PublicationState.Archived);
    }

    [Fact]
    public async Task Centre_staff_of_another_centre_find_nothing_and_change_nothing()
    {
        var programme = await world.ProgrammeAsync();
        var staffB = await world.PrincipalAsync(world.StaffB);
        var version = await world.ProgrammeVersionAsync(programme.Id);

        (await world.Programmes.LoadAsync(staffB, programme.Id)).Should().BeNull("another centre's programme does not exist for them");
        (await world.Programmes.TakeStepAsync(staffB, programme.Id, WorkflowStep.SendToReview, version)).Status.Should().Be(SaveStatus.NotFound);
        (await world.Programmes.ConfirmStillCorrectAsync(staffB, programme.Id, version)).Status.Should().Be(SaveStatus.NotFound);
        (await world.Programmes.SaveAsync(staffB, programme.Id, await world.FormOfAsync(programme.Id))).Status.Should().Be(SaveStatus.Refused);
        using var client = await world.ClientAsync(world.StaffB);
        (await client.GetAsync(ProgrammePreviewPage.PathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await using var db = world.NewDb();
        var stored = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id);
        stored.PublicationState.Should().Be(PublicationState.Draft);
        stored.LastCheckedOn.Should().Be(programme.LastCheckedOn);
        (await world.HistoryCountAsync("Programme", programme.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Centre_staff_may_not_change_programme_fields_or_create_programmes()
    {
        var programme = await world.ProgrammeAsync();
        var staff = await world.PrincipalAsync(world.StaffA);
        var changed = await world.FormOfAsync(programme.Id);
        changed.Texts["de"].Title = "Von der Zentrumskraft geändert";
        var newProgramme = world.NewForm();

        var save = await world.Programmes.SaveAsync(staff, programme.Id, changed);
        var create = await world.Programmes.SaveAsync(staff, null, newProgramme);

        save.Status.Should().Be(SaveStatus.Refused);
        save.Message.Should().Be(world.Texts["EditReadOnlyProgramme"]);
        create.Message.Should().Be(world.Texts["EditOnlyEditorsCreate"]);
        (await world.Programmes.NewFormAsync(staff)).Should().BeNull("the new-programme page offers them no form");
        (await world.Programmes.LoadAsync(staff, programme.Id))!.MayEdit.Should().BeFalse();
        (await world.HistoryCountAsync("Programme", programme.Id)).Should().Be(0, "nothing was saved by centre staff");
        await using var db = world.NewDb();
        (await db.Programmes.AnyAsync(p => p.Code == newProgramme.Code)).Should().BeFalse();
    }

    [Fact]
    public async Task Officials_are_refused_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var programme = await world.ProgrammeAsync();
        using var official = await world.ClientAsync(world.Official);
        using var anonymous = await world.ClientAsync(null);

        foreach (var path in new[] { ProgrammeEditPage.PathFor(programme.Id), ProgrammeListPage.Path, ProgrammePreviewPage.PathFor(programme.Id) })
        {
            var refused = await official.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
            refused.Headers.Location!.AbsolutePath.Should().Be("/status/403");

            var signIn = await anonymous.GetAsync(path);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
            signIn.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
        }
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task A_step_that_does_not_follow_from_the_state_is_refused()
    {
        var programme = await world.ProgrammeAsync();

        var result = await world.Programmes.TakeStepAsync(await world.PrincipalAsync(world.Editor), programme.Id, WorkflowStep.Publish,
            await world.ProgrammeVersionAsync(programme.Id));

        result.Status.Should().Be(SaveStatus.Refused, "a draft goes to review before it is published");
        result.Message.Should().Be(world.Texts["EditStepNotPossible", world.Texts["EditStateDraft"]]);
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task Still_correct_sets_last_checked_to_today_for_staff_of_a_running_centre_and_credits_them()
    {
        var programme = await world.ProgrammeAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, world.CityZone));

        var result = await world.Programmes.ConfirmStillCorrectAsync(await world.PrincipalAsync(world.StaffA), programme.Id, await world.ProgrammeVersionAsync(programme.Id));

        result.Succeeded.Should().BeTrue();
        await using var db = world.NewDb();
        (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id)).LastCheckedOn.Should().Be(today);
        var change = await db.CatalogueChanges.SingleAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id);
        change.Changes.Should().Contain("LastCheckedOn");
        change.ChangedById.Should().Be(world.StaffA.Id, "the history names who confirmed it");
    }
}
