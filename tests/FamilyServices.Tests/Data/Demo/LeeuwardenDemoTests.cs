using System.Globalization;
using FamilyServices.Web.Data.Demo;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Catalogue.Search;
using FamilyServices.Web.Features.Reach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>
/// The Leeuwarden demo (Kansen voor Kinderen in the IKCs), loaded with the operator's own seed-demo command into an
/// empty database. Expected figures come from the city class and the loaded rows, never from one day's output.
/// </summary>
[Collection(DemoCitiesCollection.Name)]
public class LeeuwardenDemoTests(LeeuwardenDemoFixture demo)
{
    [Fact]
    public async Task Leeuwarden_loads_in_dutch_with_its_child_centres()
    {
        await using var db = demo.NewDb();

        var city = await db.CityProfiles.SingleAsync();
        city.Code.Should().Be("leeuwarden");
        city.DefaultLanguage.Should().Be("nl");
        city.TimeZone.Should().Be("Europe/Amsterdam");
        city.Currency.Should().Be("EUR");
        demo.LoadOutput.Should().Contain("centres").And.Contain("attendances");
        var centres = await db.Centres.Select(c => c.Type).ToListAsync();
        centres.Count.Should().BeInRange(8, 15);
        centres.Count(t => t == CentreType.ChildCentre).Should().BeGreaterThan(centres.Count / 2, "most centres are IKCs");
        centres.Should().Contain(CentreType.School).And.Contain(CentreType.Library);
        (await db.Programmes.CountAsync()).Should().BeInRange(10, 16);
    }

    [Fact]
    public async Task Every_published_programme_has_its_texts_in_dutch_and_english()
    {
        await using var db = demo.NewDb();

        var programmes = await db.Programmes.Include(p => p.Texts)
            .Where(p => p.PublicationState == PublicationState.Published).ToListAsync();

        programmes.Should().NotBeEmpty();
        foreach (var programme in programmes)
        {
            foreach (var language in new[] { "nl", "en" })
            {
                var text = programme.Texts.SingleOrDefault(t => t.Language == language);
                text.Should().NotBeNull($"{programme.Code} has a text in {language}");
                text!.Title.Should().NotBeNullOrWhiteSpace();
                text.Summary.Should().NotBeNullOrWhiteSpace();
                text.Description.Should().Contain("\n\n", $"the {language} description of {programme.Code} has two paragraphs");
                text.RegistrationNote.Should().NotBeNullOrWhiteSpace();
                if (!programme.IsFree) text.CostNote.Should().NotBeNullOrWhiteSpace($"{programme.Code} costs something");
            }
        }
        var categoryLanguages = await db.Categories.Select(c => c.Names.Select(n => n.Language).ToList()).ToListAsync();
        categoryLanguages.Should().OnlyContain(names => names.Contains("nl") && names.Contains("en"));
    }

    [Fact]
    public async Task Every_centre_lies_in_a_postcode_area_of_the_table_and_in_that_area_s_district()
    {
        await using var db = demo.NewDb();

        var postcodes = await db.Postcodes.ToDictionaryAsync(p => p.Code, p => p.DistrictId);
        var centres = await db.Centres.Select(c => new { c.Code, c.Postcode, c.DistrictId }).ToListAsync();

        foreach (var centre in centres)
        {
            var area = centre.Postcode.Replace(" ", "", StringComparison.Ordinal)[..4];
            postcodes.Should().ContainKey(area, $"{centre.Code}'s postcode {centre.Postcode} is a postcode area of the city");
            postcodes[area].Should().Be(centre.DistrictId, $"{centre.Code} lies in the district of its postcode area");
        }
    }

    [Theory]
    [InlineData("8924")]
    [InlineData("8924 BK")]
    [InlineData("8924bk")]
    [InlineData(" 8924 BK ")]
    public async Task A_parent_typing_a_four_digit_or_full_dutch_postcode_gets_its_area(string typed)
    {
        await using var db = demo.NewDb();
        var area = await db.Postcodes.SingleAsync(p => p.Code == "8924");

        var place = await new PlaceResolver(db).ResolveAsync(typed);

        place.Should().NotBeNull();
        place!.Latitude.Should().Be(area.Latitude);
        place.Longitude.Should().Be(area.Longitude);
        place.Label.Should().Be("8924 " + area.Locality);
    }

    [Fact]
    public async Task Every_postcode_area_has_a_published_offering_within_three_kilometres()
    {
        await using var db = demo.NewDb();
        var postcodes = await db.Postcodes.ToListAsync();
        var centres = await db.Offerings
            .Where(o => o.PublicationState == PublicationState.Published && o.Programme.PublicationState == PublicationState.Published)
            .Select(o => new { o.Centre.Latitude, o.Centre.Longitude }).Distinct().ToListAsync();

        foreach (var postcode in postcodes)
        {
            var nearest = centres.Min(c => Kilometres(postcode.Latitude, postcode.Longitude, c.Latitude, c.Longitude));
            nearest.Should().BeLessThanOrEqualTo(3.0, $"a parent searching near {postcode.Code} {postcode.Locality} finds something");
        }
    }

    private static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Sqrt(a));
    }

    [Fact]
    public async Task No_district_and_age_band_is_reached_above_sixty_percent_and_most_far_lower()
    {
        await using (var scope = demo.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync();
        }

        var rates = new List<double>();
        foreach (var year in DemoPlaces.PopulationYears)
        {
            await using var scope = demo.Scope();
            var equity = await scope.ServiceProvider.GetRequiredService<ReachReports>().EquityAsync(ReachPeriodKind.Calendar, year);
            foreach (var district in equity.Districts)
            {
                foreach (var (band, (reached, population)) in district.ByAgeBand)
                {
                    population.Should().BePositive($"{district.DistrictName} has children aged {band} in {year}");
                    var rate = (double)reached / population;
                    rate.Should().BeLessThanOrEqualTo(0.6, $"{district.DistrictName}, {band}, {year}: {reached} of {population} children reached");
                    rates.Add(rate);
                }
            }
            equity.Districts.Sum(d => d.ChildrenReached).Should().BePositive($"children were reached in {year}");
        }
        rates.Order().ElementAt(rates.Count / 2).Should().BeLessThan(0.2, "most district and age band rates are far below the ceiling");
    }

    [Fact]
    public async Task The_reach_targets_are_met()
    {
        foreach (var target in LeeuwardenDemo.Targets)
        {
            var reached = await ScalarAsync($"""
                SELECT count(DISTINCT a.participant_id)
                FROM attendances a
                JOIN sessions s ON s.id = a.session_id
                JOIN offerings o ON o.id = s.offering_id
                JOIN centres c ON c.id = o.centre_id
                JOIN programmes p ON p.id = o.programme_id
                WHERE a.status = 'Present' AND s.status = 'Held' AND p.type = '{target.Type}'
                  AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {target.Year}
                """);
            var expected = target.Children;
            if (target.ScaleToSessionsHeld)
            {
                // A year in progress: the whole-year figure scaled by the sessions held so far against the year before.
                var held = await HeldSessionsAsync(target.Type, target.Year);
                var before = await HeldSessionsAsync(target.Type, target.Year - 1);
                expected = (int)Math.Round(target.Children * (double)held / before);
            }
            reached.Should().Be(expected, $"{target.Type} in {target.Year}");
        }
    }

    [Fact]
    public async Task Focus_areas_get_more_offerings_per_centre()
    {
        await using var db = demo.NewDb();

        var perCentre = await db.Offerings
            .Where(o => o.PublicationState == PublicationState.Published && o.Centre.Type != CentreType.Library)
            .GroupBy(o => new { o.CentreId, o.Centre.District.IsFocusArea })
            .Select(g => new { g.Key.IsFocusArea, Count = g.Count() }).ToListAsync();

        perCentre.Where(c => c.IsFocusArea).Average(c => c.Count)
            .Should().BeGreaterThan(perCentre.Where(c => !c.IsFocusArea).Average(c => c.Count));
    }

    [Fact]
    public async Task Staff_pages_have_every_state_to_show()
    {
        await using var db = demo.NewDb();

        (await db.Centres.CountAsync(c => c.Status == CentreStatus.TemporarilyClosed && c.ClosedUntil != null)).Should().Be(1);
        (await db.Offerings.CountAsync(o => o.Status == OfferingStatus.Full && o.PublicationState == PublicationState.Published)).Should().Be(1);
        (await db.Offerings.CountAsync(o => o.Status == OfferingStatus.Cancelled)).Should().Be(1);
        (await db.Sessions.AnyAsync(s => s.Offering.Status == OfferingStatus.Cancelled && s.Status != SessionStatus.Cancelled)).Should().BeFalse();
        var states = await db.Programmes.Select(p => p.PublicationState).ToListAsync();
        states.Should().Contain([PublicationState.Draft, PublicationState.InReview, PublicationState.Archived]);
        (await db.Sessions.AnyAsync(s => s.Offering.Programme.Type == ProgrammeType.OpenMeeting && s.HeadcountAdults > 0)).Should().BeTrue();
    }

    [Fact]
    public async Task Extra_learning_time_runs_after_school_and_on_wednesday_afternoons_in_school_weeks_only()
    {
        await using var db = demo.NewDb();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

        var starts = await db.Sessions
            .Where(s => s.Offering.Programme.Type == ProgrammeType.LearningSupport || s.Offering.Programme.Type == ProgrammeType.Workshop)
            .Where(s => s.Offering.Centre.Type != CentreType.Library)
            .Select(s => s.StartsAt).ToListAsync();

        starts.Should().NotBeEmpty();
        foreach (var local in starts.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s, zone)))
        {
            var earliest = local.DayOfWeek == DayOfWeek.Wednesday ? new TimeOnly(12, 30) : new TimeOnly(14, 30);
            TimeOnly.FromDateTime(local).Should().BeOnOrAfter(earliest, $"{local:yyyy-MM-dd dddd HH:mm} is after school");
        }
        // The Christmas holidays of region Noord 2025/26 have no extra learning time.
        starts.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(s, zone)))
            .Should().NotContain(d => d >= new DateOnly(2025, 12, 20) && d <= new DateOnly(2026, 1, 4));
    }

    private Task<long> HeldSessionsAsync(ProgrammeType type, int year) => ScalarAsync($"""
        SELECT count(*)
        FROM sessions s
        JOIN offerings o ON o.id = s.offering_id
        JOIN centres c ON c.id = o.centre_id
        JOIN programmes p ON p.id = o.programme_id
        WHERE s.status = 'Held' AND p.type = '{type}' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {year}
        """);

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
