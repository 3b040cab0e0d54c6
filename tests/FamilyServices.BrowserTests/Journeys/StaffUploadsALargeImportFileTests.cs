using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using FamilyServices.BrowserTests.Infrastructure;
using FamilyServices.Web.Features.Attendance.Import;
using static Microsoft.Playwright.Assertions;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// The upload page on real Kestrel: a staff member picks a file and the browser sends it over the page's circuit, in
/// pieces well inside SignalR's message limit, with a progress bar. A file far above Kestrel's and SignalR's defaults
/// must reach the importer whole; one above the import's limit must get the page's own message before a byte is sent.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffUploadsALargeImportFileTests(BrowserFixture browser)
{
    private const int MiB = 1024 * 1024;

    /// <summary>Sending 40 MB over a circuit and reading it into PostgreSQL takes a while on a busy machine.</summary>
    private const float UploadTimeoutMs = 180_000;

    /// <summary>
    /// 40 MB of rows and one broken last line: COPY reads every byte before it trips over that line, so an error
    /// that names the last line proves the whole file arrived, in seconds rather than a full import's minute.
    /// </summary>
    [Fact]
    public async Task A_staff_member_uploads_a_40_MB_file_and_the_page_answers_with_the_import_result()
    {
        var file = TempFile();
        try
        {
            var lastLine = await WriteCsvAsync(file, 40L * MiB, brokenLastLine: true);
            await using var staff = await SignedInStaffAsync("de");
            var page = staff.Page;

            await staff.OpenAsync("/staff/import", "import-page");
            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            await Expect(page.Locator("#chosen-file")).ToContainTextAsync(Path.GetFileName(file));
            await page.Locator("#import-submit").ClickAsync();

            // The bar moves while the file is sent, then the page checks the lines.
            await Expect(page.Locator("#import-progress-text")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await staff.ScreenshotAsync("sending");
            await Expect(page.Locator("#import-failed")).ToBeVisibleAsync(new() { Timeout = UploadTimeoutMs });
            await staff.ArriveAsync("result");

            new Uri(page.Url).AbsolutePath.Should().Be("/staff/import", "the page itself answers, not an error page");
            (await page.Locator("#import-failed").InnerTextAsync()).Trim().Should().Be(UiStrings.Get("ImportFailed", "de"));
            var rows = page.Locator(".import-errors tbody tr");
            (await rows.CountAsync()).Should().Be(1);
            (await rows.Locator("td").First.InnerTextAsync()).Trim().Should().Be(lastLine.ToString(CultureInfo.InvariantCulture));
            (await rows.Locator("td").Nth(1).InnerTextAsync()).Should().StartWith("The line must have exactly 8 comma-separated values");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>2 MB over the limit: refused as soon as it is picked, in the visitor's language; the page stays ready for a smaller file.</summary>
    [Fact]
    public async Task A_staff_member_who_picks_a_file_over_200_MB_gets_the_page_s_message()
    {
        var file = TempFile();
        try
        {
            await WriteCsvAsync(file, AttendanceImporter.MaxBytes + 2L * MiB, brokenLastLine: false);
            await using var staff = await SignedInStaffAsync("de");
            var page = staff.Page;

            await staff.OpenAsync("/staff/import", "import-page");
            await page.Locator("input[type=file]").SetInputFilesAsync(file);

            await Expect(page.Locator("#import-problem")).ToHaveTextAsync(
                UiStrings.Get("ImportTooLarge", "de").Replace("{0}", AttendanceImporter.MaxSizeText, StringComparison.Ordinal));
            await staff.ArriveAsync("too-large");
            new Uri(page.Url).AbsolutePath.Should().Be("/staff/import");
            (await page.Locator("#import-submit").IsDisabledAsync()).Should().BeTrue("nothing is sent");
            // MudFileUpload keeps a fresh file input after each choice; what counts is that choosing again works.
            (await page.Locator("#choose-file").IsEnabledAsync()).Should().BeTrue("the page is there to try again with a smaller file");
            (await page.Locator("input[type=file]").Last.IsEnabledAsync()).Should().BeTrue();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<Visitor> SignedInStaffAsync(string language, [CallerMemberName] string test = "")
    {
        var email = $"import.{Guid.NewGuid():N}@example.org";
        var created = await browser.OperatorAsync("users", "add", "--email", email, "--role", "CentreStaff", "--centre", "IZM");
        var password = created.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        var staff = await browser.NewVisitorAsync(Viewport.Phone, language, test: test);
        var page = staff.Page;
        await staff.OpenAsync("/account/sign-in", "sign-in", PageChecks.None);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await staff.FollowAsync(page.Locator("form.form-narrow button[type=submit]"), "own-password", PageChecks.None);
        await staff.ChooseOwnPasswordAsync(password, "signed-in", PageChecks.None);
        new Uri(page.Url).AbsolutePath.Should().NotBe("/account/sign-in", "signing in with the one-time password succeeds");
        return staff;
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"fs-import-{Guid.NewGuid():N}.csv");

    /// <summary>Writes a CSV of about <paramref name="bytes"/> bytes; returns the number of its last line.</summary>
    private static async Task<long> WriteCsvAsync(string path, long bytes, bool brokenLastLine)
    {
        const string row = "NO-SUCH-OFFER,2026-10-05,10:00,KX7M4QRA,2021,4,NOWHERE,present\n";
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(row, MiB / row.Length)));
        var rowsPerChunk = MiB / row.Length;
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(AttendanceImporter.Header + "\n"));
        long line = 1;
        while (stream.Length + chunk.Length <= bytes)
        {
            await stream.WriteAsync(chunk);
            line += rowsPerChunk;
        }
        if (brokenLastLine)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes("NO-SUCH-OFFER,2026-10-05\n"));
            line++;
        }
        return line;
    }
}
