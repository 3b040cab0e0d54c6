using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Data.Demo;

[Collection(DemoCitiesCollection.Name)]
public class HerneDemoTests(HerneDemoFixture demo)
{
    [Fact]
    public async Task Every_district_and_age_band_is_reached_at_a_plausible_rate_in_every_year()
    {
        var cells = await DemoReachRates.AllAsync(demo);

        DemoReachRates.ShouldBePlausible(cells);
    }

    [Fact]
    public async Task Herne_has_its_family_centres_56_kitas_and_19_schools_in_german()
    {
        await using var db = demo.NewDb();

        (await db.CityProfiles.SingleAsync()).DefaultLanguage.Should().Be("de");
        (await db.Centres.CountAsync(c => c.Type == CentreType.Kita)).Should().Be(56);
        (await db.Centres.CountAsync(c => c.Type == CentreType.School)).Should().Be(19);
        (await db.Centres.CountAsync(c => c.Type == CentreType.FamilyCentre)).Should().BePositive();
        (await db.ProgrammeTexts.AnyAsync(t => t.Language == "de" && t.Title.StartsWith("Olympia ruft"))).Should().BeTrue();
    }

    [Fact]
    public async Task Olympia_ruft_runs_at_every_kita_and_school()
    {
        await using var db = demo.NewDb();

        var places = await db.Offerings
            .Where(o => o.Programme.Texts.Any(t => t.Language == "de" && t.Title.StartsWith("Olympia ruft")))
            .Where(o => o.Centre.Type == CentreType.Kita || o.Centre.Type == CentreType.School)
            .Select(o => o.CentreId).Distinct().CountAsync();

        places.Should().Be(56 + 19);
    }

    [Fact]
    public async Task A_parent_can_find_free_published_offers_on_saturday()
    {
        await using var db = demo.NewDb();

        var saturdayFree = await db.Offerings
            .Where(o => o.PublicationState == PublicationState.Published && o.Programme.PublicationState == PublicationState.Published)
            .Where(o => o.Programme.IsFree)
            .Select(o => new { o.Schedule.Weekdays, o.Schedule.Kind })
            .ToListAsync();

        saturdayFree.Should().Contain(o => o.Kind == ScheduleKind.Weekly && o.Weekdays.HasFlag(Weekdays.Saturday));
    }

    [Fact]
    public async Task Open_meetings_log_anonymous_headcounts()
    {
        await using var db = demo.NewDb();

        (await db.Sessions.AnyAsync(s => s.Offering.Programme.Type == ProgrammeType.OpenMeeting && s.HeadcountChildren > 0 && s.HeadcountAdults > 0))
            .Should().BeTrue();
    }
}
