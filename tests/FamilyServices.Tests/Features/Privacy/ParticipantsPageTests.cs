using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Privacy;

/// <summary>
/// /admin/participants: an Admin finds a child by code (posted, never in the address), sees and downloads everything
/// held, and erases the child after typing the code again; each step is audited. Nobody else gets in.
/// </summary>
public class ParticipantsPageTests(UsersFixture portal) : IClassFixture<UsersFixture>
{
    private const string Path = PrivacyEndpoints.PagePath;

    [Fact]
    public async Task An_admin_sees_everything_held_about_a_child_and_the_view_is_audited()
    {
        var child = await ChildAsync("Lale");
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        var response = await UsersFixture.PostAsync(admin, Path, "find", [new("code", ParticipantCode.Display(child.Code).ToLowerInvariant())]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var page = await Html.ParseAsync(response);
        var text = page.DocumentNode.Text();
        text.Should().Contain(ParticipantCode.Display(child.Code)).And.Contain("Lale").And.Contain("2021-04").And.Contain(portal.CentreB.Code)
            .And.Contain("Present").And.Contain("Absent", "the change from absent to present is listed").And.Contain("Child's data exported", "the audit entries are named as on the audit page");
        page.Find("//form[@action='/admin/participants/export']//input[@name='code']").GetAttributeValue("value", "").Should().Be(child.Code);

        var entry = await LastAuditAsync(AuditAction.ParticipantExported);
        entry.ActorId.Should().Be(portal.Ids[UsersFixture.Admin]);
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
        entry.Details.Should().Contain("\"kind\": \"view\"");
        portal.Logs.Events.Should().NotContain(e => e.Contains(child.Code) || e.Contains("Lale"), "codes and nicknames never reach the log");
    }

    [Fact]
    public async Task The_download_is_a_json_attachment_with_every_piece_held_and_is_audited()
    {
        var child = await ChildAsync("Emre");
        using var admin = await portal.ClientAsync(UsersFixture.Admin);
        await UsersFixture.PostAsync(admin, Path, "find", [new("code", child.Code)]);

        var response = await PostExportAsync(admin, child.Code);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName!.Should().NotContain(child.Code);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        json.GetProperty("code").GetString().Should().Be(child.Code);
        json.GetProperty("birthYear").GetInt32().Should().Be(2021);
        json.GetProperty("birthMonth").GetInt32().Should().Be(4);
        json.GetProperty("districtCode").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("nicknames")[0].GetProperty("nickname").GetString().Should().Be("Emre");
        json.GetProperty("enrolments")[0].GetProperty("offeringCode").GetString().Should().NotBeNullOrEmpty();
        var attendance = json.GetProperty("attendance")[0];
        attendance.GetProperty("sessionId").GetInt64().Should().Be(portal.SessionB.Id);
        attendance.GetProperty("status").GetString().Should().Be("Present");
        attendance.GetProperty("centreCode").GetString().Should().Be(portal.CentreB.Code);
        attendance.GetProperty("programmeTitle").GetString().Should().Be("Spielgruppe");
        json.GetProperty("attendanceChanges")[0].GetProperty("statusBefore").GetString().Should().Be("Absent");
        json.GetProperty("auditEntries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).Should().Contain("ParticipantExported");
        json.GetProperty("pseudonym").GetString().Should().Be(await PseudonymAsync(child.Id));
        json.TryGetProperty("participantId", out _).Should().BeFalse("the internal id is not part of what the family gets");

        var entry = await LastAuditAsync(AuditAction.ParticipantExported);
        entry.Details.Should().Contain("\"kind\": \"json\"");
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
    }

    [Fact]
    public async Task Erasure_needs_the_code_typed_again_and_a_reason_then_removes_the_child_and_says_what_was_removed()
    {
        var child = await ChildAsync("Noor");
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        var mistyped = await UsersFixture.PostAsync(admin, Path, "erase", [new("code", child.Code), new("confirm", "ACDE-FGHJ"), new("reason", "family-request")]);
        var noReason = await UsersFixture.PostAsync(admin, Path, "erase", [new("code", child.Code), new("confirm", child.Code)]);

        mistyped.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(mistyped)).Find("//div[@role='alert']").Text().Should().Contain("does not match");
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(noReason)).Find("//div[@role='alert']").Text().Should().Contain("Choose a reason");
        (await ExistsAsync(child.Id)).Should().BeTrue();

        var erased = await UsersFixture.PostAsync(admin, Path, "erase",
            [new("code", child.Code), new("confirm", ParticipantCode.Display(child.Code)), new("reason", "family-request")]);

        erased.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(erased)).Find("//p[@role='status']").Text().Should().Contain("Removed: 1 attendance records, 1 changes to attendance, 1 enrolments, 1 nicknames");
        (await ExistsAsync(child.Id)).Should().BeFalse();
        var entry = await LastAuditAsync(AuditAction.ParticipantErased);
        entry.ActorId.Should().Be(portal.Ids[UsersFixture.Admin]);
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
        entry.Details.Should().Contain("familyRequest").And.NotContain(child.Code);

        var again = await UsersFixture.PostAsync(admin, Path, "find", [new("code", child.Code)]);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(again)).Find("//div[@role='alert']").Text().Should().Contain("No child has this code");
    }

    [Fact]
    public async Task A_code_in_the_address_is_ignored_and_a_malformed_code_gets_a_message()
    {
        var child = await ChildAsync("Sami");
        using var admin = await portal.ClientAsync(UsersFixture.Admin);
        var audited = await AuditCountAsync();

        var page = await admin.GetAsync($"{Path}?code={child.Code}");
        var malformed = await UsersFixture.PostAsync(admin, Path, "find", [new("code", "not a code")]);

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.Should().NotContain("Sami").And.NotContain(ParticipantCode.Display(child.Code));
        (await AuditCountAsync()).Should().Be(audited, "nothing was shown, so nothing is recorded");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await Html.ParseAsync(malformed);
        problem.Find("//div[@role='alert']").Text().Should().Contain("8 characters");
        problem.Find("//input[@id='code']").GetAttributeValue("value", "").Should().Be("not a code", "what was typed is kept");
    }

    [Theory]
    [InlineData(UsersFixture.Editor)]
    [InlineData(UsersFixture.Official)]
    [InlineData(UsersFixture.CentreStaff)]
    public async Task Everyone_but_admins_is_refused_on_the_page_the_download_and_the_erasure(string email)
    {
        var child = await ChildAsync("Ada");
        using var client = await portal.ClientAsync(email);
        var audited = await AuditCountAsync();

        var page = await client.GetAsync(Path);
        var find = await UsersFixture.PostAsync(client, Path, "find", [new("code", child.Code)], tokenFrom: "/account/sign-in");
        var erase = await UsersFixture.PostAsync(client, Path, "erase", [new("code", child.Code), new("confirm", child.Code), new("reason", "other")], tokenFrom: "/account/sign-in");
        var export = await PostExportAsync(client, child.Code, tokenFrom: "/account/sign-in");

        foreach (var response in new[] { page, find, erase, export })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        }
        (await ExistsAsync(child.Id)).Should().BeTrue();
        (await AuditCountAsync()).Should().Be(audited);
    }

    [Fact]
    public async Task The_download_without_an_antiforgery_token_is_refused()
    {
        var child = await ChildAsync("Ben");
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        var audited = await AuditCountAsync();

        var response = await admin.PostAsync(PrivacyEndpoints.ExportPath, new FormUrlEncodedContent([new("code", child.Code)]));

        // The portal answers a refused form post with its "bad request" page.
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/status/400");
        (await response.Content.ReadAsStringAsync()).Should().NotContain(child.Code);
        (await AuditCountAsync()).Should().Be(audited);
    }

    private static async Task<HttpResponseMessage> PostExportAsync(HttpClient client, string code, string tokenFrom = Path)
    {
        var page = await Html.ParseAsync(await client.GetAsync(tokenFrom));
        return await client.PostAsync(PrivacyEndpoints.ExportPath, new FormUrlEncodedContent(
            [new("code", code), new("__RequestVerificationToken", page.AntiforgeryToken())]));
    }

    /// <summary>A child at centre B with a nickname, an enrolment, and a present mark at today's session that was first absent.</summary>
    private async Task<Participant> ChildAsync(string nickname)
    {
        await using var db = portal.NewDb();
        var child = new Participant
        {
            Code = ParticipantCode.Create(Random.Shared), BirthYear = 2021, BirthMonth = 4, DistrictId = portal.CentreB.DistrictId, CreatedAt = DateTime.UtcNow,
        };
        db.Participants.Add(child);
        await db.SaveChangesAsync();
        var offeringId = portal.SessionB.OfferingId;
        db.ParticipantNicknames.Add(new ParticipantNickname { CentreId = portal.CentreB.Id, ParticipantId = child.Id, Nickname = nickname });
        db.Enrolments.Add(new Enrolment { ParticipantId = child.Id, OfferingId = offeringId, EnrolledOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        db.Attendances.Add(new FamilyServices.Web.Domain.Attendance { SessionId = portal.SessionB.Id, ParticipantId = child.Id, Status = AttendanceStatus.Present, RecordedAt = DateTime.UtcNow });
        db.AttendanceChanges.Add(new AttendanceChange
        {
            SessionId = portal.SessionB.Id, ParticipantId = child.Id, StatusBefore = AttendanceStatus.Absent, StatusAfter = AttendanceStatus.Present, ChangedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<bool> ExistsAsync(int id)
    {
        await using var db = portal.NewDb();
        return await db.Participants.AnyAsync(p => p.Id == id);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = portal.NewDb();
        return await db.AuditEvents.CountAsync();
    }

    private async Task<AuditEvent> LastAuditAsync(AuditAction action)
    {
        await using var db = portal.NewDb();
        return await db.AuditEvents.Where(e => e.Action == action).OrderByDescending(e => e.Id).FirstAsync();
    }

    private async Task<string> PseudonymAsync(int id)
    {
        await using var db = portal.NewDb();
        return AuditTrail.Pseudonym(await db.AuditKeys.Select(k => k.Secret).SingleAsync(), id);
    }
}
