using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Publishing;

/// <summary>
/// Every save of catalogue data through the portal's DbContext lands in the item's history, in the same transaction,
/// credited to the acting account (an interactive page's context names it: CreateForAsync); and a save based on an
/// older read is refused instead of overwriting someone else's change.
/// </summary>
public class CatalogueAuditTests(TestWorld portal) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Creating_changing_publishing_and_restoring_a_programme_is_recorded_with_before_and_after()
    {
        int programmeId;
        await using (var seed = portal.NewDb())
        {
            programmeId = (await new TestCatalogue(seed).ProgrammeAsync(PublicationState.Draft, ("de", "Babyschwimmen"))).Id;
        }

        await EditAsync(programmeId, p =>
        {
            p.Texts.Single(t => t.Language == "de").Title = "Babyschwimmen im Hallenbad";
            p.MaxAgeMonths = 60;
        });
        await EditAsync(programmeId, p => p.PublicationState = PublicationState.Published);
        await EditAsync(programmeId, p => p.PublicationState = PublicationState.Archived);
        await EditAsync(programmeId, p => p.PublicationState = PublicationState.Draft);

        await using var db = portal.NewDb();
        var history = await db.CatalogueChanges.Where(c => c.ItemType == "Programme" && c.ItemId == programmeId).OrderBy(c => c.Id).ToListAsync();
        history.Select(c => c.Action).Should().Equal("Updated", "Published", "Archived", "Restored");
        var edit = JsonDocument.Parse(history[0].Changes).RootElement;
        edit.GetProperty("Title (de)").GetProperty("before").GetString().Should().Be("Babyschwimmen");
        edit.GetProperty("Title (de)").GetProperty("after").GetString().Should().Be("Babyschwimmen im Hallenbad");
        edit.GetProperty("MaxAgeMonths").GetProperty("before").GetInt32().Should().Be(72);
        edit.GetProperty("MaxAgeMonths").GetProperty("after").GetInt32().Should().Be(60);
        edit.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["Title (de)", "MaxAgeMonths"], "unchanged fields are not history");
        JsonDocument.Parse(history[3].Changes).RootElement.GetProperty("PublicationState").GetProperty("before").GetString().Should().Be("Archived");
    }

    [Fact]
    public async Task A_new_item_is_recorded_with_the_ids_the_database_gave_it()
    {
        await using var scope = portal.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var organisation = new Organisation { Code = TestCatalogue.Unique("ORG"), Name = "Stadtbibliothek", Kind = OrganisationKind.Library };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var created = await db.CatalogueChanges.AsNoTracking().SingleAsync(c => c.ItemType == "Organisation" && c.ItemId == organisation.Id);
        created.Action.Should().Be("Created");
        JsonDocument.Parse(created.Changes).RootElement.GetProperty("Name").GetProperty("after").GetString().Should().Be("Stadtbibliothek");
    }

    [Fact]
    public async Task A_save_based_on_an_older_read_is_refused_and_the_first_change_stays()
    {
        int programmeId;
        await using (var seed = portal.NewDb())
        {
            programmeId = (await new TestCatalogue(seed).ProgrammeAsync(PublicationState.Draft)).Id;
        }
        await using var firstScope = portal.Scope();
        await using var secondScope = portal.Scope();
        var first = firstScope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var second = secondScope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var firstCopy = await first.Programmes.SingleAsync(p => p.Id == programmeId);
        var secondCopy = await second.Programmes.SingleAsync(p => p.Id == programmeId);

        firstCopy.MinAgeMonths = 12;
        await first.SaveChangesAsync();
        secondCopy.MinAgeMonths = 48;
        var save = () => second.SaveChangesAsync();

        await save.Should().ThrowAsync<DbUpdateConcurrencyException>();
        await using var db = portal.NewDb();
        (await db.Programmes.SingleAsync(p => p.Id == programmeId)).MinAgeMonths.Should().Be(12);
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Programme" && c.ItemId == programmeId)).Should().Be(1,
            "the refused save left no history line behind");
    }

    [Fact]
    public async Task A_context_made_for_an_account_credits_that_account_and_one_without_credits_nobody()
    {
        int programmeId;
        await using (var seed = portal.NewDb())
        {
            programmeId = (await new TestCatalogue(seed).ProgrammeAsync(PublicationState.Draft)).Id;
        }
        var factory = portal.Services.GetRequiredService<IDbContextFactory<FamilyServicesDb>>();

        await using (var asEditor = await factory.CreateForAsync(await portal.PrincipalAsync(portal.Editor)))
        {
            (await asEditor.Programmes.SingleAsync(p => p.Id == programmeId)).MinAgeMonths = 24;
            await asEditor.SaveChangesAsync();
        }
        await using (var anonymous = await factory.CreateDbContextAsync())
        {
            (await anonymous.Programmes.SingleAsync(p => p.Id == programmeId)).MinAgeMonths = 30;
            await anonymous.SaveChangesAsync();
        }

        await using var db = portal.NewDb();
        (await db.CatalogueChanges.Where(c => c.ItemType == "Programme" && c.ItemId == programmeId).OrderBy(c => c.Id).Select(c => c.ChangedById).ToListAsync())
            .Should().Equal(portal.Editor.Id, null);
    }

    private async Task EditAsync(int programmeId, Action<Programme> change)
    {
        await using var scope = portal.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var programme = await db.Programmes.Include(p => p.Texts).SingleAsync(p => p.Id == programmeId);
        change(programme);
        await db.SaveChangesAsync();
    }
}
