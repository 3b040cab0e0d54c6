using System.Globalization;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// After the first refresh, changes to attendance, sessions, children and the catalogue reach the figures through the
/// triggers and the next refresh, and the figures kept up step by step are the ones a rebuild from scratch (and a
/// plain COUNT(DISTINCT) over the attendance table) gives. Each test starts from the hand-made city
/// (<see cref="ReachCity"/>) as it was.
/// </summary>
public class ReachIncrementalTests(ReachIncrementalFixture reach) : IClassFixture<ReachIncrementalFixture>
{
    [Fact]
    public async Task A_new_present_attendance_counts_after_the_next_refresh()
    {
        await reach.ResetAsync();

        // K17 (SOUTH, born 2020-02; only absent so far) comes to the robotics workshop S07 at BER on 16 April 2025.
        await SqlAsync($"INSERT INTO attendances (session_id, participant_id, status, recorded_at) VALUES ({Session("S07")}, {Child("K17")}, 'Present', now())");
        var before = await reach.ExactAsync("year=2025&groupBy=programmeType");
        var refresh = await reach.RefreshAsync();

        before.DistinctChildren.Should().Be(12, "nothing changes before the refresh");
        refresh.ParticipantsRefreshed.Should().Be(1);
        refresh.PeriodsRecomputed.Should().Be(2, "calendar year 2025 and school year 2024/25");
        var types = await reach.ExactAsync("year=2025&groupBy=programmeType");
        types.Should().BeEquivalentTo(new { DistinctChildren = 13, Participations = 24, SumOverGroups = 16 });
        types.Group("Workshop").Should().BeEquivalentTo(new { DistinctChildren = 6, Participations = 10, SessionsHeld = 4 });
        (await reach.ExactAsync("year=2025&groupBy=district")).Group("SOUTH").DistinctChildren.Should().Be(6);
        // Age at 16 April 2025: (2025 - 2020) * 12 + (4 - 2) = 62 months → 3-5, which had 6.
        (await reach.ExactAsync("year=2025&groupBy=ageBand")).Group("3-5").DistinctChildren.Should().Be(7);
        // April: S06 {K01 K07} S07 {K02 K07 K08 K17} = 5 children, 6 participations.
        (await reach.ExactAsync("year=2025&groupBy=month")).Group("2025-04").Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 6 });
        (await reach.ExactAsync("year=2024&period=school")).DistinctChildren.Should().Be(11);
        (await reach.ExactAsync("year=2024")).DistinctChildren.Should().Be(2, "2024 did not change");
    }

    [Fact]
    public async Task Marking_a_child_absent_removes_them_from_the_groups_where_that_was_their_only_presence()
    {
        await reach.ResetAsync();

        // K02 was present at CLASS S02 S03 and ROBOT S07: only S07 made them a workshop child.
        // K12 was present only at SWIM S10: they were reached through it alone.
        await SqlAsync($"""
            UPDATE attendances SET status = 'Absent' WHERE session_id = {Session("S07")} AND participant_id = {Child("K02")};
            UPDATE attendances SET status = 'Excused' WHERE session_id = {Session("S10")} AND participant_id = {Child("K12")};
            """);
        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(2);
        var types = await reach.ExactAsync("year=2025&groupBy=programmeType");
        // Workshop {K01 K07 K08 K09}; ChildClass keeps K02; Course only K11; 12 − K12 = 11 children, 23 − 2 = 21 participations.
        types.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["ChildClass"] = 8, ["Workshop"] = 4, ["Course"] = 1, ["OpenMeeting"] = 0 });
        types.Should().BeEquivalentTo(new { DistinctChildren = 11, Participations = 21 });
        (await reach.ExactAsync("year=2025&groupBy=programme")).Group("ROBOT").DistinctChildren.Should().Be(3);
        (await reach.ExactAsync("year=2025&groupBy=district")).Group("SOUTH").DistinctChildren.Should().Be(4);
        var months = await reach.ExactAsync("year=2025&groupBy=month");
        months.Group("2025-04").Should().BeEquivalentTo(new { DistinctChildren = 3, Participations = 4, SessionsHeld = 2 });
        months.Group("2025-09").Should().BeEquivalentTo(new { DistinctChildren = 1, Participations = 1, SessionsHeld = 1 });
        (await reach.ScalarAsync($"SELECT count(*) FROM reach_children WHERE participant_id = {Child("K12")}")).Should().Be(0);
        (await reach.ExactAsync("year=2025&period=school")).DistinctChildren.Should().Be(5, "K04 K05 K07 K11 K14 in 2025/26");
    }

    [Fact]
    public async Task Cancelling_a_held_session_takes_its_attendance_and_the_session_out_and_reopening_it_puts_them_back()
    {
        await reach.ResetAsync();
        var baseline = await StoredAsync();

        // S08: CHESS@BER on 20 May 2025, present K01 K08 K09, absent K10.
        await SqlAsync($"UPDATE sessions SET status = 'Cancelled', cancellation_reason = 'Flooded' WHERE id = {Session("S08")}");
        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(4, "everyone recorded at S08 is looked at again");
        var types = await reach.ExactAsync("year=2025&groupBy=programmeType");
        // K09 came only to S08; K01 and K08 remain workshop children through S06 and S07.
        types.Should().BeEquivalentTo(new { DistinctChildren = 11, Participations = 20, SessionsHeld = 11, ActiveOfferings = 5, CentresActive = 2 });
        types.Group("Workshop").Should().BeEquivalentTo(new { DistinctChildren = 4, Participations = 6, SessionsHeld = 3 });
        (await reach.ExactAsync("year=2025&groupBy=programme")).Groups.Select(g => g.Key).Should().NotContain("CHESS");
        (await reach.ExactAsync("year=2025&groupBy=month")).Group("2025-05")
            .Should().BeEquivalentTo(new { DistinctChildren = 0, Participations = 0, SessionsHeld = 0 });
        // BER: ROBOT {K02 K07 K08}, SWIM {K11 K12} = 5 children; S07 S10 S12 S13 S16 = 5 sessions.
        (await reach.ExactAsync("year=2025&groupBy=centre")).Group("BER").Should().BeEquivalentTo(new { DistinctChildren = 5, SessionsHeld = 5 });

        await SqlAsync($"UPDATE sessions SET status = 'Held', cancellation_reason = NULL WHERE id = {Session("S08")}");
        await reach.RefreshAsync();

        (await StoredAsync()).Should().BeEquivalentTo(baseline, options => options.WithStrictOrdering());
    }

    [Fact]
    public async Task A_child_who_moves_or_whose_birth_month_is_corrected_moves_to_their_new_group_in_every_period()
    {
        await reach.ResetAsync();

        await SqlAsync($"""
            UPDATE participants SET district_id = {reach.City.Districts["EAST"]} WHERE id = {Child("K15")};
            UPDATE participants SET district_id = {reach.City.Districts["SOUTH"]} WHERE id = {Child("K06")};
            UPDATE participants SET birth_month = 8 WHERE id = {Child("K04")};
            """);
        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(3);
        // 2025: NORTH loses K15 (6 → 5), EAST swaps K06 for K15 (1), SOUTH gains K06 (5 → 6).
        (await reach.ExactAsync("year=2025&groupBy=district")).Children
            .Should().BeEquivalentTo(new Dictionary<string, int?> { ["NORTH"] = 5, ["SOUTH"] = 6, ["EAST"] = 1 });
        // Focus areas NORTH + EAST: 5 + 1 = 6; the rest, SOUTH: 6.
        (await reach.ExactAsync("year=2025&groupBy=focusArea")).Children
            .Should().BeEquivalentTo(new Dictionary<string, int?> { ["focus"] = 6, ["other"] = 6 });
        // 2024 too: K15 joins K16 in EAST; NORTH has nobody left.
        (await reach.ExactAsync("year=2024&groupBy=district")).Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["EAST"] = 2 });
        (await reach.ExactAsync("year=2024&programmeType=Workshop&groupBy=district")).Children
            .Should().BeEquivalentTo(new Dictionary<string, int?> { ["EAST"] = 1 });
        // K04, now born 2019-08, was (2025 − 2019) * 12 + (7 − 8) = 71 months at S04 on 31 July 2025: 3-5, no longer 6-9.
        (await reach.ExactAsync("year=2025&groupBy=ageBand")).Groups.Select(g => (g.Key, g.DistinctChildren))
            .Should().Equal(("0-2", 1), ("3-5", 7), ("6-9", 4));
        // In the school year 2025/26 their first presence is S05 on 1 August 2025: 72 months, 6-9.
        // 2025/26: K04 72 months, K07 (S16, Dec 2025) 94, K12 (S10, Sep 2025) 80 → 6-9; K05 47, K11 63, K14 59 → 3-5.
        (await reach.ExactAsync("year=2025&period=school&groupBy=ageBand")).Children
            .Should().BeEquivalentTo(new Dictionary<string, int?> { ["3-5"] = 3, ["6-9"] = 3 });
    }

    [Fact]
    public async Task Moving_an_offering_to_a_centre_in_another_time_zone_can_move_its_sessions_into_the_next_year()
    {
        await reach.ResetAsync();

        // ROBOT@BER moves to IZM. S16 at 22:30 UTC on 31 December 2025 was 23:30 in Berlin, but is 01:30 on 1 January 2026
        // in Istanbul; S07 (12:00 UTC on 16 April) stays in April.
        await SqlAsync($"UPDATE offerings SET centre_id = {reach.City.Centres["IZM"]} WHERE id = {reach.City.Offerings["ROBOT@BER"]}");
        await reach.RefreshAsync();

        var year2025 = await reach.ExactAsync("year=2025&groupBy=centre");
        var year2026 = await reach.ExactAsync("year=2026&groupBy=month");
        // 2025 keeps K07 (S06, S07) but loses one session and one participation.
        year2025.Should().BeEquivalentTo(new { DistinctChildren = 12, Participations = 22, SessionsHeld = 11 });
        // IZM: CLASS 8 + ROBOT S06 S07 {K01 K02 K07 K08} = {K01 K02 K03 K04 K05 K06 K07 K08 K11 K15} = 10, sessions S01–S07 = 7.
        year2025.Group("IZM").Should().BeEquivalentTo(new { DistinctChildren = 10, SessionsHeld = 7 });
        // BER: CHESS {K01 K08 K09}, SWIM {K11 K12}; S08 S10 S12 S13.
        year2025.Group("BER").Should().BeEquivalentTo(new { DistinctChildren = 5, SessionsHeld = 4 });
        (await reach.ExactAsync("year=2025&groupBy=month")).Group("2025-12").Should().BeEquivalentTo(new { DistinctChildren = 0, SessionsHeld = 0 });
        // 2026: S15 {K14} and now S16 {K07}, both in January.
        year2026.Should().BeEquivalentTo(new { DistinctChildren = 2, Participations = 2, SessionsHeld = 2 });
        year2026.Group("2026-01").Should().BeEquivalentTo(new { DistinctChildren = 2, SessionsHeld = 2 });
    }

    [Fact]
    public async Task Correcting_a_centres_time_zone_moves_its_sessions_to_their_true_local_year()
    {
        await reach.ResetAsync();

        // BER was entered in Berlin time but is in Istanbul: S16 (22:30 UTC on 31 December 2025) is then 01:30 on
        // 1 January 2026; the other BER sessions stay in their month.
        await SqlAsync($"UPDATE centres SET time_zone = '{ReachCity.Istanbul}' WHERE id = {reach.City.Centres["BER"]}");
        await reach.RefreshAsync();

        var year2025 = await reach.ExactAsync("year=2025&groupBy=centre");
        year2025.Should().BeEquivalentTo(new { DistinctChildren = 12, Participations = 22, SessionsHeld = 11 });
        // BER in 2025: S07 S08 S10 S12 S13; still K01 K02 K07 K08 K09 K11 K12 (K07 came to S07 too).
        year2025.Group("BER").Should().BeEquivalentTo(new { DistinctChildren = 7, Participations = 8, SessionsHeld = 5 });
        (await reach.ExactAsync("year=2026&groupBy=centre")).Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["IZM"] = 1, ["BER"] = 1 });
        (await reach.ExactAsync("year=2025&groupBy=month")).Group("2025-12").Should().BeEquivalentTo(new { DistinctChildren = 0, SessionsHeld = 0 });
    }

    [Fact]
    public async Task Making_a_district_a_focus_area_moves_its_children_in_the_equity_figures()
    {
        await reach.ResetAsync();

        await SqlAsync($"UPDATE districts SET is_focus_area = true WHERE id = {reach.City.Districts["SOUTH"]}");
        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(0, "no child's attendance changed");
        // Now all three districts are focus areas: 6 + 5 + 1 = 12 children in focus areas, of 120 + 50 + 10 = 180.
        (await reach.ExactAsync("year=2025&groupBy=focusArea")).Groups.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Key = "focus", DistinctChildren = 12, ChildPopulation = 180 });
        (await reach.ExactAsync("year=2025&programmeType=Workshop&groupBy=focusArea")).Children
            .Should().BeEquivalentTo(new Dictionary<string, int?> { ["focus"] = 5 });
    }

    [Fact]
    public async Task Renaming_a_programmes_code_renames_its_group()
    {
        await reach.ResetAsync();

        await SqlAsync($"UPDATE programmes SET code = 'CHESS-CLUB' WHERE id = {reach.City.Programmes["CHESS"]}");
        await reach.RefreshAsync();

        var programmes = await reach.ExactAsync("year=2025&groupBy=programme");
        programmes.Groups.Select(g => g.Key).Should().NotContain("CHESS");
        programmes.Group("CHESS-CLUB").Should().BeEquivalentTo(new { Label = "Chess workshop", DistinctChildren = 3, SessionsHeld = 1 });
        (await reach.ExactAsync("year=2025&centre=BER&groupBy=programme")).Group("CHESS-CLUB").DistinctChildren.Should().Be(3);
    }

    [Fact]
    public async Task Deleting_a_childs_last_attendance_in_a_period_takes_them_out_of_its_groups_and_spans()
    {
        await reach.ResetAsync();
        var spanBefore = await reach.ExactAsync("year=2025&from=2024&to=2025");

        // K06 (EAST) was present only at S01 (CLASS@IZM, 1 January 2025 locally), with K01.
        await SqlAsync($"DELETE FROM attendances WHERE session_id = {Session("S01")} AND participant_id = {Child("K06")}");
        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(1);
        refresh.PeriodsRecomputed.Should().Be(2, "calendar year 2025 and school year 2024/25");
        (await reach.ScalarAsync($"SELECT count(*) FROM reach_children WHERE participant_id = {Child("K06")}")).Should().Be(0);
        // 2025 had 12 children and 23 participations; EAST had K06 alone (K10 was never present at a held session).
        var districts = await reach.ExactAsync("year=2025&groupBy=district");
        districts.Should().BeEquivalentTo(new { DistinctChildren = 11, Participations = 22 });
        districts.Groups.Select(g => g.Key).Should().NotContain("EAST");
        // CLASS: {K01 K02 K03 K04 K05 K06 K11 K15} without K06; its five sessions were still held.
        (await reach.ExactAsync("year=2025&groupBy=programme")).Group("CLASS").Should().BeEquivalentTo(new { DistinctChildren = 7, SessionsHeld = 5 });
        (await reach.ExactAsync("year=2025&groupBy=month")).Group("2025-01").Should().BeEquivalentTo(new { DistinctChildren = 1, Participations = 1, SessionsHeld = 1 });
        // 2024 {K15 K16} and 2025: each child once over both years, now without K06.
        spanBefore.Cumulative!.DistinctChildren.Should().Be(13);
        (await reach.ExactAsync("year=2025&from=2024&to=2025")).Cumulative!.DistinctChildren.Should().Be(12);
    }

    [Fact]
    public async Task Moving_an_offering_to_another_programme_moves_its_children_and_sessions()
    {
        await reach.ResetAsync();

        // CHESS@BER (S08, 20 May 2025: K01 K08 K09) becomes a ROBOT offering; CHESS@IZM only had the cancelled S09.
        await SqlAsync($"UPDATE offerings SET programme_id = {reach.City.Programmes["ROBOT"]} WHERE id = {reach.City.Offerings["CHESS@BER"]}");
        await reach.RefreshAsync();

        var programmes = await reach.ExactAsync("year=2025&groupBy=programme");
        programmes.Groups.Select(g => g.Key).Should().NotContain("CHESS");
        // ROBOT: S06 {K01 K07}, S07 {K02 K07 K08}, S16 {K07}, now S08 {K01 K08 K09}: 5 children, 9 participations, 4 sessions.
        programmes.Group("ROBOT").Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 9, SessionsHeld = 4 });
        // At BER: ROBOT@BER S07 S16 and the moved S08.
        (await reach.ExactAsync("year=2025&centre=BER&groupBy=programme")).Group("ROBOT")
            .Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 7, SessionsHeld = 3 });
        // Both are workshops: the programme types do not change.
        (await reach.ExactAsync("year=2025&groupBy=programmeType")).Group("Workshop")
            .Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 9, SessionsHeld = 4 });
    }

    [Fact]
    public async Task Correcting_an_open_meetings_headcount_changes_the_anonymous_figures_and_counts_no_child_again()
    {
        await reach.ResetAsync();

        // S12 (CAFE@BER, 1 March 2025) counted 7 children and 5 adults; S13 4 and 3.
        await SqlAsync($"UPDATE sessions SET headcount_children = 10, headcount_adults = 6 WHERE id = {Session("S12")}");
        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(0, "nobody was recorded by name");
        refresh.PeriodsRecomputed.Should().Be(2, "calendar year 2025 and school year 2024/25");
        (await reach.ExactAsync("year=2025")).AnonymousParticipations.Should().BeEquivalentTo(new { Children = 14, Adults = 9 });
        (await reach.ExactAsync("year=2024&period=school")).AnonymousParticipations.Should().BeEquivalentTo(new { Children = 10, Adults = 6 });
    }

    [Fact]
    public async Task The_published_answers_after_an_incremental_refresh_hide_the_same_small_numbers_as_after_a_rebuild()
    {
        await reach.ResetAsync();
        string[] queries =
        [
            "year=2025&groupBy=district", "year=2025&groupBy=programme", "year=2025&groupBy=ageBand", "year=2025&groupBy=month",
            "year=2024&period=school&groupBy=focusArea", "year=2025&from=2024&to=2025",
        ];

        // K06 leaves EAST empty, K09 leaves CHESS with two children, K17 joins ROBOT.
        await SqlAsync($"""
            DELETE FROM attendances WHERE session_id = {Session("S01")} AND participant_id = {Child("K06")};
            UPDATE attendances SET status = 'Absent' WHERE session_id = {Session("S08")} AND participant_id = {Child("K09")};
            INSERT INTO attendances (session_id, participant_id, status, recorded_at) VALUES ({Session("S07")}, {Child("K17")}, 'Present', now());
            """);
        await reach.RefreshAsync();
        var incremental = new List<string>();
        foreach (var query in queries) incremental.Add(System.Text.Json.JsonSerializer.Serialize(await reach.PublicAsync(query)));
        await reach.RebuildFromScratchAsync();
        var rebuilt = new List<string>();
        foreach (var query in queries) rebuilt.Add(System.Text.Json.JsonSerializer.Serialize(await reach.PublicAsync(query)));

        incremental.Should().Equal(rebuilt);
        (await reach.PublicAsync("year=2025&groupBy=programme")).Group("CHESS").Should().BeEquivalentTo(new { Suppressed = true, DistinctChildren = (int?)null });
    }

    [Fact]
    public async Task A_refresh_with_nothing_pending_changes_nothing()
    {
        await reach.ResetAsync();
        var before = await reach.RowsAsync("SELECT period_kind, period_year, refreshed_at FROM reach_periods");
        var stored = await StoredAsync();

        var refresh = await reach.RefreshAsync();

        refresh.ParticipantsRefreshed.Should().Be(0);
        refresh.PeriodsRecomputed.Should().Be(0);
        (await StoredAsync()).Should().BeEquivalentTo(stored, options => options.WithStrictOrdering());
        (await reach.RowsAsync("SELECT period_kind, period_year, refreshed_at FROM reach_periods")).Should().Equal(before, "no period was recomputed");
    }

    [Fact]
    public async Task The_hand_made_city_is_counted_the_same_by_the_refresher_and_by_counting_from_scratch()
    {
        await reach.ResetAsync();

        await ShouldMatchTheCountFromScratchAsync(["(no changes)"]);
    }

    /// <summary>
    /// The strongest check: dozens of random changes of every kind the triggers watch (attendance inserted, corrected,
    /// deleted in bulk; sessions held, cancelled, moved across year ends, deleted, added; children moved, re-dated,
    /// deleted; offerings, programmes and categories reassigned; headcounts; focus areas; a centre's time zone), with a
    /// refresh after some of them. The figures kept up step by step must equal a count from scratch and a full rebuild.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task After_many_random_changes_the_incremental_figures_equal_a_full_rebuild(int seed)
    {
        await reach.ResetAsync();
        var random = new Random(seed);
        var log = new List<string>();

        for (var step = 0; step < 80; step++)
        {
            log.Add(await ApplyRandomChangeAsync(random));
            if (random.Next(3) == 0)
            {
                await reach.RefreshAsync();
                log.Add("refresh");
                // Right after every refresh, not only at the end, where a later change could hide an earlier mistake.
                await ShouldMatchTheCountFromScratchAsync(log);
            }
        }
        await reach.RefreshAsync();
        var incremental = await StoredAsync();

        await ShouldMatchTheCountFromScratchAsync(log);
        await reach.RebuildFromScratchAsync();
        var rebuilt = await StoredAsync();

        foreach (var table in incremental.Keys)
        {
            ShouldBeEmpty(Difference(rebuilt[table], incremental[table]), $"{table} kept up incrementally must equal a full rebuild", log);
        }
        (await reach.ScalarAsync("SELECT count(*) FROM reach_figures")).Should().BeGreaterThan(50, "the changes leave something to compare");
    }

    private async Task ShouldMatchTheCountFromScratchAsync(IReadOnlyList<string> log)
    {
        var figures = await reach.RowsAsync(ReachOracle.StoredFigures);
        var periods = await reach.RowsAsync(ReachOracle.StoredPeriods);
        ShouldBeEmpty(Difference(await reach.RowsAsync(ReachOracle.Figures), figures), "reach_figures must equal a count from scratch", log);
        ShouldBeEmpty(Difference(await reach.RowsAsync(ReachOracle.Periods), periods), "reach_periods must equal a count from scratch", log);
        ShouldBeEmpty(await reach.RowsAsync(ReachOracle.SpanErrors), "reach_spans must equal a count from scratch", log);
    }

    /// <summary>Fails with the differing rows first and the changes that led to them after.</summary>
    private static void ShouldBeEmpty(List<string> differences, string what, IReadOnlyList<string> log)
    {
        if (differences.Count == 0) return;
        throw new Xunit.Sdk.XunitException(
            $"{what}, but {differences.Count} rows differ:\n  {string.Join("\n  ", differences.Take(40))}\nafter these changes:\n  {string.Join("\n  ", log)}");
    }

    /// <summary>Rows only in the expected table ("missing …") or only in the actual one ("unexpected …").</summary>
    private static List<string> Difference(List<string> expected, List<string> actual) =>
        expected.Except(actual).Select(r => $"missing {r}").Concat(actual.Except(expected).Select(r => $"unexpected {r}")).ToList();

    private async Task<Dictionary<string, List<string>>> StoredAsync() => new()
    {
        ["reach_children"] = await reach.RowsAsync(ReachOracle.StoredChildren),
        ["reach_figures"] = await reach.RowsAsync(ReachOracle.StoredFigures),
        ["reach_periods"] = await reach.RowsAsync(ReachOracle.StoredPeriods),
        ["reach_offering_months"] = await reach.RowsAsync("SELECT * FROM reach_offering_months"),
    };

    // UTC instants around the year ends and the start of the school year, where the centre's time zone decides.
    private static readonly string[] Instants =
    [
        "2024-12-31 21:30+00", "2024-12-31 23:30+00", "2025-01-01 00:30+00", "2025-03-30 00:30+00", "2025-07-31 21:30+00",
        "2025-07-31 22:30+00", "2025-08-01 00:30+00", "2025-06-15 10:00+00", "2025-12-31 21:30+00", "2025-12-31 23:30+00",
        "2026-02-01 09:00+00", "2024-05-05 08:00+00",
    ];

    private static readonly string[] Statuses = ["Present", "Absent", "Excused"];
    private static readonly string[] SessionStatuses = ["Held", "Cancelled", "Scheduled"];
    private static readonly string[] Types =
        [nameof(ProgrammeType.ChildClass), nameof(ProgrammeType.Workshop), nameof(ProgrammeType.Course), nameof(ProgrammeType.OpenMeeting), nameof(ProgrammeType.EarlyHelp)];

    private async Task<string> ApplyRandomChangeAsync(Random random)
    {
        var sessions = await IdsAsync("SELECT id FROM sessions ORDER BY id");
        var children = await IdsAsync("SELECT id FROM participants ORDER BY id");
        var attendances = await reach.RowsAsync("SELECT session_id || ',' || participant_id FROM attendances");
        var offerings = await IdsAsync("SELECT id FROM offerings ORDER BY id");
        var programmes = await IdsAsync("SELECT id FROM programmes ORDER BY id");
        var categories = await IdsAsync("SELECT id FROM categories ORDER BY id");
        var districts = await IdsAsync("SELECT id FROM districts ORDER BY id");
        var centres = await IdsAsync("SELECT id FROM centres ORDER BY id");
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string Attendance() { var parts = Pick(attendances).Split(','); return $"session_id = {parts[0]} AND participant_id = {parts[1]}"; }

        var kind = random.Next(23);
        string sql;
        switch (kind)
        {
            case 0 or 1 or 2 when attendances.Count > 0:
                sql = $"UPDATE attendances SET status = '{Pick(Statuses)}' WHERE {Attendance()}";
                break;
            case 3 or 4:
                sql = $"""
                    INSERT INTO attendances (session_id, participant_id, status, recorded_at)
                    VALUES ({Pick(sessions)}, {Pick(children)}, '{Pick(Statuses)}', now())
                    ON CONFLICT (session_id, participant_id) DO UPDATE SET status = excluded.status
                    """;
                break;
            case 5 when attendances.Count > 0:
                sql = $"DELETE FROM attendances WHERE {Attendance()}";
                break;
            case 6:
                sql = $"UPDATE sessions SET status = '{Pick(SessionStatuses)}' WHERE id = {Pick(sessions)}";
                break;
            case 7:
                var instant = Pick(Instants);
                sql = $"UPDATE sessions SET starts_at = '{instant}', ends_at = timestamptz '{instant}' + interval '1 hour' WHERE id = {Pick(sessions)}";
                break;
            case 8:
                sql = $"UPDATE participants SET district_id = {Pick(districts)} WHERE id = {Pick(children)}";
                break;
            case 9:
                sql = $"UPDATE participants SET birth_year = {random.Next(2014, 2025)}, birth_month = {random.Next(1, 13)} WHERE id = {Pick(children)}";
                break;
            case 10:
                sql = $"UPDATE offerings SET centre_id = {Pick(centres)} WHERE id = {Pick(offerings)}";
                break;
            case 11:
                sql = $"UPDATE offerings SET programme_id = {Pick(programmes)} WHERE id = {Pick(offerings)}";
                break;
            case 12:
                sql = random.Next(2) == 0
                    ? $"UPDATE programmes SET type = '{Pick(Types)}' WHERE id = {Pick(programmes)}"
                    : $"UPDATE programmes SET category_id = {Pick(categories)} WHERE id = {Pick(programmes)}";
                break;
            case 13:
                sql = $"UPDATE sessions SET headcount_children = {random.Next(0, 30)}, headcount_adults = {random.Next(0, 30)} WHERE id = {Pick(sessions)}";
                break;
            case 14 when sessions.Count > 5:
                sql = $"DELETE FROM sessions WHERE id = {Pick(sessions)}";
                break;
            case 15:
                // A new session with several children recorded in the same statement.
                var start = Pick(Instants);
                var present = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(children)).Distinct()
                    .Select(child => $"((SELECT id FROM added), {child}, '{Pick(Statuses)}', now())");
                sql = $"""
                    WITH added AS (
                        INSERT INTO sessions (offering_id, starts_at, ends_at, status)
                        VALUES ({Pick(offerings)}, '{start}', timestamptz '{start}' + interval '1 hour', '{Pick(SessionStatuses)}') RETURNING id)
                    INSERT INTO attendances (session_id, participant_id, status, recorded_at) VALUES {string.Join(", ", present)}
                    """;
                break;
            case 16 when children.Count > 5:
                sql = $"DELETE FROM participants WHERE id = {Pick(children)}";
                break;
            case 17:
                // Everyone recorded at a session marked present in one statement, as a roster's "all present" does.
                sql = $"UPDATE attendances SET status = 'Present' WHERE session_id = {Pick(sessions)}";
                break;
            case 18:
                sql = $"UPDATE districts SET is_focus_area = NOT is_focus_area WHERE id = {Pick(districts)}";
                break;
            case 19:
                // A centre's time zone corrected: the local date of all its sessions shifts by an hour or two.
                sql = $"UPDATE centres SET time_zone = CASE WHEN time_zone = 'Europe/Berlin' THEN 'Europe/Istanbul' ELSE 'Europe/Berlin' END WHERE id = {Pick(centres)}";
                break;
            case 20:
                sql = $"UPDATE programmes SET code = left(code, 30) || '{random.Next(10)}' WHERE id = {Pick(programmes)}";
                break;
            case 21:
                sql = random.Next(2) == 0
                    ? $"UPDATE centres SET code = left(code, 30) || '{random.Next(10)}' WHERE id = {Pick(centres)}"
                    : $"UPDATE districts SET code = left(code, 30) || '{random.Next(10)}' WHERE id = {Pick(districts)}";
                break;
            default:
                var code = ParticipantCode.Create(random);
                sql = $"""
                    WITH added AS (
                        INSERT INTO participants (code, birth_year, birth_month, district_id, created_at)
                        VALUES ('{code}', {random.Next(2012, 2025)}, {random.Next(1, 13)}, {Pick(districts)}, now()) RETURNING id)
                    INSERT INTO attendances (session_id, participant_id, status, recorded_at) SELECT {Pick(sessions)}, id, 'Present', now() FROM added
                    """;
                break;
        }
        try
        {
            await SqlAsync(sql);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation)
        {
            // Two sessions of an offering at the same time are refused by the database; so is a code drawn twice.
            return $"(refused) {sql.ReplaceLineEndings(" ")}";
        }
        return sql.ReplaceLineEndings(" ");
    }

    private async Task<List<long>> IdsAsync(string sql) =>
        (await reach.RowsAsync(sql)).Select(id => long.Parse(id, CultureInfo.InvariantCulture)).Order().ToList();

    private Task SqlAsync(string sql) => reach.ExecuteAsync(sql);

    private long Session(string name) => reach.City.Sessions[name];

    private int Child(string name) => reach.City.Children[name];
}
