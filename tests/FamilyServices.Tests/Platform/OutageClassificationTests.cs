using FamilyServices.Web.Platform;
using Npgsql;

namespace FamilyServices.Tests.Platform;

/// <summary>Which failures answer 503 (an outage) rather than 500: the ones a failover or restart causes.</summary>
public class OutageClassificationTests
{
    [Fact]
    public void No_primary_among_several_hosts_is_an_outage()
    {
        // What Npgsql's multi-host data source throws while the old primary is down and the promoted replica is
        // still remembered as a standby (scripts/cluster.sh failover).
        DatabaseAvailability.IsOutage(new NpgsqlException("No suitable host was found.")).Should().BeTrue();
    }

    [Fact]
    public void An_error_the_server_reports_is_not_an_outage()
    {
        var unique = new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation);

        DatabaseAvailability.IsOutage(unique).Should().BeFalse();
        DatabaseAvailability.IsOutage(new InvalidOperationException("wrapped", unique)).Should().BeFalse();
    }
}
