using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>
/// Drives every flow that handles personal data through the portal with logging at Debug level (every provider,
/// every category the portal lets through) and looks for the personal values in the log messages and in each
/// structured property: none may be there, whatever an operator turns the level up to.
/// </summary>
public sealed class LogsHoldNoPersonalDataTests(AuditFixture portal) : IClassFixture<AuditFixture>
{
    private const string UnknownEmail = "zeynep.unknown@example.org";
    private const string WrongPassword = "not the right passphrase 4711";
    private const string Nickname = "Fridolin Logcheck";
    private const string Postcode = "97531";
    private const string BirthMonth = "2019-07";
    private const string ReportText = "Meine Tochter Henrike Vogelsang war da, aber der Kurs fiel aus.";
    private const string UnknownCode = "QQQQ-QQQQ";

    [Fact]
    public async Task The_journeys_through_personal_data_log_none_of_it()
    {
        var known = new List<string>
        {
            AuditFixture.Staff, AuditFixture.Admin, AuditFixture.Official, UnknownEmail,
            AuditFixture.StaffName, AuditFixture.AdminName, AuditFixture.Password, WrongPassword,
            Nickname, portal.StaffToken, "postcode=" + Postcode, Postcode, "birth=" + BirthMonth, "Vogelsang", UnknownCode,
        };
        foreach (var child in portal.ChildrenA) known.AddRange([child.Code, ParticipantCode.Display(child.Code)]);

        // Sign-in: a wrong password for an unknown address and for a known one, then the right one.
        using (var anonymous = await portal.ClientAsync())
        {
            (await UsersFixture.SignInAsync(anonymous, UnknownEmail, WrongPassword)).StatusCode.Should().NotBe(HttpStatusCode.Redirect);
            (await UsersFixture.SignInAsync(anonymous, AuditFixture.Staff, WrongPassword)).StatusCode.Should().NotBe(HttpStatusCode.Redirect);
        }
        using var staff = await portal.ClientAsync(AuditFixture.Staff);

        // A roster saved, a child registered with a nickname, a known child added by code, a mark corrected.
        var session = await portal.SessionAsync();
        var path = RosterPage.PathFor(session.Id);
        (await StaffFixture.PostFormAsync(staff, path, "roster", portal.ChildrenA.Take(4).ToDictionary(c => $"mark-{c.Id}", _ => "Present")))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StaffFixture.PostFormAsync(staff, path, "add-child", new()
        {
            ["birthYear"] = "2022", ["birthMonth"] = "5", ["districtId"] = portal.DistrictA.Id.ToString(CultureInfo.InvariantCulture),
            ["nickname"] = Nickname, ["consent"] = "true",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StaffFixture.PostFormAsync(staff, path, "add-existing", new() { ["code"] = ParticipantCode.Display(portal.ChildrenA[10].Code), ["nickname"] = Nickname }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StaffFixture.PostFormAsync(staff, path, "add-existing", new() { ["code"] = UnknownCode }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        // The single-mark endpoint is gone: the roster is an interactive page now (issue 13), ticks go over its circuit.

        // An import with errors that name codes, by API and by the upload page.
        var day = portal.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status\n"
            + $"{portal.OfferingA.Code},{day},10:00,{portal.ChildrenA[1].Code},,,,present\n"
            + $"{portal.OfferingA.Code},{day},10:00,{UnknownCode},,,,present\n";
        (await portal.PostCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var upload = await Html.ParseAsync(await staff.GetAsync("/staff/import"));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent(upload.AntiforgeryToken()), "__RequestVerificationToken");
            form.Add(new StringContent("import"), "_handler");
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "attendance.csv");
            (await staff.PostAsync("/staff/import", form)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        // An official's export, a parent's search with postcode and birth month, and a public report.
        using (var official = await portal.ClientAsync(AuditFixture.Official))
        {
            (await official.GetAsync("/officials/reach/export.csv?year=2025&groupBy=district")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        using var parent = await portal.ClientAsync();
        (await parent.GetAsync($"/search?postcode={Postcode}&birth={BirthMonth}")).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        (await parent.GetAsync($"/api/v1/programmes?postcode={Postcode}&birth={BirthMonth}")).StatusCode.Should().NotBe(HttpStatusCode.InternalServerError);
        var report = await Html.ParseAsync(await parent.GetAsync($"/report?centre={portal.CentreA.Code}"));
        (await parent.PostAsync($"/report?centre={portal.CentreA.Code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = report.AntiforgeryToken(), ["_handler"] = "report", ["Input.Kind"] = "Other",
            ["Input.Message"] = ReportText, ["Input.Shown"] = report.Find("//input[@name='Input.Shown']").GetAttributeValue("value", ""),
            ["Input.Website"] = "",
        }))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // The Admin reads the trail by a child's code.
        using (var admin = await portal.ClientAsync(AuditFixture.Admin))
        {
            (await UsersFixture.PostAsync(admin, "/admin/audit", "audit-filter", [new("code", portal.ChildrenA[2].Code), new("actor", AuditFixture.Staff)]))
                .StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await using (var db = portal.NewDb())
        {
            var registered = await db.ParticipantNicknames.Where(n => n.Nickname == Nickname).Select(n => n.ParticipantId).ToListAsync();
            registered.Should().HaveCount(2, "the journey registered one child and named a known one");
            foreach (var code in await db.Participants.Where(p => registered.Contains(p.Id)).Select(p => p.Code).ToListAsync())
            {
                known.AddRange([code, ParticipantCode.Display(code)]);
            }
        }

        var events = portal.Logs.Events;
        events.Should().Contain(e => e.Contains("HTTP POST /staff/sessions/", StringComparison.Ordinal), "the journeys were logged at all");
        var leaks = events.SelectMany(e => known.Where(value => e.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(value => $"{value} in: {e}")).ToList();
        leaks.Should().BeEmpty();
    }
}
