using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Privacy;

/// <summary>Why the participants' page refused what the Admin asked for.</summary>
public enum ParticipantProblem { CodeMalformed, NotFound, ConfirmMismatch, ReasonMissing }

/// <summary>
/// The Admins' desk for one child's data (the rights of access and erasure), as the participants' page uses it: the
/// child is found by the code typed (never by an address), every showing is recorded, and an erasure needs the code
/// typed again and a reason. <see cref="ParticipantErasure"/> keeps closed years' reach figures as they were.
/// </summary>
public static class ParticipantDesk
{
    /// <summary>What is held about a child, with the names of the accounts in its audit entries (the entries hold ids only).</summary>
    public sealed record Shown(ParticipantRecord Record, IReadOnlyDictionary<string, string> ActorNames);

    /// <summary>
    /// Finds the child and records that their data was shown to <paramref name="actorId"/>; the entry just written is
    /// part of what is held, so it is shown too.
    /// </summary>
    public static async Task<(Shown? Shown, ParticipantProblem? Problem)> ShowAsync(FamilyServicesDb db, AuditTrail audit, string? codeText, string actorId,
        string language, CancellationToken cancellationToken = default)
    {
        if (ParticipantCode.Normalize(codeText) is not { } code) return (null, ParticipantProblem.CodeMalformed);
        var record = await ParticipantRecord.FindAsync(db, audit, code, language, cancellationToken);
        if (record is null) return (null, ParticipantProblem.NotFound);
        await audit.RecordAsync(AuditAction.ParticipantExported, centreId: null, [record.ParticipantId], new { kind = "view" }, actorId, cancellationToken);
        record = await ParticipantRecord.FindAsync(db, audit, code, language, cancellationToken);
        if (record is null) return (null, ParticipantProblem.NotFound);
        var actorIds = record.AuditEntries.Select(e => e.ActorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return (new Shown(record, names), null);
    }

    /// <summary>The code typed again must be the child's code; a reason must be chosen. Null when the erasure may go ahead.</summary>
    public static ParticipantProblem? CheckErasure(string? code, string? confirmation, ErasureReason? reason)
    {
        if (ParticipantCode.Normalize(code) is not { } normalised) return ParticipantProblem.CodeMalformed;
        if (ParticipantCode.Normalize(confirmation) != normalised) return ParticipantProblem.ConfirmMismatch;
        return reason is null ? ParticipantProblem.ReasonMissing : null;
    }

    /// <summary>Erases the child after checking the confirmation again; the counts of what went, or why nothing did.</summary>
    public static async Task<(ErasureCounts? Counts, ParticipantProblem? Problem)> EraseAsync(FamilyServicesDb db, ParticipantErasure erasure, string? code,
        string? confirmation, ErasureReason? reason, string actorId, CancellationToken cancellationToken = default)
    {
        if (CheckErasure(code, confirmation, reason) is { } problem) return (null, problem);
        var normalised = ParticipantCode.Normalize(code)!;
        var id = await db.Participants.Where(p => p.Code == normalised).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is not { } participantId) return (null, ParticipantProblem.NotFound);
        var counts = await erasure.EraseAsync(participantId, reason!.Value, actorId, cancellationToken);
        return counts is null ? (null, ParticipantProblem.NotFound) : (counts, null);
    }
}
