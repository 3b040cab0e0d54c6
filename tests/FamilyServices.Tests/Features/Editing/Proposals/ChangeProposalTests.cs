using System.Globalization;
using System.Net;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Proposals;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Proposals;

/// <summary>
/// Centre staff propose changes to their centres' programmes and offerings; an editor approves (the item changes,
/// its history names the editor) or rejects them; an approval is refused when the item changed meanwhile in a
/// proposed field; nobody else proposes or decides.
/// </summary>
public class ChangeProposalTests(ProposalFixture portal) : IClassFixture<ProposalFixture>
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens the proposal form as the staff member and posts it with the given fields changed.</summary>
    private static async Task<HttpResponseMessage> ProposeAsync(HttpClient staff, string path, params (string Name, string[] Values)[] changes)
    {
        var page = await Html.ParseAsync(await staff.GetAsync(path));
        var fields = ProposalFixture.FieldsOf(page, "propose");
        foreach (var (name, values) in changes) fields = ProposalFixture.With(fields, name, values);
        return await ProposalFixture.PostAsync(staff, path, fields);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient editor, long proposalId, string decision, string note = "")
    {
        var token = (await Html.ParseAsync(await editor.GetAsync("/editor/proposals"))).AntiforgeryToken();
        return await editor.PostAsync("/editor/proposals", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "decide",
            ["decision"] = $"{decision}-{Id(proposalId)}", [$"note-{Id(proposalId)}"] = note,
        }));
    }

    private async Task<ChangeProposal> LatestProposalAsync(string itemType, int itemId)
    {
        await using var db = portal.NewDb();
        return await db.ChangeProposals.AsNoTracking().Where(p => p.ItemType == itemType && p.ItemId == itemId).OrderByDescending(p => p.Id).FirstAsync();
    }

    private static Dictionary<string, (string Before, string After)> Changes(ChangeProposal proposal) =>
        JsonDocument.Parse(proposal.Changes).RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => (p.Value.GetProperty("before").GetString()!, p.Value.GetProperty("after").GetString()!));

    [Fact]
    public async Task Centre_staff_propose_a_programme_change_and_only_the_changed_fields_are_stored()
    {
        var (programme, _) = await portal.ItemsAsync();
        var titleDe = programme.Texts.Single(t => t.Language == "de").Title;
        using var staff = await portal.ClientAsync(ProposalFixture.StaffA);
        var path = ProposeChangePage.ForProgramme(programme.Id);

        var form = await Html.ParseAsync(await staff.GetAsync(path));
        form.Find("//input[@name='title-de']").GetAttributeValue("value", "").Should().Be(titleDe, "the form starts from the current values");
        var response = await ProposeAsync(staff, path,
            ("title-de", [titleDe + " im Sportraum"]), ("costNote-en", ["Free of charge, bring a drink."]), ("note", ["Seit März im Sportraum."]));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.Should().StartWith(MyProposalsPage.Path + "?sent=");
        var proposal = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        proposal.Status.Should().Be(ProposalStatus.Pending);
        proposal.ProposedById.Should().Be(portal.Ids[ProposalFixture.StaffA]);
        proposal.Note.Should().Be("Seit März im Sportraum.");
        Changes(proposal).Should().BeEquivalentTo(new Dictionary<string, (string, string)>
        {
            ["title-de"] = (titleDe, titleDe + " im Sportraum"),
            ["costNote-en"] = ("", "Free of charge, bring a drink."),
        });
        await using var db = portal.NewDb();
        (await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title.Should().Be(titleDe, "nothing changes before an editor approves");

        var unchanged = await ProposeAsync(staff, path);
        unchanged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unchanged.Content.ReadAsStringAsync()).Should().Contain("Nothing differs from the current entry");
        var halfLanguage = await ProposeAsync(staff, path, ("title-tr", ["Çocuk jimnastiği"]));
        halfLanguage.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a new language needs a summary too");
        (await db.ChangeProposals.CountAsync(p => p.ItemType == ProposableFields.Programme && p.ItemId == programme.Id)).Should().Be(1);
    }

    [Fact]
    public async Task An_editor_approves_an_offering_proposal_and_it_is_applied_with_the_editor_in_the_history()
    {
        var (_, offering) = await portal.ItemsAsync();
        using var staff = await portal.ClientAsync(ProposalFixture.StaffA);
        using var editor = await portal.ClientAsync(ProposalFixture.Editor);
        var roomId = portal.GroupRoom.Id.ToString(CultureInfo.InvariantCulture);
        (await ProposeAsync(staff, ProposeChangePage.ForOffering(offering.Id),
            ("startTime", ["15:30"]), ("endTime", ["16:30"]), ("weekdays", ["Tuesday", "Thursday"]), ("roomId", [roomId]), ("capacity", ["12"])))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);
        Changes(proposal).Keys.Should().BeEquivalentTo("startTime", "endTime", "weekdays", "roomId", "capacity");

        var inbox = await editor.GetStringAsync("/editor/proposals");
        inbox.Should().Contain($"/editor/offerings/{Id(offering.Id)}").And.Contain("Gruppenraum").And.Contain("Anna Zentrum A");
        var approved = await DecideAsync(editor, proposal.Id, "approve", "Danke!");

        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var stored = await db.Offerings.AsNoTracking().Include(o => o.Sessions).SingleAsync(o => o.Id == offering.Id);
        stored.Schedule.StartTime.Should().Be(new TimeOnly(15, 30));
        stored.Schedule.EndTime.Should().Be(new TimeOnly(16, 30));
        stored.Schedule.Weekdays.Should().Be(Weekdays.Tuesday | Weekdays.Thursday);
        stored.RoomId.Should().Be(portal.GroupRoom.Id);
        stored.Capacity.Should().Be(12);
        stored.Sessions.Should().NotBeEmpty().And.OnlyContain(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, ProposalFixture.Berlin).TimeOfDay == new TimeSpan(15, 30, 0),
            "the future sessions follow the new times");
        var history = await db.CatalogueChanges.AsNoTracking().Where(c => c.ItemType == "Offering" && c.ItemId == offering.Id).ToListAsync();
        var line = history.Should().ContainSingle().Subject;
        line.ChangedById.Should().Be(portal.Ids[ProposalFixture.Editor]);
        JsonDocument.Parse(line.Changes).RootElement.EnumerateObject().Select(p => p.Name).Should().Contain(["Schedule.StartTime", "RoomId", "Capacity"]);
        var decided = await db.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id);
        decided.Status.Should().Be(ProposalStatus.Approved);
        decided.DecidedById.Should().Be(portal.Ids[ProposalFixture.Editor]);
        decided.DecisionNote.Should().Be("Danke!");

        var twice = await DecideAsync(editor, proposal.Id, "approve");
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict, "a proposal is applied once");
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Offering" && c.ItemId == offering.Id)).Should().Be(1);
    }

    [Fact]
    public async Task An_approved_programme_proposal_changes_the_texts_and_the_proposer_sees_the_decision()
    {
        var (programme, _) = await portal.ItemsAsync();
        using var staff = await portal.ClientAsync(ProposalFixture.StaffA);
        using var admin = await portal.ClientAsync(ProposalFixture.Admin);
        (await ProposeAsync(staff, ProposeChangePage.ForProgramme(programme.Id),
            ("summary-de", ["Toben, klettern, balancieren – jetzt mit Eltern."]), ("title-nl", ["Kindergym"]), ("summary-nl", ["Rennen en klimmen."])))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var proposal = await LatestProposalAsync(ProposableFields.Programme, programme.Id);

        (await DecideAsync(admin, proposal.Id, "approve")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = portal.NewDb();
        var texts = await db.ProgrammeTexts.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToDictionaryAsync(t => t.Language);
        texts["de"].Summary.Should().Be("Toben, klettern, balancieren – jetzt mit Eltern.");
        texts["nl"].Title.Should().Be("Kindergym", "a language the programme had no text in gets one");
        var line = await db.CatalogueChanges.AsNoTracking().SingleAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id);
        line.ChangedById.Should().Be(portal.Ids[ProposalFixture.Admin]);
        JsonDocument.Parse(line.Changes).RootElement.EnumerateObject().Select(p => p.Name).Should().Contain(["Summary (de)", "Title (nl)"]);
        var mine = await staff.GetStringAsync(MyProposalsPage.Path);
        mine.Should().Contain("Approved").And.Contain("Ada Admin").And.Contain("Kindergym");
    }

    [Fact]
    public async Task Rejecting_needs_a_note_and_leaves_the_item_unchanged()
    {
        var (_, offering) = await portal.ItemsAsync();
        using var staff = await portal.ClientAsync(ProposalFixture.StaffA);
        using var editor = await portal.ClientAsync(ProposalFixture.Editor);
        (await ProposeAsync(staff, ProposeChangePage.ForOffering(offering.Id), ("capacity", ["40"]))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);

        var withoutNote = await DecideAsync(editor, proposal.Id, "reject");
        var rejected = await DecideAsync(editor, proposal.Id, "reject", "40 Kinder passen nicht in den Raum.");

        withoutNote.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await withoutNote.Content.ReadAsStringAsync()).Should().Contain("write a note");
        rejected.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        (await db.Offerings.AsNoTracking().SingleAsync(o => o.Id == offering.Id)).Capacity.Should().BeNull();
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Offering" && c.ItemId == offering.Id)).Should().Be(0);
        var decided = await db.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id);
        decided.Status.Should().Be(ProposalStatus.Rejected);
        decided.DecisionNote.Should().Be("40 Kinder passen nicht in den Raum.");
        var mine = await staff.GetStringAsync(MyProposalsPage.Path);
        mine.Should().Contain("Rejected").And.Contain("40 Kinder passen nicht in den Raum.");
    }

    [Fact]
    public async Task Approval_is_refused_when_the_item_changed_meanwhile_in_a_proposed_field_but_not_in_another()
    {
        var (programme, _) = await portal.ItemsAsync();
        using var staff = await portal.ClientAsync(ProposalFixture.StaffA);
        using var editor = await portal.ClientAsync(ProposalFixture.Editor);
        var path = ProposeChangePage.ForProgramme(programme.Id);
        (await ProposeAsync(staff, path, ("title-de", ["Turnen für Kleine"]))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var onTitle = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        (await ProposeAsync(staff, path, ("summary-en", ["Running and climbing."]))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var onSummary = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        await using (var db = portal.NewDb())
        {
            var text = await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de");
            text.Title = "Bewegungsspiele (von der Redaktion)";
            await db.SaveChangesAsync();
        }

        (await editor.GetStringAsync("/editor/proposals")).Should().Contain("Changed since the proposal, now: Bewegungsspiele (von der Redaktion)");
        var refused = await DecideAsync(editor, onTitle.Id, "approve");
        var unrelated = await DecideAsync(editor, onSummary.Id, "approve");

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("someone changed Title (Deutsch)");
        unrelated.StatusCode.Should().Be(HttpStatusCode.Redirect, "a change to another field does not stand in the way");
        await using var check = portal.NewDb();
        var texts = await check.ProgrammeTexts.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToDictionaryAsync(t => t.Language);
        texts["de"].Title.Should().Be("Bewegungsspiele (von der Redaktion)", "the meanwhile change is kept");
        texts["en"].Summary.Should().Be("Running and climbing.");
        (await check.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == onTitle.Id)).Status.Should().Be(ProposalStatus.Pending);
    }

    [Fact]
    public async Task Staff_of_another_centre_can_neither_open_nor_post_a_proposal_and_nothing_is_stored()
    {
        var (programme, offering) = await portal.ItemsAsync();
        using var staffB = await portal.ClientAsync(ProposalFixture.StaffB);
        using var staffA = await portal.ClientAsync(ProposalFixture.StaffA);
        var fields = ProposalFixture.FieldsOf(await Html.ParseAsync(await staffA.GetAsync(ProposeChangePage.ForOffering(offering.Id))), "propose");
        var token = (await Html.ParseAsync(await staffB.GetAsync("/editor/proposals/mine"))).AntiforgeryToken();
        var posted = ProposalFixture.With(ProposalFixture.With(fields, "capacity", "99"), "__RequestVerificationToken", token);

        (await staffB.GetAsync(ProposeChangePage.ForProgramme(programme.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staffB.GetAsync(ProposeChangePage.ForOffering(offering.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ProposalFixture.PostAsync(staffB, ProposeChangePage.ForOffering(offering.Id), posted)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ProposalFixture.PostAsync(staffB, ProposeChangePage.ForProgramme(programme.Id), ProposalFixture.With(posted, "title-de", "Fremd")))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await staffB.GetStringAsync("/editor/proposals/mine")).Should().NotContain(ProposeChangePage.ForOffering(offering.Id));

        await using var db = portal.NewDb();
        (await db.ChangeProposals.CountAsync(p => (p.ItemType == ProposableFields.Offering && p.ItemId == offering.Id)
            || (p.ItemType == ProposableFields.Programme && p.ItemId == programme.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Only_editors_and_admins_decide_and_officials_and_anonymous_visitors_get_nowhere()
    {
        var (_, offering) = await portal.ItemsAsync();
        using var staff = await portal.ClientAsync(ProposalFixture.StaffA);
        (await ProposeAsync(staff, ProposeChangePage.ForOffering(offering.Id), ("statusNote", ["Diese Woche im Garten."]))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);
        using var anonymous = await portal.ClientAsync();
        using var official = await portal.ClientAsync(ProposalFixture.Official);
        using var editor = await portal.ClientAsync(ProposalFixture.Editor);
        string[] paths = ["/editor/proposals", "/editor/proposals/mine", ProposeChangePage.ForOffering(offering.Id)];

        foreach (var path in paths)
        {
            var signIn = await anonymous.GetAsync(path);
            signIn.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in", path);
            (await official.GetAsync(path)).Headers.Location!.AbsolutePath.Should().Be("/status/403", path);
        }
        (await staff.GetAsync("/editor/proposals")).Headers.Location!.AbsolutePath.Should().Be("/status/403", "centre staff do not decide");
        (await editor.GetAsync(ProposeChangePage.ForOffering(offering.Id))).Headers.Location!.AbsolutePath.Should().Be("/status/403", "editors edit directly");
        foreach (var client in new[] { staff, official })
        {
            var token = (await Html.ParseAsync(await client.GetAsync("/account/sign-in"))).AntiforgeryToken();
            var post = await client.PostAsync("/editor/proposals", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = "decide", ["decision"] = $"approve-{Id(proposal.Id)}",
            }));
            post.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        }
        var anonymousPost = await anonymous.PostAsync("/editor/proposals", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "decide", ["decision"] = $"approve-{Id(proposal.Id)}",
        }));
        anonymousPost.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);

        await using var db = portal.NewDb();
        (await db.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id)).Status.Should().Be(ProposalStatus.Pending);
        (await db.Offerings.AsNoTracking().SingleAsync(o => o.Id == offering.Id)).StatusNote.Should().BeNull();
    }
}
