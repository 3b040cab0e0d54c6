using FamilyServices.Tests.Features.Operations;
using FamilyServices.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>
/// The Kocaeli demo must reproduce the figures the city published for its Anne Şehir centres
/// (shared/seeds: 38,770 children in Anne yanı classes and 29,673 in workshops in 2025, 104,000 since 2024),
/// counted independently here: distinct children with a present attendance at a held session, per programme
/// type and calendar year in the centre's time zone.
/// </summary>
[Collection(DemoCitiesCollection.Name)]
public class KocaeliDemoTests(KocaeliDemoFixture demo)
{
    [Fact]
    public async Task Every_district_and_age_band_is_reached_at_a_plausible_rate_in_every_year()
    {
        var cells = await DemoReachRates.AllAsync(demo);

        DemoReachRates.ShouldBePlausible(cells);
    }

    [Fact]
    public async Task The_2025_figures_per_programme_type_are_the_ones_the_city_published()
    {
        var children = await DistinctChildrenPerTypeAsync(2025);

        children["ChildClass"].Should().Be(38_770);
        children["Workshop"].Should().Be(29_673);
        (children["ChildClass"] + children["Workshop"]).Should().Be(68_443);
    }

    [Fact]
    public async Task Since_2024_the_yearly_figures_add_up_to_more_than_104000()
    {
        var sum2024 = (await DistinctChildrenPerTypeAsync(2024)).Values.Sum();
        var sum2025 = (await DistinctChildrenPerTypeAsync(2025)).Values.Sum();

        (sum2024 + sum2025).Should().BeGreaterThan(104_000);
    }

    [Fact]
    public async Task Children_attend_several_programmes_so_the_honest_distinct_totals_are_lower()
    {
        var sum2025 = (await DistinctChildrenPerTypeAsync(2025)).Values.Sum();
        var distinct2025 = await ScalarAsync(DistinctChildrenSql("BETWEEN 2025 AND 2025"));
        var sumOfYears = (await DistinctChildrenPerTypeAsync(2024)).Values.Sum() + sum2025;
        var distinctSince2024 = await ScalarAsync(DistinctChildrenSql("BETWEEN 2024 AND 2025"));
        var childrenInSeveralWorkshops = await ScalarAsync("""
            SELECT count(*) FROM (
                SELECT a.participant_id
                FROM attendances a
                JOIN sessions s ON s.id = a.session_id
                JOIN offerings o ON o.id = s.offering_id
                JOIN programmes p ON p.id = o.programme_id
                WHERE a.status = 'Present' AND s.status = 'Held' AND p.type = 'Workshop'
                GROUP BY a.participant_id
                HAVING count(DISTINCT p.id) > 1) several
            """);

        distinct2025.Should().BeLessThan(sum2025).And.BeGreaterThan(38_770);
        distinctSince2024.Should().BeLessThan(sumOfYears);
        childrenInSeveralWorkshops.Should().BeGreaterThan(1_000);
    }

    [Fact]
    public async Task The_demo_has_the_twelve_anne_sehir_centres_with_72_classrooms()
    {
        await using var db = demo.NewDb();

        (await db.Centres.CountAsync()).Should().Be(12);
        (await db.Rooms.CountAsync(r => r.Kind == FamilyServices.Web.Domain.RoomKind.Classroom)).Should().Be(72);
        (await db.CityProfiles.SingleAsync()).DefaultLanguage.Should().Be("tr");
        (await db.Programmes.Where(p => p.PublicationState == FamilyServices.Web.Domain.PublicationState.Published)
            .SelectMany(p => p.Texts).Select(t => t.Language).Distinct().ToListAsync())
            .Should().Contain(["tr", "en"]);
    }

    [Fact]
    public async Task Absences_and_cancelled_sessions_exist_and_never_count_as_reach()
    {
        var absences = await ScalarAsync("SELECT count(*) FROM attendances WHERE status <> 'Present'");
        var cancelled = await ScalarAsync("SELECT count(*) FROM sessions WHERE status = 'Cancelled'");
        var attendanceAtCancelledOrFuture = await ScalarAsync("""
            SELECT count(*) FROM attendances a JOIN sessions s ON s.id = a.session_id WHERE s.status <> 'Held'
            """);

        absences.Should().BePositive();
        cancelled.Should().BePositive();
        attendanceAtCancelledOrFuture.Should().Be(0);
    }

    [Fact]
    public async Task Loading_the_demo_again_changes_nothing()
    {
        var before = await ScalarAsync("SELECT count(*) FROM attendances");

        var (exitCode, output, _) = await OperatorCommandsTests.RunAsync(demo.Services, "seed-demo", "kocaeli");

        exitCode.Should().Be(0);
        output.Should().Contain("nothing was loaded");
        (await ScalarAsync("SELECT count(*) FROM attendances")).Should().Be(before);
    }

    private static string DistinctChildrenSql(string yearCondition) => $"""
        SELECT count(DISTINCT a.participant_id)
        FROM attendances a
        JOIN sessions s ON s.id = a.session_id
        JOIN offerings o ON o.id = s.offering_id
        JOIN centres c ON c.id = o.centre_id
        WHERE a.status = 'Present' AND s.status = 'Held'
          AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) {yearCondition}
        """;

    private async Task<Dictionary<string, long>> DistinctChildrenPerTypeAsync(int year)
    {
        const string sql = """
            SELECT p.type, count(DISTINCT a.participant_id)
            FROM attendances a
            JOIN sessions s ON s.id = a.session_id
            JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id
            JOIN programmes p ON p.id = o.programme_id
            WHERE a.status = 'Present' AND s.status = 'Held'
              AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = @year
            GROUP BY p.type
            """;
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("year", year);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<string, long>();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
