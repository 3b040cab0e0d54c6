using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Proposals;

/// <summary>
/// How a decision ended. <see cref="NotFound"/>: no such proposal (or no editor asking); <see cref="NoLongerValid"/>:
/// the item is gone, or the proposal no longer fits it as it is now — to be rejected with a note.
/// </summary>
public enum DecisionOutcome { Done, NotFound, AlreadyDecided, ChangedMeanwhile, NoLongerValid, NoteRequired }

/// <summary>What came of a decision; for <see cref="DecisionOutcome.ChangedMeanwhile"/> the fields that changed since the proposal.</summary>
public sealed record Decision(DecisionOutcome Outcome, IReadOnlyList<string> ChangedFields)
{
    public static readonly Decision Done = new(DecisionOutcome.Done, []);

    public static Decision Because(DecisionOutcome outcome) => new(outcome, []);
}

/// <summary>
/// Who may propose, and an editor's decision on a proposal. Approving applies the proposed values through the
/// portal's DbContext and <c>SaveChangesAsync</c>, so the audit interceptor writes the item's history with the
/// editor as its author; it is refused when the item changed since the proposal in a field the proposal touches
/// (its recorded "before" values no longer match), or when someone saves the item while the approval runs.
/// </summary>
public static class ProposalDecisions
{
    /// <summary>Only centre staff propose, and only for their own centres' items (checked again on every post).</summary>
    public static bool MayPropose(ClaimsPrincipal user) => user.IsInRole(Roles.CentreStaff);

    /// <summary>A programme that runs at one of the user's centres, with its texts; null otherwise (shown as "not found").</summary>
    public static async Task<Programme?> ProgrammeToProposeForAsync(FamilyServicesDb db, int id, ClaimsPrincipal user)
    {
        if (!MayPropose(user)) return null;
        var centres = user.CentreIds().ToArray();
        return await db.Programmes.AsNoTracking().Include(p => p.Texts)
            .Where(p => p.Id == id && p.Offerings.Any(o => centres.Contains(o.CentreId)))
            .SingleOrDefaultAsync();
    }

    /// <summary>An offering of one of the user's centres, with its programme's texts and its centre; null otherwise.</summary>
    public static async Task<Offering?> OfferingToProposeForAsync(FamilyServicesDb db, int id, ClaimsPrincipal user)
    {
        if (!MayPropose(user)) return null;
        var centres = user.CentreIds().ToArray();
        return await db.Offerings.AsNoTracking().Include(o => o.Centre).Include(o => o.Programme).ThenInclude(p => p.Texts)
            .Where(o => o.Id == id && centres.Contains(o.CentreId))
            .SingleOrDefaultAsync();
    }

    public static async Task<Decision> ApproveAsync(FamilyServicesDb db, long proposalId, ClaimsPrincipal editor, string? note, TimeProvider clock)
    {
        if (!editor.IsEditor()) return Decision.Because(DecisionOutcome.NotFound);
        var proposal = await db.ChangeProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId);
        if (proposal is null) return Decision.Because(DecisionOutcome.NotFound);
        if (proposal.Status != ProposalStatus.Pending) return Decision.Because(DecisionOutcome.AlreadyDecided);
        var changes = ProposableFields.Parse(proposal.Changes);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Claimed first, so a second editor (or a double click) cannot apply it twice.
        var claimed = await db.ChangeProposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Pending)
            .ExecuteUpdateAsync(p => p
                .SetProperty(x => x.Status, ProposalStatus.Approved)
                .SetProperty(x => x.DecidedById, editor.FindFirstValue(ClaimTypes.NameIdentifier))
                .SetProperty(x => x.DecidedAt, now)
                .SetProperty(x => x.DecisionNote, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        if (claimed == 0) return Decision.Because(DecisionOutcome.AlreadyDecided);

        Offering? offering = null;
        string? previousNote = null;
        Dictionary<string, string> current;
        if (proposal.ItemType == ProposableFields.Programme)
        {
            var programme = await db.Programmes.Include(p => p.Texts).SingleOrDefaultAsync(p => p.Id == proposal.ItemId);
            if (programme is null) return Decision.Because(DecisionOutcome.NoLongerValid);
            current = ProposableFields.ValuesOf(programme);
            if (Changed(changes, current) is { Count: > 0 } changed) return new Decision(DecisionOutcome.ChangedMeanwhile, changed);
            ProposableFields.ApplyTo(programme, changes);
            // Texts live in their own rows: touching the programme row makes its version (xmin) guard them too.
            db.Entry(programme).Property(p => p.Code).IsModified = true;
        }
        else
        {
            offering = await db.Offerings.Include(o => o.Centre).SingleOrDefaultAsync(o => o.Id == proposal.ItemId);
            if (offering is null) return Decision.Because(DecisionOutcome.NoLongerValid);
            current = ProposableFields.ValuesOf(offering);
            if (Changed(changes, current) is { Count: > 0 } changed) return new Decision(DecisionOutcome.ChangedMeanwhile, changed);
            previousNote = offering.StatusNote;
            ProposableFields.ApplyTo(offering, changes);
            // The rest of the offering may have changed since (a room removed, the times made invalid together with an unproposed field).
            var roomGone = offering.RoomId is { } roomId && !await db.Rooms.AnyAsync(r => r.Id == roomId && r.CentreId == offering.CentreId);
            if (roomGone || offering.Schedule.Validate().Count > 0) return Decision.Because(DecisionOutcome.NoLongerValid);
            db.Entry(offering).Property(o => o.Code).IsModified = true;
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Decision(DecisionOutcome.ChangedMeanwhile, []);
        }
        if (offering is not null && (changes.ContainsKey("startTime") || changes.ContainsKey("endTime") || changes.ContainsKey("weekdays") || changes.ContainsKey("statusNote")))
        {
            // The future sessions follow the new times and days (and a cancelled offering's sessions its new note).
            var zone = TimeZoneInfo.FindSystemTimeZoneById(offering.Centre.TimeZone);
            await OfferingSessions.SyncAsync(db, offering, zone, now, offering.Status, previousNote);
        }
        await transaction.CommitAsync();
        return Decision.Done;
    }

    public static async Task<Decision> RejectAsync(FamilyServicesDb db, long proposalId, ClaimsPrincipal editor, string? note, TimeProvider clock)
    {
        if (!editor.IsEditor()) return Decision.Because(DecisionOutcome.NotFound);
        if (!IsRejectionNote(note)) return Decision.Because(DecisionOutcome.NoteRequired);
        var reason = ProposableFields.Normalize(note);
        var now = clock.GetUtcNow().UtcDateTime;
        var rejected = await db.ChangeProposals.Where(p => p.Id == proposalId && p.Status == ProposalStatus.Pending)
            .ExecuteUpdateAsync(p => p
                .SetProperty(x => x.Status, ProposalStatus.Rejected)
                .SetProperty(x => x.DecidedById, editor.FindFirstValue(ClaimTypes.NameIdentifier))
                .SetProperty(x => x.DecidedAt, now)
                .SetProperty(x => x.DecisionNote, reason));
        if (rejected > 0) return Decision.Done;
        return Decision.Because(await db.ChangeProposals.AnyAsync(p => p.Id == proposalId) ? DecisionOutcome.AlreadyDecided : DecisionOutcome.NotFound);
    }

    /// <summary>A rejection tells the proposer why: a note of 1 to <see cref="ProposableFields.NoteLength"/> characters.</summary>
    public static bool IsRejectionNote(string? note) => ProposableFields.Normalize(note).Length is > 0 and <= ProposableFields.NoteLength;

    /// <summary>The proposed fields whose value now is no longer the one the proposal was made against.</summary>
    public static List<string> Changed(IReadOnlyDictionary<string, ProposedChange> changes, IReadOnlyDictionary<string, string> current) =>
        changes.Where(c => (current.TryGetValue(c.Key, out var now) ? now : "") != c.Value.Before).Select(c => c.Key).ToList();

    /// <summary>What the editor is told about a decision, in their language.</summary>
    public static string Describe(Decision decision, bool approve, IStringLocalizer<Text> t) => decision.Outcome switch
    {
        DecisionOutcome.Done => approve ? t["ProposalApproved"] : t["ProposalRejected"],
        DecisionOutcome.ChangedMeanwhile when decision.ChangedFields.Count > 0 =>
            t["ProposalChangedMeanwhile", string.Join(", ", decision.ChangedFields.Select(f => ProposableFields.Label(f, t)))],
        DecisionOutcome.ChangedMeanwhile => t["ProposalSavedMeanwhile"],
        DecisionOutcome.NoLongerValid => t["ProposalNoLongerValid"],
        DecisionOutcome.AlreadyDecided => t["ProposalAlreadyDecided"],
        DecisionOutcome.NoteRequired => t["ProposalRejectNoteRequired"],
        _ => t["NotFoundTitle"],
    };

    public static string EditorPath(string itemType, int itemId) =>
        itemType == ProposableFields.Programme
            ? $"/editor/programmes/{itemId.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : $"/editor/offerings/{itemId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
