using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// The CSV imports (attendance through the API and the upload page, district populations through the editors' page)
/// with files that are malformed, wrongly encoded, overlong or hostile: each is refused as a whole with a message,
/// never a 5xx, nothing written, and nothing of the file shown back unescaped.
/// </summary>
public sealed class CsvImportFuzzTests(BadInputFixture portal) : IClassFixture<BadInputFixture>
{
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
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffTokenAsync());
        var before = await portal.RowCountsAsync();

        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await client.PostAsync(AttendanceImportApi.Path, content);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"a file with {what} is refused: {Excerpt(body)}");
        // The file's own text comes back in the reasons, as JSON: never read as a page (the type says JSON, nosniff).
        response.Content.Headers.ContentType!.MediaType.Should().BeOneOf("application/json", "application/problem+json");
        body.Should().Contain("\"errors\"", $"the answer lists what is wrong with a file with {what}");
        (await portal.RowCountsAsync()).Should().Equal(before, $"nothing of a file with {what} is written");
    }

    [Theory]
    [MemberData(nameof(BadAttendanceFiles))]
    public async Task The_upload_page_refuses_a_bad_file_with_a_message_and_shows_nothing_unescaped(string what, byte[] file)
    {
        var client = await portal.ClientAsync(BadInputFixture.Staff);
        var response = await PostFileAsync(client, "/staff/import", file);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, $"a file with {what} gets the page back with a message");
        body.Should().Contain("error-summary", $"a file with {what} is refused with a message");
        body.Should().NotContainEquivalentOf("<fs-xss").And.NotContainEquivalentOf("<script>fsXss");
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
        var client = await portal.ClientAsync(BadInputFixture.Editor);
        var before = await portal.RowCountsAsync();

        var response = await PostFileAsync(client, "/editor/districts/import", file);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().BeOneOf([HttpStatusCode.OK, HttpStatusCode.BadRequest], $"a file with {what} gets the page back with a message");
        body.Should().Contain("error-summary", $"a file with {what} is refused with a message");
        body.Should().NotContainEquivalentOf("<fs-xss");
        (await portal.RowCountsAsync()).Should().Equal(before, $"nothing of a file with {what} is written");
    }

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string path, byte[] file)
    {
        var page = await Html.ParseAsync(await client.GetAsync(path));
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent("import"), "_handler" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(part, "file", "attendance.csv");
        return await client.PostAsync(path, form);
    }

    private string? _token;

    private async Task<string> StaffTokenAsync()
    {
        if (_token is not null) return _token;
        await using var scope = portal.Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(BadInputFixture.Staff);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user!, "fuzz", 1);
        return _token = issued.Token;
    }

    private static string Excerpt(string body) => body.Length > 500 ? body[..500] : body;
}
