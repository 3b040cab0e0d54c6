using System.Net;
using System.Text.Json;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// <c>GET /api/v1/open/reach</c>: the hand-made city's figures for everyone, with counts of 1–4 children hidden
/// (default threshold 5) and one more cell, or the totals, hidden where a hidden count could be worked out.
/// The exact figures these derive from are in <see cref="ReachFiguresTests"/>.
/// </summary>
public class OpenReachApiTests(ReachFixture reach) : IClassFixture<ReachFixture>
{
    [Fact]
    public async Task Anyone_gets_exact_figures_where_every_group_has_at_least_five_children()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=centre");

        // IZM 9, BER 7, of 12 children; 16 by adding.
        answer.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["IZM"] = 9, ["BER"] = 7 });
        answer.Groups.Should().OnlyContain(g => !g.Suppressed);
        answer.Group("IZM").Participations.Should().Be(14);
        answer.Should().BeEquivalentTo(new { DistinctChildren = 12, Participations = 23, SumOverGroups = 16, TotalsSuppressed = false, SuppressionThreshold = 5 });
        answer.AnonymousParticipations.Should().Be(new AnonymousAnswer(11, 8));
    }

    [Fact]
    public async Task A_single_small_group_is_hidden_with_the_next_smallest_so_that_the_sum_gives_neither_away()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=programmeType");

        // Exact: ChildClass 8, Workshop 5, Course 2, OpenMeeting 0; sum 15. Course (2) is small; with 15 shown,
        // 15 − 8 − 5 − 0 would give it away, so Workshop (5, the smallest other non-zero group) is hidden as well.
        answer.Group("ChildClass").Should().BeEquivalentTo(new { DistinctChildren = 8, Participations = 12, Suppressed = false });
        answer.Group("Course").Should().BeEquivalentTo(new { DistinctChildren = (int?)null, Participations = (int?)null, Suppressed = true });
        answer.Group("Workshop").Should().BeEquivalentTo(new { DistinctChildren = (int?)null, Participations = (int?)null, Suppressed = true });
        answer.Group("OpenMeeting").Should().BeEquivalentTo(new { DistinctChildren = 0, Suppressed = false }, "a zero singles nobody out");
        answer.SumOverGroups.Should().Be(15);
        answer.DistinctChildren.Should().Be(12);
        answer.TotalsSuppressed.Should().BeFalse();
    }

    [Fact]
    public async Task Hidden_districts_hide_their_reach_rate_but_not_the_population()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=district");

        // Exact: NORTH 6, SOUTH 5, EAST 1. EAST is small; SOUTH (5) is hidden with it.
        answer.Group("NORTH").Should().BeEquivalentTo(new { DistinctChildren = 6, ReachRate = 0.05, Suppressed = false });
        answer.Group("EAST").Should().BeEquivalentTo(new { DistinctChildren = (int?)null, ReachRate = (double?)null, ChildPopulation = 10, Suppressed = true });
        answer.Group("SOUTH").Should().BeEquivalentTo(new { DistinctChildren = (int?)null, ReachRate = (double?)null, ChildPopulation = 50, Suppressed = true });
        answer.SumOverGroups.Should().Be(12);
    }

    [Fact]
    public async Task Focus_areas_are_hidden_where_they_would_give_away_a_hidden_district()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=focusArea");

        // Exact: focus = NORTH 6 + EAST 1 = 7, other = SOUTH 5. Neither is small, but the district breakdown shows NORTH (6)
        // and hides EAST and SOUTH: 7 − 6 would give EAST away, and "other" is SOUTH alone.
        answer.Groups.Should().OnlyContain(g => g.Suppressed && g.DistinctChildren == null && g.ReachRate == null);
        answer.Groups.Select(g => g.ChildPopulation).Should().BeEquivalentTo([130, 50]);
        answer.Should().BeEquivalentTo(new { DistinctChildren = 12, SumOverGroups = 12, TotalsSuppressed = false });
    }

    [Fact]
    public async Task Hidden_groups_that_add_up_to_less_than_five_are_hidden_with_the_next_group()
    {
        var answer = await reach.PublicAsync("year=2024&period=school&groupBy=district");

        // Exact (school year 2024/25): NORTH K01 K02 K03 K07 K11 K15 = 6, SOUTH K04 K08 K09 = 3, EAST K06 = 1. SOUTH and EAST
        // are small; 10 − 6 = 4 for the two of them is too narrow, so NORTH is hidden as well.
        answer.Groups.Should().HaveCount(3).And.OnlyContain(g => g.Suppressed && g.DistinctChildren == null);
        answer.SumOverGroups.Should().Be(10);
    }

    [Fact]
    public async Task Several_small_groups_protect_each_other()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=programme");

        // Exact: CLASS 8, ROBOT 4, CHESS 3, SWIM 2, CAFE 0: three small groups, nothing more to hide.
        answer.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["CLASS"] = 8, ["ROBOT"] = null, ["CHESS"] = null, ["SWIM"] = null, ["CAFE"] = 0 });
        answer.Groups.Where(g => g.Suppressed).Select(g => g.Key).Should().BeEquivalentTo(["ROBOT", "CHESS", "SWIM"]);
        answer.SumOverGroups.Should().Be(17);
        answer.TotalsSuppressed.Should().BeFalse();
    }

    [Fact]
    public async Task When_the_only_children_are_a_small_group_the_totals_are_hidden_too()
    {
        var centres2024 = await reach.PublicAsync("year=2024&groupBy=centre");
        var year2026 = await reach.PublicAsync("year=2026&groupBy=programmeType");

        // 2024: only IZM, with K15 and K16.
        centres2024.Group("IZM").Should().BeEquivalentTo(new { DistinctChildren = (int?)null, Suppressed = true });
        centres2024.Should().BeEquivalentTo(new
        {
            DistinctChildren = (int?)null, Participations = (int?)null, SumOverGroups = (int?)null, TotalsSuppressed = true,
        });
        // 2026: one child (K14).
        year2026.Should().BeEquivalentTo(new { DistinctChildren = (int?)null, SumOverGroups = (int?)null, TotalsSuppressed = true });
        year2026.Group("Workshop").Suppressed.Should().BeTrue();
    }

    [Fact]
    public async Task Small_headcounts_and_small_years_in_a_cumulative_span_are_hidden()
    {
        // School year 2025/26: the café S13 had 4 children and 3 adults.
        (await reach.PublicAsync("year=2025&period=school")).AnonymousParticipations.Should().Be(new AnonymousAnswer(null, null));
        // 2024 had 2 children: its yearly figure is hidden, and with it both cumulative counts (14 − 12 would give it away).
        var span = await reach.PublicAsync("year=2025&from=2024&to=2025");
        span.Cumulative!.Years.Should().BeEquivalentTo([new { Year = 2024, DistinctChildren = (int?)null, Suppressed = true },
            new { Year = 2025, DistinctChildren = (int?)12, Suppressed = false }]);
        span.Cumulative.Should().BeEquivalentTo(new { SumOfYearlyDistinctChildren = (int?)null, DistinctChildren = (int?)null, Suppressed = true });
    }

    [Fact]
    public async Task The_month_breakdown_hides_every_month_with_one_to_four_children()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=month");

        // Exact: 2 3 3 4 3 0 2 2 2 0 0 1: every month with children is small; the empty months stay 0.
        answer.Groups.Select(g => g.DistinctChildren).Should().Equal(null, null, null, null, null, 0, null, null, null, 0, 0, null);
        answer.Groups.Select(g => g.SessionsHeld).Should().Equal(1, 1, 2, 2, 1, 0, 1, 1, 1, 0, 1, 1);
        answer.SumOverGroups.Should().Be(22);
    }

    [Theory]
    [InlineData("programmeType=Workshop&groupBy=centre", "programmeType")]
    [InlineData("centre=IZM&groupBy=programme", "centre")]
    [InlineData("centre=BER", "centre")]
    [InlineData("year=abc", "year")]
    [InlineData("groupBy=<script>", "groupBy")]
    public async Task Drill_down_and_bad_parameters_are_refused_with_400(string query, string field)
    {
        var (status, body, _) = await reach.GetAsync($"/api/v1/open/reach?{query}");

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(body.GetRawText());
    }

    [Fact]
    public async Task No_public_answer_shows_a_count_of_one_to_four_children_or_a_single_hidden_cell_beside_its_total()
    {
        var checkedAnswers = 0;
        foreach (var period in new[] { "calendar", "school" })
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        foreach (var groupBy in new[] { "programme", "programmeType", "category", "centre", "district", "ageBand", "focusArea", "month" })
        {
            var query = $"year={year}&period={period}&groupBy={groupBy}&from=2023&to=2026";
            var (status, body, _) = await reach.GetAsync($"/api/v1/open/reach?{query}");
            status.Should().Be(HttpStatusCode.OK, query);
            var exact = await reach.ExactAsync(query);

            SmallCounts(body, "").Should().BeEmpty(query);
            var answer = body.Deserialize<ReachAnswer>(ReachFixture.JsonOptions)!;
            if (answer.SumOverGroups is not null)
            {
                answer.Groups.Count(g => g.Suppressed).Should().NotBe(1, "{0}: one hidden cell beside the sum over groups could be worked out", query);
            }
            answer.Groups.Where(g => g.Suppressed && (g.DistinctChildren != null || g.Participations != null || g.ReachRate != null))
                .Should().BeEmpty("{0}: a hidden group shows none of its counts", query);
            if (answer.SumOverGroups is not null && answer.Groups.Any(g => g.Suppressed))
            {
                answer.Groups.Where(g => g.Suppressed).Sum(g => Exact(g.Key)).Should().BeGreaterThanOrEqualTo(5,
                    "{0}: hidden cells that add up to less than 5 would be narrowed down by the total", query);
            }
            if (groupBy == "focusArea")
            {
                // A focus-area group shown must not contain a district hidden in the district breakdown of the same period.
                var districts = await reach.PublicAsync($"year={year}&period={period}&groupBy=district");
                var hiddenDistrictAreas = districts.Groups.Where(g => g.Suppressed).Select(g => g.Key == "SOUTH" ? "other" : "focus").ToHashSet();
                answer.Groups.Where(g => !g.Suppressed && g.DistinctChildren > 0).Select(g => g.Key).Should().NotIntersectWith(hiddenDistrictAreas, query);
            }
            checkedAnswers++;

            int Exact(string key) => exact.Groups.Single(g => g.Key == key).DistinctChildren!.Value;
        }
        checkedAnswers.Should().Be(64);
    }

    /// <summary>Every count of children or participations in 1–4, with its path in the JSON.</summary>
    private static IEnumerable<string> SmallCounts(JsonElement element, string path)
    {
        string[] counts = ["distinctChildren", "participations", "children", "adults", "sumOverGroups", "sumOfYearlyDistinctChildren"];
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (counts.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Number && property.Value.GetInt32() is >= 1 and <= 4)
                        yield return $"{path}.{property.Name} = {property.Value.GetInt32()}";
                    foreach (var found in SmallCounts(property.Value, $"{path}.{property.Name}")) yield return found;
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in SmallCounts(item, $"{path}[{index}]")) yield return found;
                    index++;
                }
                break;
        }
    }
}

/// <summary>The public API with <c>Portal:Reach:SuppressBelow=3</c>: counts of 1 and 2 are hidden, 3 and 4 are shown.</summary>
public class OpenReachThresholdTests(ReachThresholdThreeFixture reach) : IClassFixture<ReachThresholdThreeFixture>
{
    [Fact]
    public async Task A_lower_threshold_shows_groups_of_three_and_four()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=programme");

        // Exact: CLASS 8, ROBOT 4, CHESS 3, SWIM 2, CAFE 0. Only SWIM is small now; CHESS (3) is hidden with it.
        answer.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["CLASS"] = 8, ["ROBOT"] = 4, ["CHESS"] = null, ["SWIM"] = null, ["CAFE"] = 0 });
        answer.SuppressionThreshold.Should().Be(3);
        answer.SumOverGroups.Should().Be(17);
    }

    [Fact]
    public async Task With_a_threshold_of_three_only_months_with_one_or_two_children_are_hidden()
    {
        var answer = await reach.PublicAsync("year=2025&groupBy=month");

        // Exact: 2 3 3 4 3 0 2 2 2 0 0 1.
        answer.Groups.Select(g => g.DistinctChildren).Should().Equal(null, 3, 3, 4, 3, 0, null, null, null, 0, 0, null);
        // 2024 (2 children) is still hidden, totals included.
        (await reach.PublicAsync("year=2024&groupBy=centre")).Should().BeEquivalentTo(new { DistinctChildren = (int?)null, TotalsSuppressed = true });
    }

    [Fact]
    public async Task Officials_still_see_the_exact_figures()
    {
        var answer = await reach.ExactAsync("year=2025&groupBy=programme");

        answer.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["CLASS"] = 8, ["ROBOT"] = 4, ["CHESS"] = 3, ["SWIM"] = 2, ["CAFE"] = 0 });
        answer.SuppressionThreshold.Should().BeNull();
    }
}
