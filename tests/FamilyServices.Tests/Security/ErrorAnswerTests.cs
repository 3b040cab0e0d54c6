using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace FamilyServices.Tests.Security;

/// <summary>
/// Outside Development an unexpected exception reaches no one: the API answers problem details with a correlation id,
/// people get the error page with the reference; neither shows a stack trace, the exception's type or its message.
/// </summary>
public class ErrorAnswerTests(SecurityFixture portal) : IClassFixture<SecurityFixture>
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task An_api_failure_answers_problem_details_without_the_exception(string method)
    {
        using var client = portal.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), SecurityFixture.FailingApiPath));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("\"correlationId\"");
        ShouldNotReveal(body);
    }

    [Fact]
    public async Task A_page_failure_shows_the_error_page_with_a_reference_and_without_the_exception()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var failure = await client.GetAsync(SecurityFixture.FailingPagePath);
        var location = failure.Headers.Location!;
        var page = await client.GetAsync(location);

        failure.StatusCode.Should().Be(HttpStatusCode.Redirect);
        location.OriginalString.Should().StartWith("/error?ref=");
        ShouldNotReveal(await failure.Content.ReadAsStringAsync());
        page.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain(Uri.UnescapeDataString(location.OriginalString["/error?ref=".Length..]));
        ShouldNotReveal(html);
    }

    private static void ShouldNotReveal(string body)
    {
        body.Should().NotContain("4711", "the exception's message stays in the log");
        body.Should().NotContain("Deliberate failure");
        body.Should().NotContain("InvalidOperationException", "the exception's type stays in the log");
        body.Should().NotContain("FamilyServices.Tests");
        body.Should().NotMatchRegex(@"\bat [\w.]+\(", "no stack trace");
        body.Should().NotContain("stackTrace").And.NotContain("\"exception");
    }

    [Theory]
    [InlineData("/status/404", HttpStatusCode.OK)]
    [InlineData("/status/403", HttpStatusCode.Forbidden)]
    [InlineData("/status/413", HttpStatusCode.RequestEntityTooLarge)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    public async Task A_status_page_asked_for_directly_answers_with_its_text_not_a_server_error(string path, HttpStatusCode expected)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<h1>", "the page says what happened");
    }
}
