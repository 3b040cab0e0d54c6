using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Catalogue.Calendar;

public class CalendarEndpointsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_published_session_downloads_as_an_icalendar_file()
    {
        var (published, _) = await SessionsAsync();
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/calendar/sessions/{published.Id}.ics");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/calendar");
        var text = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        text.Should().Contain("DTSTART:20261207T090000Z").And.Contain("SUMMARY:Eltern-Kind-Turnen")
            .And.Contain("LOCATION:Familienzentrum Sonnenblume\\, Bahnhofstraße 1\\, 44623 Herne");
    }

    [Fact]
    public async Task Sessions_of_unpublished_offerings_are_not_found()
    {
        var (_, draft) = await SessionsAsync();
        using var client = portal.CreateClient();

        (await client.GetAsync($"/calendar/sessions/{draft.Id}.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/calendar/sessions/999999999.ics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_offering_feed_lists_its_coming_sessions_and_marks_cancellations()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var offering = await catalogue.OfferingAsync(
            await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Babytreff")), await catalogue.CentreAsync());
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(9);
        db.Sessions.AddRange(
            new Session { OfferingId = offering.Id, StartsAt = start, EndsAt = start.AddHours(1), Status = SessionStatus.Scheduled },
            new Session { OfferingId = offering.Id, StartsAt = start.AddDays(7), EndsAt = start.AddDays(7).AddHours(1), Status = SessionStatus.Cancelled });
        await db.SaveChangesAsync();
        using var client = portal.CreateClient();

        var text = await client.GetStringAsync($"/calendar/offerings/{offering.Code}.ics");

        text.Split("BEGIN:VEVENT").Should().HaveCount(3);
        text.Should().Contain("STATUS:CONFIRMED").And.Contain("STATUS:CANCELLED").And.Contain("X-WR-CALNAME:Babytreff");
    }

    private async Task<(Session Published, Session Draft)> SessionsAsync()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var centre = await catalogue.CentreAsync();
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Eltern-Kind-Turnen"));
        var published = await catalogue.OfferingAsync(programme, centre);
        var draft = await catalogue.OfferingAsync(programme, centre, PublicationState.Draft);
        // 10:00 in Berlin on a December Monday is 09:00 UTC.
        var startsAt = new DateTime(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);
        var sessions = (new Session { OfferingId = published.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(90) },
            new Session { OfferingId = draft.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(90) });
        db.Sessions.AddRange(sessions.Item1, sessions.Item2);
        await db.SaveChangesAsync();
        return sessions;
    }
}
