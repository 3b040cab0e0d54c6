using System.Globalization;
using FamilyServices.Web.Data.Demo;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>
/// The Wiesbaden demo (seed 002: the ten Kinder-Eltern-Zentren whose funding the Amt für Soziale Arbeit doubled),
/// loaded into an empty database with the operator command, which finds it through <see cref="DemoCities.Find"/>.
/// Figures are counted here from the loaded rows, independently of the loader.
/// </summary>
[Collection(DemoCitiesCollection.Name)]
public class WiesbadenDemoTests(WiesbadenDemoFixture demo)
{
    [Fact]
    public async Task Wiesbaden_loads_in_german_with_its_ten_kinder_eltern_zentren()
    {
        await using var db = demo.NewDb();

        DemoCities.Find("Wiesbaden").Should().NotBeNull();
        DemoCities.Names.Should().Contain("wiesbaden");
        demo.LoadOutput.Should().Contain("centres").And.Contain("attendances");
        var city = await db.CityProfiles.SingleAsync();
        (city.Code, city.DefaultLanguage, city.TimeZone, city.Currency).Should().Be(("wiesbaden", "de", "Europe/Berlin", "EUR"));
        var kiez = await db.Centres.Where(c => c.Type == CentreType.FamilyCentre).Select(c => c.Name).ToListAsync();
        kiez.Should().OnlyContain(name => name.StartsWith("KiEZ ", StringComparison.Ordinal));
        kiez.Select(name => name.Split(" – ")[0]).Distinct().Should().HaveCount(10, "Kastel/Kostheim is one KiEZ with two sites");
        (await db.Centres.CountAsync()).Should().BeInRange(8, 15);
        (await db.Programmes.CountAsync()).Should().BeInRange(10, 16);
        (await db.Districts.CountAsync()).Should().Be(26, "Wiesbaden has 26 Ortsbezirke");
        var children2025 = await db.DistrictPopulations.Where(p => p.Year == 2025).SumAsync(p => p.Children);
        children2025.Should().BeInRange(44_000, 52_000, "about 48,000 of Wiesbaden's 290,000 people are under 18");
    }

    [Fact]
    public async Task Every_published_programme_has_its_texts_in_german_and_english()
    {
        await using var db = demo.NewDb();

        var programmes = await db.Programmes.Include(p => p.Texts)
            .Where(p => p.PublicationState == PublicationState.Published).ToListAsync();

        programmes.Should().NotBeEmpty();
        foreach (var programme in programmes)
        {
            foreach (var language in new[] { "de", "en" })
            {
                var text = programme.Texts.SingleOrDefault(t => t.Language == language);
                text.Should().NotBeNull($"{programme.Code} needs a text in {language}");
                text!.Title.Should().NotBeNullOrWhiteSpace();
                text.Summary.Should().NotBeNullOrWhiteSpace();
                text.Description.Split("\n\n").Should().HaveCountGreaterThanOrEqualTo(2, $"{programme.Code} in {language} has two paragraphs");
                text.RegistrationNote.Should().NotBeNullOrWhiteSpace();
                if (!programme.IsFree) text.CostNote.Should().NotBeNullOrWhiteSpace($"{programme.Code} costs something");
            }
        }
        var categoryNames = await db.Categories.Select(c => c.Names.Select(n => n.Language).ToList()).ToListAsync();
        categoryNames.Should().OnlyContain(languages => languages.Contains("de") && languages.Contains("en"));
    }

    [Fact]
    public async Task Every_centre_lies_near_a_postcode_of_the_table()
    {
        await using var db = demo.NewDb();

        var postcodes = await db.Postcodes.ToDictionaryAsync(p => p.Code);
        var centres = await db.Centres.ToListAsync();

        postcodes.Keys.Should().OnlyContain(code => code.Length == 5 && (code.StartsWith("652", StringComparison.Ordinal)
            || code.StartsWith("651", StringComparison.Ordinal) || code == "55246" || code == "55252"));
        foreach (var centre in centres)
        {
            postcodes.Should().ContainKey(centre.Postcode, $"{centre.Code} is in {centre.Postcode}");
            var postcode = postcodes[centre.Postcode];
            Kilometres(centre.Latitude, centre.Longitude, postcode.Latitude, postcode.Longitude)
                .Should().BeLessThan(4.0, $"{centre.Code} lies in its postcode area");
        }
    }

    [Fact]
    public async Task No_district_and_age_band_is_reached_above_60_percent_and_most_far_less()
    {
        await using (var scope = demo.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync();
        }

        var rates = new List<double>();
        await using (var scope = demo.Scope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<ReachReports>();
            foreach (var year in new[] { 2024, 2025, 2026 })
            {
                var equity = await reports.EquityAsync(ReachPeriodKind.Calendar, year);
                equity.Districts.Sum(r => r.ChildrenReached).Should().BePositive($"children were reached in {year}");
                foreach (var row in equity.Districts)
                {
                    foreach (var (band, figures) in row.ByAgeBand)
                    {
                        figures.Population.Should().BePositive($"{row.DistrictName} has children aged {band}");
                        var rate = (double)figures.Reached / figures.Population;
                        rate.Should().BeLessThanOrEqualTo(0.60, $"{row.DistrictName}, {band} years, {year}: {figures.Reached} of {figures.Population}");
                        rates.Add(rate);
                    }
                }
            }
        }
        rates.Order().ElementAt(rates.Count / 2).Should().BeLessThan(0.10, "most districts and age bands are reached far less");
    }

    [Fact]
    public async Task The_reach_targets_are_met_counted_from_the_attendance()
    {
        var targets = WiesbadenDemo.Build().Targets;
        var reached = await PerTypeAndYearAsync("""
            SELECT p.type, extract(year FROM s.starts_at AT TIME ZONE c.time_zone)::int, count(DISTINCT a.participant_id)
            FROM attendances a
            JOIN sessions s ON s.id = a.session_id
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            JOIN programmes p ON p.id = o.programme_id
            WHERE a.status = 'Present' AND s.status = 'Held'
            GROUP BY 1, 2
            """);
        var held = await PerTypeAndYearAsync("""
            SELECT p.type, extract(year FROM s.starts_at AT TIME ZONE c.time_zone)::int, count(*)
            FROM sessions s
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            JOIN programmes p ON p.id = o.programme_id
            WHERE s.status = 'Held'
            GROUP BY 1, 2
            """);

        targets.Should().NotBeEmpty();
        foreach (var target in targets)
        {
            var key = (target.Type.ToString(), target.Year);
            var expected = target.ScaleToSessionsHeld
                ? (int)Math.Round(target.Children * (double)held.GetValueOrDefault(key) / held[(target.Type.ToString(), target.Year - 1)])
                : target.Children;
            reached.GetValueOrDefault(key).Should().Be(expected, $"{target.Type} in {target.Year}");
        }
        reached.Keys.Select(k => k.Type).Distinct().Should().BeEquivalentTo(targets.Select(t => t.Type.ToString()).Distinct(),
            "only the programme types with a target record named children");
    }

    [Fact]
    public async Task Staff_pages_have_every_state_to_show()
    {
        await using var db = demo.NewDb();

        (await db.Programmes.AnyAsync(p => p.PublicationState == PublicationState.Draft)).Should().BeTrue();
        (await db.Programmes.AnyAsync(p => p.PublicationState == PublicationState.Archived)).Should().BeTrue();
        (await db.Centres.SingleAsync(c => c.Status == CentreStatus.TemporarilyClosed)).ClosedUntil.Should().NotBeNull();
        (await db.Offerings.AnyAsync(o => o.Status == OfferingStatus.Cancelled && o.StatusNote != null)).Should().BeTrue();
        (await db.Offerings.AnyAsync(o => o.Status == OfferingStatus.Full && o.PublicationState == PublicationState.Published)).Should().BeTrue();
        (await db.Offerings.Where(o => o.IsOnline).Select(o => o.OnlineUrl).ToListAsync())
            .Should().NotBeEmpty().And.OnlyContain(url => url != null && url.StartsWith("https://", StringComparison.Ordinal));
        (await db.Sessions.AnyAsync(s => s.Offering.Programme.Type == ProgrammeType.OpenMeeting && s.HeadcountChildren > 0 && s.HeadcountAdults > 0))
            .Should().BeTrue("Elterncafés and Krabbelgruppen count heads");
        var closed = await db.Centres.SingleAsync(c => c.Status == CentreStatus.TemporarilyClosed);
        (await db.Sessions.AnyAsync(s => s.Offering.CentreId == closed.Id && s.StartsAt >= new DateTime(2026, 11, 16, 0, 0, 0, DateTimeKind.Utc)
            && s.StartsAt < closed.ClosedUntil!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
            .Should().BeFalse("nothing meets in a closed KiEZ");
    }

    private async Task<Dictionary<(string Type, int Year), long>> PerTypeAndYearAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<(string, int), long>();
        while (await reader.ReadAsync()) result[(reader.GetString(0), reader.GetInt32(1))] = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        return result;
    }

    private static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6371;
        double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * radius * Math.Asin(Math.Sqrt(a));
    }
}
