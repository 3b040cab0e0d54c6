using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Errors;

/// <summary>
/// Errors speak the visitor's language. A failure the visitor cannot fix shows a reference (the request's
/// correlation id, which the log carries too) and never the exception: the portal runs as in production here.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ErrorPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("de")]
    [InlineData("nl")]
    [InlineData("tr")]
    [InlineData("en")]
    public async Task A_server_error_shows_a_reference_in_the_visitors_language_and_no_stack_trace(string language)
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Phone, language);
        var page = visitor.Page;

        var response = await visitor.OpenAsync(PortalServer.FailPath, "server-error");

        var failed = (await response!.Request.RedirectedFrom!.ResponseAsync())!;
        failed.Url.Should().EndWith(PortalServer.FailPath);
        failed.Status.Should().Be(302, "a failed page request is sent on to the error page");
        response.Status.Should().Be(500);
        var reference = System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["ref"];
        reference.Should().MatchRegex("^[0-9a-f]{16}$", "the reference is the failed request's correlation id");
        (await page.Locator("html").GetAttributeAsync("lang")).Should().Be(language);
        (await visitor.HeadingAsync()).Should().Be(UiStrings.Get("ErrorTitle", language));
        var text = await visitor.RenderedTextAsync();
        text.Should().Contain(string.Format(UiStrings.Get("ErrorReference", language), reference));
        var html = await response.TextAsync(); // as served: the checks have since injected axe, whose source says "Exception"
        foreach (var leak in new[] { "Exception", "at FamilyServices", "Deliberate failure" })
        {
            html.Should().NotContain(leak, "the public never sees what failed, only the reference");
        }
    }

    [Theory]
    [InlineData("de")]
    [InlineData("nl")]
    [InlineData("tr")]
    [InlineData("en")]
    public async Task A_missing_programme_answers_404_in_the_visitors_language(string language)
    {
        await using var visitor = await browser.NewVisitorAsync(Viewport.Phone, language);

        var response = await visitor.OpenAsync("/programmes/no-such-programme", "missing-programme");

        response!.Status.Should().Be(404);
        (await visitor.Page.Locator("html").GetAttributeAsync("lang")).Should().Be(language);
        (await visitor.HeadingAsync()).Should().Be(UiStrings.Get("NotFoundTitle", language));
        (await visitor.RenderedTextAsync()).Should().Contain(UiStrings.Get("NotFoundText", language));
        await visitor.FollowAsync(visitor.Page.GetByRole(AriaRole.Link, new() { Name = UiStrings.Get("BackToStart", language) }), "back-to-start");
        (await visitor.HeadingAsync()).Should().Be(UiStrings.Get("StartHeading", language));
    }
}
