using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Catalogue;

public class CentrePageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Centre_page_shows_contact_hours_closure_and_what_runs_this_week()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var centre = await catalogue.CentreAsync();
        centre.Phone = "+49 2323 16 0";
        centre.Status = CentreStatus.TemporarilyClosed;
        centre.StatusReason = "Wasserschaden";
        centre.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(16, 0) });
        var offering = await catalogue.OfferingAsync(await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe")), centre);
        var soon = DateTime.UtcNow.AddDays(2);
        db.Sessions.Add(new Session { OfferingId = offering.Id, StartsAt = soon, EndsAt = soon.AddHours(1) });
        await db.SaveChangesAsync();
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var response = await client.GetAsync($"/centres/{centre.Code}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.Find("//h1").Text().Should().Be("Familienzentrum Sonnenblume");
        HtmlAgilityPack.HtmlEntity.DeEntitize(page.Find("//a[starts-with(@href,'tel:')]").GetAttributeValue("href", "")).Should().Be("tel:+492323160");
        page.Find("//p[contains(@class,'status--closed')]").Text().Should().Contain("Vorübergehend geschlossen").And.Contain("Wasserschaden");
        page.DocumentNode.InnerText.Should().Contain("08:00–16:00");
        page.Find("//ul[@class='sessions']//a[contains(@href,'/programmes/')]").Text().Should().Be("Spielgruppe");
        page.Find("//a[contains(@href,'/calendar/sessions/')]").Should().NotBeNull();
    }

    [Fact]
    public async Task An_unknown_centre_is_not_found()
    {
        using var client = portal.CreateClient();

        (await client.GetAsync("/centres/NO-SUCH")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
