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
        var start = await Html.ParseAsync(await client.GetAsync("/"));

        var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = start.AntiforgeryToken(),
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
        var start = await Html.ParseAsync(await client.GetAsync("/"));

        var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = start.AntiforgeryToken(),
            ["culture"] = "de",
            ["returnUrl"] = "//evil.example/phish",
        }));

        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "nl" }));

        // A refused form post is sent to the "could not be completed" page, in the visitor's language.
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/status/400");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.Contains(".AspNetCore.Culture"));
    }
}
