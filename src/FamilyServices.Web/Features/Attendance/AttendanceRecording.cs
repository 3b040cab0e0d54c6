using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>
/// Writes a session's attendance as one upsert: a participant has one row per session however often the same
/// marks are sent, and the session counts as held once anything is recorded. Every real change (a new mark or a
/// different status) also lands in the append-only trail and the audit trail, in the same transaction, and notifies
/// the session's open rosters when it commits; sending the same marks again adds nothing and notifies no one.
/// </summary>
public static class AttendanceRecording
{
    /// <summary>
    /// Saves the marks in a transaction of its own, or in the caller's when one is open (registering a child and
    /// marking them present commit together).
    /// </summary>
    public static async Task SaveAsync(
        FamilyServicesDb db, AuditTrail audit, int centreId, long sessionId,
        IReadOnlyCollection<(int ParticipantId, AttendanceStatus Status)> marks, string? userId, DateTime nowUtc)
    {
        await using var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync() : null;
        var participantIds = marks.Select(m => m.ParticipantId).ToList();
        // Locked for the transaction, so two staff saving at once both see the other's mark as "before".
        var before = await db.Attendances.FromSql($"SELECT * FROM attendances WHERE session_id = {sessionId} FOR UPDATE")
            .Where(a => participantIds.Contains(a.ParticipantId))
            .ToDictionaryAsync(a => a.ParticipantId, a => a.Status);
        foreach (var (participantId, status) in marks)
        {
            var statusName = status.ToString();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO attendances (session_id, participant_id, status, recorded_by_id, recorded_at)
                VALUES ({sessionId}, {participantId}, {statusName}, {userId}, {nowUtc})
                ON CONFLICT (session_id, participant_id) DO UPDATE
                    SET status = EXCLUDED.status, recorded_by_id = EXCLUDED.recorded_by_id, recorded_at = EXCLUDED.recorded_at
                    WHERE attendances.status <> EXCLUDED.status
                """);
        }
        var changed = marks.Where(m => !before.TryGetValue(m.ParticipantId, out var old) || old != m.Status).ToList();
        db.AttendanceChanges.AddRange(changed.Select(m => new AttendanceChange
        {
            SessionId = sessionId, ParticipantId = m.ParticipantId, StatusBefore = before.TryGetValue(m.ParticipantId, out var old) ? old : null,
            StatusAfter = m.Status, ChangedById = userId, ChangedAt = nowUtc,
        }));
        // One entry per kind of change: first marks are "recorded", changed marks "corrected".
        var recorded = changed.Where(m => !before.ContainsKey(m.ParticipantId)).Select(m => m.ParticipantId).ToList();
        var corrected = changed.Where(m => before.ContainsKey(m.ParticipantId)).Select(m => m.ParticipantId).ToList();
        if (recorded.Count > 0)
        {
            await audit.AddAsync(AuditAction.AttendanceRecorded, centreId, recorded, new { sessionId, marks = recorded.Count }, userId);
        }
        if (corrected.Count > 0)
        {
            await audit.AddAsync(AuditAction.AttendanceCorrected, centreId, corrected, new { sessionId, marks = corrected.Count }, userId);
        }
        await db.SaveChangesAsync();
        if (marks.Count > 0)
        {
            await db.Sessions.Where(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SessionStatus.Held));
        }
        // Delivered to the session's open rosters (on every portal instance) when the transaction commits.
        if (changed.Count > 0) await AttendanceNotifications.NotifyAsync(db, sessionId);
        if (ownTransaction is not null) await ownTransaction.CommitAsync();
    }
}
