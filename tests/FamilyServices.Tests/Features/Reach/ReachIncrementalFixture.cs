namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// A database of its own for tests that change the city: <see cref="ResetAsync"/> puts the hand-made city back as it was
/// (new rows, new ids) and refreshes the figures, so every test starts from the same known figures.
/// </summary>
public sealed class ReachIncrementalFixture : ReachFixture
{
    public async Task ResetAsync()
    {
        await ExecuteAsync("""
            TRUNCATE attendances, sessions, enrolments, participants, offerings, programmes, categories, centres, districts,
                     district_populations, organisations, reach_children, reach_figures, reach_periods,
                     reach_pending_participants, reach_stale_periods, reach_offering_months, reach_stale_offerings, reach_spans CASCADE
            """);
        await using (var db = NewDb()) City = await ReachCity.BuildAsync(db);
        var first = await RefreshAsync();
        first.ParticipantsRefreshed.Should().BeGreaterThan(0);
    }

    /// <summary>Every child pending, every period of the years in play stale, all stored figures gone: the refresher's first run.</summary>
    public async Task RebuildFromScratchAsync()
    {
        await ExecuteAsync("""
            TRUNCATE reach_children, reach_figures, reach_periods, reach_pending_participants, reach_stale_periods,
                     reach_offering_months, reach_stale_offerings, reach_spans;
            INSERT INTO reach_pending_participants (participant_id) SELECT id FROM participants;
            INSERT INTO reach_stale_periods (period_kind, period_year)
            SELECT kind, year FROM unnest(ARRAY['Calendar', 'School']) kind CROSS JOIN generate_series(2015, 2035) year;
            """);
        await RefreshAsync();
    }
}
