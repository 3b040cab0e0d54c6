using System.Globalization;
using System.Net;
using Bunit;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Users;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Attendance.Import;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Privacy;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>
/// Drives every flow that handles personal data through the portal with logging at Debug level (every provider,
/// every category the portal lets through) and looks for the personal values in the log messages and in each
/// structured property: none may be there, whatever an operator turns the level up to. The staff pages run in a
/// circuit (issue 13): their part of the journeys (roster, upload, audit trail, accounts, a child's erasure) is driven
/// through the rendered pages, whose rules and services log through the portal's own logging.
/// </summary>
public sealed class LogsHoldNoPersonalDataTests(AuditFixture portal) : AdminPageTest(portal), IClassFixture<AuditFixture>
{
    private const string UnknownEmail = "zeynep.unknown@example.org";
    private const string WrongPassword = "not the right passphrase 4711";
    private const string Nickname = "Fridolin Logcheck";
    private const string Postcode = "97531";
    private const string BirthMonth = "2019-07";
    private const string ReportText = "Meine Tochter Henrike Vogelsang war da, aber der Kurs fiel aus.";
    private const string UnknownCode = "QQQQ-QQQQ";

    private TestWorld.Account Staff => new(AuditFixture.Staff, portal.Ids[AuditFixture.Staff], Roles.CentreStaff);

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
        using (var staffBrowser = await portal.ClientAsync(AuditFixture.Staff))
        {
            (await staffBrowser.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK, "the right password signs in");
        }

        // The roster, as its circuit runs it: four ticks, a child registered with a nickname, a known child added by
        // code and named, an unknown code refused. (The static roster's form posts are gone: issue 13.)
        var session = await portal.SessionAsync();
        await SignInAsync(Staff);
        var roster = Open<RosterPage>(p => p.Add(x => x.SessionId, session.Id));
        roster.WaitForAssertion(() => roster.FindAll("li.roster-row").Should().NotBeEmpty(), Wait);
        foreach (var child in portal.ChildrenA.Take(4))
        {
            roster.Tick(child, AttendanceStatus.Present);
            roster.WaitForAssertion(() => roster.Row(child).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Present)), Wait);
        }
        roster.Expand("add-child-panel");
        roster.Find("#birth-year").Change("2022");
        await roster.ChooseAsync("Birth month", 5);
        await roster.ChooseAsync("District where the child lives", portal.DistrictA.Id);
        roster.Find("#new-nickname").Change(Nickname);
        await roster.ConsentAsync();
        roster.Press("#add-new");
        roster.WaitForAssertion(() => roster.FindAll("li.roster-row").Should().Contain(r => r.TextContent.Contains(Nickname)), Wait);
        roster.Find("#code").Change(ParticipantCode.Display(portal.ChildrenA[10].Code));
        roster.Find("#existing-nickname").Change(Nickname);
        roster.Press("#add-existing");
        roster.WaitForAssertion(() => roster.Row(portal.ChildrenA[10]).TextContent.Should().Contain(Nickname), Wait);
        roster.Find("#code").Change(UnknownCode);
        roster.Find("#existing-nickname").Change("");
        roster.Press("#add-existing");
        roster.WaitForAssertion(() => roster.FindAll("#add-existing-problem").Should().NotBeEmpty(), Wait);

        // An import with errors that name codes, by API and by the upload page.
        var day = portal.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status\n"
            + $"{portal.OfferingA.Code},{day},10:00,{portal.ChildrenA[1].Code},,,,present\n"
            + $"{portal.OfferingA.Code},{day},10:00,{UnknownCode},,,,present\n";
        (await portal.PostCsvAsync(csv)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var upload = Open<ImportPage>();
        upload.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "attendance.csv", contentType: "text/csv"));
        upload.WaitForAssertion(() => upload.Find("#import-submit").HasAttribute("disabled").Should().BeFalse(), Wait);
        upload.Find("#import-submit").Click();
        upload.WaitForAssertion(() => upload.FindAll("#import-failed").Should().NotBeEmpty(), Wait);

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

        // The Admin reads the trail by a child's code and the staff member's address, deactivates and reactivates the
        // staff member's account, and erases a child (all over the circuit).
        await SignInAsync(portal.NamedAdmin);
        var trail = Open<AuditPage>();
        trail.WaitForAssertion(() => trail.FindAll("#audit-show").Should().NotBeEmpty(), Wait);
        trail.Find("#audit-code").Change(portal.ChildrenA[2].Code);
        trail.Find("#audit-actor").Change(AuditFixture.Staff);
        Click(trail, "#audit-show");
        trail.WaitForAssertion(() => trail.FindAll("table tbody tr, .mud-table-empty-row").Should().NotBeEmpty(), Wait);

        var account = Open<UserEditPage>(p => p.Add(x => x.Id, portal.Ids[AuditFixture.Staff]));
        account.WaitForAssertion(() => account.FindAll("#deactivate").Should().NotBeEmpty(), Wait);
        Click(account, "#deactivate");
        AnswerDialog("Deactivate the account");
        account.WaitForAssertion(() => account.FindAll("#reactivate").Should().NotBeEmpty(), Wait);
        Click(account, "#reactivate");
        AnswerDialog("Reactivate the account");
        account.WaitForAssertion(() => account.FindAll("#deactivate").Should().NotBeEmpty(), Wait);

        var erased = portal.ChildrenA[11];
        var desk = Open<ParticipantsPage>();
        desk.WaitForAssertion(() => desk.FindAll("#find").Should().NotBeEmpty(), Wait);
        desk.Find("#code").Input(erased.Code);
        Click(desk, "#find");
        desk.WaitForAssertion(() => desk.FindAll("#erase-button").Should().NotBeEmpty(), Wait);
        desk.Find("#confirm").Input(ParticipantCode.Display(erased.Code));
        Choose(desk, "reason", nameof(ErasureReason.FamilyRequest));
        Click(desk, "#erase-button");
        AnswerDialog("Erase this participant");
        desk.WaitForAssertion(() => desk.FindAll("#erased").Should().NotBeEmpty(), Wait);

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
        events.Should().Contain(e => e.Contains("HTTP POST /api/v1/attendance/import", StringComparison.Ordinal), "the requests were logged at all");
        events.Should().Contain(e => e.Contains("deactivated by", StringComparison.Ordinal), "the circuit's work was logged too");
        events.Should().Contain(e => e.Contains("A participant was erased by", StringComparison.Ordinal), "the circuit's work was logged too");
        var leaks = events.SelectMany(e => known.Where(value => e.Contains(value, StringComparison.OrdinalIgnoreCase)).Select(value => $"{value} in: {e}")).ToList();
        leaks.Should().BeEmpty();
    }
}
