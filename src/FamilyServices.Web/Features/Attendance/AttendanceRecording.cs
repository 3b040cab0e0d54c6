using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>
/// Writes a session's attendance as one upsert: a participant has one row per session whatever how often the same
/// marks are sent, and the session counts as held once anything is recorded.
/// </summary>
public static class AttendanceRecording
{
    public static async Task SaveAsync(
        FamilyServicesDb db, long sessionId, IReadOnlyCollection<(int ParticipantId, AttendanceStatus Status)> marks, string? userId, DateTime nowUtc)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
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
        if (marks.Count > 0)
        {
            await db.Sessions.Where(s => s.Id == sessionId && s.Status == SessionStatus.Scheduled)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SessionStatus.Held));
        }
        await transaction.CommitAsync();
    }
}
