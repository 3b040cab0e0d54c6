using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>Draft → in review → published → archived → restored, and who may take each step (checked on the server).</summary>
public class ProgrammeWorkflowTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task An_editor_takes_a_programme_through_every_step()
    {
        var programme = await portal.ProgrammeAsync();
        using var editor = await portal.ClientAsync(portal.Editor);
        var path = ProgrammeEditPage.PathFor(programme.Id);

        foreach (var (step, expected) in new[]
        {
            ("SendToReview", PublicationState.InReview), ("BackToDraft", PublicationState.Draft), ("SendToReview", PublicationState.InReview),
            ("Publish", PublicationState.Published), ("Archive", PublicationState.Archived), ("Restore", PublicationState.Draft),
        })
        {
            var response = await EditorFixture.StepAsync(editor, path, step);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, step);
            response.Headers.Location!.PathAndQuery.Should().Be($"{path}?done={step}");
            (await StateAsync(programme.Id)).Should().Be(expected, $"after {step}");
        }
    }

    [Fact]
    public async Task An_admin_publishes_and_archives()
    {
        var programme = await portal.ProgrammeAsync(PublicationState.InReview);
        using var admin = await portal.ClientAsync(portal.Admin);
        var path = ProgrammeEditPage.PathFor(programme.Id);

        (await EditorFixture.StepAsync(admin, path, "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Published);
        (await EditorFixture.StepAsync(admin, path, "Archive")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Archived);
    }

    [Fact]
    public async Task Centre_staff_of_a_centre_running_it_send_it_to_review_and_back_but_never_publish()
    {
        var programme = await portal.ProgrammeAsync();
        using var staff = await portal.ClientAsync(portal.StaffA);
        var path = ProgrammeEditPage.PathFor(programme.Id);

        (await EditorFixture.StepAsync(staff, path, "SendToReview")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.InReview);

        var page = await EditorFixture.PageAsync(staff, path);
        (page.DocumentNode.SelectNodes("//button[@name='step']") ?? Enumerable.Empty<HtmlAgilityPack.HtmlNode>()).Select(b => b.GetAttributeValue("value", "")).Should().Equal("BackToDraft");

        var publish = await EditorFixture.StepAsync(staff, path, "Publish");
        publish.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Html.ParseAsync(publish)).Find("//div[@class='error-summary']").Text().Should().Contain("Only editors publish");
        (await StateAsync(programme.Id)).Should().Be(PublicationState.InReview, "nothing changed");

        (await EditorFixture.StepAsync(staff, path, "BackToDraft")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task Centre_staff_may_not_archive_or_restore()
    {
        var published = await portal.ProgrammeAsync(PublicationState.Published);
        var archived = await portal.ProgrammeAsync(PublicationState.Archived);
        using var staff = await portal.ClientAsync(portal.StaffA);

        (await EditorFixture.StepAsync(staff, ProgrammeEditPage.PathFor(published.Id), "Archive")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EditorFixture.StepAsync(staff, ProgrammeEditPage.PathFor(archived.Id), "Restore")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await StateAsync(published.Id)).Should().Be(PublicationState.Published);
        (await StateAsync(archived.Id)).Should().Be(PublicationState.Archived);
    }

    [Fact]
    public async Task Centre_staff_of_another_centre_find_nothing_and_change_nothing()
    {
        var programme = await portal.ProgrammeAsync();
        using var staff = await portal.ClientAsync(portal.StaffB);
        var path = ProgrammeEditPage.PathFor(programme.Id);

        (await staff.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staff.GetAsync(ProgrammePreviewPage.PathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        foreach (var form in new[] { "workflow", "still-correct", "programme" })
        {
            var fields = portal.ProgrammeFields();
            fields["step"] = "SendToReview";
            fields["version"] = "1";
            var response = await EditorFixture.PostAsync(staff, path, form, fields, tokenFrom: ProgrammeListPage.Path);
            response.StatusCode.Should().BeOneOf([HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden], form);
        }

        await using var db = portal.NewDb();
        var stored = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id);
        stored.PublicationState.Should().Be(PublicationState.Draft);
        stored.LastCheckedOn.Should().Be(programme.LastCheckedOn);
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Centre_staff_may_not_change_programme_fields_or_create_programmes()
    {
        var programme = await portal.ProgrammeAsync();
        using var staff = await portal.ClientAsync(portal.StaffA);
        var path = ProgrammeEditPage.PathFor(programme.Id);
        var fields = portal.ProgrammeFields(code: programme.Code);
        fields["version"] = "1";
        var newProgramme = portal.ProgrammeFields();

        (await EditorFixture.PostAsync(staff, path, "programme", fields)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await staff.GetAsync(ProgrammeEditPage.NewPath)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await EditorFixture.PostAsync(staff, ProgrammeEditPage.NewPath, "programme", newProgramme)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await using var db = portal.NewDb();
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id)).Should().Be(0, "nothing was saved by centre staff");
        (await db.Programmes.AnyAsync(p => p.Code == newProgramme["code"])).Should().BeFalse();
    }

    [Fact]
    public async Task Officials_are_refused_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var programme = await portal.ProgrammeAsync();
        using var official = await portal.ClientAsync(portal.Official);
        using var anonymous = await portal.ClientAsync();

        foreach (var path in new[] { ProgrammeEditPage.PathFor(programme.Id), ProgrammeListPage.Path, ProgrammePreviewPage.PathFor(programme.Id) })
        {
            var refused = await official.GetAsync(path);
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
            refused.Headers.Location!.AbsolutePath.Should().Be("/status/403");

            var signIn = await anonymous.GetAsync(path);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
            signIn.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
        }
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task A_step_that_does_not_follow_from_the_state_is_refused()
    {
        var programme = await portal.ProgrammeAsync();
        using var editor = await portal.ClientAsync(portal.Editor);

        var response = await EditorFixture.StepAsync(editor, ProgrammeEditPage.PathFor(programme.Id), "Publish");

        response.StatusCode.Should().Be(HttpStatusCode.Conflict, "a draft goes to review before it is published");
        (await Html.ParseAsync(response)).Find("//div[@class='error-summary']").Text().Should().Contain("not possible now");
        (await StateAsync(programme.Id)).Should().Be(PublicationState.Draft);
    }

    [Fact]
    public async Task Still_correct_sets_last_checked_to_today_for_editors_and_staff_of_a_running_centre()
    {
        var programme = await portal.ProgrammeAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, portal.CityZone));
        using var staff = await portal.ClientAsync(portal.StaffA);
        var path = ProgrammeEditPage.PathFor(programme.Id);
        var page = await EditorFixture.PageAsync(staff, path);

        var response = await EditorFixture.PostAsync(staff, path, "still-correct", new() { ["version"] = EditorFixture.Version(page, "still-correct") });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id)).LastCheckedOn.Should().Be(today);
        var change = await db.CatalogueChanges.SingleAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id);
        change.Changes.Should().Contain("LastCheckedOn");
    }

    private async Task<PublicationState> StateAsync(int programmeId)
    {
        await using var db = portal.NewDb();
        return await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.PublicationState).SingleAsync();
    }
}
