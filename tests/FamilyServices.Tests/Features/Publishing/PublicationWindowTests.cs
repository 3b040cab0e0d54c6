using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Publishing;

/// <summary>The editors' world with a clock the test moves.</summary>
public sealed class PinnedClockPortalFixture : EditorWorld
{
    public PinnedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// "Publish from" and "publish until" take effect without anyone clicking: when the clock passes them, every public
/// surface (search page, programme page, API, calendar feed) shows or hides the programme at once.
/// </summary>
public class PublicationWindowTests(PinnedClockPortalFixture portal) : IClassFixture<PinnedClockPortalFixture>
{
    [Fact]
    public async Task A_scheduled_unpublish_date_hides_the_programme_everywhere_when_the_clock_passes_it()
    {
        var (programme, offering) = await PublishedProgrammeAsync(from: null, until: portal.Clock.Now.AddDays(1).UtcDateTime);

        (await SurfacesShowingAsync(programme, offering)).Should().BeEquivalentTo(AllSurfaces, "the window is still open");

        portal.Clock.Advance(TimeSpan.FromDays(1));

        (await SurfacesShowingAsync(programme, offering)).Should().BeEmpty("the publish-until time has passed");
    }

    [Fact]
    public async Task A_scheduled_publish_date_shows_the_programme_only_from_then_on()
    {
        var (programme, offering) = await PublishedProgrammeAsync(from: portal.Clock.Now.AddHours(2).UtcDateTime, until: null);

        (await SurfacesShowingAsync(programme, offering)).Should().BeEmpty("the publish-from time has not come");

        portal.Clock.Advance(TimeSpan.FromHours(2));

        (await SurfacesShowingAsync(programme, offering)).Should().BeEquivalentTo(AllSurfaces);
    }

    [Fact]
    public async Task An_offering_with_its_own_window_disappears_while_its_programme_stays()
    {
        var (programme, offering) = await PublishedProgrammeAsync(from: null, until: null);
        await using (var db = portal.NewDb())
        {
            var stored = await db.Offerings.FindAsync(offering.Id);
            stored!.PublishUntil = portal.Clock.Now.AddMinutes(30).UtcDateTime;
            await db.SaveChangesAsync();
        }
        portal.Clock.Advance(TimeSpan.FromMinutes(31));

        var client = portal.CreateClient();
        (await client.GetAsync($"/calendar/offerings/{offering.Code}.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/api/v1/offerings?pageSize=500")).Should().NotContain(offering.Code);
    }

    [Fact]
    public async Task A_window_set_in_the_editor_in_the_citys_time_opens_the_search_at_that_minute()
    {
        var (programme, offering) = await PublishedProgrammeAsync(from: null, until: null);
        var opensAt = portal.Clock.Now.AddMinutes(30);
        var form = await portal.FormOfAsync(programme.Id);
        form.PublishFrom = TimeZoneInfo.ConvertTimeFromUtc(opensAt.UtcDateTime, portal.CityZone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        (await portal.Programmes.SaveAsync(await portal.PrincipalAsync(portal.Editor), programme.Id, form)).Succeeded.Should().BeTrue();
        (await SurfacesShowingAsync(programme, offering)).Should().BeEmpty("the window opens in half an hour");

        portal.Clock.Advance(TimeSpan.FromMinutes(29));
        (await SurfacesShowingAsync(programme, offering)).Should().BeEmpty("a minute early");

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        (await SurfacesShowingAsync(programme, offering)).Should().BeEquivalentTo(AllSurfaces, "at the minute it opens");
    }

    private static readonly string[] AllSurfaces = ["search page", "programme page", "search API", "offerings API", "calendar feed"];

    private async Task<(Programme, Offering)> PublishedProgrammeAsync(DateTime? from, DateTime? until)
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        var centre = await catalogue.CentreAsync();
        var title = TestCatalogue.Unique("Sommerferien-Schwimmkurs ");
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", title));
        programme.PublishFrom = from;
        programme.PublishUntil = until;
        var offering = await catalogue.OfferingAsync(programme, centre, schedule: Schedule.Weekly(
            new DateOnly(2026, 10, 1), new DateOnly(2027, 6, 30), Weekdays.Tuesday, new TimeOnly(15, 0), new TimeOnly(16, 0)));
        await db.SaveChangesAsync();
        return (programme, offering);
    }

    private async Task<List<string>> SurfacesShowingAsync(Programme programme, Offering offering)
    {
        var client = portal.CreateClient();
        var title = programme.Texts.Single().Title;
        var shown = new List<string>();
        // The search box repeats the query, so look for the result's link, not its title.
        if ((await client.GetStringAsync($"/search?q={Uri.EscapeDataString(title)}")).Contains($"/programmes/{programme.Slug}\"", StringComparison.Ordinal)) shown.Add("search page");
        if ((await client.GetAsync($"/programmes/{programme.Slug}")).StatusCode == HttpStatusCode.OK) shown.Add("programme page");
        if ((await client.GetStringAsync($"/api/v1/programmes?q={Uri.EscapeDataString(title)}")).Contains(programme.Code, StringComparison.Ordinal)) shown.Add("search API");
        if ((await client.GetStringAsync("/api/v1/offerings?pageSize=500")).Contains(offering.Code, StringComparison.Ordinal)) shown.Add("offerings API");
        if ((await client.GetAsync($"/calendar/offerings/{offering.Code}.ics")).StatusCode == HttpStatusCode.OK) shown.Add("calendar feed");
        return shown;
    }
}
