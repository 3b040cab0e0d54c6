using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Bunit;
using FamilyServices.Tests.Features.Editing.ReferenceData;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Proposals;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Proposals;

/// <summary>
/// Centre staff propose changes to their centres' programmes and offerings; an editor approves (the item changes,
/// its history names the editor) or rejects them in a dialog; an approval is refused when the item changed meanwhile
/// in a proposed field; nobody else proposes or decides, also not after losing the right while a page is open.
/// </summary>
public class ChangeProposalTests(ProposalFixture world) : EditorPageTest<ProposalFixture>(world), IClassFixture<ProposalFixture>
{
    [Fact]
    public async Task Centre_staff_propose_a_programme_change_on_the_page_and_only_the_changed_fields_are_stored()
    {
        var (programme, _) = await World.ItemsAsync();
        var titleDe = programme.Texts.Single(t => t.Language == "de").Title;
        await SignInAsync(World.StaffA);
        var page = Open<ProposeChangePage>(ProposeChangePage.ForProgramme(programme.Id));
        page.ValueOf("title-de").Should().Be(titleDe, "the form starts from the current values");

        await page.TypeAsync("title-de", titleDe + " im Sportraum");
        await page.TypeAsync("costNote-en", "Free of charge, bring a drink.");
        await page.TypeAsync("note", "Seit März im Sportraum.");
        await page.PressAsync("Send the proposal");

        await EventuallyAsync(() => Snackbars.Should().Contain("Your proposal has been sent to the editors."));
        var proposal = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        proposal.Status.Should().Be(ProposalStatus.Pending);
        proposal.ProposedById.Should().Be(World.StaffA.Id);
        proposal.Note.Should().Be("Seit März im Sportraum.");
        Changes(proposal).Should().BeEquivalentTo(new Dictionary<string, (string, string)>
        {
            ["title-de"] = (titleDe, titleDe + " im Sportraum"),
            ["costNote-en"] = ("", "Free of charge, bring a drink."),
        });
        await using var db = World.NewDb();
        (await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title.Should().Be(titleDe, "nothing changes before an editor approves");

        var staff = await World.PrincipalAsync(World.StaffA);
        (await SendAsync(staff, ProposableFields.Programme, programme.Id, [])).Outcome.Should().Be(SubmissionOutcome.NothingChanged);
        var halfLanguage = await SendAsync(staff, ProposableFields.Programme, programme.Id, new() { ["title-tr"] = "Çocuk jimnastiği" });
        halfLanguage.Outcome.Should().Be(SubmissionOutcome.Invalid, "a new language needs a summary too");
        halfLanguage.Problems.Should().ContainSingle().Which.Message.Should().Be("Türkçe: a title and a short description are both needed.");
        (await db.ChangeProposals.CountAsync(p => p.ItemType == ProposableFields.Programme && p.ItemId == programme.Id)).Should().Be(1);
    }

    [Fact]
    public async Task An_editor_approves_an_offering_proposal_in_the_dialog_and_it_is_applied_with_the_editor_in_the_history()
    {
        var (_, offering) = await World.ItemsAsync();
        var staff = await World.PrincipalAsync(World.StaffA);
        var roomId = World.GroupRoom.Id.ToString(CultureInfo.InvariantCulture);
        (await SendAsync(staff, ProposableFields.Offering, offering.Id, new()
        {
            ["startTime"] = "15:30", ["endTime"] = "16:30", ["weekdays"] = "Tuesday,Thursday", ["roomId"] = roomId, ["capacity"] = "12",
        })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);
        Changes(proposal).Keys.Should().BeEquivalentTo("startTime", "endTime", "weekdays", "roomId", "capacity");
        await SignInAsync(World.Editor);
        var inbox = Open<ProposalInboxPage>(ProposalInboxPage.Path);
        await EventuallyAsync(() => inbox.FindAll($"#proposal-{proposal.Id}").Should().ContainSingle());
        inbox.Markup.Should().Contain($"/editor/offerings/{offering.Id}").And.Contain("Gruppenraum").And.Contain(ProposalFixture.NameOf(World.StaffA));

        await inbox.ClickAsync(() => inbox.Find($"#proposal-{proposal.Id}").Closest("tr")!.QuerySelectorAll("button"), "Approve and apply");
        await EventuallyAsync(() => DialogHost.FindAll("#decision-note").Should().ContainSingle());
        await DialogHost.InvokeAsync(() => DialogHost.Find("#decision-note").Input("Danke!"));
        await DialogHost.ClickAsync(() => DialogHost.FindAll(".mud-dialog-actions button"), "Approve and apply");

        await EventuallyAsync(() => Snackbars.Should().Contain("The proposal is approved and the changes are applied."));
        await using var db = World.NewDb();
        var stored = await db.Offerings.AsNoTracking().Include(o => o.Sessions).SingleAsync(o => o.Id == offering.Id);
        stored.Schedule.StartTime.Should().Be(new TimeOnly(15, 30));
        stored.Schedule.EndTime.Should().Be(new TimeOnly(16, 30));
        stored.Schedule.Weekdays.Should().Be(Weekdays.Tuesday | Weekdays.Thursday);
        stored.RoomId.Should().Be(World.GroupRoom.Id);
        stored.Capacity.Should().Be(12);
        stored.Sessions.Should().NotBeEmpty().And.OnlyContain(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartsAt, ProposalFixture.Berlin).TimeOfDay == new TimeSpan(15, 30, 0),
            "the future sessions follow the new times");
        var history = await db.CatalogueChanges.AsNoTracking().Where(c => c.ItemType == "Offering" && c.ItemId == offering.Id).ToListAsync();
        var line = history.Should().ContainSingle().Subject;
        line.ChangedById.Should().Be(World.Editor.Id, "the history credits the editor who approved");
        JsonDocument.Parse(line.Changes).RootElement.EnumerateObject().Select(p => p.Name).Should().Contain(["Schedule.StartTime", "RoomId", "Capacity"]);
        var decided = await db.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id);
        decided.Status.Should().Be(ProposalStatus.Approved);
        decided.DecidedById.Should().Be(World.Editor.Id);
        decided.DecisionNote.Should().Be("Danke!");

        var editor = await World.PrincipalAsync(World.Editor);
        await using (var again = await World.DbForAsync(editor))
        {
            (await ProposalDecisions.ApproveAsync(again, proposal.Id, editor, null, TimeProvider.System)).Outcome.Should().Be(DecisionOutcome.AlreadyDecided, "a proposal is applied once");
        }
        (await db.CatalogueChanges.CountAsync(c => c.ItemType == "Offering" && c.ItemId == offering.Id)).Should().Be(1);
    }

    [Fact]
    public async Task An_approved_programme_proposal_changes_the_texts_and_the_proposer_sees_the_decision()
    {
        var (programme, _) = await World.ItemsAsync();
        var staff = await World.PrincipalAsync(World.StaffA);
        (await SendAsync(staff, ProposableFields.Programme, programme.Id, new()
        {
            ["summary-de"] = "Toben, klettern, balancieren – jetzt mit Eltern.", ["title-nl"] = "Kindergym", ["summary-nl"] = "Rennen en klimmen.",
        })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var proposal = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        var admin = await World.PrincipalAsync(World.Admin);

        await using (var decide = await World.DbForAsync(admin))
        {
            (await ProposalDecisions.ApproveAsync(decide, proposal.Id, admin, null, TimeProvider.System)).Outcome.Should().Be(DecisionOutcome.Done);
        }

        await using var db = World.NewDb();
        var texts = await db.ProgrammeTexts.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToDictionaryAsync(t => t.Language);
        texts["de"].Summary.Should().Be("Toben, klettern, balancieren – jetzt mit Eltern.");
        texts["nl"].Title.Should().Be("Kindergym", "a language the programme had no text in gets one");
        var line = await db.CatalogueChanges.AsNoTracking().SingleAsync(c => c.ItemType == "Programme" && c.ItemId == programme.Id);
        line.ChangedById.Should().Be(World.Admin.Id);
        JsonDocument.Parse(line.Changes).RootElement.EnumerateObject().Select(p => p.Name).Should().Contain(["Summary (de)", "Title (nl)"]);
        await SignInAsync(World.StaffA);
        var mine = Open<MyProposalsPage>(MyProposalsPage.Path);
        await EventuallyAsync(() => mine.Find($"#proposal-{proposal.Id}").Should().NotBeNull());
        mine.Markup.Should().Contain("Approved").And.Contain(ProposalFixture.NameOf(World.Admin)).And.Contain("Kindergym");
    }

    [Fact]
    public async Task Rejecting_needs_a_note_in_the_dialog_and_leaves_the_item_unchanged()
    {
        var (_, offering) = await World.ItemsAsync();
        var staff = await World.PrincipalAsync(World.StaffA);
        (await SendAsync(staff, ProposableFields.Offering, offering.Id, new() { ["capacity"] = "40" })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);
        var editor = await World.PrincipalAsync(World.Editor);
        await using (var db = await World.DbForAsync(editor))
        {
            (await ProposalDecisions.RejectAsync(db, proposal.Id, editor, "  ", TimeProvider.System)).Outcome.Should().Be(DecisionOutcome.NoteRequired);
        }
        await SignInAsync(World.Editor);
        var inbox = Open<ProposalInboxPage>(ProposalInboxPage.Path);
        await EventuallyAsync(() => inbox.FindAll($"#proposal-{proposal.Id}").Should().ContainSingle());

        await inbox.ClickAsync(() => inbox.Find($"#proposal-{proposal.Id}").Closest("tr")!.QuerySelectorAll("button"), "Reject");
        await EventuallyAsync(() => DialogHost.FindAll("#decision-note").Should().ContainSingle());
        await DialogHost.ClickAsync(() => DialogHost.FindAll(".mud-dialog-actions button"), "Reject");
        await EventuallyAsync(() => DialogHost.Markup.Should().Contain("To reject a proposal, write a note for the proposer"));
        await DialogHost.InvokeAsync(() => DialogHost.Find("#decision-note").Input("40 Kinder passen nicht in den Raum."));
        await DialogHost.ClickAsync(() => DialogHost.FindAll(".mud-dialog-actions button"), "Reject");

        await EventuallyAsync(() => Snackbars.Should().Contain("The proposal is rejected."));
        await using var check = World.NewDb();
        (await check.Offerings.AsNoTracking().SingleAsync(o => o.Id == offering.Id)).Capacity.Should().BeNull();
        (await check.CatalogueChanges.CountAsync(c => c.ItemType == "Offering" && c.ItemId == offering.Id)).Should().Be(0);
        var decided = await check.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id);
        decided.Status.Should().Be(ProposalStatus.Rejected);
        decided.DecisionNote.Should().Be("40 Kinder passen nicht in den Raum.");
        await SignInAsync(World.StaffA);
        var mine = Render<MyProposalsPage>();
        await EventuallyAsync(() => mine.Markup.Should().Contain("Rejected").And.Contain("40 Kinder passen nicht in den Raum."));
    }

    [Fact]
    public async Task Approval_is_refused_when_the_item_changed_meanwhile_in_a_proposed_field_but_not_in_another()
    {
        var (programme, _) = await World.ItemsAsync();
        var staff = await World.PrincipalAsync(World.StaffA);
        (await SendAsync(staff, ProposableFields.Programme, programme.Id, new() { ["title-de"] = "Turnen für Kleine" })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var onTitle = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        (await SendAsync(staff, ProposableFields.Programme, programme.Id, new() { ["summary-en"] = "Running and climbing." })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var onSummary = await LatestProposalAsync(ProposableFields.Programme, programme.Id);
        await using (var db = World.NewDb())
        {
            var text = await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de");
            text.Title = "Bewegungsspiele (von der Redaktion)";
            await db.SaveChangesAsync();
        }
        await SignInAsync(World.Editor);
        var inbox = Open<ProposalInboxPage>(ProposalInboxPage.Path);
        await EventuallyAsync(() => inbox.Find($"#proposal-{onTitle.Id}").Should().NotBeNull());
        inbox.Markup.Should().Contain("Changed since the proposal, now: Bewegungsspiele (von der Redaktion)");
        var editor = await World.PrincipalAsync(World.Editor);

        Decision refused, unrelated;
        await using (var db = await World.DbForAsync(editor)) refused = await ProposalDecisions.ApproveAsync(db, onTitle.Id, editor, null, TimeProvider.System);
        await using (var db = await World.DbForAsync(editor)) unrelated = await ProposalDecisions.ApproveAsync(db, onSummary.Id, editor, null, TimeProvider.System);

        refused.Outcome.Should().Be(DecisionOutcome.ChangedMeanwhile);
        ProposalDecisions.Describe(refused, approve: true, World.English).Should().Contain("someone changed Title (Deutsch)");
        unrelated.Outcome.Should().Be(DecisionOutcome.Done, "a change to another field does not stand in the way");
        await using var check = World.NewDb();
        var texts = await check.ProgrammeTexts.AsNoTracking().Where(t => t.ProgrammeId == programme.Id).ToDictionaryAsync(t => t.Language);
        texts["de"].Title.Should().Be("Bewegungsspiele (von der Redaktion)", "the meanwhile change is kept");
        texts["en"].Summary.Should().Be("Running and climbing.");
        (await check.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == onTitle.Id)).Status.Should().Be(ProposalStatus.Pending);
    }

    [Fact]
    public async Task Staff_of_another_centre_can_neither_open_nor_send_a_proposal_for_its_items_and_nothing_is_stored()
    {
        var (programme, offering) = await World.ItemsAsync();
        var staffB = await World.PrincipalAsync(World.StaffB);
        await SignInAsync(World.StaffB);

        var programmePage = Open<ProposeChangePage>(ProposeChangePage.ForProgramme(programme.Id));
        programmePage.Find("h1").TextContent.Should().Be("Page not found");
        var offeringPage = Open<ProposeChangePage>(ProposeChangePage.ForOffering(offering.Id));
        offeringPage.Find("h1").TextContent.Should().Be("Page not found");
        programmePage.FindAll("input").Should().BeEmpty("nothing of the other centre's item is shown");
        (await SendAsync(staffB, ProposableFields.Offering, offering.Id, new() { ["capacity"] = "99" })).Outcome.Should().Be(SubmissionOutcome.NotFound);
        (await SendAsync(staffB, ProposableFields.Programme, programme.Id, new() { ["title-de"] = "Fremd" })).Outcome.Should().Be(SubmissionOutcome.NotFound);
        var mine = Render<MyProposalsPage>();
        await EventuallyAsync(() => mine.Find("h1").TextContent.Should().Be("My change proposals"));
        mine.Markup.Should().NotContain(ProposeChangePage.ForOffering(offering.Id));

        await using var db = World.NewDb();
        (await db.ChangeProposals.CountAsync(p => (p.ItemType == ProposableFields.Offering && p.ItemId == offering.Id)
            || (p.ItemType == ProposableFields.Programme && p.ItemId == programme.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Staff_removed_from_their_centre_while_the_proposal_page_is_open_send_nothing()
    {
        var (_, offering) = await World.ItemsAsync();
        var leaving = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, World.CentreA);
        await SignInAsync(leaving);
        var page = Open<ProposeChangePage>(ProposeChangePage.ForOffering(offering.Id));
        await page.TypeAsync("capacity", "25");
        await using (var db = World.NewDb())
        {
            db.StaffCentres.RemoveRange(db.StaffCentres.Where(s => s.UserId == leaving.Id));
            await db.SaveChangesAsync();
        }

        await page.PressAsync("Send the proposal");

        await EventuallyAsync(() => page.Find("h1").TextContent.Should().Be("Page not found"));
        await using var check = World.NewDb();
        (await check.ChangeProposals.CountAsync(p => p.ItemType == ProposableFields.Offering && p.ItemId == offering.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Only_editors_and_admins_decide_and_officials_and_anonymous_visitors_get_nowhere()
    {
        var (_, offering) = await World.ItemsAsync();
        var staff = await World.PrincipalAsync(World.StaffA);
        (await SendAsync(staff, ProposableFields.Offering, offering.Id, new() { ["statusNote"] = "Diese Woche im Garten." })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);
        using var anonymous = await World.ClientAsync(null);
        using var official = await World.ClientAsync(World.Official);
        using var staffClient = await World.ClientAsync(World.StaffA);
        using var editorClient = await World.ClientAsync(World.Editor);
        string[] paths = [ProposalInboxPage.Path, MyProposalsPage.Path, ProposeChangePage.ForOffering(offering.Id)];

        foreach (var path in paths)
        {
            (await anonymous.GetAsync(path)).Headers.Location!.AbsolutePath.Should().Be("/account/sign-in", path);
            (await official.GetAsync(path)).Headers.Location!.AbsolutePath.Should().Be("/status/403", path);
        }
        (await staffClient.GetAsync(ProposalInboxPage.Path)).Headers.Location!.AbsolutePath.Should().Be("/status/403", "centre staff do not decide");
        (await editorClient.GetAsync(ProposeChangePage.ForOffering(offering.Id))).Headers.Location!.AbsolutePath.Should().Be("/status/403", "editors edit directly");
        foreach (var account in new[] { World.StaffA, World.Official })
        {
            var user = await World.PrincipalAsync(account);
            await using var db = await World.DbForAsync(user);
            (await ProposalDecisions.ApproveAsync(db, proposal.Id, user, null, TimeProvider.System)).Outcome.Should().Be(DecisionOutcome.NotFound);
            (await ProposalDecisions.RejectAsync(db, proposal.Id, user, "Nein.", TimeProvider.System)).Outcome.Should().Be(DecisionOutcome.NotFound);
        }

        await using var check = World.NewDb();
        (await check.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id)).Status.Should().Be(ProposalStatus.Pending);
        (await check.Offerings.AsNoTracking().SingleAsync(o => o.Id == offering.Id)).StatusNote.Should().BeNull();
    }

    [Fact]
    public async Task An_editor_whose_role_is_taken_away_while_the_inbox_is_open_decides_nothing()
    {
        var (_, offering) = await World.ItemsAsync();
        var staff = await World.PrincipalAsync(World.StaffA);
        (await SendAsync(staff, ProposableFields.Offering, offering.Id, new() { ["capacity"] = "18" })).Outcome.Should().Be(SubmissionOutcome.Sent);
        var proposal = await LatestProposalAsync(ProposableFields.Offering, offering.Id);
        var leaving = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.Editor);
        await SignInAsync(leaving);
        var inbox = Open<ProposalInboxPage>(ProposalInboxPage.Path);
        await EventuallyAsync(() => inbox.FindAll($"#proposal-{proposal.Id}").Should().ContainSingle());
        await using (var db = World.NewDb())
        {
            (await db.Users.SingleAsync(u => u.Id == leaving.Id)).IsActive = false;
            await db.SaveChangesAsync();
        }

        await inbox.ClickAsync(() => inbox.Find($"#proposal-{proposal.Id}").Closest("tr")!.QuerySelectorAll("button"), "Approve and apply");
        await EventuallyAsync(() => DialogHost.FindAll(".mud-dialog-actions button").Should().NotBeEmpty());
        await DialogHost.ClickAsync(() => DialogHost.FindAll(".mud-dialog-actions button"), "Approve and apply");

        await EventuallyAsync(() => Snackbars.Should().Contain("You may no longer do this"));
        await using var check = World.NewDb();
        (await check.ChangeProposals.AsNoTracking().SingleAsync(p => p.Id == proposal.Id)).Status.Should().Be(ProposalStatus.Pending);
        (await check.Offerings.AsNoTracking().SingleAsync(o => o.Id == offering.Id)).Capacity.Should().BeNull();
    }

    private async Task<Submission> SendAsync(ClaimsPrincipal user, string itemType, int id, Dictionary<string, string> changes, string? note = null)
    {
        await using var db = await World.DbForAsync(user);
        var item = await ProposalSubmission.FindAsync(db, user, itemType, id, "en", "de");
        var values = item is null ? changes : new Dictionary<string, string>(item.Current.Concat(changes).GroupBy(c => c.Key).Select(g => g.Last()));
        return await ProposalSubmission.SendAsync(db, user, itemType, id, values, note, World.English, TimeProvider.System);
    }

    private async Task<ChangeProposal> LatestProposalAsync(string itemType, int itemId)
    {
        await using var db = World.NewDb();
        return await db.ChangeProposals.AsNoTracking().Where(p => p.ItemType == itemType && p.ItemId == itemId).OrderByDescending(p => p.Id).FirstAsync();
    }

    private static Dictionary<string, (string Before, string After)> Changes(ChangeProposal proposal) =>
        JsonDocument.Parse(proposal.Changes).RootElement.EnumerateObject()
            .ToDictionary(p => p.Name, p => (p.Value.GetProperty("before").GetString()!, p.Value.GetProperty("after").GetString()!));
}
