using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>Two people editing the same programme: the second save is refused with a clear message, never a silent overwrite.</summary>
public class ProgrammeConcurrencyTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task The_second_of_two_editors_is_refused_keeps_their_input_and_the_first_change_is_intact()
    {
        var programme = await portal.ProgrammeAsync();
        var path = ProgrammeEditPage.PathFor(programme.Id);
        using var first = await portal.ClientAsync(portal.Editor);
        using var second = await portal.ClientAsync(portal.SecondEditor);
        var firstPage = await EditorFixture.PageAsync(first, path);
        var secondPage = await EditorFixture.PageAsync(second, path);

        var firstFields = portal.ProgrammeFields(code: programme.Code, titleDe: "Kinderturnen am Nachmittag");
        firstFields["version"] = EditorFixture.Version(firstPage, "programme");
        (await EditorFixture.PostAsync(first, path, "programme", firstFields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var secondFields = portal.ProgrammeFields(code: programme.Code, titleDe: "Kinderturnen am Vormittag");
        secondFields["summary-de"] = "Was die zweite Redakteurin geschrieben hat.";
        secondFields["version"] = EditorFixture.Version(secondPage, "programme");
        var refused = await EditorFixture.PostAsync(second, path, "programme", secondFields);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(refused);
        var message = page.Find("//div[@class='error-summary']");
        message.Text().Should().Contain("Someone else saved this at").And.Contain("Erika Editor").And.Contain("your changes were not saved");
        message.Find(".//a").GetAttributeValue("href", "").Should().Be(ProgrammeHistoryPage.PathFor(programme.Id), "the other change can be looked at");
        page.Find("//input[@id='title-de']").GetAttributeValue("value", "").Should().Be("Kinderturnen am Vormittag", "the second editor's input is kept");
        page.Find("//textarea[@id='summary-de']").Text().Should().Be("Was die zweite Redakteurin geschrieben hat.");

        await using var db = portal.NewDb();
        var stored = await db.ProgrammeTexts.AsNoTracking().SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de");
        stored.Title.Should().Be("Kinderturnen am Nachmittag", "the first editor's change is intact");
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id)).Should().Be(1, "only the first save was recorded");
    }

    [Fact]
    public async Task After_looking_at_the_conflict_the_second_editor_can_save_knowingly()
    {
        var programme = await portal.ProgrammeAsync();
        var path = ProgrammeEditPage.PathFor(programme.Id);
        using var first = await portal.ClientAsync(portal.Editor);
        using var second = await portal.ClientAsync(portal.SecondEditor);
        var stale = EditorFixture.Version(await EditorFixture.PageAsync(second, path), "programme");
        var firstFields = portal.ProgrammeFields(code: programme.Code, titleDe: "Erste Fassung");
        firstFields["version"] = EditorFixture.Version(await EditorFixture.PageAsync(first, path), "programme");
        (await EditorFixture.PostAsync(first, path, "programme", firstFields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var secondFields = portal.ProgrammeFields(code: programme.Code, titleDe: "Zweite Fassung");
        secondFields["version"] = stale;
        var refused = await Html.ParseAsync(await EditorFixture.PostAsync(second, path, "programme", secondFields));
        secondFields["version"] = EditorFixture.Version(refused, "programme");
        var again = await EditorFixture.PostAsync(second, path, "programme", secondFields);

        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "the refused form carries the version that includes the other change");
        await using var db = portal.NewDb();
        (await db.ProgrammeTexts.AsNoTracking().SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title.Should().Be("Zweite Fassung");
    }

    [Fact]
    public async Task A_workflow_step_based_on_an_old_read_is_refused_too()
    {
        var programme = await portal.ProgrammeAsync();
        var path = ProgrammeEditPage.PathFor(programme.Id);
        using var first = await portal.ClientAsync(portal.Editor);
        using var second = await portal.ClientAsync(portal.SecondEditor);
        var stale = EditorFixture.Version(await EditorFixture.PageAsync(second, path), "workflow");
        var fields = portal.ProgrammeFields(code: programme.Code, titleDe: "Geändert, bevor es zur Prüfung ging");
        fields["version"] = EditorFixture.Version(await EditorFixture.PageAsync(first, path), "programme");
        (await EditorFixture.PostAsync(first, path, "programme", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var step = await EditorFixture.PostAsync(second, path, "workflow", new() { ["step"] = "SendToReview", ["version"] = stale });

        step.StatusCode.Should().Be(HttpStatusCode.Conflict, "the second editor has not seen the new title");
        await using var db = portal.NewDb();
        (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id)).PublicationState.Should().Be(FamilyServices.Web.Domain.PublicationState.Draft);
    }
}
