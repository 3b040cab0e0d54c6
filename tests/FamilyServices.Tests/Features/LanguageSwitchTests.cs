using System.Net;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FamilyServices.Tests.Features;

public class LanguageSwitchTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Choosing_a_language_stores_it_in_a_cookie_and_returns_to_the_same_page()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        var start = await Html.ParseAsync(await client.GetAsync("/"));
        start.DocumentNode.SelectSingleNode("//form[@action='/language']//input[@name='__RequestVerificationToken']")
            .Should().BeNull("the switch carries no token, so the public pages stay cacheable (decision 0019)");

        var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "tr",
            ["returnUrl"] = "/programmes/x?page=2",
        }));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/programmes/x?page=2");
        var after = await Html.ParseAsync(await client.GetAsync("/"));
        after.Find("//html").GetAttributeValue("lang", "").Should().Be("tr");
        after.Find("//h1").Text().Should().Be("Çocuklar ve aileler için programlar");
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");

        var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "de",
            ["returnUrl"] = "//evil.example/phish",
        }));

        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_post_from_another_site_is_refused(string header, string value)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/language")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "nl", ["returnUrl"] = "/" }),
        };
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        // A form post's error goes to the translated status page, as every form endpoint's does (ErrorResponses).
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location?.OriginalString.Should().Be("/status/403");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.Contains(".AspNetCore.Culture"));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "https://localhost")]
    public async Task A_post_from_this_site_is_accepted(string header, string value)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/language")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "nl", ["returnUrl"] = "/" }),
        };
        request.Headers.Add(header, value);

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.Contains(".AspNetCore.Culture") && c.Contains("samesite=lax"));
    }
}
