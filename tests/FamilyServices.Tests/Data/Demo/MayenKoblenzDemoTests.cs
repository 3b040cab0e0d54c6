using System.Globalization;
using FamilyServices.Web.Data.Demo;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>
/// The Mayen-Koblenz demo (Kita social work in the district's Kitas), loaded into an empty database with the operator
/// command: its catalogue in German and English, its places, the states staff pages show, and attendance that meets
/// its targets while keeping every district's reach rates plausible.
/// </summary>
[Collection(DemoCitiesCollection.Name)]
public class MayenKoblenzDemoTests(MayenKoblenzDemoFixture demo)
{
    private static readonly int[] Years = [2024, 2025, 2026];

    [Fact]
    public async Task The_district_loads_through_the_demo_list_as_a_german_city_of_kitas()
    {
        await using var db = demo.NewDb();

        DemoCities.Names.Should().Contain(MayenKoblenzDemo.Code);
        DemoCities.Find("Mayen-Koblenz").Should().NotBeNull();
        demo.LoadOutput.Should().Contain("Loaded the mayen-koblenz demo");
        var city = await db.CityProfiles.SingleAsync();
        (city.Code, city.DefaultLanguage, city.TimeZone, city.Currency).Should().Be((MayenKoblenzDemo.Code, "de", "Europe/Berlin", "EUR"));
        var centres = await db.Centres.ToListAsync();
        centres.Should().HaveCountGreaterThanOrEqualTo(8).And.HaveCountLessThanOrEqualTo(15).And.OnlyContain(c => c.Type == CentreType.Kita);
        (await db.Programmes.CountAsync()).Should().BeInRange(10, 16);
        (await db.Districts.Select(d => d.Population.Where(p => p.Year == 2025).Sum(p => p.Children)).SumAsync())
            .Should().BeInRange(34_000, 39_000, "about 36,000 of the district's 215,000 people are children");
    }

    [Fact]
    public async Task Every_published_programme_speaks_german_and_english_with_two_paragraphs_and_notes()
    {
        await using var db = demo.NewDb();

        var programmes = await db.Programmes.Include(p => p.Texts).Include(p => p.Category).ThenInclude(c => c.Names)
            .Where(p => p.PublicationState == PublicationState.Published).ToListAsync();

        programmes.Should().NotBeEmpty();
        foreach (var programme in programmes)
        {
            foreach (var language in new[] { "de", "en" })
            {
                var text = programme.Texts.SingleOrDefault(t => t.Language == language);
                text.Should().NotBeNull($"{programme.Code} needs a {language} text");
                text!.Title.Should().NotBeNullOrWhiteSpace();
                text.Summary.Should().NotBeNullOrWhiteSpace();
                text.Description.Split("\n\n").Should().HaveCount(2, $"{programme.Code} ({language}) has a description of two paragraphs");
                text.RegistrationNote.Should().NotBeNullOrWhiteSpace();
                if (!programme.IsFree) text.CostNote.Should().NotBeNullOrWhiteSpace($"{programme.Code} costs money");
            }
            programme.Category.Names.Select(n => n.Language).Should().Contain(["de", "en"]);
        }
    }

    [Fact]
    public async Task Every_centre_has_a_postcode_of_its_own_district_and_every_postcode_has_a_kita_with_offers_nearby()
    {
        await using var db = demo.NewDb();
        var postcodes = await db.Postcodes.ToDictionaryAsync(p => p.Code);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var centres = await db.Centres
            .Where(c => c.Status == CentreStatus.Open)
            .Where(c => db.Offerings.Any(o => o.CentreId == c.Id && o.PublicationState == PublicationState.Published
                && o.Programme.PublicationState == PublicationState.Published && o.Status != OfferingStatus.Cancelled && o.Schedule.EndDate >= today))
            .ToListAsync();
        var all = await db.Centres.ToListAsync();

        foreach (var centre in all)
        {
            postcodes.Should().ContainKey(centre.Postcode, $"{centre.Name} is in {centre.Postcode}");
            postcodes[centre.Postcode].DistrictId.Should().Be(centre.DistrictId, $"{centre.Postcode} is in the district of {centre.Name}");
        }
        postcodes.Values.Should().HaveCountGreaterThanOrEqualTo(11);
        foreach (var postcode in postcodes.Values)
        {
            centres.Min(c => Kilometres(postcode.Latitude, postcode.Longitude, c.Latitude, c.Longitude))
                .Should().BeLessThan(10, $"parents in {postcode.Code} {postcode.Locality} find a Kita with current offers nearby");
        }
    }

    [Fact]
    public async Task Staff_pages_have_drafts_archived_items_a_closed_kita_a_cancelled_and_a_full_offering_and_headcounts()
    {
        await using var db = demo.NewDb();

        (await db.Programmes.CountAsync(p => p.PublicationState == PublicationState.Draft)).Should().BePositive();
        (await db.Programmes.CountAsync(p => p.PublicationState == PublicationState.Archived)).Should().BePositive();
        (await db.Offerings.CountAsync(o => o.PublicationState == PublicationState.Archived)).Should().BePositive();
        var closed = await db.Centres.SingleAsync(c => c.Status == CentreStatus.TemporarilyClosed);
        closed.ClosedUntil.Should().NotBeNull();
        closed.StatusReason.Should().NotBeNullOrWhiteSpace();
        (await db.Offerings.CountAsync(o => o.Status == OfferingStatus.Cancelled && o.PublicationState == PublicationState.Published)).Should().Be(1);
        (await db.Offerings.CountAsync(o => o.Status == OfferingStatus.Full && o.PublicationState == PublicationState.Published)).Should().Be(1);
        (await db.Sessions.AnyAsync(s => s.Offering.Programme.Type == ProgrammeType.OpenMeeting && s.HeadcountChildren > 0 && s.HeadcountAdults > 0))
            .Should().BeTrue();
    }

    [Fact]
    public async Task No_session_of_the_closed_kita_takes_place_while_it_is_closed()
    {
        await using var db = demo.NewDb();
        var closed = await db.Centres.SingleAsync(c => c.Status == CentreStatus.TemporarilyClosed);

        var during = await ScalarAsync($"""
            SELECT count(*) FROM sessions s JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
            WHERE c.id = {closed.Id} AND s.status <> 'Cancelled'
              AND (s.starts_at AT TIME ZONE c.time_zone)::date BETWEEN DATE '2026-11-16' AND DATE '{closed.ClosedUntil!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'
            """);

        during.Should().Be(0);
    }

    [Fact]
    public async Task The_targets_per_programme_type_and_year_are_met_and_2026_is_scaled_to_the_sessions_held()
    {
        var city = MayenKoblenzDemo.Build();

        foreach (var target in city.Targets)
        {
            var reached = await ScalarAsync($"""
                SELECT count(DISTINCT a.participant_id)
                FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id
                JOIN centres c ON c.id = o.centre_id JOIN programmes p ON p.id = o.programme_id
                WHERE a.status = 'Present' AND s.status = 'Held' AND p.type = '{target.Type}'
                  AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {target.Year}
                """);
            var expected = target.Children;
            if (target.ScaleToSessionsHeld)
            {
                var held = await ScalarAsync(HeldSessionsSql(target.Type, target.Year));
                var before = await ScalarAsync(HeldSessionsSql(target.Type, target.Year - 1));
                expected = (int)Math.Round(target.Children * (double)held / before);
            }

            reached.Should().Be(expected, $"{target.Type} in {target.Year} has a target of {target.Children}");
        }
    }

    [Fact]
    public async Task No_district_and_age_band_is_reached_above_sixty_percent_in_any_year()
    {
        await using var scope = demo.Scope();
        var reports = scope.ServiceProvider.GetRequiredService<ReachReports>();

        foreach (var year in Years)
        {
            var equity = await reports.EquityAsync(ReachPeriodKind.Calendar, year);
            var distinct = await ScalarAsync($"""
                SELECT count(DISTINCT a.participant_id)
                FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
                WHERE a.status = 'Present' AND s.status = 'Held' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {year}
                """);

            equity.Districts.Sum(d => d.ChildrenReached).Should().Be((int)distinct, "every child reached in {0} lives in one district", year);
            var rates = equity.Districts
                .SelectMany(d => d.ByAgeBand.Select(b => (Cell: $"{d.DistrictCode} {b.Key} {year}", Rate: (double)b.Value.Reached / b.Value.Population)))
                .ToList();
            rates.Should().OnlyContain(r => r.Rate <= 0.6, "no district and age band is reached above 60 %");
            rates.Count(r => r.Rate > 0.3).Should().BeLessThan(rates.Count / 10, "most cells are far lower");
            rates.Max(r => r.Rate).Should().BePositive();
            equity.FocusAreas.Reached.Should().BePositive();
        }
    }

    private static string HeldSessionsSql(ProgrammeType type, int year) => $"""
        SELECT count(*) FROM sessions s JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        JOIN programmes p ON p.id = o.programme_id
        WHERE s.status = 'Held' AND p.type = '{type}' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {year}
        """;

    private static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Radians(lat2 - lat1) / 2), 2)
            + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(Radians(lon2 - lon1) / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Sqrt(a));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
