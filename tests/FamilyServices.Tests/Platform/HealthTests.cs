using System.Net;
using FamilyServices.Tests.Infrastructure;

namespace FamilyServices.Tests.Platform;

public class HealthTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_migrated_portal_is_live_and_ready()
    {
        using var client = portal.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}

public sealed class UnmigratedPortalFixture : PortalFixture
{
    protected override bool Migrate => false;
}

public class UnmigratedHealthTests(UnmigratedPortalFixture portal) : IClassFixture<UnmigratedPortalFixture>
{
    [Fact]
    public async Task A_portal_whose_database_is_not_migrated_is_live_but_not_ready()
    {
        using var client = portal.CreateClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }
}
