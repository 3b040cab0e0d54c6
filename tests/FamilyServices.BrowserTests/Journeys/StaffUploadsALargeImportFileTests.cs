using System.Runtime.CompilerServices;
using System.Text;
using FamilyServices.BrowserTests.Infrastructure;
using FamilyServices.Web.Features.Attendance.Import;

namespace FamilyServices.BrowserTests.Journeys;

/// <summary>
/// The upload page on real Kestrel, whose own limit (30 MB) is far below an import's (200 MB): a staff member picks a
/// file with the page's file input and sends the form as any browser does (multipart, antiforgery token). A file above
/// Kestrel's default must reach the importer; one above the import's limit must get the page's own message.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffUploadsALargeImportFileTests(BrowserFixture browser)
{
    private const int MiB = 1024 * 1024;

    /// <summary>
    /// 40 MB of rows and one broken last line: COPY reads every byte before it trips over that line, so an error
    /// that names the last line proves the whole file arrived, in a few seconds rather than a full import's minute.
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
            await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("ImportSubmit", "de") }), "result");

            new Uri(page.Url).AbsolutePath.Should().Be("/staff/import", "the page itself answers, not an error page");
            (await staff.HeadingAsync()).Should().Be(UiStrings.Get("ImportTitle", "de"));
            (await page.Locator("p[role=alert]").InnerTextAsync()).Should().StartWith(UiStrings.Get("ImportFailed", "de"));
            var rows = page.Locator("table.import-errors tbody tr");
            (await rows.CountAsync()).Should().Be(1);
            (await rows.Locator("th").InnerTextAsync()).Should().Be(lastLine.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (await rows.Locator("td").InnerTextAsync()).Should().StartWith("The line must have exactly 8 comma-separated values");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// 2 MB over the limit: the form reader stops at 200 MB, which fails the framework's antiforgery check before the
    /// page runs; the page must still answer, in the visitor's language, and the browser must see that answer rather
    /// than a connection reset or a bare 400.
    /// </summary>
    [Fact]
    public async Task A_staff_member_who_uploads_a_file_over_200_MB_gets_the_page_s_message()
    {
        var file = TempFile();
        try
        {
            await WriteCsvAsync(file, AttendanceImporter.MaxBytes + 2L * MiB, brokenLastLine: false);
            await using var staff = await SignedInStaffAsync("de");
            var page = staff.Page;

            await staff.OpenAsync("/staff/import", "import-page");
            await page.Locator("input[type=file]").SetInputFilesAsync(file);
            await staff.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = UiStrings.Get("ImportSubmit", "de") }), "too-large");

            new Uri(page.Url).AbsolutePath.Should().Be("/staff/import");
            (await page.Locator("p[role=alert]").InnerTextAsync()).Should()
                .Be(UiStrings.Get("ImportTooLarge", "de").Replace("{0}", AttendanceImporter.MaxSizeText, StringComparison.Ordinal));
            (await page.Locator("input[type=file]").CountAsync()).Should().Be(1, "the form is there to try again with a smaller file");
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
        // Sending 40 MB and reading it into PostgreSQL takes longer than the usual 10 s a page may take.
        staff.Page.Context.SetDefaultNavigationTimeout(60_000);
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
