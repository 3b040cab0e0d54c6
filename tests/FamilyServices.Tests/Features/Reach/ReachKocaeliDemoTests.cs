using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FamilyServices.Tests.Data.Demo;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The Kocaeli demo through the reach API: the figures the city published for 2025 (38,770 children in Anne yanı
/// classes, 29,673 in workshops, 68,443 added up) and the honest de-duplicated totals beside them, each checked against
/// a plain COUNT(DISTINCT) over attendances, sessions, offerings and centres in the centre's local time.
/// </summary>
[Collection(DemoCitiesCollection.Name)]
public class ReachKocaeliDemoTests(KocaeliDemoFixture demo)
{
    [Fact]
    public async Task The_2025_figures_by_programme_type_are_the_published_ones_with_the_lower_distinct_total_beside_them()
    {
        var answer = await ExactAsync("year=2025&groupBy=programmeType");

        answer.Group("ChildClass").DistinctChildren.Should().Be(38_770);
        answer.Group("Workshop").DistinctChildren.Should().Be(29_673);
        answer.SumOverGroups.Should().Be(68_443);
        var perType = await DistinctChildrenPerTypeAsync(2025);
        answer.Groups.Where(g => g.DistinctChildren > 0).ToDictionary(g => g.Key, g => (long)g.DistinctChildren!.Value).Should().Equal(perType);
        var distinct = await ScalarAsync(DistinctChildrenSql(2025, 2025));
        answer.DistinctChildren.Should().Be((int)distinct).And.BeLessThan(68_443).And.BeGreaterThan(38_770);
        answer.Participations.Should().Be((int)await ScalarAsync(PresentAttendancesSql(2025)));
        answer.SessionsHeld.Should().Be((int)await ScalarAsync(SessionsHeldSql(2025)));
    }

    [Fact]
    public async Task Since_2024_the_sum_of_yearly_figures_and_the_distinct_children_over_both_years_match_a_count_from_scratch()
    {
        var answer = await ExactAsync("year=2025&from=2024&to=2025");

        var distinct2024 = await ScalarAsync(DistinctChildrenSql(2024, 2024));
        var distinct2025 = await ScalarAsync(DistinctChildrenSql(2025, 2025));
        var distinctSince2024 = await ScalarAsync(DistinctChildrenSql(2024, 2025));
        answer.Cumulative!.Years.Select(y => (y.Year, (long?)y.DistinctChildren)).Should().Equal((2024, distinct2024), (2025, distinct2025));
        answer.Cumulative.SumOfYearlyDistinctChildren.Should().Be((int)(distinct2024 + distinct2025));
        answer.Cumulative.DistinctChildren.Should().Be((int)distinctSince2024).And.BeLessThan((int)(distinct2024 + distinct2025));
    }

    [Fact]
    public async Task The_drill_down_from_workshops_to_centres_matches_a_count_from_scratch()
    {
        var answer = await ExactAsync("year=2025&programmeType=Workshop&groupBy=centre");

        var perCentre = await PairsAsync("""
            SELECT c.code, count(DISTINCT a.participant_id)
            FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id JOIN programmes p ON p.id = o.programme_id
            WHERE a.status = 'Present' AND s.status = 'Held' AND p.type = 'Workshop'
              AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = 2025
            GROUP BY c.code
            """);
        answer.Groups.Where(g => g.DistinctChildren > 0).ToDictionary(g => g.Key, g => (long)g.DistinctChildren!.Value).Should().Equal(perCentre);
        answer.DistinctChildren.Should().Be(29_673, "beside the centres, the de-duplicated total of the workshops");
        answer.SumOverGroups.Should().Be((int)perCentre.Values.Sum());
    }

    [Fact]
    public async Task The_public_figures_for_2025_are_exact_where_nothing_is_small()
    {
        using var client = demo.CreateClient();

        var answer = await client.GetFromJsonAsync<ReachAnswer>("/api/v1/open/reach?year=2025&groupBy=programmeType", ReachFixture.JsonOptions);

        answer!.Group("ChildClass").DistinctChildren.Should().Be(38_770);
        answer.Group("Workshop").DistinctChildren.Should().Be(29_673);
        answer.SumOverGroups.Should().Be(68_443);
        answer.TotalsSuppressed.Should().BeFalse();
    }

    [Fact]
    public async Task The_2025_breakdowns_by_district_and_by_month_match_a_count_from_scratch()
    {
        // Tens of thousands of children: the refresher took them in batches of 25,000, and every batch must count.
        (await ScalarAsync("SELECT count(DISTINCT participant_id) FROM reach_children")).Should().BeGreaterThan(25_000);
        var districts = await ExactAsync("year=2025&groupBy=district");
        var months = await ExactAsync("year=2025&groupBy=month");

        var perDistrict = await PairsAsync("""
            SELECT d.code, count(DISTINCT a.participant_id)
            FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id
            JOIN centres c ON c.id = o.centre_id JOIN participants p ON p.id = a.participant_id JOIN districts d ON d.id = p.district_id
            WHERE a.status = 'Present' AND s.status = 'Held' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = 2025
            GROUP BY d.code
            """);
        var perMonth = await PairsAsync("""
            SELECT to_char(s.starts_at AT TIME ZONE c.time_zone, 'YYYY-MM'), count(DISTINCT a.participant_id)
            FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
            WHERE a.status = 'Present' AND s.status = 'Held' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = 2025
            GROUP BY 1
            """);
        districts.Groups.ToDictionary(g => g.Key, g => (long)g.DistinctChildren!.Value).Should().Equal(perDistrict);
        districts.SumOverGroups.Should().Be(districts.DistinctChildren, "every child lives in one district");
        months.Groups.Where(g => g.DistinctChildren > 0).ToDictionary(g => g.Key, g => (long)g.DistinctChildren!.Value).Should().Equal(perMonth);
    }

    private static string DistinctChildrenSql(int fromYear, int toYear) => $"""
        SELECT count(DISTINCT a.participant_id)
        FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        WHERE a.status = 'Present' AND s.status = 'Held'
          AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) BETWEEN {fromYear} AND {toYear}
        """;

    private static string PresentAttendancesSql(int year) => $"""
        SELECT count(*)
        FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        WHERE a.status = 'Present' AND s.status = 'Held' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {year}
        """;

    private static string SessionsHeldSql(int year) => $"""
        SELECT count(*)
        FROM sessions s JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        WHERE s.status = 'Held' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {year}
        """;

    private Task<Dictionary<string, long>> DistinctChildrenPerTypeAsync(int year) => PairsAsync($"""
        SELECT p.type, count(DISTINCT a.participant_id)
        FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id
        JOIN centres c ON c.id = o.centre_id JOIN programmes p ON p.id = o.programme_id
        WHERE a.status = 'Present' AND s.status = 'Held' AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) = {year}
        GROUP BY p.type
        """);

    private async Task<ReachAnswer> ExactAsync(string query)
    {
        using var client = demo.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reach?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await OfficialTokenAsync());
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<ReachAnswer>(ReachFixture.JsonOptions))!;
    }

    private async Task<string> OfficialTokenAsync()
    {
        await using var scope = demo.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{Guid.NewGuid():N}@example.org";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Official" };
        (await users.CreateAsync(user, "a long enough passphrase")).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Official)).Succeeded.Should().BeTrue();
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "demo reach tests", 1)).Token;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<Dictionary<string, long>> PairsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(demo.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync();
        var result = new Dictionary<string, long>();
        while (await reader.ReadAsync()) result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }
}
