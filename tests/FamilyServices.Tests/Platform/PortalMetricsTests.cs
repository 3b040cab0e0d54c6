using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using FamilyServices.Tests.Features.Attendance.Import;
using FamilyServices.Web.Features.Attendance.Import;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Platform;

/// <summary>
/// What the portal's own instruments (meter FamilyServices) record while this test's own code runs: the meter is
/// static and other test classes run at the same time, so only measurements made on this test's async flow count.
/// </summary>
public sealed class PortalMeasurements : IDisposable
{
    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    private static readonly AsyncLocal<PortalMeasurements?> Current = new();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    private PortalMeasurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PortalMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Starts listening for the calling test's flow (and the flows it starts).</summary>
    public static PortalMeasurements Start() => Current.Value = new PortalMeasurements();

    public IReadOnlyList<Measurement> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToList();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Current.Value != this) return;
        _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
    }

    public void Dispose()
    {
        _listener.Dispose();
        Current.Value = null;
    }
}

public sealed class PortalMetricsTests(ImportFixture world) : IClassFixture<ImportFixture>
{
    [Fact]
    public async Task An_import_records_its_duration_and_rows_and_the_reach_refresh_after_it_records_its_duration()
    {
        var offering = await world.OfferingAsync();
        var rows = world.ChildrenA.Take(3).Select(c => $"{offering.Code},2026-10-05,10:00,{c.Code},,,,present").ToArray();
        var user = await world.PrincipalAsync(world.StaffA);
        using var measurements = PortalMeasurements.Start();

        await using var scope = world.Scope();
        var importWatch = Stopwatch.StartNew();
        var import = await scope.ServiceProvider.GetRequiredService<AttendanceImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(ImportFixture.Csv(rows))), user, CancellationToken.None);
        importWatch.Stop();
        var refreshWatch = Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync();
        refreshWatch.Stop();

        import.Outcome.Should().Be(ImportOutcome.Imported);
        var importDuration = measurements.Of("familyservices.attendance.import.duration").Should().ContainSingle().Subject;
        importDuration.Value.Should().BeInRange(double.Epsilon, importWatch.Elapsed.TotalSeconds);
        importDuration.Tags.Should().Contain("outcome", "imported");
        measurements.Of("familyservices.attendance.import.rows").Select(m => m.Value).Should().Equal(rows.Length);

        var refreshDuration = measurements.Of("familyservices.reach.refresh.duration").Should().ContainSingle().Subject;
        refreshDuration.Value.Should().BeInRange(double.Epsilon, refreshWatch.Elapsed.TotalSeconds);
        refreshDuration.Tags.Should().Contain("kind", "incremental");
    }

    [Fact]
    public async Task A_refused_import_records_its_duration_with_its_outcome_and_no_rows()
    {
        var user = await world.PrincipalAsync(world.StaffA);
        using var measurements = PortalMeasurements.Start();

        await using var scope = world.Scope();
        var import = await scope.ServiceProvider.GetRequiredService<AttendanceImporter>().ImportAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(ImportFixture.Csv("NO-SUCH-OFFER,2026-10-05,10:00,,2022,1,,present"))), user, CancellationToken.None);

        import.Outcome.Should().Be(ImportOutcome.Invalid);
        measurements.Of("familyservices.attendance.import.duration").Should().ContainSingle()
            .Which.Tags.Should().Contain("outcome", "invalid");
        measurements.Of("familyservices.attendance.import.rows").Should().BeEmpty();
    }

    [Fact]
    public async Task Opening_and_closing_a_circuit_moves_the_open_circuits_gauge_up_and_down_again()
    {
        using var measurements = PortalMeasurements.Start();
        var handler = new OpenCircuitCounter();

        // The handler does not look at the circuit; Blazor's Circuit has no public constructor.
        await handler.OnCircuitOpenedAsync(null!, CancellationToken.None);
        measurements.Of("familyservices.circuits.open").Sum(m => m.Value).Should().Be(1);
        await handler.OnCircuitClosedAsync(null!, CancellationToken.None);

        measurements.Of("familyservices.circuits.open").Select(m => m.Value).Should().Equal(1, -1);
    }
}
