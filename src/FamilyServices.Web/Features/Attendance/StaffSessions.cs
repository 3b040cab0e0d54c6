using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>The one place that decides which sessions a staff member may see: those of their own centres (Admins: all).</summary>
public static class StaffSessions
{
    public const string StaffRoles = $"{Roles.CentreStaff},{Roles.Admin}";

    public static IQueryable<Session> VisibleTo(this IQueryable<Session> sessions, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin)) return sessions;
        var centreIds = user.CentreIds();
        return sessions.Where(s => centreIds.Contains(s.Offering.CentreId));
    }

    /// <summary>Who may be marked at a session: children enrolled in its offering, those who came in the four weeks before, and anyone already marked.</summary>
    public static async Task<List<int>> RosterParticipantIdsAsync(FamilyServicesDb db, Session session)
    {
        var recent = session.StartsAt.AddDays(-28);
        return await db.Enrolments.Where(e => e.OfferingId == session.OfferingId).Select(e => e.ParticipantId)
            .Union(db.Attendances.Where(a => a.Session.OfferingId == session.OfferingId && a.Session.StartsAt >= recent && a.Session.StartsAt <= session.StartsAt)
                .Select(a => a.ParticipantId))
            .Union(db.Attendances.Where(a => a.SessionId == session.Id).Select(a => a.ParticipantId))
            .ToListAsync();
    }

    /// <summary>Ordinary staff within the correction window; coordinators of the centre and Admins at any time.</summary>
    public static bool MayWrite(Session session, ClaimsPrincipal user, DateTime nowUtc, int windowDays) =>
        AttendanceCorrections.WindowIsOpen(session.EndsAt, nowUtc, windowDays) || user.MayCorrectLate(session.Offering.CentreId);

    public static Task<Session?> FindVisibleAsync(FamilyServicesDb db, long sessionId, ClaimsPrincipal user) =>
        db.Sessions.VisibleTo(user)
            .Include(s => s.Offering).ThenInclude(o => o.Centre)
            .Include(s => s.Offering).ThenInclude(o => o.Programme).ThenInclude(p => p.Texts)
            .SingleOrDefaultAsync(s => s.Id == sessionId);
}
