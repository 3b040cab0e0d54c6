using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>Every change made through the editor is in the programme's history: who, when, what (before → after).</summary>
public class ProgrammeHistoryTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task Create_text_change_publish_archive_and_restore_are_recorded_with_the_user()
    {
        using var editor = await portal.ClientAsync(portal.Editor);
        using var admin = await portal.ClientAsync(portal.Admin);
        var code = TestCatalogue.Unique("HIST-");
        var created = await EditorFixture.PostAsync(editor, ProgrammeEditPage.NewPath, "programme", portal.ProgrammeFields(code: code, titleDe: "Eltern-Kind-Turnen"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var path = created.Headers.Location!.ToString().Split('?')[0];
        var id = int.Parse(path.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);

        var fields = portal.ProgrammeFields(code: code, titleDe: "Eltern-Kind-Turnen am Samstag");
        var form = await EditorFixture.PageAsync(editor, path);
        fields["version"] = EditorFixture.Version(form, "programme");
        fields["slug"] = form.Find("//input[@id='slug']").GetAttributeValue("value", "");
        (await EditorFixture.PostAsync(editor, path, "programme", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EditorFixture.StepAsync(editor, path, "SendToReview")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EditorFixture.StepAsync(admin, path, "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EditorFixture.StepAsync(admin, path, "Archive")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EditorFixture.StepAsync(editor, path, "Restore")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = portal.NewDb();
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.Email);
        var changes = await db.CatalogueChanges.Where(c => c.ItemType == "Programme" && c.ItemId == id).OrderBy(c => c.Id).ToListAsync();
        changes.Select(c => (c.Action, users[c.ChangedById!])).Should().Equal(
            ("Created", portal.Editor), ("Updated", portal.Editor), ("InReview", portal.Editor),
            ("Published", portal.Admin), ("Archived", portal.Admin), ("Restored", portal.Editor));
        using var textChange = JsonDocument.Parse(changes[1].Changes);
        var title = textChange.RootElement.GetProperty("Title (de)");
        title.GetProperty("before").GetString().Should().Be("Eltern-Kind-Turnen");
        title.GetProperty("after").GetString().Should().Be("Eltern-Kind-Turnen am Samstag");
        textChange.RootElement.EnumerateObject().Should().HaveCount(1, "only what changed is recorded");
    }

    [Fact]
    public async Task The_history_page_shows_newest_first_with_names_and_before_and_after()
    {
        var programme = await portal.ProgrammeAsync();
        var path = ProgrammeEditPage.PathFor(programme.Id);
        using var editor = await portal.ClientAsync(portal.Editor);
        var fields = portal.ProgrammeFields(code: programme.Code, titleDe: "Neuer Titel");
        fields["version"] = EditorFixture.Version(await EditorFixture.PageAsync(editor, path), "programme");
        (await EditorFixture.PostAsync(editor, path, "programme", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EditorFixture.StepAsync(editor, path, "SendToReview")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await EditorFixture.PageAsync(editor, ProgrammeHistoryPage.PathFor(programme.Id));

        var entries = page.DocumentNode.SelectNodes("//ol[@class='history']/li")!;
        entries.Should().HaveCount(2);
        entries[0].Text().Should().StartWith("Sent to review").And.Contain("Erika Editor");
        entries[1].Text().Should().StartWith("Changed").And.Contain("Erika Editor");
        entries[1].Find(".//dd[preceding-sibling::dt[1][.='Title (de)']]").Text().Should().EndWith("→ Neuer Titel");
    }

    [Fact]
    public async Task Only_editors_read_a_programmes_history()
    {
        var programme = await portal.ProgrammeAsync();
        using var staff = await portal.ClientAsync(portal.StaffA);

        var response = await staff.GetAsync(ProgrammeHistoryPage.PathFor(programme.Id));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
    }
}
