using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// The Admins' search boxes that reach SQL (the audit trail's filters, the participant desk's code) run in a circuit:
/// each hostile value goes through the same rule class the page calls. Never an exception; an unreadable value is a
/// problem the page names, a readable one a search that finds what it finds; nothing but the trail's own entry of the
/// reading is written.
/// </summary>
public sealed class SearchFilterFuzzTests(BadInputFixture world) : IClassFixture<BadInputFixture>
{
    private static readonly string[] Payloads = [.. FormFuzzTests.Payloads, "2026-02-30", "31.02.2026", "%", "_", "\\"];

    [Fact]
    public async Task Every_audit_filter_takes_hostile_input_without_an_exception_or_a_write()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var inputs = new List<(string What, AuditFilterInput Input)>();
        foreach (var payload in Payloads)
        {
            inputs.Add(("action", new AuditFilterInput(Action: payload)));
            inputs.Add(("actor", new AuditFilterInput(Actor: payload)));
            inputs.Add(("centre", new AuditFilterInput(Centre: payload)));
            inputs.Add(("from", new AuditFilterInput(From: payload)));
            inputs.Add(("to", new AuditFilterInput(To: payload)));
            inputs.Add(("code", new AuditFilterInput(Code: payload)));
        }
        foreach (var (what, input) in inputs)
        {
            var before = await world.RowCountsAsync();
            await using var scope = world.Scope();
            await using var db = world.NewDb();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>().With(db);

            var (filter, problems) = await AuditSearch.ResolveAsync(db, audit, input);
            var (rows, total) = await AuditSearch.PageAsync(db, audit, filter, zone, 0, AuditSearch.DefaultPageSize, oldestFirst: false, world.Admin.Id);

            if (problems.Any(AuditSearch.IsRefusal)) total.Should().Be(0, $"an unreadable {what} filter {input} matches nothing");
            rows.Count.Should().BeLessThanOrEqualTo(AuditSearch.DefaultPageSize);
            BadInputFixture.Changed(before, await world.RowCountsAsync()).Should().BeEmpty($"searching with {what} = {input} writes nothing but the trail");
        }
    }

    [Fact]
    public async Task The_participant_desk_takes_a_hostile_code_without_an_exception_or_a_write()
    {
        foreach (var payload in Payloads)
        {
            var before = await world.RowCountsAsync();
            await using var scope = world.Scope();
            await using var db = world.NewDb();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>().With(db);

            var (shown, problem) = await ParticipantDesk.ShowAsync(db, audit, payload, world.Admin.Id, "en");

            shown.Should().BeNull($"no child has the code {payload}");
            problem.Should().BeOneOf([ParticipantProblem.CodeMalformed, ParticipantProblem.NotFound], "the page says why nothing is shown");
            ParticipantDesk.CheckErasure(payload, payload, null).Should().NotBeNull("an erasure needs a readable code and a reason");
            BadInputFixture.Changed(before, await world.RowCountsAsync()).Should().BeEmpty($"looking up {payload} writes nothing but the trail");
        }
    }
}
