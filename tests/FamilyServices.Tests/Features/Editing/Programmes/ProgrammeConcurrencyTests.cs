using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>Two people editing the same programme: the second save is refused naming the first, never a silent overwrite.</summary>
public class ProgrammeConcurrencyTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    [Fact]
    public async Task The_second_of_two_editors_is_refused_with_who_saved_first_and_the_first_change_is_intact()
    {
        var programme = await world.ProgrammeAsync();
        var firstForm = await world.FormOfAsync(programme.Id);
        var secondForm = await world.FormOfAsync(programme.Id);
        firstForm.Texts["de"].Title = "Kinderturnen am Nachmittag";
        (await world.Programmes.SaveAsync(await world.PrincipalAsync(world.Editor), programme.Id, firstForm)).Succeeded.Should().BeTrue();

        secondForm.Texts["de"].Title = "Kinderturnen am Vormittag";
        secondForm.Texts["de"].Summary = "Was die zweite Redakteurin geschrieben hat.";
        var refused = await world.Programmes.SaveAsync(await world.PrincipalAsync(world.SecondEditor), programme.Id, secondForm);

        refused.Status.Should().Be(SaveStatus.Conflict);
        refused.Message.Should().Contain(world.Editor.Email.Split('@')[0], "it names who saved first");
        refused.CurrentVersion.Should().Be(await world.ProgrammeVersionAsync(programme.Id));
        secondForm.Texts["de"].Title.Should().Be("Kinderturnen am Vormittag", "the second editor's input is kept");
        await using var db = world.NewDb();
        (await db.ProgrammeTexts.AsNoTracking().SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title
            .Should().Be("Kinderturnen am Nachmittag", "the first editor's change is intact");
        (await world.HistoryCountAsync("Programme", programme.Id)).Should().Be(1, "only the first save was recorded");
    }

    [Fact]
    public async Task After_the_conflict_the_second_editor_can_save_knowingly()
    {
        var programme = await world.ProgrammeAsync();
        var firstForm = await world.FormOfAsync(programme.Id);
        var secondForm = await world.FormOfAsync(programme.Id);
        firstForm.Texts["de"].Title = "Erste Fassung";
        (await world.Programmes.SaveAsync(await world.PrincipalAsync(world.Editor), programme.Id, firstForm)).Succeeded.Should().BeTrue();
        secondForm.Texts["de"].Title = "Zweite Fassung";
        var second = await world.PrincipalAsync(world.SecondEditor);
        var refused = await world.Programmes.SaveAsync(second, programme.Id, secondForm);

        secondForm.Version = refused.CurrentVersion!.Value.ToString(CultureInfo.InvariantCulture);
        var again = await world.Programmes.SaveAsync(second, programme.Id, secondForm);

        again.Succeeded.Should().BeTrue("the conflict gave the version that includes the other change");
        await using var db = world.NewDb();
        (await db.ProgrammeTexts.AsNoTracking().SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title.Should().Be("Zweite Fassung");
    }

    [Fact]
    public async Task A_workflow_step_based_on_an_old_read_is_refused_too()
    {
        var programme = await world.ProgrammeAsync();
        var stale = await world.ProgrammeVersionAsync(programme.Id);
        var form = await world.FormOfAsync(programme.Id);
        form.Texts["de"].Title = "Geändert, bevor es zur Prüfung ging";
        (await world.Programmes.SaveAsync(await world.PrincipalAsync(world.Editor), programme.Id, form)).Succeeded.Should().BeTrue();

        var step = await world.Programmes.TakeStepAsync(await world.PrincipalAsync(world.SecondEditor), programme.Id, WorkflowStep.SendToReview, stale);

        step.Status.Should().Be(SaveStatus.Conflict, "the second editor has not seen the new title");
        (await world.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task A_form_without_a_version_is_refused_with_a_reload_hint()
    {
        var programme = await world.ProgrammeAsync();
        var form = await world.FormOfAsync(programme.Id);
        form.Version = "not a number";

        var result = await world.Programmes.SaveAsync(await world.PrincipalAsync(world.Editor), programme.Id, form);

        result.Problems.Should().Contain(new FormProblem("code", world.Texts["EditReload"]));
        (await world.HistoryCountAsync("Programme", programme.Id)).Should().Be(0);
    }
}
