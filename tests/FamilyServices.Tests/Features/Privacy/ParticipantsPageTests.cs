using System.Net;
using System.Text.Json;
using Bunit;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Privacy;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Privacy;

/// <summary>
/// /admin/participants: an Admin finds a child by the code typed (never in the address), sees and downloads everything
/// held, and erases the child after typing the code again, choosing a reason and confirming in a dialog; each step is
/// audited. Nobody else gets in, and an Admin who lost the role while the page was open changes nothing.
/// </summary>
public sealed class ParticipantsPageTests(UsersFixture world) : AdminPageTest(world), IClassFixture<UsersFixture>
{
    private const string Path = PrivacyEndpoints.PagePath;

    private UsersFixture Portal => world;

    private IRenderedComponent<ParticipantsPage> Find(string code)
    {
        var page = Open<ParticipantsPage>();
        page.WaitForAssertion(() => page.FindAll("#find").Should().NotBeEmpty(), Wait);
        TypeInto(page, "#code", code);
        Click(page, "#find");
        return page;
    }

    [Fact]
    public async Task An_admin_sees_everything_held_about_a_child_and_the_view_is_audited()
    {
        var child = await ChildAsync("Lale");
        await SignInAsync(World.Admin);

        var page = Find(ParticipantCode.Display(child.Code).ToLowerInvariant());

        page.WaitForAssertion(() => page.Find("h2#record").TextContent.Should().Be($"Data held about {ParticipantCode.Display(child.Code)}"), Wait);
        var text = page.Markup;
        text.Should().Contain("Lale").And.Contain("2021-04").And.Contain(World.CentreB.Code).And.Contain("Present")
            .And.Contain("Absent", "the change from absent to present is listed").And.Contain("Child's data exported", "the audit entries are named as on the audit page");
        page.Find("#download-form input[name=code]").GetAttribute("value").Should().Be(child.Code);
        page.Find("#download-form").GetAttribute("action").Should().Be(PrivacyEndpoints.ExportPath);
        page.Find("#download-form").GetAttribute("method").Should().Be("post", "the code travels in the body; the browser journey proves the antiforgery token");
        Services.GetRequiredService<NavigationManager>().Uri.Should().NotContainEquivalentOf(child.Code, "the code never reaches the address");

        var entry = await LastAuditAsync(AuditAction.ParticipantExported);
        entry.ActorId.Should().Be(World.Admin.Id);
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
        entry.Details.Should().Contain("\"kind\": \"view\"");
        Portal.Logs.Events.Should().NotContain(e => e.Contains(child.Code) || e.Contains("Lale"), "codes and nicknames never reach the log");
    }

    [Fact]
    public async Task The_download_is_a_json_attachment_with_every_piece_held_and_is_audited()
    {
        var child = await ChildAsync("Emre");
        using var admin = await Portal.ClientAsync(World.Admin.Email);

        var response = await PostExportAsync(admin, child.Code);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
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
        attendance.GetProperty("sessionId").GetInt64().Should().Be(World.SessionB.Id);
        attendance.GetProperty("status").GetString().Should().Be("Present");
        attendance.GetProperty("centreCode").GetString().Should().Be(World.CentreB.Code);
        attendance.GetProperty("programmeTitle").GetString().Should().Be("Playgroup");
        json.GetProperty("attendanceChanges")[0].GetProperty("statusBefore").GetString().Should().Be("Absent");
        json.GetProperty("pseudonym").GetString().Should().Be(await PseudonymAsync(child.Id));
        json.TryGetProperty("participantId", out _).Should().BeFalse("the internal id is not part of what the family gets");

        var entry = await LastAuditAsync(AuditAction.ParticipantExported);
        entry.Details.Should().Contain("\"kind\": \"json\"");
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
    }

    [Fact]
    public async Task Erasure_needs_the_code_typed_again_a_reason_and_a_confirmation_then_removes_the_child_and_says_what_was_removed()
    {
        var child = await ChildAsync("Noor");
        await SignInAsync(World.Admin);
        var page = Find(child.Code);
        page.WaitForAssertion(() => page.FindAll("#erase-button").Should().NotBeEmpty(), Wait);

        TypeInto(page, "#confirm", "ACDE-FGHJ");
        Choose(page, "reason", nameof(ErasureReason.FamilyRequest));
        Click(page, "#erase-button");
        page.WaitForAssertion(() => page.Markup.Should().Contain("does not match"), Wait);
        TypeInto(page, "#confirm", ParticipantCode.Display(child.Code));
        Choose(page, "reason", "");
        Click(page, "#erase-button");
        page.WaitForAssertion(() => page.Markup.Should().Contain("Choose a reason"), Wait);
        Choose(page, "reason", nameof(ErasureReason.FamilyRequest));
        Click(page, "#erase-button");
        DialogText().Should().Contain($"Erase {ParticipantCode.Display(child.Code)} for good?");
        AnswerDialog("Cancel");
        (await ExistsAsync(child.Id)).Should().BeTrue("nothing is erased until the Admin confirms");

        Click(page, "#erase-button");
        AnswerDialog("Erase this participant");

        page.WaitForAssertion(() => page.Find("#erased").TextContent.Should()
            .Contain("Removed: 1 attendance records, 1 changes to attendance, 1 enrolments, 1 nicknames"), Wait);
        page.FindAll("h2#record").Should().BeEmpty();
        page.Markup.Should().NotContain(child.Code).And.NotContain(ParticipantCode.Display(child.Code), "nothing about the child is left on the page");
        (await ExistsAsync(child.Id)).Should().BeFalse();
        var entry = await LastAuditAsync(AuditAction.ParticipantErased);
        entry.ActorId.Should().Be(World.Admin.Id);
        entry.Subjects.Should().Equal(await PseudonymAsync(child.Id));
        entry.CorrelationId.Should().BeNull("an open page has no request of its own");
        entry.Details.Should().Contain("familyRequest").And.NotContain(child.Code);

        TypeInto(page, "#code", child.Code);
        Click(page, "#find");
        page.WaitForAssertion(() => page.Markup.Should().Contain("No child has this code"), Wait);
    }

    [Fact]
    public async Task A_code_in_the_address_is_ignored_and_a_malformed_code_gets_a_message()
    {
        var child = await ChildAsync("Sami");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"{Path}?code={child.Code}");
        await SignInAsync(World.Admin);
        var audited = await AuditCountAsync();

        var page = Open<ParticipantsPage>();
        page.WaitForAssertion(() => page.FindAll("#find").Should().NotBeEmpty(), Wait);
        page.Markup.Should().NotContain("Sami").And.NotContain(ParticipantCode.Display(child.Code));
        (await AuditCountAsync()).Should().Be(audited, "nothing was shown, so nothing is recorded");

        TypeInto(page, "#code", "not a code");
        Click(page, "#find");

        page.WaitForAssertion(() => page.Markup.Should().Contain("8 characters"), Wait);
        page.Find("#code").GetAttribute("value").Should().Be("not a code", "what was typed is kept");
        (await AuditCountAsync()).Should().Be(audited);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("'; DELETE FROM participants; --")]
    [InlineData("a\0b")]
    [InlineData("=HYPERLINK(\"x\")")]
    [InlineData("\u202EAQRA-7XK4")]
    public async Task Hostile_text_as_a_code_is_refused_with_a_message(string text)
    {
        await SignInAsync(World.Admin);
        var audited = await AuditCountAsync();

        var page = Find(text);

        page.WaitForAssertion(() => page.Markup.Should().Contain("8 characters"), Wait);
        page.FindAll("script, img").Should().BeEmpty();
        (await AuditCountAsync()).Should().Be(audited);
        ParticipantDesk.CheckErasure(text, text, ErasureReason.Other).Should().Be(ParticipantProblem.CodeMalformed);
        ParticipantDesk.CheckErasure("ACDE-FGHJ", new string('A', 20_000), ErasureReason.Other).Should().NotBeNull();
    }

    [Theory]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.Official)]
    [InlineData(Roles.CentreStaff)]
    public async Task Everyone_but_admins_is_refused_at_the_page_and_the_download(string role)
    {
        var child = await ChildAsync("Ada");
        var account = role switch { Roles.Editor => World.Editor, Roles.Official => World.Official, _ => World.StaffA };
        using var client = await Portal.ClientAsync(account.Email);
        var audited = await AuditCountAsync();

        var page = await client.GetAsync(Path);
        var export = await PostExportAsync(client, child.Code);
        await SignInAsync(account);
        var rendered = Open<ParticipantsPage>();

        foreach (var response in new[] { page, export })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        }
        rendered.WaitForAssertion(() => rendered.Markup.Should().Contain("You may no longer do this"), Wait);
        TypeInto(rendered, "#code", child.Code);
        Click(rendered, "#find");
        rendered.Markup.Should().NotContain("Ada");
        (await ExistsAsync(child.Id)).Should().BeTrue();
        (await AuditCountAsync()).Should().Be(audited);
    }

    [Fact]
    public async Task An_admin_demoted_while_the_erasure_dialog_was_open_erases_nothing_and_nothing_is_recorded()
    {
        var child = await ChildAsync("Deniz");
        var admin = await Portal.NewAccountAsync("privacy.demoted", Roles.Admin);
        await SignInAsync(admin);
        var page = Find(child.Code);
        page.WaitForAssertion(() => page.FindAll("#erase-button").Should().NotBeEmpty(), Wait);
        TypeInto(page, "#confirm", child.Code);
        Choose(page, "reason", nameof(ErasureReason.Other));
        Click(page, "#erase-button");
        DialogText().Should().Contain("Erase");
        var audited = await AuditCountAsync();

        await RemoveRoleAsync(admin, Roles.Admin);
        AnswerDialog("Erase this participant");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        (await ExistsAsync(child.Id)).Should().BeTrue();
        (await AuditCountAsync()).Should().Be(audited);
    }

    [Fact]
    public async Task A_deactivated_admin_sees_no_childs_data_and_nothing_is_recorded()
    {
        var child = await ChildAsync("Ela");
        var admin = await Portal.NewAccountAsync("privacy.gone", Roles.Admin);
        await SignInAsync(admin);
        var page = Open<ParticipantsPage>();
        page.WaitForAssertion(() => page.FindAll("#find").Should().NotBeEmpty(), Wait);
        var audited = await AuditCountAsync();

        await DeactivateInDatabaseAsync(admin);
        TypeInto(page, "#code", child.Code);
        Click(page, "#find");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        page.Markup.Should().NotContain("Ela");
        (await AuditCountAsync()).Should().Be(audited);
    }

    [Fact]
    public async Task The_download_without_an_antiforgery_token_is_refused()
    {
        var child = await ChildAsync("Ben");
        using var admin = await Portal.ClientAsync(World.Admin.Email);
        var audited = await AuditCountAsync();

        var response = await admin.PostAsync(PrivacyEndpoints.ExportPath, new FormUrlEncodedContent([new("code", child.Code)]));

        // The portal answers a refused form post with its "bad request" page.
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("/status/400");
        (await response.Content.ReadAsStringAsync()).Should().NotContain(child.Code);
        (await AuditCountAsync()).Should().Be(audited);
    }

    /// <summary>A form post as the page's download button makes it, with a token from a static page of the same browser.</summary>
    private static async Task<HttpResponseMessage> PostExportAsync(HttpClient client, string code)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/account"));
        return await client.PostAsync(PrivacyEndpoints.ExportPath, new FormUrlEncodedContent(
            [new("code", code), new("__RequestVerificationToken", page.AntiforgeryToken())]));
    }

    /// <summary>A child at centre B with a nickname, an enrolment, and a present mark at today's session that was first absent.</summary>
    private async Task<Participant> ChildAsync(string nickname)
    {
        await using var db = World.NewDb();
        var child = new Participant
        {
            Code = ParticipantCode.Create(Random.Shared), BirthYear = 2021, BirthMonth = 4, DistrictId = World.CentreB.DistrictId, CreatedAt = DateTime.UtcNow,
        };
        db.Participants.Add(child);
        await db.SaveChangesAsync();
        db.ParticipantNicknames.Add(new ParticipantNickname { CentreId = World.CentreB.Id, ParticipantId = child.Id, Nickname = nickname });
        db.Enrolments.Add(new Enrolment { ParticipantId = child.Id, OfferingId = World.OfferingB.Id, EnrolledOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        db.Attendances.Add(new FamilyServices.Web.Domain.Attendance { SessionId = World.SessionB.Id, ParticipantId = child.Id, Status = AttendanceStatus.Present, RecordedAt = DateTime.UtcNow });
        db.AttendanceChanges.Add(new AttendanceChange
        {
            SessionId = World.SessionB.Id, ParticipantId = child.Id, StatusBefore = AttendanceStatus.Absent, StatusAfter = AttendanceStatus.Present, ChangedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return child;
    }

    private async Task<bool> ExistsAsync(int id)
    {
        await using var db = World.NewDb();
        return await db.Participants.AnyAsync(p => p.Id == id);
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = World.NewDb();
        return await db.AuditEvents.CountAsync();
    }

    private async Task<AuditEvent> LastAuditAsync(AuditAction action)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            await using var db = World.NewDb();
            if (await db.AuditEvents.Where(e => e.Action == action).OrderByDescending(e => e.Id).FirstOrDefaultAsync() is { } entry) return entry;
            DateTime.UtcNow.Should().BeBefore(until, $"an entry {action} should have been written");
            await Task.Delay(100);
        }
    }

    private async Task<string> PseudonymAsync(int id)
    {
        await using var db = World.NewDb();
        return AuditTrail.Pseudonym(await db.AuditKeys.Select(k => k.Secret).SingleAsync(), id);
    }
}
