using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FamilyServices.Tests.Features.Catalogue.Search;

public class PublicApiTests(SearchFixture portal) : IClassFixture<SearchFixture>
{
    [Fact]
    public async Task Centres_are_listed_with_their_place_and_district()
    {
        using var client = portal.CreateClient();

        var page = JsonDocument.Parse(await client.GetStringAsync("/api/v1/centres?pageSize=2")).RootElement;

        page.GetProperty("total").GetInt32().Should().Be(3);
        var first = page.GetProperty("items")[0];
        first.GetProperty("code").GetString().Should().Be("A");
        first.GetProperty("type").GetString().Should().Be("FamilyCentre");
        first.GetProperty("districtCode").GetString().Should().Be("MITTE");
        first.GetProperty("latitude").GetDouble().Should().Be(51.5420);
        (await client.GetAsync("/api/v1/centres?pageSize=501")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_public_endpoints()
    {
        using var client = portal.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/v1/offerings", "/api/v1/centres", "/api/v1/programmes"]);
    }
}

public sealed class TightRateLimitFixture : PortalFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "3");
    }
}

public class SearchRateLimitTests(TightRateLimitFixture portal) : IClassFixture<TightRateLimitFixture>
{
    [Fact]
    public async Task Too_many_searches_from_one_address_get_a_429_with_a_clear_message()
    {
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/v1/programmes");
            statuses.Add(last.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter.Should().NotBeNull();
        (await last.Content.ReadAsStringAsync()).Should().Contain("Bitte warten Sie eine Minute");
        // The search page shares the same allowance.
        var page = await client.GetAsync("/search?q=turnen");
        page.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Bitte warten Sie eine Minute");
    }
}
