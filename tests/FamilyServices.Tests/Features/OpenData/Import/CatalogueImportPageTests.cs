using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>The Admins' import page as its circuit runs it: the file arrives over the circuit, the import answers with its summary.</summary>
public sealed class CatalogueImportPageTests(TestWorld world) : InteractivePageTest(world), IClassFixture<TestWorld>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private IRenderedComponent<CatalogueImportPage> Upload(string file)
    {
        var page = Render<CatalogueImportPage>();
        var content = File.ReadAllText(Path.Combine(ImportDatabase.Fixtures, file));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, file, contentType: "application/x-ndjson"));
        page.WaitForAssertion(() => page.FindAll("#import-done, #import-failed, #import-message").Should().NotBeEmpty(), Wait);
        return page;
    }

    [Fact]
    public async Task An_Admin_imports_a_small_dataset_and_sees_what_changed()
    {
        await SignInAsync(World.Admin);

        var page = Upload("kocaeli.ndjson");

        page.Find("#import-done").TextContent.Trim().Should().Be("kocaeli.ndjson was imported.");
        var rows = page.FindAll(".import-summary tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent.Trim()))).ToList();
        rows.Should().Equal("Organisations|1|0|0", "Categories|0|0|0", "Centres|1|0|0", "Programmes|2|0|0", "Offerings|2|0|0");
        await using var db = World.NewDb();
        var programmes = await db.Programmes.Where(p => p.Slug == "cocuklar-icin-zumba" || p.Slug == "anne-cocuk-egitim-programi").ToListAsync();
        programmes.Should().HaveCount(2).And.OnlyContain(p => p.PublicationState == PublicationState.Draft);
        var history = await db.CatalogueChanges.Where(c => c.ItemType == nameof(Programme) && programmes.Select(p => p.Id).Contains(c.ItemId)).ToListAsync();
        history.Should().HaveCount(2).And.OnlyContain(c => c.ChangedById == World.Admin.Id, "the history credits the Admin who imported");
    }

    [Fact]
    public async Task An_Editor_is_refused_in_the_handler_and_nothing_is_written()
    {
        await SignInAsync(World.Editor);
        await using var before = World.NewDb();
        var programmes = await before.Programmes.CountAsync();
        var changes = await before.CatalogueChanges.CountAsync();

        var page = Upload("leeuwarden.json");

        page.Find("#import-message").TextContent.Trim().Should().Be("Only an Admin may import a catalogue. Nothing was imported.");
        await using var db = World.NewDb();
        (await db.Programmes.CountAsync()).Should().Be(programmes);
        (await db.CatalogueChanges.CountAsync()).Should().Be(changes);
    }

    [Fact]
    public async Task The_import_rule_refuses_a_principal_without_the_Admin_role()
    {
        await using var db = World.NewDb();
        var programmes = await db.Programmes.CountAsync();

        var result = await new CatalogueImport(db, TimeProvider.System).ImportAsync(await World.PrincipalAsync(World.Official), ImportDatabase.Fixture("leeuwarden.json"), publish: true);

        result.Problems.Select(p => p.Reason).Should().Equal("Only an Admin may import a catalogue.");
        (await db.Programmes.CountAsync()).Should().Be(programmes);
    }
}
