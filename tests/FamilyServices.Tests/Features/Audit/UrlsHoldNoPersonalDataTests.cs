using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>Codes, nicknames and e-mail addresses stay out of links, form addresses and redirects; error pages do not echo input.</summary>
public sealed class UrlsHoldNoPersonalDataTests(AuditFixture portal) : IClassFixture<AuditFixture>
{
    private const string Nickname = "Wilma Urlcheck";

    [Fact]
    public async Task The_roster_and_its_redirects_carry_no_codes_or_nicknames()
    {
        var session = await portal.SessionAsync();
        var path = RosterPage.PathFor(session.Id);
        using var staff = await portal.ClientAsync(AuditFixture.Staff);
        var known = portal.ChildrenA[6];

        var added = await StaffFixture.PostFormAsync(staff, path, "add-existing", new() { ["code"] = known.Code, ["nickname"] = Nickname });
        var registered = await StaffFixture.PostFormAsync(staff, path, "add-child", new()
        {
            ["birthYear"] = "2022", ["birthMonth"] = "6", ["districtId"] = portal.DistrictA.Id.ToString(CultureInfo.InvariantCulture),
            ["nickname"] = Nickname + " Neu", ["consent"] = "true",
        });
        var saved = await StaffFixture.PostFormAsync(staff, path, "roster", new() { [$"mark-{known.Id}"] = "Absent" });
        var page = await Html.ParseAsync(await staff.GetAsync(path));

        var personal = await PersonalValuesAsync();
        page.DocumentNode.InnerText.Should().Contain(Nickname, "the roster shows the nickname, so the check below can find it");
        foreach (var response in new[] { added, registered, saved })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            ShouldHoldNone(response.Headers.Location!.OriginalString, personal);
        }
        foreach (var url in AuditPageTests.UrlsOf(page)) ShouldHoldNone(url, personal);
    }

    [Fact]
    public async Task The_import_page_and_the_account_pages_put_no_personal_values_into_addresses()
    {
        using var anonymous = await portal.ClientAsync();
        var failed = await UsersFixture.SignInAsync(anonymous, AuditFixture.Staff, "wrong wrong wrong wrong");
        var signedIn = await UsersFixture.SignInAsync(anonymous, AuditFixture.Staff, AuditFixture.Password);
        var import = await Html.ParseAsync(await anonymous.GetAsync("/staff/import"));
        using var admin = await portal.ClientAsync(AuditFixture.Admin);
        var users = await Html.ParseAsync(await admin.GetAsync("/admin/users"));

        var personal = await PersonalValuesAsync();
        foreach (var response in new[] { failed, signedIn })
        {
            if (response.Headers.Location is { } location) ShouldHoldNone(location.OriginalString, personal);
        }
        users.DocumentNode.InnerText.Should().Contain(AuditFixture.Staff, "the list shows addresses, so the check below can find them");
        foreach (var url in AuditPageTests.UrlsOf(import).Concat(AuditPageTests.UrlsOf(users))) ShouldHoldNone(url, personal);
    }

    [Theory]
    [InlineData("/staff/sessions/999999999?code={code}&email={email}")]
    [InlineData("/no/such/page/{code}?email={email}")]
    [InlineData("/officials/reach/export.csv?year={code}")]
    [InlineData("/admin/users/{email}")]
    public async Task Error_pages_do_not_echo_what_was_sent(string template)
    {
        var code = portal.ChildrenA[0].Code;
        using var staff = await portal.ClientAsync(AuditFixture.Admin);

        var response = await staff.GetAsync(template.Replace("{code}", code).Replace("{email}", Uri.EscapeDataString(AuditFixture.Official)));

        response.IsSuccessStatusCode.Should().BeFalse();
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(code).And.NotContain(AuditFixture.Official).And.NotContain(Uri.EscapeDataString(AuditFixture.Official));
        if (response.Headers.Location is { } location) ShouldHoldNone(location.OriginalString, [code, AuditFixture.Official]);
    }

    private async Task<List<string>> PersonalValuesAsync()
    {
        await using var db = portal.NewDb();
        var codes = await db.Participants.Select(p => p.Code).ToListAsync();
        var nicknames = await db.ParticipantNicknames.Select(n => n.Nickname).ToListAsync();
        var emails = await db.Users.Select(u => u.Email!).ToListAsync();
        return [.. codes, .. codes.Select(ParticipantCode.Display), .. nicknames, .. emails, .. emails.Select(Uri.EscapeDataString)];
    }

    private static void ShouldHoldNone(string url, IEnumerable<string> personal)
    {
        var decoded = Uri.UnescapeDataString(url);
        foreach (var value in personal)
        {
            decoded.Should().NotContainEquivalentOf(value, $"an address ({url}) must not carry personal data");
        }
    }
}
