using Bunit;
using FamilyServices.Tests.Features.Editing;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Security;

/// <summary>
/// The centre scope of interactive pages that the area tests did not prove over the circuit (docs/security.md,
/// "Centre scope over the circuit"): the page for a new offering of a programme, and the programme page's workflow
/// step for centre staff. The HTTP walk only sees these pages' frames; here staff of centre B open centre A's item,
/// and staff of A are moved to B (in the database, not in the principal) while the page is open. Nothing may change.
/// </summary>
public sealed class CircuitCentreScopeTests(EditorWorld world) : EditorPageTest(world), IClassFixture<EditorWorld>
{
    [Fact]
    public async Task Staff_of_centre_B_get_no_new_offering_page_for_a_programme_of_centre_A_and_create_nothing()
    {
        var programme = await Editors.ProgrammeAsync();
        var before = await OfferingsOfAsync(programme.Id);
        await SignInAsync(Editors.StaffB);

        var page = Render<OfferingEditPage>(p => p.Add(x => x.ProgrammeId, programme.Id));

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(T("NotFoundTitle")), Patience);
        page.FindAll("#save, #capacity").Should().BeEmpty("nothing of centre A's programme is offered to centre B");
        page.Markup.Should().NotContain(programme.Texts.Single(t => t.Language == "en").Title);
        (await OfferingsOfAsync(programme.Id)).Should().Be(before);
    }

    [Fact]
    public async Task Staff_moved_to_centre_B_while_the_new_offering_page_is_open_create_nothing()
    {
        var programme = await Editors.ProgrammeAsync();
        var before = await OfferingsOfAsync(programme.Id);
        var staff = await Editors.AccountAsync($"moving.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, Editors.CentreA);
        await SignInAsync(staff);
        var page = Render<OfferingEditPage>(p => p.Add(x => x.ProgrammeId, programme.Id));
        page.WaitForAssertion(() => page.Find("#save"), Patience);
        await MoveToCentreBAsync(staff);

        page.Find("#weekday-Tuesday").Change(true);
        Type(page, "startTime", "15:00");
        Type(page, "endTime", "16:30");
        Type(page, "capacity", "16");
        Click(page, "#save");

        page.WaitForAssertion(() => Snackbars.Concat([page.Markup]).Should().Contain(s => s.Contains(T("NotFoundText")) || s.Contains(T("EditNotAllowedNow"))), Patience);
        (await OfferingsOfAsync(programme.Id)).Should().Be(before, "the account no longer works for the programme's centre");
        await using var db = Editors.NewDb();
        (await db.Offerings.CountAsync(o => o.ProgrammeId == programme.Id && o.Capacity == 16)).Should().Be(0);
    }

    [Fact]
    public async Task Staff_moved_to_centre_B_while_the_programme_page_is_open_send_nothing_to_review()
    {
        var programme = await Editors.ProgrammeAsync();
        var staff = await Editors.AccountAsync($"moving.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, Editors.CentreA);
        await SignInAsync(staff);
        var page = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        page.WaitForAssertion(() => page.Find("#step-SendToReview"), Patience);
        var version = await Editors.ProgrammeVersionAsync(programme.Id);
        await MoveToCentreBAsync(staff);

        page.Find("#step-SendToReview").Click();

        page.WaitForAssertion(() => Snackbars.Concat([page.Markup]).Should().Contain(s => s.Contains(T("NotFoundText")) || s.Contains(T("EditNotAllowedNow"))), Patience);
        (await Editors.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Draft);
        (await Editors.ProgrammeVersionAsync(programme.Id)).Should().Be(version);
        (await Editors.HistoryCountAsync("Programme", programme.Id)).Should().Be(0);
    }

    private async Task MoveToCentreBAsync(Infrastructure.TestWorld.Account staff)
    {
        await Editors.RemoveFromCentresAsync(staff);
        await using var db = Editors.NewDb();
        db.StaffCentres.Add(new StaffCentre { UserId = staff.Id, CentreId = Editors.CentreB.Id });
        await db.SaveChangesAsync();
    }

    private async Task<int> OfferingsOfAsync(int programmeId)
    {
        await using var db = Editors.NewDb();
        return await db.Offerings.CountAsync(o => o.ProgrammeId == programmeId);
    }
}
