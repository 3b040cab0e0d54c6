using System.Net;
using System.Text.Json;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>The contract of <c>GET /api/v1/reach</c>: who may call it, the exact JSON it answers, and how it refuses bad input.</summary>
public class ReachApiTests(ReachFixture reach) : IClassFixture<ReachFixture>
{
    private const string Path = "/api/v1/reach?year=2025&groupBy=programmeType";

    [Fact]
    public async Task Without_a_token_the_exact_figures_are_refused_with_401()
    {
        var (status, _, response) = await reach.GetAsync(Path);

        status.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
        (await reach.GetAsync(Path, "fs_thisTokenWasNeverIssued0000000000000000000")).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Centre_staff_and_editors_get_403_even_with_a_valid_token()
    {
        (await reach.GetAsync(Path, reach.StaffToken)).Status.Should().Be(HttpStatusCode.Forbidden);
        (await reach.GetAsync(Path, reach.EditorToken)).Status.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Officials_and_admins_get_the_exact_figures()
    {
        var official = await reach.GetAsync(Path, reach.OfficialToken);
        var admin = await reach.GetAsync(Path, reach.AdminToken);

        official.Status.Should().Be(HttpStatusCode.OK);
        admin.Status.Should().Be(HttpStatusCode.OK);
        official.Body.GetProperty("distinctChildren").GetInt32().Should().Be(12);
        admin.Body.GetRawText().Should().Be(official.Body.GetRawText(), "both roles see the same exact figures");
    }

    [Theory]
    [InlineData("programme")]
    [InlineData("programmeType")]
    [InlineData("category")]
    [InlineData("centre")]
    [InlineData("district")]
    [InlineData("ageBand")]
    [InlineData("focusArea")]
    [InlineData("month")]
    public async Task Every_breakdown_answers_with_the_fields_of_the_contract(string groupBy)
    {
        foreach (var query in new[] { $"year=2025&groupBy={groupBy}", $"year=2024&period=school&groupBy={groupBy}", $"year=2025&groupBy={groupBy}&from=2024&to=2025" })
        {
            var (status, body, _) = await reach.GetAsync($"/api/v1/reach?{query}", reach.OfficialToken);

            status.Should().Be(HttpStatusCode.OK, query);
            ShouldHaveContractFields(body, query);
            body.GetProperty("groupBy").GetString().Should().Be(groupBy);
            var groups = body.GetProperty("groups").EnumerateArray().ToList();
            groups.Should().NotBeEmpty(query);
            // The sum over groups is what it says, and never below the de-duplicated total.
            var sum = groups.Sum(g => g.GetProperty("distinctChildren").GetInt32());
            body.GetProperty("sumOverGroups").GetInt32().Should().Be(sum, query);
            sum.Should().BeGreaterThanOrEqualTo(body.GetProperty("distinctChildren").GetInt32(), query);
        }
    }

    [Theory]
    [InlineData("programmeType=Workshop", "centre")]
    [InlineData("centre=IZM", "programme")]
    [InlineData("", "programmeType")]
    public async Task Without_a_breakdown_a_drill_down_opens_on_its_next_level(string query, string expectedGroupBy)
    {
        var (status, body, _) = await reach.GetAsync($"/api/v1/reach?year=2025&{query}", reach.OfficialToken);

        status.Should().Be(HttpStatusCode.OK);
        body.GetProperty("groupBy").GetString().Should().Be(expectedGroupBy);
    }

    [Fact]
    public async Task The_period_and_the_cumulative_span_are_described_in_the_answer()
    {
        var (_, body, _) = await reach.GetAsync("/api/v1/reach?year=2024&period=school&from=2024&to=2025", reach.OfficialToken);

        var period = body.GetProperty("period");
        period.GetProperty("kind").GetString().Should().Be("school");
        period.GetProperty("year").GetInt32().Should().Be(2024);
        period.GetProperty("label").GetString().Should().Be("2024/25");
        period.GetProperty("from").GetString().Should().Be("2024-08-01");
        period.GetProperty("to").GetString().Should().Be("2025-07-31");
        var cumulative = body.GetProperty("cumulative");
        cumulative.GetProperty("sumOfYearlyDistinctChildren").GetInt32().Should().Be(16, "school years 2024/25 (10) and 2025/26 (6)");
        cumulative.GetProperty("distinctChildren").GetInt32().Should().Be(13, "K04, K07 and K11 came in both school years");
        // groupBy defaults to programme type; the answer says so.
        body.GetProperty("groupBy").GetString().Should().Be("programmeType");
    }

    [Theory]
    [InlineData("year=1999", "year")]
    [InlineData("year=2101", "year")]
    [InlineData("year=twenty", "year")]
    [InlineData("year=-2025", "year")]
    [InlineData("year=2025.0", "year")]
    [InlineData("year=%202025", "year")]
    [InlineData("year=2025&year=2026", "year")]
    [InlineData("year=99999999999999999999", "year")]
    [InlineData("groupBy=children", "groupBy")]
    [InlineData("groupBy=", null)]
    [InlineData("period=weekly", "period")]
    [InlineData("from=2025&to=2024", "from")]
    [InlineData("from=2024", "to")]
    [InlineData("to=2025", "from")]
    [InlineData("from=abc&to=2025", "from")]
    [InlineData("programmeType=Zumba", "programmeType")]
    [InlineData("programmeType=3", "programmeType")]
    [InlineData("programmeType=ChildClass,Workshop", "programmeType")]
    [InlineData("programmeType=Workshop&groupBy=month", "groupBy")]
    [InlineData("centre=IZM&groupBy=district", "groupBy")]
    [InlineData("centre=IZM&programmeType=Workshop", "centre")]
    [InlineData("groupBy=<script>alert(1)</script>", "groupBy")]
    [InlineData("groupBy=' OR 1=1 --", "groupBy")]
    [InlineData("year=2025' OR '1'='1", "year")]
    [InlineData("centre=' OR 1=1 --", "centre")]
    [InlineData("centre=<script>alert(1)</script>", "centre")]
    [InlineData("programmeType=<script>", "programmeType")]
    [InlineData("period=%00", "period")]
    public async Task Bad_parameters_get_400_with_a_problem_naming_the_parameter(string query, string? field)
    {
        var (status, body, response) = await reach.GetAsync($"/api/v1/reach?{query}", reach.OfficialToken);

        if (field is null)
        {
            status.Should().Be(HttpStatusCode.OK, "an empty value means the default");
            return;
        }
        status.Should().Be(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.GetProperty("status").GetInt32().Should().Be(400);
        body.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
        var errors = body.GetProperty("errors");
        errors.TryGetProperty(field, out var messages).Should().BeTrue("the problem names '{0}' for {1}, but has {2}", field, query, errors.GetRawText());
        // A sentence that says how to fix it, not a bare resource key such as "ReachYearInvalid".
        messages.EnumerateArray().Should().NotBeEmpty().And.OnlyContain(m => m.GetString()!.Trim().Contains(' '));
        body.GetRawText().Should().NotContain("<script>").And.NotContain("OR 1=1", "the input is not echoed back");
    }

    [Theory]
    [InlineData("groupBy")]
    [InlineData("year")]
    [InlineData("centre")]
    [InlineData("programmeType")]
    [InlineData("period")]
    public async Task Ten_thousand_characters_in_a_parameter_get_a_400_not_a_500(string parameter)
    {
        var (status, body, _) = await reach.GetAsync($"/api/v1/reach?{parameter}={new string('9', 10_000)}", reach.OfficialToken);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("errors").TryGetProperty(parameter, out _).Should().BeTrue();
        body.GetRawText().Length.Should().BeLessThan(2_000, "the value is not echoed back");
    }

    [Fact]
    public async Task Several_bad_parameters_are_all_reported_at_once()
    {
        var (status, body, _) = await reach.GetAsync("/api/v1/reach?year=abc&groupBy=nope&period=weekly&from=2030", reach.OfficialToken);

        status.Should().Be(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["year", "groupBy", "period", "to"]);
    }

    [Fact]
    public async Task An_unknown_centre_in_a_drill_down_is_an_empty_breakdown_not_an_error()
    {
        var answer = await reach.ExactAsync("year=2025&centre=NOWHERE&groupBy=programme");

        answer.Groups.Should().BeEmpty();
        answer.SumOverGroups.Should().Be(0);
        answer.DistinctChildren.Should().Be(0, "no child came to a centre that does not exist");
    }

    private static void ShouldHaveContractFields(JsonElement body, string query)
    {
        body.ValueKind.Should().Be(JsonValueKind.Object);
        var names = body.EnumerateObject().Select(p => p.Name).ToList();
        names.Should().Contain(["period", "distinctChildren", "participations", "anonymousParticipations", "sessionsHeld", "groups", "sumOverGroups"], query);
        body.GetProperty("period").ValueKind.Should().Be(JsonValueKind.Object);
        body.GetProperty("distinctChildren").ValueKind.Should().Be(JsonValueKind.Number);
        body.GetProperty("participations").ValueKind.Should().Be(JsonValueKind.Number);
        body.GetProperty("sessionsHeld").ValueKind.Should().Be(JsonValueKind.Number);
        body.GetProperty("sumOverGroups").ValueKind.Should().Be(JsonValueKind.Number);
        var anonymous = body.GetProperty("anonymousParticipations");
        anonymous.GetProperty("children").ValueKind.Should().Be(JsonValueKind.Number);
        anonymous.GetProperty("adults").ValueKind.Should().Be(JsonValueKind.Number);
        foreach (var group in body.GetProperty("groups").EnumerateArray())
        {
            group.EnumerateObject().Select(p => p.Name).Should().Contain(["key", "label", "distinctChildren", "participations", "sessionsHeld"], query);
            group.GetProperty("key").GetString().Should().NotBeNullOrEmpty();
            group.GetProperty("label").GetString().Should().NotBeNullOrEmpty();
            group.GetProperty("distinctChildren").ValueKind.Should().Be(JsonValueKind.Number);
            group.GetProperty("participations").ValueKind.Should().Be(JsonValueKind.Number);
            group.GetProperty("sessionsHeld").ValueKind.Should().BeOneOf(JsonValueKind.Number, JsonValueKind.Null);
        }
    }
}
