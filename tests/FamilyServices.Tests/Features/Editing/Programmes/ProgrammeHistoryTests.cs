using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>Every change made through the editor is in the programme's history: who (the acting account), when, what (before → after).</summary>
public class ProgrammeHistoryTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    [Fact]
    public async Task Create_text_change_publish_archive_and_restore_are_recorded_with_the_acting_account()
    {
        var editor = await world.PrincipalAsync(world.Editor);
        var admin = await world.PrincipalAsync(world.Admin);
        var id = await world.CreateAsync(world.Editor, world.NewForm(code: TestCatalogue.Unique("HIST-"), titleDe: "Eltern-Kind-Turnen"));

        var form = await world.FormOfAsync(id);
        form.Texts["de"].Title = "Eltern-Kind-Turnen am Samstag";
        (await world.Programmes.SaveAsync(editor, id, form)).Succeeded.Should().BeTrue();
        foreach (var (who, step) in new[] { (editor, WorkflowStep.SendToReview), (admin, WorkflowStep.Publish), (admin, WorkflowStep.Archive), (editor, WorkflowStep.Restore) })
        {
            (await world.Programmes.TakeStepAsync(who, id, step, await world.ProgrammeVersionAsync(id))).Succeeded.Should().BeTrue(step.ToString());
        }

        await using var db = world.NewDb();
        var changes = await db.CatalogueChanges.Where(c => c.ItemType == "Programme" && c.ItemId == id).OrderBy(c => c.Id).ToListAsync();
        changes.Select(c => (c.Action, c.ChangedById)).Should().Equal(
            ("Created", world.Editor.Id), ("Updated", world.Editor.Id), ("InReview", world.Editor.Id),
            ("Published", world.Admin.Id), ("Archived", world.Admin.Id), ("Restored", world.Editor.Id));
        using var textChange = JsonDocument.Parse(changes[1].Changes);
        var title = textChange.RootElement.GetProperty("Title (de)");
        title.GetProperty("before").GetString().Should().Be("Eltern-Kind-Turnen");
        title.GetProperty("after").GetString().Should().Be("Eltern-Kind-Turnen am Samstag");
        textChange.RootElement.EnumerateObject().Should().HaveCount(1, "only what changed is recorded");
    }

    [Fact]
    public async Task Only_editors_read_a_programmes_history()
    {
        var programme = await world.ProgrammeAsync();
        using var staff = await world.ClientAsync(world.StaffA);

        var response = await staff.GetAsync(ProgrammeHistoryPage.PathFor(programme.Id));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
    }
}
