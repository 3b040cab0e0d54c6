using System.Net;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>Two people editing the same centre: the second save is refused with a clear message, never a silent overwrite.</summary>
public class CentreConcurrencyTests(ReferenceDataFixture portal) : IClassFixture<ReferenceDataFixture>
{
    [Fact]
    public async Task The_second_save_is_refused_the_first_change_stays_and_the_second_editors_input_is_kept()
    {
        var centre = await portal.CentreAsync();
        var path = CentreEditPage.PathFor(centre.Id);
        using var first = await portal.ClientAsync(EditingPortalFixture.Editor);
        using var second = await portal.ClientAsync(EditingPortalFixture.Admin);
        var firstForm = await BrowserForm.OpenAsync(first, path, "centre");
        var secondForm = await BrowserForm.OpenAsync(second, path, "centre");

        var saved = await firstForm.Set("name", "Familienzentrum Sonnenblume am Park").PostAsync(first, path);
        var refused = await secondForm.Set("name", "Familienzentrum Regenbogen").Set("phone", "02323 16-0")
            .Set("hours-monday-0-opens", "08:00").Set("hours-monday-0-closes", "12:00").PostAsync(second, path);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var page = await Html.ParseAsync(refused);
        var message = page.Find("//div[@class='error-summary']");
        message.Text().Should().Contain("Someone else saved this at").And.Contain(EditingPortalFixture.Editor).And.Contain("your changes were not saved");
        message.Find(".//a").GetAttributeValue("href", "").Should().Be(CentreHistoryPage.PathFor(centre.Id), "the other change can be looked at");
        page.Find("//input[@id='name']").GetAttributeValue("value", "").Should().Be("Familienzentrum Regenbogen", "the second editor's input is kept");
        page.Find("//input[@id='phone']").GetAttributeValue("value", "").Should().Be("02323 16-0");
        page.Find("//input[@id='hours-monday-0-opens']").GetAttributeValue("value", "").Should().Be("08:00");

        await using var db = portal.NewDb();
        var stored = await db.Centres.AsNoTracking().Include(c => c.OpeningHours).SingleAsync(c => c.Id == centre.Id);
        stored.Name.Should().Be("Familienzentrum Sonnenblume am Park", "the first editor's change is intact");
        stored.Phone.Should().BeNull();
        stored.OpeningHours.Should().BeEmpty("nothing of the refused save was written");
        (await portal.HistoryAsync("Centre", centre.Id)).Should().ContainSingle("only the first save was recorded");

        // Having seen the other change, the second editor saves again knowingly: the refused form carries the new version.
        var again = await BrowserForm.Of(page, "centre").PostAsync(second, path);
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var after = portal.NewDb();
        (await after.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be("Familienzentrum Regenbogen");
    }

    [Fact]
    public async Task A_change_to_rooms_only_is_checked_against_the_version_too()
    {
        var centre = await portal.CentreAsync();
        var path = CentreEditPage.PathFor(centre.Id);
        using var first = await portal.ClientAsync(EditingPortalFixture.Editor);
        using var second = await portal.ClientAsync(EditingPortalFixture.Admin);
        var stale = await BrowserForm.OpenAsync(second, path, "centre");
        (await (await BrowserForm.OpenAsync(first, path, "centre")).Set("locality", "Wanne-Eickel").PostAsync(first, path))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var refused = await stale.Set("room-0-name", "Turnhalle").Set("room-0-kind", "Hall").Set("room-0-capacity", "30").PostAsync(second, path);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        await using var db = portal.NewDb();
        (await db.Rooms.CountAsync(r => r.CentreId == centre.Id)).Should().Be(0);
    }
}
