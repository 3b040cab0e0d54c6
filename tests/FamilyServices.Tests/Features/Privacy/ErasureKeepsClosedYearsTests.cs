using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Operations;
using FamilyServices.Web.Features.Privacy;
using FamilyServices.Web.Features.Reach;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Privacy;

/// <summary>
/// Erasing a child and deleting children past the retention period leave every figure of closed periods exactly as
/// it was (decision 0009), take the child out of the open periods, and leave nothing in the database that leads back
/// to the child. The tests run in order on one database: retention first, then erasure.
/// </summary>
[TestCaseOrderer("FamilyServices.Tests.Features.Privacy.ByName", "FamilyServices.Tests")]
public class ErasureKeepsClosedYearsTests(PrivacyCityFixture city) : IClassFixture<PrivacyCityFixture>
{
    [Fact]
    public void A_retention_period_of_three_full_years_starts_at_new_year_in_the_citys_time_zone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        // 31 December 2025, 23:59 in Berlin: children last seen in 2022 are still kept (cut-off 1 January 2022).
        RetentionPolicy.CutoffUtc(new DateTimeOffset(2025, 12, 31, 22, 59, 0, TimeSpan.Zero), berlin, 3)
            .Should().Be(new DateTime(2021, 12, 31, 23, 0, 0, DateTimeKind.Utc));
        // 1 January 2026, 00:00 in Berlin (still 2025 in UTC): everything before 1 January 2023 Berlin time is due.
        RetentionPolicy.CutoffUtc(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), berlin, 3)
            .Should().Be(new DateTime(2022, 12, 31, 23, 0, 0, DateTimeKind.Utc));
        RetentionPolicy.CutoffUtc(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), berlin, 1)
            .Should().Be(new DateTime(2024, 12, 31, 23, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Closed_periods_are_those_whose_last_day_has_passed()
    {
        ParticipantErasure.LastClosedYears(new DateTime(2026, 3, 15, 10, 0, 0)).Should().Be((2025, 2024));
        ParticipantErasure.LastClosedYears(new DateTime(2026, 7, 31, 23, 59, 0)).Should().Be((2025, 2024));
        ParticipantErasure.LastClosedYears(new DateTime(2026, 8, 1, 0, 0, 0)).Should().Be((2025, 2025));
        ParticipantErasure.LastClosedYears(new DateTime(2026, 12, 31, 23, 59, 0)).Should().Be((2025, 2025));
        ParticipantErasure.LastClosedYears(new DateTime(2027, 1, 1, 0, 0, 0)).Should().Be((2026, 2025));
    }

    [Fact]
    public async Task Step0_the_operator_verb_dry_run_says_how_many_would_be_deleted_and_deletes_nobody()
    {
        var everyone = await IdsAsync();
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = await OperatorCommands.RunAsync(["privacy", "retention", "--dry-run"], city.Services, output, errors);
        var wrong = await OperatorCommands.RunAsync(["privacy", "retention", "--now"], city.Services, new StringWriter(), errors);

        exitCode.Should().Be(0);
        output.ToString().Should().Contain("Dry run, nothing changed: 3 children last seen before 2022-12-31 23:00 UTC would be deleted");
        wrong.Should().Be(2);
        (await IdsAsync()).Should().Equal(everyone);
    }

    [Fact]
    public async Task Step1_retention_deletes_exactly_the_children_past_the_limit_from_new_year_and_a_dry_run_changes_nothing()
    {
        var everyone = await IdsAsync();
        var before = await city.ClosedFiguresAsync();
        var cumulativeBefore = await CumulativeAsync(2021, 2025);
        try
        {
            city.Clock.Now = new DateTimeOffset(2025, 12, 31, 22, 59, 0, TimeSpan.Zero);
            (await RunRetentionAsync(dryRun: true)).Participants.Should().Be(0, "on 31 December 2025 everyone last seen in 2022 is still kept");

            city.Clock.Now = new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero);
            var dryRun = await RunRetentionAsync(dryRun: true);
            dryRun.Participants.Should().Be(3, "from 1 January 2026 (Berlin) the children last seen in 2022 are due");
            (await IdsAsync()).Should().Equal(everyone, "a dry run deletes nobody");
            (await city.ScalarAsync("SELECT count(*) FROM audit_events WHERE action = 'RetentionApplied'")).Should().Be(0);

            var applied = await RunRetentionAsync(dryRun: false);

            applied.Participants.Should().Be(3);
            var due = new[] { city.LastSeenMay2022.Id, city.LastSeenNewYearsEve2022.Id, city.RegisteredJune2022.Id };
            (await IdsAsync()).Should().Equal(everyone.Except(due), "exactly the children past the limit are gone");
            foreach (var id in due) await NothingLeadsBackAsync(id);
        }
        finally
        {
            city.Clock.Now = PrivacyCityFixture.Today;
        }

        (await city.ClosedFiguresAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering(), "every closed period keeps every figure");
        (await CumulativeAsync(2021, 2025)).Should().Be(cumulativeBefore);
        // 2022 is closed; both children present in May 2022 were deleted and still count.
        (await city.ScalarAsync("SELECT distinct_children FROM reach_periods WHERE period_kind = 'Calendar' AND period_year = 2022")).Should().Be(2);
        (await city.ScalarAsync("SELECT count(*) FROM reach_children WHERE participant_id < 0")).Should().BeGreaterThan(0);

        await using var db = city.NewDb();
        var entry = await db.AuditEvents.SingleAsync(e => e.Action == AuditAction.RetentionApplied);
        entry.ActorId.Should().Be(AuditTrail.System);
        entry.Subjects.Should().BeEquivalentTo(await PseudonymsAsync(city.LastSeenMay2022.Id, city.LastSeenNewYearsEve2022.Id, city.RegisteredJune2022.Id));
        entry.Details.Should().Contain("\"count\": 3");
    }

    [Fact]
    public async Task Step2_erasing_a_child_keeps_every_closed_figure_and_takes_the_child_out_of_the_open_year()
    {
        var child = city.Erased;
        var before = await city.ClosedFiguresAsync();
        var cumulativeBefore = await CumulativeAsync(2023, 2025);
        var openBefore = await city.ScalarAsync("SELECT distinct_children FROM reach_periods WHERE period_kind = 'Calendar' AND period_year = 2026");
        var openSchoolBefore = await city.ScalarAsync("SELECT distinct_children FROM reach_periods WHERE period_kind = 'School' AND period_year = 2025");
        var closedRows = await city.ScalarAsync($"""
            SELECT count(*) FROM reach_children WHERE participant_id = {child.Id}
              AND ((period_kind = 'Calendar' AND period_year <= 2025) OR (period_kind = 'School' AND period_year <= 2024))
            """);
        closedRows.Should().Be(5, "calendar years 2023 and 2024, school years 2022/23, 2023/24 and 2024/25");

        ErasureCounts? counts;
        await using (var scope = city.Scope())
        {
            counts = await scope.ServiceProvider.GetRequiredService<ParticipantErasure>().EraseAsync(child.Id, ErasureReason.FamilyRequest, "admin-account-id");
        }

        counts.Should().BeEquivalentTo(new ErasureCounts(1, 4, 1, 1, 1, (int)closedRows));
        (await city.ClosedFiguresAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering(), "every closed period keeps every figure, exactly");
        (await CumulativeAsync(2023, 2025)).Should().Be(cumulativeBefore, "the erased child is still counted once over the closed years");
        (await city.ScalarAsync("SELECT distinct_children FROM reach_periods WHERE period_kind = 'Calendar' AND period_year = 2026")).Should().Be(openBefore - 1);
        (await city.ScalarAsync("SELECT distinct_children FROM reach_periods WHERE period_kind = 'School' AND period_year = 2025")).Should().Be(openSchoolBefore - 1);
        (await city.ScalarAsync("SELECT count(DISTINCT participant_id) FROM reach_children WHERE participant_id < 0 AND period_year >= 2023"))
            .Should().Be(1, "one surrogate per erased child, the same for all its closed rows");
        await NothingLeadsBackAsync(child.Id);
        (await city.ScalarAsync($"SELECT count(*) FROM participants WHERE code = '{child.Code}'")).Should().Be(0);

        await using var db = city.NewDb();
        var entry = await db.AuditEvents.SingleAsync(e => e.Action == AuditAction.ParticipantErased);
        entry.ActorId.Should().Be("admin-account-id");
        entry.Subjects.Should().Equal(await PseudonymsAsync(child.Id));
        entry.Details.Should().Contain("familyRequest").And.Contain("\"attendances\": 4").And.NotContain(child.Code);
        (await city.ScalarAsync($"SELECT count(*) FROM audit_events WHERE details::text LIKE '%{child.Code}%' OR array_to_string(subjects, ',') LIKE '%{child.Code}%'"))
            .Should().Be(0, "the audit trail never holds a code");
    }

    [Fact]
    public async Task Step3_a_full_recount_of_every_child_and_period_keeps_the_erased_childrens_closed_figures()
    {
        // The refresher works from pending participant ids, which only triggers fill, with real ids: make every
        // remaining child pending and every period stale, as after restoring a backup, and recount.
        var before = await city.ClosedFiguresAsync(withRefreshTime: false);
        var surrogates = await city.RowsAsync("SELECT * FROM reach_children WHERE participant_id < 0 ORDER BY participant_id, period_kind, period_year");
        surrogates.Should().NotBeEmpty();
        await city.ExecuteAsync("""
            INSERT INTO reach_pending_participants (participant_id) SELECT id FROM participants ON CONFLICT DO NOTHING;
            INSERT INTO reach_stale_periods (period_kind, period_year)
            SELECT kind, year FROM unnest(ARRAY['Calendar', 'School']) kind CROSS JOIN generate_series(2015, 2035) year ON CONFLICT DO NOTHING;
            """);

        var refresh = await city.RefreshAsync();

        refresh.PeriodsRecomputed.Should().BeGreaterThan(10);
        (await city.RowsAsync("SELECT * FROM reach_children WHERE participant_id < 0 ORDER BY participant_id, period_kind, period_year"))
            .Should().Equal(surrogates, "the refresher never touches negative ids");
        (await city.ClosedFiguresAsync(withRefreshTime: false)).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Step4_erasing_an_unknown_child_changes_nothing()
    {
        var audit = await city.ScalarAsync("SELECT count(*) FROM audit_events");
        await using var scope = city.Scope();

        var counts = await scope.ServiceProvider.GetRequiredService<ParticipantErasure>().EraseAsync(int.MaxValue, ErasureReason.Other, "admin-account-id");

        counts.Should().BeNull();
        (await city.ScalarAsync("SELECT count(*) FROM audit_events")).Should().Be(audit);
    }

    private async Task NothingLeadsBackAsync(int id)
    {
        foreach (var (table, column) in new[]
        {
            ("participants", "id"), ("attendances", "participant_id"), ("attendance_changes", "participant_id"),
            ("participant_nicknames", "participant_id"), ("enrolments", "participant_id"), ("reach_children", "participant_id"),
            ("reach_pending_participants", "participant_id"),
        })
        {
            (await city.ScalarAsync($"SELECT count(*) FROM {table} WHERE {column} = {id}")).Should().Be(0, $"{table} must not hold participant {id}");
        }
    }

    private async Task<RetentionResult> RunRetentionAsync(bool dryRun)
    {
        await using var scope = city.Scope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunAsync(dryRun, AuditTrail.System);
    }

    private async Task<int> CumulativeAsync(int from, int to)
    {
        await using var scope = city.Scope();
        return (await scope.ServiceProvider.GetRequiredService<ReachReports>().CumulativeAsync(ReachPeriodKind.Calendar, from, to)).DistinctChildren;
    }

    private async Task<List<int>> IdsAsync()
    {
        await using var db = city.NewDb();
        return await db.Participants.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
    }

    private async Task<string[]> PseudonymsAsync(params int[] ids)
    {
        await using var db = city.NewDb();
        var secret = await db.AuditKeys.Select(k => k.Secret).SingleAsync();
        return [.. ids.Select(id => AuditTrail.Pseudonym(secret, id))];
    }
}

/// <summary>Runs a class's tests in the order of their names (Step1_, Step2_, …), for tests that build on each other.</summary>
public sealed class ByName : Xunit.Sdk.ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : Xunit.Abstractions.ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);
}
