using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Platform;

public class RequestPlatformTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_callers_sane_id_is_kept()
    {
        using var client = portal.CreateClient();

        var generated = await client.GetAsync("/health/live");
        using var withId = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        withId.Headers.Add(CorrelationIds.HeaderName, "abc-123");
        var kept = await client.SendAsync(withId);
        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.Add(CorrelationIds.HeaderName, "<script>alert(1)</script>");
        var replaced = await client.SendAsync(hostile);

        generated.Headers.GetValues(CorrelationIds.HeaderName).Single().Should().MatchRegex("^[0-9a-f]{16}$");
        kept.Headers.GetValues(CorrelationIds.HeaderName).Single().Should().Be("abc-123");
        replaced.Headers.GetValues(CorrelationIds.HeaderName).Single().Should().MatchRegex("^[0-9a-f]{16}$");
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database_so_restarts_keep_cookies_valid()
    {
        using var client = portal.CreateClient();

        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        await using var db = portal.NewDb();
        var keys = await db.DataProtectionKeys.ToListAsync();
        keys.Should().NotBeEmpty();
        keys[0].Xml.Should().Contain("<key ");
    }
}
