using System.Net;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>The category tree: moves that would make a loop are refused, a category in use is not deleted, and every change is in its history.</summary>
public class CategoryTreeTests(ReferenceDataFixture portal) : IClassFixture<ReferenceDataFixture>
{
    [Fact]
    public async Task Moving_a_category_under_its_own_descendant_is_refused_with_a_clear_message()
    {
        var workshops = await portal.CategoryAsync("Werkstätten", null, ("en", "Workshops"));
        var movement = await portal.CategoryAsync("Bewegung", workshops.Id, ("en", "Movement"));
        var zumba = await portal.CategoryAsync("Zumba", movement.Id, ("en", "Zumba"));
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        var path = CategoryEditPage.PathFor(workshops.Id);
        var form = await BrowserForm.OpenAsync(editor, path, "category");

        var underGrandchild = await form.Set("parentId", ReferenceDataFixture.Id(zumba.Id)).PostAsync(editor, path);
        var underItself = await form.Set("parentId", ReferenceDataFixture.Id(workshops.Id)).PostAsync(editor, path);

        underGrandchild.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(underGrandchild)).Find("//p[@id='parentId-error']").Text()
            .Should().Be("“Workshops” cannot be moved under “Zumba”, because “Zumba” is inside “Workshops”. Choose a category outside this branch.");
        underItself.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(underItself)).Find("//p[@id='parentId-error']").Text()
            .Should().Be("“Workshops” cannot be placed under itself. Choose another category or the top level.");
        var options = (await Html.ParseAsync(await editor.GetAsync(path))).DocumentNode.SelectNodes("//select[@id='parentId']/option")!.Select(o => o.GetAttributeValue("value", ""));
        options.Should().NotContain([ReferenceDataFixture.Id(workshops.Id), ReferenceDataFixture.Id(movement.Id), ReferenceDataFixture.Id(zumba.Id)],
            "its own branch is not offered as a place to move it to");
        await using var db = portal.NewDb();
        (await db.Categories.AsNoTracking().SingleAsync(c => c.Id == workshops.Id)).ParentId.Should().BeNull();
        (await portal.HistoryAsync("Category", workshops.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_category_moves_with_its_branch_under_another_parent()
    {
        var courses = await portal.CategoryAsync("Kurse");
        var movement = await portal.CategoryAsync("Bewegung");
        var zumba = await portal.CategoryAsync("Zumba", movement.Id);
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        var path = CategoryEditPage.PathFor(movement.Id);

        var moved = await (await BrowserForm.OpenAsync(editor, path, "category")).Set("parentId", ReferenceDataFixture.Id(courses.Id)).PostAsync(editor, path);

        moved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        (await db.Categories.AsNoTracking().SingleAsync(c => c.Id == movement.Id)).ParentId.Should().Be(courses.Id);
        (await db.Categories.AsNoTracking().SingleAsync(c => c.Id == zumba.Id)).ParentId.Should().Be(movement.Id);
        var tree = await Html.ParseAsync(await editor.GetAsync(CategoryTreePage.Path));
        tree.Find($"//ul[@class='ref-tree']/li[div/a[@href='{CategoryEditPage.PathFor(courses.Id)}']]/ul/li[div/a[@href='{path}']]/ul/li/div/a")
            .GetAttributeValue("href", "").Should().Be(CategoryEditPage.PathFor(zumba.Id), "the tree shows Zumba two levels below Kurse");
    }

    [Fact]
    public async Task A_category_in_use_is_not_deleted_and_the_editor_is_told_why()
    {
        var used = await portal.CategoryAsync("Elternkurse", null, ("en", "Parenting courses"));
        var parent = await portal.CategoryAsync("Familienbildung", null, ("en", "Family education"));
        await portal.CategoryAsync("Elterncafés", parent.Id);
        await using (var setup = portal.NewDb())
        {
            var programme = await new TestCatalogue(setup).ProgrammeAsync(PublicationState.Draft);
            programme.CategoryId = used.Id;
            await setup.SaveChangesAsync();
        }
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);

        var refusedProgrammes = await (await BrowserForm.OpenAsync(editor, CategoryEditPage.PathFor(used.Id), "delete")).PostAsync(editor, CategoryEditPage.PathFor(used.Id));
        var refusedChildren = await (await BrowserForm.OpenAsync(editor, CategoryEditPage.PathFor(parent.Id), "delete")).PostAsync(editor, CategoryEditPage.PathFor(parent.Id));

        refusedProgrammes.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Html.ParseAsync(refusedProgrammes)).Find("//div[@class='error-summary']/p").Text()
            .Should().Be("“Parenting courses” cannot be deleted: programmes use it (1). Give them another category first.");
        refusedChildren.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Html.ParseAsync(refusedChildren)).Find("//div[@class='error-summary']/p").Text()
            .Should().Be("“Family education” cannot be deleted: it has subcategories (1). Move or delete them first.");
        await using var db = portal.NewDb();
        (await db.Categories.CountAsync(c => c.Id == used.Id || c.Id == parent.Id)).Should().Be(2);
    }

    [Fact]
    public async Task An_unused_category_is_deleted_and_its_history_stays_readable()
    {
        var unused = await portal.CategoryAsync("Veraltet", null, ("en", "Outdated"));
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);

        var deleted = await (await BrowserForm.OpenAsync(editor, CategoryEditPage.PathFor(unused.Id), "delete")).PostAsync(editor, CategoryEditPage.PathFor(unused.Id));

        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        deleted.Headers.Location!.PathAndQuery.Should().Be($"{CategoryTreePage.Path}?done=deleted");
        await using var db = portal.NewDb();
        (await db.Categories.AnyAsync(c => c.Id == unused.Id)).Should().BeFalse();
        (await portal.HistoryAsync("Category", unused.Id)).Should().ContainSingle().Which.Action.Should().Be("Deleted");
        (await editor.GetAsync(CategoryHistoryPage.PathFor(unused.Id))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Renaming_per_language_is_recorded_in_the_history_and_missing_languages_are_marked()
    {
        var category = await portal.CategoryAsync("Spielgruppen", null, ("en", "Play groups"));
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        var path = CategoryEditPage.PathFor(category.Id);
        var before = await Html.ParseAsync(await editor.GetAsync(path));
        before.Find("//p[@id='missing-nl']").Text().Should().Be("Missing in Nederlands");
        before.Find("//p[@id='missing-tr']").Text().Should().Be("Missing in Türkçe");

        var saved = await (await BrowserForm.OpenAsync(editor, path, "category"))
            .Set("name-en", "Playgroups").Set("name-nl", "Speelgroepen").PostAsync(editor, path);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var history = await portal.HistoryAsync("Category", category.Id);
        history.Should().ContainSingle().Which.Action.Should().Be("Updated");
        history[0].Changes.Should().Contain("Name (en)").And.Contain("Play groups").And.Contain("Playgroups").And.Contain("Name (nl)").And.Contain("Speelgroepen");
        var page = await Html.ParseAsync(await editor.GetAsync(CategoryHistoryPage.PathFor(category.Id)));
        var entry = page.Find("//ol[@class='history']/li");
        entry.Text().Should().Contain(EditingPortalFixture.Editor, "who changed it");
        entry.Find(".//dd[contains(., 'Playgroups')]").Text().Should().Be("Play groups → Playgroups");
        var tree = await Html.ParseAsync(await editor.GetAsync(CategoryTreePage.Path));
        tree.Find($"//li[div/a[@href='{path}']]//p[@class='edit-missing']").Text().Should().Be("Missing in Türkçe");
    }
}
