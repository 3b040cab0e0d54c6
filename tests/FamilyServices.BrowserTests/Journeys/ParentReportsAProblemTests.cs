using FamilyServices.BrowserTests.Infrastructure;
using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// A parent on a phone reads a Kocaeli programme, finds that it is wrong, follows "report a problem", and sends a
/// report without an account: with the keyboard alone where scripts run, and by plain form post where they do not.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ParentReportsAProblemTests(BrowserFixture browser)
{
    /// <summary>The form refuses posts sooner than this after it was shown (Portal:Reports:MinimumSecondsToFill, 3 s).</summary>
    private static readonly TimeSpan MinimumTimeToFill = TimeSpan.FromSeconds(3.2);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_parent_on_a_phone_reports_that_a_programme_no_longer_runs(bool javaScript)
    {
        await using var parent = await browser.NewVisitorAsync(Viewport.Named("phone"), language: "tr", javaScript: javaScript);
        var page = parent.Page;
        var message = $"Bu kurs artık yapılmıyor, merkez kapalıydı. ({Guid.NewGuid():N})";

        await parent.OpenAsync("/", "start");
        await parent.FollowAsync(page.Locator(".card__title a").First, "programme");
        var programmePath = new Uri(page.Url).AbsolutePath;

        // The keyboard walk is done below, by hand: the honeypot must be the one field Tab never reaches.
        await parent.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = "Bu kayıtla ilgili bir sorun bildirin" }), "report-form",
            PageChecks.Accessibility | PageChecks.ResourceKeys);
        (await parent.HeadingAsync()).Should().Be("Sorun bildir");
        (await page.Locator(".notice").InnerTextAsync()).Should().StartWith("Lütfen adınızı, telefon numaranızı");

        if (javaScript)
        {
            var walk = await KeyboardCheck.WalkAsync(page);
            walk.Invisible.Should().BeEmpty();
            walk.Unreached.Should().BeEquivalentTo(
                ["<input> \"WrongTimeOrPlace\"", "<input> \"WrongContact\"", "<input> \"Other\"", "<input> \"\""],
                "a radio group is one Tab stop (its other choices are reached with the arrow keys), and the honeypot none");

            await KeyboardCheck.TabToAsync(page, "#kind");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowUp");
            (await page.Locator("#kind").IsCheckedAsync()).Should().BeTrue("the arrow keys choose within the group");
            await page.Keyboard.PressAsync("Tab");
            (await KeyboardCheck.ActiveElementAsync(page)).Should().Be("textarea#message");
            await page.Keyboard.TypeAsync(message);
            await Task.Delay(MinimumTimeToFill);
            await KeyboardCheck.TabToAsync(page, "button[type=submit].button");
            await parent.PressAsync("Enter", "sent");
        }
        else
        {
            await page.GetByLabel("Artık yapılmıyor").CheckAsync();
            await page.GetByLabel("Mesajınız").FillAsync(message);
            await Task.Delay(MinimumTimeToFill);
            await parent.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Bildirimi gönder" }), "sent");
        }

        (await parent.HeadingAsync()).Should().Be("Bildiriminiz için teşekkürler");
        await parent.FollowAsync(page.Locator("main a", new() { HasText = "Kayda geri dön" }), "back-to-programme");
        new Uri(page.Url).AbsolutePath.Should().Be(programmePath);

        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
        var report = await db.EntryReports.AsNoTracking().SingleAsync(r => r.Message.EndsWith(message));
        report.Message.Should().Be($"[NoLongerRuns] {message}");
        report.Language.Should().Be("tr");
        report.ProgrammeId.Should().NotBeNull();
    }
}
