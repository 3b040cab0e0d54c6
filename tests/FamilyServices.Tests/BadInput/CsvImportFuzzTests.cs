using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance.Import;
using FamilyServices.Web.Features.Editing.ReferenceData.Districts;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// The CSV imports (attendance through the API and the upload page, district populations through the editors' page)
/// with files that are malformed, wrongly encoded, overlong or hostile: each is refused as a whole with a message,
/// never a 5xx, nothing written, and nothing of the file shown back unescaped.
/// </summary>
public sealed class CsvImportFuzzTests(BadInputFixture portal) : InteractivePageTest(portal), IClassFixture<BadInputFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private BadInputFixture Portal => (BadInputFixture)World;

    private const string Header = AttendanceImporter.Header;

    public static TheoryData<string, byte[]> BadAttendanceFiles()
    {
        var data = new TheoryData<string, byte[]>
        {
            { "empty", [] },
            { "only a byte-order mark", [0xEF, 0xBB, 0xBF] },
            { "binary", [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47] },
            { "UTF-16 with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + "\n")] },
            { "Latin-1 bytes", Encoding.Latin1.GetBytes(Header + "\nSPIEL,2026-01-05,10:00,Gr\u00FC\u00DF,2021,3,D1,present\n") },
            { "invalid UTF-8", [.. Encoding.ASCII.GetBytes(Header + "\nSPIEL,2026-01-05,10:00,"), 0xC3, 0x28, 0xED, 0xA0, 0x80, .. Encoding.ASCII.GetBytes(",2021,3,D1,present\n")] },
            { "unbalanced quote", Encoding.UTF8.GetBytes(Header + "\n\"SPIEL,2026-01-05,10:00,K7,2021,3,D1,present\n") },
            { "wrong header", Encoding.UTF8.GetBytes("code;date;child\nA;B;C\n") },
            { "header with a script", Encoding.UTF8.GetBytes("<script>fsXss()</script>," + Header + "\n") },
            { "too few fields", Encoding.UTF8.GetBytes(Header + "\nSPIEL,2026-01-05\n") },
            { "too many fields", Encoding.UTF8.GetBytes(Header + "\nSPIEL,2026-01-05,10:00,K7,2021,3,D1,present,extra,more\n") },
            { "formula as participant code", Encoding.UTF8.GetBytes(Header + "\nSPIEL,2026-01-05,10:00,\"=HYPERLINK(\"\"https://evil.example\"\",\"\"x\"\")\",2021,3,D1,present\n") },
            { "markup as offering code", Encoding.UTF8.GetBytes(Header + "\n<fs-xss>,2026-01-05,10:00,K7,2021,3,D1,present\n") },
            { "SQL in the status", Encoding.UTF8.GetBytes(Header + "\nSPIEL,2026-01-05,10:00,K7,2021,3,D1,present'); DROP TABLE attendances; --\n") },
            { "NUL in a field", Encoding.UTF8.GetBytes(Header + "\nSPIEL,2026-01-05,10:00,K\u00007,2021,3,D1,present\n") },
            { "impossible date and numbers", Encoding.UTF8.GetBytes(Header + "\nSPIEL,2026-02-30,25:61,K7,99999999999,13,D1,present\n") },
            { "a 1 MB line", Encoding.UTF8.GetBytes(Header + "\n" + new string('x', 1024 * 1024) + "\n") },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BadAttendanceFiles))]
    public async Task The_attendance_API_refuses_a_bad_file_whole_with_a_reason_and_writes_nothing(string what, byte[] file)
    {
        var client = Portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffTokenAsync());
        var before = await Portal.RowCountsAsync();

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync(AttendanceImportApi.Path, content);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"a file with {what} is refused: {Excerpt(body)}");
        // The file's own text comes back in the reasons, as JSON: never read as a page (the type says JSON, nosniff).
        response.Content.Headers.ContentType!.MediaType.Should().BeOneOf("application/json", "application/problem+json");
        body.Should().Contain("\"errors\"", $"the answer lists what is wrong with a file with {what}");
        (await Portal.RowCountsAsync()).Should().Equal(before, $"nothing of a file with {what} is written");
    }

    [Theory]
    [MemberData(nameof(BadAttendanceFiles))]
    public async Task The_upload_page_refuses_a_bad_file_with_a_message_and_shows_nothing_unescaped(string what, byte[] file)
    {
        await SignInAsync(Portal.StaffA);
        var before = await Portal.RowCountsAsync();
        var page = Render<ImportPage>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "attendance.csv", contentType: "text/csv"));
        page.WaitForAssertion(() => page.FindAll("#chosen-file").Should().ContainSingle(), Wait);
        page.Find("#import-submit").Click();

        page.WaitForAssertion(() => page.FindAll("#import-done, #import-failed, #import-problem").Should().NotBeEmpty(), Wait);
        page.FindAll("#import-done").Should().BeEmpty($"a file with {what} is not imported");
        page.Find("#import-failed, #import-problem").TextContent.Trim().Should().NotBeEmpty($"a file with {what} is refused with a message");
        if (page.FindAll("#import-failed").Count > 0)
        {
            page.FindAll(".import-errors tbody tr").Should().NotBeEmpty($"the refusal of a file with {what} says which line to correct and why");
        }
        CheckShownEscaped(page, what);
        BadInputFixture.Changed(before, await Portal.RowCountsAsync()).Should().BeEmpty($"nothing of a file with {what} is written");
    }

    public static TheoryData<string, byte[]> BadPopulationFiles() => new()
    {
        { "empty", [] },
        { "binary", [0x00, 0xFF, 0xFE, 0x01] },
        { "wrong separator", Encoding.UTF8.GetBytes("district_code;year;age_band;children\nNOPE9;2025;0-2;100\n") },
        { "markup and formula", Encoding.UTF8.GetBytes("district_code,year,age_band,children\n<fs-xss>,2025,0-2,=HYPERLINK(\"x\")\n") },
        { "impossible numbers", Encoding.UTF8.GetBytes("district_code,year,age_band,children\nD1,99999999999,0-2,-5\n") },
        { "invalid UTF-8", [.. Encoding.ASCII.GetBytes("district_code,year,age_band,children\nD"), 0xC3, 0x28, .. Encoding.ASCII.GetBytes(",2025,0-2,100\n")] },
        { "NUL", Encoding.UTF8.GetBytes("district_code,year,age_band,children\nD\u00001,2025,0-2,100\n") },
    };

    [Theory]
    [MemberData(nameof(BadPopulationFiles))]
    public async Task The_population_import_refuses_a_bad_file_with_a_message_and_writes_nothing(string what, byte[] file)
    {
        await SignInAsync(Portal.Editor);
        var before = await Portal.RowCountsAsync();
        var page = Render<DistrictImportPage>();
        page.WaitForAssertion(() => page.FindAll("h1").Should().ContainSingle(), Wait);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "population.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => page.FindAll("[role=alert]").Should().NotBeEmpty($"a file with {what} is refused with a message"), Wait);
        page.FindAll("[role=status]").Should().BeEmpty($"a file with {what} is not imported");
        page.Find("[role=alert]").TextContent.Trim().Should().NotBeEmpty();
        CheckShownEscaped(page, what);
        BadInputFixture.Changed(before, await Portal.RowCountsAsync()).Should().BeEmpty($"nothing of a file with {what} is written");
    }

    /// <summary>The file's own text may be quoted in the messages, as text: never as elements or attributes.</summary>
    private static void CheckShownEscaped<TPage>(IRenderedComponent<TPage> page, string what) where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        page.FindAll("script, fs-xss").Should().BeEmpty($"a file with {what} is shown as text");
        page.FindAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).Should().NotContain(n => n.Contains("fs-xss"), $"a file with {what} adds no attributes");
    }

    private string? _token;

    private async Task<string> StaffTokenAsync()
    {
        if (_token is not null) return _token;
        await using var scope = Portal.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(Portal.StaffA.Id);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user!, "fuzz", 1);
        return _token = issued.Token;
    }

    private static string Excerpt(string body) => body.Length > 500 ? body[..500] : body;
}
