using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Features.Audit;

public sealed class AuditTrailTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_entry_names_the_child_only_by_a_keyed_pseudonym_that_is_stable_and_differs_per_child()
    {
        await using (var scope = portal.Scope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await trail.RecordAsync(AuditAction.RosterViewed, centreId: null, participantIds: [41, 42, 41], details: new { sessionId = 7 }, actorId: "tester");
        }

        await using var db = portal.NewDb();
        var entry = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync(e => e.ActorId == "tester");
        var secret = await db.AuditKeys.Select(k => k.Secret).SingleAsync();
        entry.Subjects.Should().Equal(AuditTrail.Pseudonym(secret, 41), AuditTrail.Pseudonym(secret, 42));
        entry.Subjects.Should().NotContain(s => s.Contains("41") || s.Contains("42"));
        entry.Details.Should().Contain("\"sessionId\": 7");
        secret.Should().HaveCount(32).And.NotBeEquivalentTo(new byte[32]);

        var otherKey = new byte[32];
        AuditTrail.Pseudonym(otherKey, 41).Should().NotBe(entry.Subjects[0], "the pseudonym depends on the database's secret key");
    }

    [Theory]
    [InlineData("UPDATE audit_events SET actor_id = 'someone else'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("UPDATE audit_keys SET secret = '\\x00'")]
    public async Task The_database_refuses_to_change_or_remove_entries(string sql)
    {
        await using (var scope = portal.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .RecordAsync(AuditAction.AuditTrailViewed, null, [], actorId: "append-only-check");
        }
        await using var db = portal.NewDb();
        var before = await db.AuditEvents.CountAsync();

        var act = () => db.Database.ExecuteSqlRawAsync(sql);

        (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        (await db.AuditEvents.CountAsync()).Should().Be(before);
    }
}
