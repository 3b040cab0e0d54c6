namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The reach figures of the hand-made <see cref="ReachCity"/>, read through the officials' API (exact figures).
/// Every expected number is worked out in a comment from the session table in <see cref="ReachCity"/>.
/// </summary>
public class ReachFiguresTests(ReachFixture reach) : IClassFixture<ReachFixture>
{
    // Present attendances at sessions held in 2025 (local time), per child:
    //   K01 S01 S02 S06 S08 (4)   K02 S02 S03 S07 (3)   K03 S03 S04 (2)   K04 S04 S05 (2)   K05 S05 (1)   K06 S01 (1)
    //   K07 S06 S07 S16 (3)       K08 S07 S08 (2)       K09 S08 (1)       K11 S03 S10 (2)   K12 S10 (1)   K15 S02 (1)
    // = 12 children, 23 participations. Not reached: K10 (absent at S08, present only at the cancelled S09),
    // K13 (excused at S10, present only at the scheduled S11), K14 (S15 is 2026 locally), K16/K17 (2024 only or absent).
    private static readonly string[] ReachedIn2025 = ["K01", "K02", "K03", "K04", "K05", "K06", "K07", "K08", "K09", "K11", "K12", "K15"];

    [Fact]
    public async Task A_year_by_programme_type_gives_the_sum_over_groups_and_the_lower_distinct_total()
    {
        var answer = await reach.ExactAsync("year=2025&groupBy=programmeType");

        answer.Period.Should().Be(new PeriodAnswer("calendar", 2025, "2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        answer.GroupBy.Should().Be("programmeType");
        answer.Scope.Should().BeNull();
        // ChildClass: S01 {K01 K06} S02 {K01 K02 K15} S03 {K02 K03 K11} S04 {K03 K04} S05 {K04 K05} = 8 children, 2+3+3+2+2 = 12 participations, 5 sessions.
        answer.Group("ChildClass").Should().BeEquivalentTo(new { DistinctChildren = 8, Participations = 12, SessionsHeld = 5, Suppressed = false });
        // Workshop: S06 {K01 K07} S07 {K02 K07 K08} S08 {K01 K08 K09} S16 {K07} = 5 children, 2+3+3+1 = 9, 4 sessions (S09 was cancelled).
        answer.Group("Workshop").Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 9, SessionsHeld = 4 });
        // Course: S10 {K11 K12}; S11 is only scheduled.
        answer.Group("Course").Should().BeEquivalentTo(new { DistinctChildren = 2, Participations = 2, SessionsHeld = 1 });
        // OpenMeeting: headcounts only, at the two held café sessions S12 and S13.
        answer.Group("OpenMeeting").Should().BeEquivalentTo(new { DistinctChildren = 0, Participations = 0, SessionsHeld = 2 });
        answer.Groups.Should().HaveCount(4);
        // K01 and K02 are in ChildClass and Workshop, K11 in ChildClass and Course: 8 + 5 + 2 = 15 = 12 + 3.
        answer.SumOverGroups.Should().Be(15);
        answer.DistinctChildren.Should().Be(12);
        answer.Participations.Should().Be(23);
        answer.Groups.Sum(g => g.Participations).Should().Be(23, "every participation belongs to exactly one programme type");
        // Held in 2025: S01 S02 S03 S04 S05 S06 S07 S08 S10 S12 S13 S16 = 12 (not S09/S14 cancelled, S11 scheduled, S15 in 2026).
        answer.SessionsHeld.Should().Be(12);
        // All offerings but CHESS@IZM (its only session was cancelled); both centres.
        answer.ActiveOfferings.Should().Be(6);
        answer.CentresActive.Should().Be(2);
        // Headcounts of the held café sessions S12 (7, 5) and S13 (4, 3); the cancelled S14 (9, 9) does not count.
        answer.AnonymousParticipations.Should().Be(new AnonymousAnswer(11, 8));
        answer.TotalsSuppressed.Should().BeFalse();
        answer.SuppressionThreshold.Should().BeNull("officials see exact figures");
    }

    [Fact]
    public async Task A_child_in_several_programmes_counts_once_in_each_and_once_in_the_total()
    {
        var programmes = await reach.ExactAsync("year=2025&groupBy=programme");
        var categories = await reach.ExactAsync("year=2025&groupBy=category");

        // CLASS as ChildClass above; ROBOT: S06 {K01 K07} S07 {K02 K07 K08} S16 {K07} = 4 children, 6 participations, 3 sessions;
        // CHESS: S08 {K01 K08 K09} = 3, 3, 1 (S09 cancelled); SWIM 2, 2, 1; CAFE 0, 0, 2.
        programmes.Children.Should().Equal(new Dictionary<string, int?> { ["CLASS"] = 8, ["ROBOT"] = 4, ["CHESS"] = 3, ["SWIM"] = 2, ["CAFE"] = 0 });
        programmes.Group("ROBOT").Should().BeEquivalentTo(new { Label = "Robotics workshop", Participations = 6, SessionsHeld = 3 });
        programmes.Group("CHESS").Should().BeEquivalentTo(new { Participations = 3, SessionsHeld = 1 });
        programmes.Group("CAFE").Should().BeEquivalentTo(new { Participations = 0, SessionsHeld = 2 });
        // K01 is in CLASS, ROBOT and CHESS; K02 in CLASS and ROBOT; K07 in ROBOT (at both centres: still one child); K08 in
        // ROBOT and CHESS; K11 in CLASS and SWIM: 8 + 4 + 3 + 2 = 17, of 12 children.
        programmes.SumOverGroups.Should().Be(17);
        programmes.DistinctChildren.Should().Be(12);
        programmes.Groups.Select(g => g.Key).Should().Equal(["CLASS", "ROBOT", "CHESS", "SWIM", "CAFE"], "groups are ordered by children");

        // ROBOT and CHESS share the category "workshops": K01 and K08, in both, count once there.
        categories.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["classes"] = 8, ["workshops"] = 5, ["courses"] = 2, ["meetings"] = 0 });
        categories.Group("workshops").Should().BeEquivalentTo(new { Label = "Category workshops", Participations = 9, SessionsHeld = 4 });
        categories.SumOverGroups.Should().Be(15);
    }

    [Fact]
    public async Task Absences_excuses_cancelled_and_scheduled_sessions_are_not_reach()
    {
        var reached = await ReachedChildrenAsync("Calendar", 2025);

        reached.Should().BeEquivalentTo(ReachedIn2025);
        var answer = await reach.ExactAsync("year=2025&groupBy=centre");
        // IZM: CLASS {K01 K02 K03 K04 K05 K06 K11 K15} + ROBOT@IZM S06 {K01 K07} = 9; the cancelled CHESS@IZM S09 (K09, K10) adds nobody.
        // BER: ROBOT@BER {K02 K07 K08} CHESS@BER {K01 K08 K09} SWIM {K11 K12} = 7; the scheduled S11 (K11, K13) adds nobody.
        answer.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["IZM"] = 9, ["BER"] = 7 });
        // IZM: S01–S05 and S06 = 6 held (S09 cancelled); BER: S07 S08 S10 S12 S13 S16 = 6 (S11 scheduled, S14 cancelled).
        answer.Group("IZM").Should().BeEquivalentTo(new { Label = "Anne Şehir İzmit", Participations = 14, SessionsHeld = 6 });
        answer.Group("BER").Should().BeEquivalentTo(new { Label = "Familienzentrum Berlin", Participations = 9, SessionsHeld = 6 });
        answer.SumOverGroups.Should().Be(16, "K01, K02, K07 and K11 came to both centres");
        // 2024: S_A {K15 K16} (K17 was absent), S_B {K15}.
        (await ReachedChildrenAsync("Calendar", 2024)).Should().BeEquivalentTo(["K15", "K16"]);
    }

    [Fact]
    public async Task The_year_of_a_session_is_decided_by_the_centres_local_time()
    {
        // The premise: S01 is on 1 January 2025 in Istanbul but still 31 December 2024 in UTC; S15 is on 1 January 2026
        // in Istanbul and 31 December 2025 in UTC; S05 is on 1 August 2025 in Istanbul and 31 July 2025 in UTC.
        ReachCity.ToUtc("2025-01-01 01:30", ReachCity.Istanbul).Should().Be(new DateTime(2024, 12, 31, 22, 30, 0, DateTimeKind.Utc));
        ReachCity.ToUtc("2026-01-01 00:30", ReachCity.Istanbul).Should().Be(new DateTime(2025, 12, 31, 21, 30, 0, DateTimeKind.Utc));
        ReachCity.ToUtc("2025-08-01 01:00", ReachCity.Istanbul).Should().Be(new DateTime(2025, 7, 31, 22, 0, 0, DateTimeKind.Utc));

        var year2024 = await reach.ExactAsync("year=2024&groupBy=month");
        var year2025 = await reach.ExactAsync("year=2025&groupBy=month");
        var year2026 = await reach.ExactAsync("year=2026&groupBy=programmeType");

        // K06 came only to S01: a 2025 child, in January. By UTC they would be a 2024 child, in December.
        (await ReachedChildrenAsync("Calendar", 2025)).Should().Contain("K06").And.NotContain("K14");
        year2025.Group("2025-01").Should().BeEquivalentTo(new { DistinctChildren = 2, Participations = 2, SessionsHeld = 1 });
        // 2024 has S_A and S_B only: K15 and K16, 3 participations, nothing in December.
        year2024.Should().BeEquivalentTo(new { DistinctChildren = 2, Participations = 3, SessionsHeld = 2, ActiveOfferings = 2, CentresActive = 1 });
        year2024.Group("2024-12").Should().BeEquivalentTo(new { DistinctChildren = 0, Participations = 0, SessionsHeld = 0 });
        // S16 at 23:30 on 31 December 2025 in Berlin is 2025 in both; S15 (K14) belongs to 2026 only.
        year2025.Group("2025-12").Should().BeEquivalentTo(new { DistinctChildren = 1, Participations = 1, SessionsHeld = 1 });
        year2026.Should().BeEquivalentTo(new { DistinctChildren = 1, Participations = 1, SessionsHeld = 1, ActiveOfferings = 1, CentresActive = 1 });
        year2026.Children.Should().Equal(new Dictionary<string, int?> { ["Workshop"] = 1 });
        (await ReachedChildrenAsync("Calendar", 2026)).Should().Equal("K14");
    }

    [Fact]
    public async Task The_school_year_runs_from_1_August_to_31_July_in_local_time()
    {
        var school2024 = await reach.ExactAsync("year=2024&period=school&groupBy=programmeType");
        var school2025 = await reach.ExactAsync("year=2025&period=school&groupBy=month");

        school2024.Period.Should().Be(new PeriodAnswer("school", 2024, "2024/25", new DateOnly(2024, 8, 1), new DateOnly(2025, 7, 31)));
        // 1 Aug 2024 – 31 Jul 2025: S_B {K15} S01 {K01 K06} S02 {K01 K02 K15} S03 {K02 K03 K11} S04 {K03 K04} (31 July)
        // S06 {K01 K07} S07 {K02 K07 K08} S08 {K01 K08 K09} and the café S12: 9 sessions, 10 children, 1+2+3+3+2+2+3+3 = 19.
        // S05 (01:00 on 1 August in Istanbul, still 31 July in UTC) is not in it: K05 is not a 2024/25 child.
        school2024.Should().BeEquivalentTo(new { DistinctChildren = 10, Participations = 19, SessionsHeld = 9 });
        school2024.AnonymousParticipations.Should().Be(new AnonymousAnswer(7, 5));
        (await ReachedChildrenAsync("School", 2024)).Should().BeEquivalentTo(["K01", "K02", "K03", "K04", "K06", "K07", "K08", "K09", "K11", "K15"]);
        // ChildClass S01–S04 {K01 K02 K03 K04 K06 K11 K15} = 7; Workshop S_B S06 S07 S08 {K01 K02 K07 K08 K09 K15} = 6.
        school2024.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["ChildClass"] = 7, ["Workshop"] = 6, ["OpenMeeting"] = 0 });

        // 1 Aug 2025 – 31 Jul 2026: S05 {K04 K05} S10 {K11 K12} S13 (café) S16 {K07} S15 {K14}: 5 sessions, 6 children.
        school2025.Period.Should().Be(new PeriodAnswer("school", 2025, "2025/26", new DateOnly(2025, 8, 1), new DateOnly(2026, 7, 31)));
        school2025.Should().BeEquivalentTo(new { DistinctChildren = 6, Participations = 6, SessionsHeld = 5 });
        (await ReachedChildrenAsync("School", 2025)).Should().BeEquivalentTo(["K04", "K05", "K07", "K11", "K12", "K14"]);
        school2025.Groups.Select(g => g.Key).Should().Equal(
            "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07");
        school2025.Groups.Select(g => g.DistinctChildren).Should().Equal(2, 2, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0);
        school2025.Groups.Select(g => g.SessionsHeld).Should().Equal(1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0);
    }

    [Fact]
    public async Task The_age_band_is_the_one_at_the_first_attendance_in_the_period()
    {
        var answer = await reach.ExactAsync("year=2025&groupBy=ageBand");

        // Age in whole months from the first of the birth month, at the first presence in 2025:
        //   K01 (2022-03) S01 Jan: 34 → 0-2 (37 months and 3-5 by May, when they came to S08)
        //   K02 (2021-05) Feb: 45, K03 (2020-01) Mar: 62, K05 (2021-09) Aug: 47, K06 (2020-10) Jan: 51, K11 (2020-06) Mar: 57,
        //   K15 (2020-04) Feb: 58 → 3-5
        //   K04 (2019-06) Jul: 73 (only 67 and 3-5 on 1 January), K07 (2018-02) Apr: 86, K08 (2017-11) Apr: 89,
        //   K09 (2016-04) May: 109, K12 (2019-01) Sep: 80 → 6-9
        answer.Groups.Select(g => (g.Key, g.DistinctChildren)).Should().Equal(("0-2", 1), ("3-5", 6), ("6-9", 5));
        answer.SumOverGroups.Should().Be(answer.DistinctChildren).And.Be(12);
        // Population 2025: 0-2: 30 (NORTH); 3-5: 40 + 20 + 10 = 70; 6-9: 50 + 30 = 80.
        answer.Groups.Select(g => g.ChildPopulation).Should().Equal(30, 70, 80);
        answer.Groups.Select(g => g.ReachRate).Should().Equal(0.0333, 0.0857, 0.0625);
        answer.Groups.Should().OnlyContain(g => g.SessionsHeld == null, "sessions do not belong to a child's age band");
        // 2024: K15 (2020-04) at S_A in March 2024 was 47 months, K16 (2019-09) 54: both 3-5.
        (await reach.ExactAsync("year=2024&groupBy=ageBand")).Children.Should().Equal(new Dictionary<string, int?> { ["3-5"] = 2 });
    }

    [Fact]
    public async Task Districts_and_focus_areas_partition_the_children_and_give_the_reach_rate()
    {
        var districts = await reach.ExactAsync("year=2025&groupBy=district");
        var focus = await reach.ExactAsync("year=2025&groupBy=focusArea");

        // NORTH: K01 K02 K03 K07 K11 K15 (4+3+2+3+2+1 = 15 participations); SOUTH: K04 K05 K08 K09 K12 (2+1+2+1+1 = 7); EAST: K06 (1).
        districts.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["NORTH"] = 6, ["SOUTH"] = 5, ["EAST"] = 1 });
        districts.Group("NORTH").Should().BeEquivalentTo(new { Label = "Kuzey", Participations = 15, ChildPopulation = 120, ReachRate = 0.05 });
        districts.Group("SOUTH").Should().BeEquivalentTo(new { Label = "Güney", Participations = 7, ChildPopulation = 50, ReachRate = 0.1 });
        districts.Group("EAST").Should().BeEquivalentTo(new { Label = "Doğu", Participations = 1, ChildPopulation = 10, ReachRate = 0.1 });
        districts.SumOverGroups.Should().Be(12).And.Be(districts.DistinctChildren, "every child lives in one district");

        // Focus areas NORTH and EAST: 6 + 1 = 7 of 120 + 10 = 130 children (0.0538); the rest, SOUTH: 5 of 50.
        focus.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["focus"] = 7, ["other"] = 5 });
        focus.Group("focus").Should().BeEquivalentTo(new { ChildPopulation = 130, ReachRate = 0.0538, Participations = 16 });
        focus.Group("other").Should().BeEquivalentTo(new { ChildPopulation = 50, ReachRate = 0.1, Participations = 7 });
        focus.SumOverGroups.Should().Be(12);

        // In 2024 only NORTH's 999 children of 3-5 are on record: K15 is 1 of 999.
        var districts2024 = await reach.ExactAsync("year=2024&groupBy=district");
        districts2024.Group("NORTH").Should().BeEquivalentTo(new { DistinctChildren = 1, ChildPopulation = 999, ReachRate = 0.001 });
    }

    [Fact]
    public async Task The_month_breakdown_shows_all_twelve_months_including_empty_ones()
    {
        var answer = await reach.ExactAsync("year=2025&groupBy=month");

        answer.Groups.Select(g => g.Key).Should().Equal(Enumerable.Range(1, 12).Select(m => $"2025-{m:00}"));
        answer.Group("2025-03").Label.Should().Be("March 2025");
        // Jan S01 {K01 K06}; Feb S02 {K01 K02 K15}; Mar S03 {K02 K03 K11} + café S12; Apr S06 {K01 K07} S07 {K02 K07 K08};
        // May S08 {K01 K08 K09}; Jun only the cancelled S09; Jul S04 {K03 K04}; Aug S05 {K04 K05}; Sep S10 {K11 K12};
        // Oct nothing; Nov café S13; Dec S16 {K07} (S11 scheduled, S14 cancelled, S15 is January 2026 locally).
        answer.Groups.Select(g => g.DistinctChildren).Should().Equal(2, 3, 3, 4, 3, 0, 2, 2, 2, 0, 0, 1);
        answer.Groups.Select(g => g.Participations).Should().Equal(2, 3, 3, 5, 3, 0, 2, 2, 2, 0, 0, 1);
        answer.Groups.Select(g => g.SessionsHeld).Should().Equal(1, 1, 2, 2, 1, 0, 1, 1, 1, 0, 1, 1);
        answer.SumOverGroups.Should().Be(22, "K01 came in four months, K02, K03, K04, K07, K08 and K11 in two");
        answer.DistinctChildren.Should().Be(12);
    }

    [Fact]
    public async Task Drilling_into_workshops_breaks_them_down_by_centre_and_by_programme()
    {
        var byCentre = await reach.ExactAsync("year=2025&programmeType=Workshop&groupBy=centre");
        var byProgramme = await reach.ExactAsync("year=2025&programmeType=workshop&groupBy=programme");
        var byDistrict = await reach.ExactAsync("year=2025&programmeType=Workshop&groupBy=district");

        byCentre.Scope.Should().Be("programmeType:Workshop");
        // Workshops at IZM: ROBOT S06 {K01 K07} (1 session); at BER: ROBOT S07 {K02 K07 K08} S16 {K07}, CHESS S08 {K01 K08 K09}
        // = {K01 K02 K07 K08 K09}, 3 + 1 + 3 = 7 participations, 3 sessions.
        byCentre.Group("BER").Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 7, SessionsHeld = 3 });
        byCentre.Group("IZM").Should().BeEquivalentTo(new { DistinctChildren = 2, Participations = 2, SessionsHeld = 1 });
        byCentre.Groups.Should().HaveCount(2);
        byCentre.SumOverGroups.Should().Be(7, "K01 and K07 came to workshops at both centres");
        // The de-duplicated total beside the sum is that of the workshops (5), not of the whole year (12).
        byCentre.Should().BeEquivalentTo(new { DistinctChildren = 5, Participations = 9, SessionsHeld = 4 });

        byProgramme.Scope.Should().Be("programmeType:Workshop");
        byProgramme.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["ROBOT"] = 4, ["CHESS"] = 3 });
        // Workshop children by where they live: NORTH K01 K02 K07, SOUTH K08 K09.
        byDistrict.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["NORTH"] = 3, ["SOUTH"] = 2 });
        byDistrict.Group("NORTH").Participations.Should().Be(6, "K01 S06 S08, K02 S07, K07 S06 S07 S16");
    }

    [Fact]
    public async Task Drilling_into_a_centre_breaks_it_down_by_programme_and_programme_type()
    {
        var berlin = await reach.ExactAsync("year=2025&centre=BER&groupBy=programme");
        var izmit = await reach.ExactAsync("year=2025&centre=IZM&groupBy=programmeType");

        berlin.Scope.Should().Be("centre:BER");
        // BER: ROBOT S07 {K02 K07 K08} S16 {K07} (4 participations, 2 sessions); CHESS S08 {K01 K08 K09}; SWIM S10 {K11 K12};
        // CAFE S12 S13 (no children).
        berlin.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["ROBOT"] = 3, ["CHESS"] = 3, ["SWIM"] = 2, ["CAFE"] = 0 });
        berlin.Group("ROBOT").Should().BeEquivalentTo(new { Participations = 4, SessionsHeld = 2 });
        berlin.Group("CAFE").SessionsHeld.Should().Be(2);
        berlin.SumOverGroups.Should().Be(8, "K08 came to ROBOT and CHESS");
        // {K01 K02 K07 K08 K09 K11 K12}, 4 + 3 + 2 = 9 participations, S07 S16 S08 S10 S12 S13.
        berlin.Should().BeEquivalentTo(new { DistinctChildren = 7, Participations = 9, SessionsHeld = 6 });

        // IZM: ChildClass S01–S05 = 8 children; Workshop S06 {K01 K07}; the cancelled CHESS@IZM adds no group.
        izmit.Children.Should().BeEquivalentTo(new Dictionary<string, int?> { ["ChildClass"] = 8, ["Workshop"] = 2 });
        izmit.SumOverGroups.Should().Be(10);
        izmit.Should().BeEquivalentTo(new { DistinctChildren = 9, Participations = 14, SessionsHeld = 6 });
    }

    [Fact]
    public async Task Cumulative_figures_give_the_sum_of_yearly_figures_and_the_distinct_children_over_the_span()
    {
        var span = await reach.ExactAsync("year=2025&from=2024&to=2025");
        var longer = await reach.ExactAsync("year=2025&from=2024&to=2026");
        var school = await reach.ExactAsync("year=2025&period=school&from=2024&to=2025");

        // 2024: K15 K16 (2); 2025: 12 children. K15 came in both years: 2 + 12 = 14 by adding, 13 distinct.
        span.Cumulative!.Years.Select(y => (y.Year, y.DistinctChildren)).Should().Equal((2024, 2), (2025, 12));
        span.Cumulative.Should().BeEquivalentTo(new { FromYear = 2024, ToYear = 2025, SumOfYearlyDistinctChildren = 14, DistinctChildren = 13 });
        // 2026 adds K14, new: 15 and 14.
        longer.Cumulative.Should().BeEquivalentTo(new { SumOfYearlyDistinctChildren = 15, DistinctChildren = 14 });
        // School years 2024/25 (10) and 2025/26 (6: K04 K05 K07 K11 K12 K14, of whom K04 K07 K11 came in 2024/25 too): 16 and 13.
        school.Cumulative!.Years.Select(y => (y.Label, y.DistinctChildren)).Should().Equal(("2024/25", 10), ("2025/26", 6));
        school.Cumulative.Should().BeEquivalentTo(new { SumOfYearlyDistinctChildren = 16, DistinctChildren = 13 });
        // Without from/to there is no cumulative part.
        (await reach.ExactAsync("year=2025")).Cumulative.Should().BeNull();
    }

    [Fact]
    public async Task A_year_without_any_attendance_answers_with_zeros_and_twelve_empty_months()
    {
        var answer = await reach.ExactAsync("year=2031&groupBy=month");

        answer.Should().BeEquivalentTo(new { DistinctChildren = 0, Participations = 0, SessionsHeld = 0, SumOverGroups = 0 });
        answer.Groups.Should().HaveCount(12).And.OnlyContain(g => g.DistinctChildren == 0 && g.SessionsHeld == 0);
    }

    /// <summary>The names (K01…) of the children with a reach_children row for a period: who the refresher counted.</summary>
    private async Task<List<string>> ReachedChildrenAsync(string kind, int year)
    {
        var ids = await reach.RowsAsync($"SELECT participant_id FROM reach_children WHERE period_kind = '{kind}' AND period_year = {year}");
        var names = reach.City.Children.ToDictionary(c => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Key);
        return ids.Select(id => names[id]).Order().ToList();
    }
}
