using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Offerings;

/// <summary>
/// Keeps an offering's future sessions in step with its schedule after an editor saves it, expanding the schedule
/// with the domain's own rule (<see cref="Schedule.Occurrences"/> in the centre's time zone) as the demo loader does.
/// Only the future is touched: past sessions, and any session with attendance or a headcount, are never removed.
/// </summary>
public static class OfferingSessions
{
    public sealed record Result(int Added, int Removed);

    /// <param name="previousStatus">The offering's status before this save (null for a new offering).</param>
    /// <param name="previousNote">Its status note before this save: sessions cancelled with it are the offering's own cancellations.</param>
    public static async Task<Result> SyncAsync(FamilyServicesDb db, Offering offering, TimeZoneInfo zone, DateTime nowUtc,
        OfferingStatus? previousStatus, string? previousNote)
    {
        var wanted = offering.Schedule.Occurrences(zone).Where(o => o.StartsAtUtc > nowUtc).ToDictionary(o => o.StartsAtUtc, o => o.EndsAtUtc);
        var future = await db.Sessions.Where(s => s.OfferingId == offering.Id && s.StartsAt > nowUtc).ToListAsync();
        var futureIds = future.Select(s => s.Id).ToList();
        var recorded = (await db.Attendances.Where(a => futureIds.Contains(a.SessionId)).Select(a => a.SessionId).Distinct().ToListAsync()).ToHashSet();
        var cancelled = offering.Status == OfferingStatus.Cancelled;
        var wasCancelledBefore = previousStatus == OfferingStatus.Cancelled;
        var removed = 0;

        foreach (var session in future)
        {
            if (!wanted.TryGetValue(session.StartsAt, out var endsAt))
            {
                // No longer in the schedule (a holiday added, a day dropped): removed unless something was recorded for it.
                if (session.Status != SessionStatus.Held && !recorded.Contains(session.Id) && session.HeadcountChildren is null && session.HeadcountAdults is null)
                {
                    db.Sessions.Remove(session);
                    removed++;
                }
                continue;
            }
            if (session.EndsAt != endsAt) session.EndsAt = endsAt;
            var cancelledWithOffering = wasCancelledBefore && session.Status == SessionStatus.Cancelled && session.CancellationReason == previousNote;
            if (cancelled && (session.Status == SessionStatus.Scheduled || cancelledWithOffering))
            {
                session.Status = SessionStatus.Cancelled;
                session.CancellationReason = offering.StatusNote;
            }
            else if (!cancelled && cancelledWithOffering)
            {
                // The offering runs again: the sessions it had cancelled are back, those cancelled one by one stay cancelled.
                session.Status = SessionStatus.Scheduled;
                session.CancellationReason = null;
            }
        }

        var existing = future.Select(s => s.StartsAt).ToHashSet();
        var added = wanted.Where(w => !existing.Contains(w.Key)).Select(w => new Session
        {
            OfferingId = offering.Id,
            StartsAt = w.Key,
            EndsAt = w.Value,
            Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled,
            CancellationReason = cancelled ? offering.StatusNote : null,
        }).ToList();
        db.Sessions.AddRange(added);
        await db.SaveChangesAsync();
        return new Result(added.Count, removed);
    }
}
