using Bunit;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>Two people editing the same centre: the second save is refused with a clear message, never a silent overwrite.</summary>
public class CentreConcurrencyTests(ReferenceDataFixture world) : EditorPageTest<ReferenceDataFixture>(world), IClassFixture<ReferenceDataFixture>
{
    [Fact]
    public async Task The_second_save_is_refused_naming_who_saved_first_and_saved_only_when_the_editor_saves_again_knowingly()
    {
        var centre = await World.CentreAsync();
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        var admin = await World.PrincipalAsync(EditingPortalFixture.Admin);
        var first = await FormAsync(centre.Id);
        var second = await FormAsync(centre.Id);
        first.Name = "Familienzentrum Sonnenblume am Park";
        (await SaveAsync(editor, centre.Id, first)).Status.Should().Be(ReferenceSaveStatus.Saved);

        second.Name = "Familienzentrum Regenbogen";
        second.Phone = "02323 16-0";
        second.Hours[DayOfWeek.Monday][0] = new HoursFields { Opens = "08:00", Closes = "12:00" };
        var refused = await SaveAsync(admin, centre.Id, second);

        refused.Status.Should().Be(ReferenceSaveStatus.Conflict);
        refused.Conflict.Should().Contain("Someone else saved this at").And.Contain(EditingPortalFixture.Editor).And.Contain("your changes were not saved");
        await using (var db = World.NewDb())
        {
            var stored = await db.Centres.AsNoTracking().Include(c => c.OpeningHours).SingleAsync(c => c.Id == centre.Id);
            stored.Name.Should().Be("Familienzentrum Sonnenblume am Park", "the first editor's change is intact");
            stored.Phone.Should().BeNull();
            stored.OpeningHours.Should().BeEmpty("nothing of the refused save was written");
        }
        var history = await World.HistoryAsync("Centre", centre.Id);
        history.Should().ContainSingle("only the first save was recorded").Which.ChangedById.Should().Be(World.Accounts[EditingPortalFixture.Editor].Id);

        // Having seen the other change, the second editor saves again knowingly: with the version the refusal named.
        second.Version = refused.Version;
        (await SaveAsync(admin, centre.Id, second)).Status.Should().Be(ReferenceSaveStatus.Saved);
        await using var after = World.NewDb();
        (await after.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be("Familienzentrum Regenbogen");
        (await World.HistoryAsync("Centre", centre.Id)).Select(h => h.ChangedById)
            .Should().Equal(World.Accounts[EditingPortalFixture.Editor].Id, World.Accounts[EditingPortalFixture.Admin].Id);
    }

    [Fact]
    public async Task A_change_to_rooms_only_is_checked_against_the_version_too()
    {
        var centre = await World.CentreAsync();
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        var stale = await FormAsync(centre.Id);
        var fresh = await FormAsync(centre.Id);
        fresh.Locality = "Wanne-Eickel";
        (await SaveAsync(editor, centre.Id, fresh)).Status.Should().Be(ReferenceSaveStatus.Saved);

        stale.Rooms[0] = new RoomFields { Name = "Turnhalle", Kind = "Hall", Capacity = "30" };
        var refused = await SaveAsync(editor, centre.Id, stale);

        refused.Status.Should().Be(ReferenceSaveStatus.Conflict);
        await using var db = World.NewDb();
        (await db.Rooms.CountAsync(r => r.CentreId == centre.Id)).Should().Be(0);
    }

    [Fact]
    public async Task On_the_page_a_conflict_opens_a_dialog_that_names_who_saved_first_keeps_the_input_and_saves_it_on_request()
    {
        var centre = await World.CentreAsync();
        await SignInAsync(World.Accounts[EditingPortalFixture.Admin]);
        var page = Open<CentreEditPage>(CentreEditPage.PathFor(centre.Id), p => p.Add(x => x.Id, centre.Id));
        var meanwhile = await FormAsync(centre.Id);
        meanwhile.Name = "Familienzentrum Sonnenblume am Park";
        (await SaveAsync(await World.PrincipalAsync(EditingPortalFixture.Editor), centre.Id, meanwhile)).Status.Should().Be(ReferenceSaveStatus.Saved);

        await page.TypeAsync("name", "Familienzentrum Regenbogen");
        await page.PressAsync("Save");

        await EventuallyAsync(() => DialogHost.Markup.Should().Contain("Someone else saved this at").And.Contain(EditingPortalFixture.Editor));
        page.ValueOf("name").Should().Be("Familienzentrum Regenbogen", "what the second editor typed is kept");
        await using (var db = World.NewDb())
        {
            (await db.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be("Familienzentrum Sonnenblume am Park");
        }

        await DialogHost.ClickAsync(() => DialogHost.FindAll("button"), "Save my version");

        await EventuallyAsync(() => Snackbars.Should().Contain("Saved."));
        await using var after = World.NewDb();
        (await after.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be("Familienzentrum Regenbogen");
    }

    private async Task<CentreForm> FormAsync(int id)
    {
        await using var db = World.NewDb();
        var centre = await CentreEditor.FindAsync(db, await World.PrincipalAsync(EditingPortalFixture.Editor), id);
        var form = CentreForm.From(centre!);
        form.Pad();
        return form;
    }

    private async Task<ReferenceSaveResult> SaveAsync(System.Security.Claims.ClaimsPrincipal user, int id, CentreForm form)
    {
        await using var db = await World.DbForAsync(user);
        return await CentreEditor.SaveAsync(db, user, id, form, World.SaveContext());
    }
}
