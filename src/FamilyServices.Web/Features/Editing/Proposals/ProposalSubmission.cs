using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Proposals;

/// <summary>
/// A programme or offering a member of centre staff proposes a change to, as the form shows it: its name, its
/// centre, the languages it has texts in, its centre's rooms, and its proposable fields' values now.
/// </summary>
public sealed record ProposalItem(string ItemType, int Id, string Name, string? NameLanguage, string? CentreName,
    IReadOnlyList<string> Languages, IReadOnlyList<(int Id, string Name)> Rooms, IReadOnlyDictionary<string, string> Current)
{
    public bool IsProgramme => ItemType == ProposableFields.Programme;
}

/// <summary>How sending a proposal ended.</summary>
public enum SubmissionOutcome { Sent, NotFound, Invalid, NothingChanged }

public sealed record Submission(SubmissionOutcome Outcome, long ProposalId, IReadOnlyList<FormProblem> Problems);

/// <summary>Where a member of centre staff may propose changes: the programmes that run at their centres, each with its offerings there.</summary>
public sealed record ProposalTarget(int ProgrammeId, string Title, string? Language, IReadOnlyList<(int Id, string Code, string Centre)> Offerings);

/// <summary>
/// Centre staff's side of proposals: which items are theirs to propose changes to (their own centres' only; another
/// centre's item is "not found"), and sending a proposal, checked again with the account as it is now.
/// </summary>
public static class ProposalSubmission
{
    /// <summary>The item if <paramref name="user"/> may propose a change to it now; null otherwise (also for another centre's item).</summary>
    public static async Task<ProposalItem?> FindAsync(FamilyServicesDb db, ClaimsPrincipal user, string itemType, int id, string language, string fallbackLanguage)
    {
        if (itemType == ProposableFields.Programme)
        {
            var programme = await ProposalDecisions.ProgrammeToProposeForAsync(db, id, user);
            if (programme is null) return null;
            var text = programme.TextIn(language, fallbackLanguage);
            return new ProposalItem(itemType, programme.Id, text?.Title ?? programme.Code, text?.Language, null,
                ProposableFields.LanguagesOf(programme), [], ProposableFields.ValuesOf(programme));
        }
        if (itemType != ProposableFields.Offering) return null;
        var offering = await ProposalDecisions.OfferingToProposeForAsync(db, id, user);
        if (offering is null) return null;
        var title = offering.Programme.TextIn(language, fallbackLanguage);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.CentreId == offering.CentreId).OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync();
        return new ProposalItem(itemType, offering.Id, $"{title?.Title ?? offering.Programme.Code} ({offering.Code})", title?.Language, offering.Centre.Name,
            [], rooms.Select(r => (r.Id, r.Name)).ToList(), ProposableFields.ValuesOf(offering));
    }

    /// <summary>
    /// Sends a proposal of the fields that differ from the item as it is now. Checked again here: the item must still
    /// be the user's to propose for, the values must pass the rules, and something must differ.
    /// </summary>
    public static async Task<Submission> SendAsync(FamilyServicesDb db, ClaimsPrincipal user, string itemType, int id,
        IReadOnlyDictionary<string, string> typed, string? note, IStringLocalizer<Text> t, TimeProvider clock)
    {
        var item = await FindAsync(db, user, itemType, id, "", "");
        if (item is null) return new Submission(SubmissionOutcome.NotFound, 0, []);
        var values = ProposableFields.Normalized(typed, item.Current);
        var reason = ProposableFields.Normalize(note);
        var problems = ProposableFields.Validate(itemType, values, item.Current, item.Rooms.Select(r => r.Id).ToList(), reason, t);
        if (problems.Count > 0) return new Submission(SubmissionOutcome.Invalid, 0, problems);
        var changes = ProposableFields.Differences(values, item.Current);
        if (changes.Count == 0) return new Submission(SubmissionOutcome.NothingChanged, 0, []);
        var proposal = new ChangeProposal
        {
            ItemType = itemType,
            ItemId = item.Id,
            Changes = ProposableFields.Serialize(changes),
            Note = reason.Length > 0 ? reason : null,
            ProposedById = user.FindFirstValue(ClaimTypes.NameIdentifier),
            ProposedAt = clock.GetUtcNow().UtcDateTime,
            Status = ProposalStatus.Pending,
        };
        db.ChangeProposals.Add(proposal);
        await db.SaveChangesAsync();
        return new Submission(SubmissionOutcome.Sent, proposal.Id, []);
    }

    /// <summary>The programmes and offerings of the user's centres (not archived), for links to the proposal form.</summary>
    public static async Task<List<ProposalTarget>> TargetsAsync(FamilyServicesDb db, ClaimsPrincipal user, string language, string fallbackLanguage)
    {
        if (!ProposalDecisions.MayPropose(user)) return [];
        var centres = user.CentreIds().ToArray();
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Centre).Include(o => o.Programme).ThenInclude(p => p.Texts)
            .Where(o => centres.Contains(o.CentreId) && o.PublicationState != PublicationState.Archived)
            .OrderBy(o => o.Code).ToListAsync();
        return offerings.GroupBy(o => o.ProgrammeId).Select(g =>
        {
            var text = g.First().Programme.TextIn(language, fallbackLanguage);
            return new ProposalTarget(g.Key, text?.Title ?? g.First().Programme.Code, text?.Language,
                g.Select(o => (o.Id, o.Code, o.Centre.Name)).ToList());
        }).OrderBy(p => p.Title, StringComparer.CurrentCulture).ToList();
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
