using System.Net;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Catalogue;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using FamilyServices.Web.Features.Editing.ReferenceData.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>Markup is stored and shown as text; values that are too long or unsafe are refused with a message, and a refused form saves nothing at all.</summary>
public class HostileInputTests(ReferenceDataFixture portal) : IClassFixture<ReferenceDataFixture>
{
    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Markup_in_a_centre_name_is_shown_as_text_on_the_editor_and_public_pages()
    {
        var centre = await portal.CentreAsync();
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        var path = CentreEditPage.PathFor(centre.Id);

        var saved = await (await BrowserForm.OpenAsync(editor, path, "centre"))
            .Set("name", $"Zentrum {Script}").Set("street", "Weg 1\"><img src=x onerror=alert(1)>").PostAsync(editor, path);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var (client, page) in new[] { (editor, path), (await portal.ClientAsync(), CentrePage.PathFor(centre.Code)), (editor, CentreListPage.Path) })
        {
            var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
            html.Should().NotContain(Script, page).And.NotContain("<img src=x", page);
            (await Html.ParseAsync(await client.GetAsync(page))).DocumentNode.InnerText.Should().Contain("alert", "the text is shown, escaped");
        }
    }

    [Fact]
    public async Task An_overlong_or_unsafe_centre_form_saves_nothing_and_says_what_to_fix()
    {
        var centre = await portal.CentreAsync();
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        var path = CentreEditPage.PathFor(centre.Id);
        var overlong = new string('x', 201);

        var refused = await (await BrowserForm.OpenAsync(editor, path, "centre"))
            .Set("name", overlong)
            .Set("website", "javascript:alert(1)")
            .Set("timeZone", "W. Europe Standard Time")
            .Set("latitude", "91")
            .Set("email", "not an address")
            .Set("room-0-name", "Turnhalle").Set("room-0-kind", "Hall")
            .Set("hours-tuesday-0-opens", "14:00").Set("hours-tuesday-0-closes", "09:00")
            .Set("hours-monday-0-opens", "08:00").Set("hours-monday-0-closes", "12:00")
            .PostAsync(editor, path);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(refused);
        page.Find("//p[@id='name-error']").Text().Should().Be("Name: at most 200 characters (now 201).");
        page.Find("//p[@id='website-error']").Text().Should().StartWith("Give a full web address starting with https://");
        page.Find("//p[@id='timeZone-error']").Text().Should().Be("Give a time zone by its IANA name, e.g. Europe/Berlin or Europe/Istanbul.");
        page.Find("//p[@id='latitude-error']").Text().Should().Be("Give the latitude as a number from -90 to 90, e.g. 51.5362.");
        page.Find("//p[@id='email-error']").Text().Should().Be("Give an e-mail address such as info@example.org.");
        page.Find("//p[@id='hours-tuesday-0-opens-error']").Text().Should().Be("Tuesday: the closing time must be after the opening time.");
        page.DocumentNode.SelectNodes("//div[@class='error-summary']//li/a")!.Select(a => a.GetAttributeValue("href", ""))
            .Should().Contain(["#name", "#website", "#timeZone", "#latitude", "#email", "#hours-tuesday-0-opens"], "the summary links to each field");
        page.Find("//input[@id='room-0-name']").GetAttributeValue("value", "").Should().Be("Turnhalle", "what was typed stays in the form");

        await using var db = portal.NewDb();
        var stored = await db.Centres.AsNoTracking().Include(c => c.Rooms).Include(c => c.OpeningHours).SingleAsync(c => c.Id == centre.Id);
        stored.Name.Should().Be(centre.Name);
        stored.Website.Should().BeNull();
        stored.Rooms.Should().BeEmpty("not even the valid parts of a refused form are saved");
        stored.OpeningHours.Should().BeEmpty();
        (await portal.HistoryAsync("Centre", centre.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Rooms_and_opening_hours_are_saved_with_the_centre_and_recorded_on_it()
    {
        var centre = await portal.CentreAsync();
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        var path = CentreEditPage.PathFor(centre.Id);

        var saved = await (await BrowserForm.OpenAsync(editor, path, "centre"))
            .Set("room-0-name", "Turnhalle").Set("room-0-kind", "Hall").Set("room-0-capacity", "30")
            .Set("hours-monday-0-opens", "08:00").Set("hours-monday-0-closes", "12:00")
            .Set("hours-monday-1-opens", "14:00").Set("hours-monday-1-closes", "17:00")
            .Tick("accessibility", "lift").Set("timeZone", "Europe/Amsterdam")
            .PostAsync(editor, path);

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var stored = await db.Centres.AsNoTracking().Include(c => c.Rooms).Include(c => c.OpeningHours).SingleAsync(c => c.Id == centre.Id);
        stored.Rooms.Should().ContainSingle().Which.Capacity.Should().Be(30);
        stored.OpeningHours.Select(h => (h.Day, h.Opens, h.Closes)).Should().BeEquivalentTo(new[]
        {
            (DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0)), (DayOfWeek.Monday, new TimeOnly(14, 0), new TimeOnly(17, 0)),
        });
        stored.AccessibilityFeatures.Should().Equal("lift");
        stored.TimeZone.Should().Be("Europe/Amsterdam");
        var history = await portal.HistoryAsync("Centre", centre.Id);
        history.Should().ContainSingle();
        history[0].Changes.Should().Contain("(room Turnhalle)").And.Contain("(Monday)").And.Contain("AccessibilityFeatures");

        var unchanged = await (await BrowserForm.OpenAsync(editor, path, "centre")).PostAsync(editor, path);
        unchanged.Headers.Location!.OriginalString.Should().EndWith("?done=unchanged");
        (await portal.HistoryAsync("Centre", centre.Id)).Should().ContainSingle("saving the form unchanged records nothing");
    }

    [Fact]
    public async Task Overlong_names_of_organisations_and_categories_are_refused_and_nothing_is_saved()
    {
        var organisation = await portal.OrganisationAsync();
        var category = await portal.CategoryAsync("Bewegung");
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);

        var organisationRefused = await (await BrowserForm.OpenAsync(editor, OrganisationEditPage.PathFor(organisation.Id), "organisation"))
            .Set("name", new string('o', 300)).Set("code", "bad code!").PostAsync(editor, OrganisationEditPage.PathFor(organisation.Id));
        var categoryRefused = await (await BrowserForm.OpenAsync(editor, CategoryEditPage.PathFor(category.Id), "category"))
            .Set("name-de", Script).Set("name-tr", new string('ç', 201)).PostAsync(editor, CategoryEditPage.PathFor(category.Id));

        organisationRefused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var organisationPage = await Html.ParseAsync(organisationRefused);
        organisationPage.Find("//p[@id='name-error']").Text().Should().Be("Name: at most 200 characters (now 300).");
        organisationPage.Find("//p[@id='code-error']").Text().Should().StartWith("Use at most 40 characters");
        categoryRefused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await categoryRefused.Content.ReadAsStringAsync()).Should().NotContain(Script);
        (await Html.ParseAsync(categoryRefused)).Find("//p[@id='name-tr-error']").Text().Should().Be("Name (Türkçe): at most 200 characters (now 201).");

        await using var db = portal.NewDb();
        (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id)).Name.Should().Be(organisation.Name);
        (await db.Categories.AsNoTracking().Include(c => c.Names).SingleAsync(c => c.Id == category.Id)).Names.Should().ContainSingle().Which.Name.Should().Be("Bewegung");
    }
}
