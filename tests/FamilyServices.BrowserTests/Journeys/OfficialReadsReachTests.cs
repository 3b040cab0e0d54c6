using System.Globalization;
using System.Text;
using FamilyServices.BrowserTests.Infrastructure;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// Issue 6: a city official signs in (and lands on the reach figures), opens 2025 in the Kocaeli demo, sees the
/// de-duplicated children beside the sum over programme types, drills from workshops to their centres, downloads
/// that table as CSV and opens the print view, which is saved as an A4 PDF beside the screenshots. On a phone, on a
/// desktop and without JavaScript; every page passes axe, the keyboard walk, reflow and the raw-key check.
/// </summary>
[Collection(BrowserCollection.Name)]
public class OfficialReadsReachTests(BrowserFixture browser)
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr");

    [Theory]
    [InlineData("phone", true)]
    [InlineData("desktop", true)]
    [InlineData("phone", false)]
    public async Task An_official_opens_2025_drills_from_workshops_to_centres_exports_CSV_and_prints(string viewport, bool javaScript)
    {
        var email = $"official.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "Official");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await using var official = await browser.NewVisitorAsync(Viewport.Named(viewport), language: "tr", javaScript: javaScript);
        var page = official.Page;

        await official.OpenAsync("/account/sign-in", "sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        // The same page as the next step, which gets the keyboard walk too.
        await official.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Giriş yap" }), "own-password");
        await official.ChooseOwnPasswordAsync(password, "reach-this-year", PageChecks.Accessibility | PageChecks.ResourceKeys);
        new Uri(page.Url).AbsolutePath.Should().Be("/officials/reach", "an official who works in no centre starts at the figures");

        await page.Locator("#year").SelectOptionAsync("2025");
        await official.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Göster", Exact = true }), "reach-2025");
        new Uri(page.Url).Query.Should().Contain("year=2025").And.Contain("groupBy=programmeType");
        await ShowsCountAsync(page.Locator("#distinct-children"), 63_007);
        await ShowsCountAsync(page.Locator("#sum-over-groups"), 68_443);
        await ShowsCountAsync(BreakdownCell(page, "ChildClass"), 38_770);
        await ShowsCountAsync(BreakdownCell(page, "Workshop"), 29_673);
        await ShowsCountAsync(page.Locator("#breakdown-table tfoot tr").Nth(0).Locator("td").First, 68_443);
        await ShowsCountAsync(page.Locator("#breakdown-table tfoot tr").Nth(1).Locator("td").First, 63_007);

        await official.FollowAsync(page.Locator("#breakdown-table a[href*='programmeType=Workshop']"), "workshops-by-centre");
        new Uri(page.Url).Query.Should().Contain("groupBy=centre").And.Contain("programmeType=Workshop");
        (await page.Locator(".reach-scope strong").InnerTextAsync()).Should().Be("Kapsam: Atölyeler");
        (await page.Locator("#breakdown-table tbody tr").CountAsync()).Should().BeGreaterThan(1, "workshops run at several centres");
        await ShowsCountAsync(page.Locator("#breakdown-table tfoot tr").Nth(1).Locator("td").First, 29_673);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".reach-csv a").First.ClickAsync());
        download.SuggestedFilename.Should().Be("reach-2025-centre-Workshop.csv");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        bytes[..3].Should().Equal([0xEF, 0xBB, 0xBF]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        lines[0].Should().Be("Merkez,Tekil çocuk sayısı,Katılımlar,Yapılan oturumlar");
        lines.Should().Contain(l => l.StartsWith("Tekil çocuklar (her çocuk bir kez),29673,", StringComparison.Ordinal));
        lines.Should().HaveCountGreaterThan(4, "a row per centre, then the totals");

        await official.FollowAsync(page.Locator(".reach-actions a"), "print");
        (await official.HeadingAsync()).Should().Be("Ulaşılan çocuklar – 2025");
        (await page.Locator(".reach-print__protected").InnerTextAsync()).Should().Contain("<5");
        (await page.Locator(".site-header, .site-footer").CountAsync()).Should().Be(0, "a report has no site navigation");
        if (javaScript)
        {
            var pdf = Path.Combine(Path.GetDirectoryName(Screenshots.Folder)!, $"reach-print__{viewport}.pdf");
            await page.PdfAsync(new PagePdfOptions { Path = pdf, PreferCSSPageSize = true });
            var report = await File.ReadAllBytesAsync(pdf);
            Encoding.ASCII.GetString(report[..5]).Should().Be("%PDF-");
        }
    }

    /// <summary>The distinct children of a programme type's row in the breakdown.</summary>
    private static ILocator BreakdownCell(IPage page, string programmeType) =>
        page.Locator("#breakdown-table tbody tr", new() { Has = page.Locator($"a[href*='programmeType={programmeType}']") }).Locator("td").First;

    /// <summary>A count as the Turkish page writes it (68.443); compared as digits first, so a failure shows the number.</summary>
    private static async Task ShowsCountAsync(ILocator cell, int count)
    {
        var text = (await cell.InnerTextAsync()).Trim();
        new string(text.Where(char.IsAsciiDigit).ToArray()).Should().Be(count.ToString(CultureInfo.InvariantCulture));
        text.Should().Be(count.ToString("N0", Turkish), "numbers are grouped the Turkish way");
    }
}
