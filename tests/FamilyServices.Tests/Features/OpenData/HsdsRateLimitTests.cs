using System.Net;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FamilyServices.Tests.Features.OpenData;

/// <summary>A portal whose public-search limit is three requests a minute, so the fourth is refused.</summary>
public sealed class LowLimitPortal : PortalFixture
{
    public const int PerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class HsdsRateLimitTests(LowLimitPortal portal) : IClassFixture<LowLimitPortal>
{
    [Fact]
    public async Task Past_the_public_search_limit_hsds_answers_429_with_retry_after_as_problem_details_readable_cross_origin()
    {
        using var client = portal.CreateClient();
        for (var i = 0; i < LowLimitPortal.PerMinute; i++)
        {
            using var allowed = await client.GetAsync("/hsds/taxonomies");
            allowed.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/hsds/services") { Headers = { { "Origin", "https://elsewhere.example" } } };
        using var refused = await client.SendAsync(request);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
    }
}
