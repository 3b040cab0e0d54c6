using System.Security.Claims;
using Bunit;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>The category tree: moves that would make a loop are refused, a category in use is not deleted, and every change is in its history.</summary>
public class CategoryTreeTests(ReferenceDataFixture world) : EditorPageTest<ReferenceDataFixture>(world), IClassFixture<ReferenceDataFixture>
{
    private static readonly CategoryEditor.NameLanguages InEnglish = new("en", "de");

    [Fact]
    public async Task Moving_a_category_under_its_own_descendant_is_refused_with_a_clear_message()
    {
        var workshops = await World.CategoryAsync("Werkstätten", null, ("en", "Workshops"));
        var movement = await World.CategoryAsync("Bewegung", workshops.Id, ("en", "Movement"));
        var zumba = await World.CategoryAsync("Zumba", movement.Id, ("en", "Zumba"));
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);

        var underGrandchild = await SaveAsync(editor, workshops.Id, form => form.ParentId = ReferenceDataFixture.Id(zumba.Id));
        var underItself = await SaveAsync(editor, workshops.Id, form => form.ParentId = ReferenceDataFixture.Id(workshops.Id));

        underGrandchild.Status.Should().Be(ReferenceSaveStatus.Invalid);
        underGrandchild.Problems.Should().ContainSingle(p => p.Field == "parentId").Which.Message
            .Should().Be("“Workshops” cannot be moved under “Zumba”, because “Zumba” is inside “Workshops”. Choose a category outside this branch.");
        underItself.Problems.Should().ContainSingle(p => p.Field == "parentId").Which.Message
            .Should().Be("“Workshops” cannot be placed under itself. Choose another category or the top level.");
        await using var db = World.NewDb();
        var places = CategoryEditor.PlacesFor(await CategoryTree.LoadAsync(db), workshops.Id, InEnglish).Select(p => p.Node.Id).ToList();
        places.Should().NotContain([workshops.Id, movement.Id, zumba.Id], "its own branch is not offered as a place to move it to");
        (await db.Categories.AsNoTracking().SingleAsync(c => c.Id == workshops.Id)).ParentId.Should().BeNull();
        (await World.HistoryAsync("Category", workshops.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_category_moves_with_its_branch_under_another_parent_and_the_tree_shows_it_there()
    {
        var courses = await World.CategoryAsync("Kurse");
        var movement = await World.CategoryAsync("Bewegung");
        var zumba = await World.CategoryAsync("Zumba", movement.Id);
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);

        (await SaveAsync(editor, movement.Id, form => form.ParentId = ReferenceDataFixture.Id(courses.Id))).Status.Should().Be(ReferenceSaveStatus.Saved);

        await using (var db = World.NewDb())
        {
            (await db.Categories.AsNoTracking().SingleAsync(c => c.Id == movement.Id)).ParentId.Should().Be(courses.Id);
            (await db.Categories.AsNoTracking().SingleAsync(c => c.Id == zumba.Id)).ParentId.Should().Be(movement.Id);
        }
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var tree = Open<CategoryTreePage>(CategoryTreePage.Path);
        tree.Find($"li[data-category='{courses.Id}'] > ul > li[data-category='{movement.Id}'] > ul > li[data-category='{zumba.Id}'] a")
            .GetAttribute("href").Should().Be(CategoryEditPage.PathFor(zumba.Id), "the tree shows Zumba two levels below Kurse");
    }

    [Fact]
    public async Task A_category_in_use_is_not_deleted_and_the_editor_is_told_why()
    {
        var used = await World.CategoryAsync("Elternkurse", null, ("en", "Parenting courses"));
        var parent = await World.CategoryAsync("Familienbildung", null, ("en", "Family education"));
        await World.CategoryAsync("Elterncafés", parent.Id);
        await using (var setup = World.NewDb())
        {
            var programme = await new TestCatalogue(setup).ProgrammeAsync(PublicationState.Draft);
            programme.CategoryId = used.Id;
            await setup.SaveChangesAsync();
        }
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);

        var refusedProgrammes = await DeleteAsync(editor, used);
        var refusedChildren = await DeleteAsync(editor, parent);

        refusedProgrammes.Status.Should().Be(ReferenceSaveStatus.Invalid);
        refusedProgrammes.Problems.Single().Message.Should().Be("“Parenting courses” cannot be deleted: programmes use it (1). Give them another category first.");
        refusedChildren.Problems.Single().Message.Should().Be("“Family education” cannot be deleted: it has subcategories (1). Move or delete them first.");
        await using var db = World.NewDb();
        (await db.Categories.CountAsync(c => c.Id == used.Id || c.Id == parent.Id)).Should().Be(2);
    }

    [Fact]
    public async Task An_unused_category_is_deleted_after_a_confirmation_and_its_history_stays_readable()
    {
        var unused = await World.CategoryAsync("Veraltet", null, ("en", "Outdated"));
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<CategoryEditPage>(CategoryEditPage.PathFor(unused.Id), p => p.Add(x => x.Id, unused.Id));

        await page.PressAsync("Delete category");
        await EventuallyAsync(() => DialogHost.Markup.Should().Contain("Delete the category “Outdated”?"));
        await using (var db = World.NewDb())
        {
            (await db.Categories.AnyAsync(c => c.Id == unused.Id)).Should().BeTrue("nothing is deleted before the editor confirms");
        }
        await DialogHost.ClickAsync(() => DialogHost.FindAll("button"), "Delete category");

        await EventuallyAsync(() => Snackbars.Should().Contain("Category deleted."));
        await using (var db = World.NewDb())
        {
            (await db.Categories.AnyAsync(c => c.Id == unused.Id)).Should().BeFalse();
        }
        var history = await World.HistoryAsync("Category", unused.Id);
        history.Should().ContainSingle().Which.Action.Should().Be("Deleted");
        history[0].ChangedById.Should().Be(World.Accounts[EditingPortalFixture.Editor].Id, "the history names who deleted it");
        var historyPage = Render<CategoryHistoryPage>(p => p.Add(x => x.Id, unused.Id));
        await EventuallyAsync(() => historyPage.Find("h1").TextContent.Should().Be($"History of changes: deleted category {unused.Id}"));
    }

    [Fact]
    public async Task Renaming_per_language_is_recorded_with_the_editor_and_missing_languages_are_marked_in_the_tabs_and_the_tree()
    {
        var category = await World.CategoryAsync("Spielgruppen", null, ("en", "Play groups"));
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<CategoryEditPage>(CategoryEditPage.PathFor(category.Id), p => p.Add(x => x.Id, category.Id));
        page.Find("#missing-nl").TextContent.Trim().Should().Be("Missing in Nederlands");
        page.Find("#missing-tr").TextContent.Trim().Should().Be("Missing in Türkçe");

        await page.TypeAsync("name-en", "Playgroups");
        await page.TypeAsync("name-nl", "Speelgroepen");
        await EventuallyAsync(() => page.FindAll("#missing-nl").Should().BeEmpty("the marker goes as soon as a name is typed"));
        await page.PressAsync("Save");

        await EventuallyAsync(() => Snackbars.Should().Contain("Saved."));
        var history = await World.HistoryAsync("Category", category.Id);
        history.Should().ContainSingle().Which.Action.Should().Be("Updated");
        history[0].ChangedById.Should().Be(World.Accounts[EditingPortalFixture.Editor].Id);
        history[0].Changes.Should().Contain("Name (en)").And.Contain("Play groups").And.Contain("Playgroups").And.Contain("Name (nl)").And.Contain("Speelgroepen");
        var historyPage = Render<CategoryHistoryPage>(p => p.Add(x => x.Id, category.Id));
        await EventuallyAsync(() => historyPage.Find("ol.history > li").TextContent.Should().Contain(EditingPortalFixture.Editor, "who changed it"));
        historyPage.FindAll("ol.history dd").Select(dd => dd.TextContent.Trim()).Should().Contain("Play groups → Playgroups");
        var tree = Render<CategoryTreePage>();
        await EventuallyAsync(() => tree.Find($"li[data-category='{category.Id}'] > .edit-missing").TextContent.Trim().Should().Be("Missing in Türkçe"));
    }

    private async Task<ReferenceSaveResult> SaveAsync(ClaimsPrincipal user, int id, Action<CategoryForm> change)
    {
        CategoryForm form;
        await using (var read = World.NewDb())
        {
            form = CategoryForm.From(await read.Categories.AsNoTracking().Include(c => c.Names).SingleAsync(c => c.Id == id));
        }
        change(form);
        await using var db = await World.DbForAsync(user);
        return await CategoryEditor.SaveAsync(db, user, id, form, World.SaveContext(), InEnglish);
    }

    private async Task<ReferenceSaveResult> DeleteAsync(ClaimsPrincipal user, Category category)
    {
        await using var db = await World.DbForAsync(user);
        return await CategoryEditor.DeleteAsync(db, user, category.Id, ReferenceForms.Version(category.Version), World.SaveContext(), InEnglish);
    }
}
