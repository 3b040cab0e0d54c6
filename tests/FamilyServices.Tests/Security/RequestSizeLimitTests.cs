using System.Net;
using System.Text;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance.Import;
using FamilyServices.Web.Features.Language;
using FamilyServices.Web.Platform;

namespace FamilyServices.Tests.Security;

/// <summary>
/// Bodies are small unless the endpoint is an upload: over the limit the API answers 413 problem details and people
/// get a page saying what to do; the attendance import still takes its large files.
/// </summary>
public class RequestSizeLimitTests(SecurityFixture portal) : IClassFixture<SecurityFixture>
{
    [Fact]
    public async Task A_form_over_the_default_limit_gets_the_too_large_page_not_a_reset_or_a_500()
    {
        using var client = await portal.ClientAsync(Roles.Editor);
        var token = EndpointWalk.TokenOf((await EndpointWalk.PageAsync(client, "/"))!);
        var huge = new string('x', (int)RequestLimits.DefaultBodyBytes);

        var response = await client.PostAsync(LanguageSwitch.Path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["culture"] = "de", ["returnUrl"] = "/" + huge,
        }));
        var page = await client.GetAsync(response.Headers.Location);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/status/413");
        page.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await page.Content.ReadAsStringAsync()).Should().Contain("Too much sent at once").And.Contain("Nothing was saved");
    }

    [Fact]
    public async Task A_field_longer_than_any_form_needs_is_refused_as_too_large_even_in_a_small_body()
    {
        using var client = await portal.ClientAsync("Anonymous");

        var response = await UsersFixture.PostAsync(client, "/account/sign-in", "sign-in",
            [new("Input.Email", "someone@example.org"), new("Input.Password", new string('p', RequestLimits.FormValueChars + 1))]);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/status/413");
    }

    [Fact]
    public async Task The_api_answers_413_problem_details_over_the_limit()
    {
        using var client = await portal.ClientAsync(Roles.Official, bearer: true);

        var response = await client.PostAsync("/api/v1/me", new ByteArrayContent(new byte[RequestLimits.DefaultBodyBytes + 1]));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain($"at most {RequestLimits.DefaultBodyBytes} bytes");
    }

    [Fact]
    public async Task The_attendance_import_still_takes_files_over_the_default_limit()
    {
        using var client = await portal.ClientAsync(Roles.CentreStaff, bearer: true);
        var csv = new StringBuilder(AttendanceImporter.Header).Append('\n');
        while (csv.Length <= RequestLimits.DefaultBodyBytes) csv.Append("not,a,valid,row\n");

        var response = await client.PostAsync(AttendanceImportApi.Path, new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the importer read the file and found its rows wrong");
        (await response.Content.ReadAsStringAsync()).Should().NotContain("at most");
    }
}
