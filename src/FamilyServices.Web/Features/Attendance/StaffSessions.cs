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

    public static Task<Session?> FindVisibleAsync(FamilyServicesDb db, long sessionId, ClaimsPrincipal user) =>
        db.Sessions.VisibleTo(user)
            .Include(s => s.Offering).ThenInclude(o => o.Centre)
            .Include(s => s.Offering).ThenInclude(o => o.Programme).ThenInclude(p => p.Texts)
            .SingleOrDefaultAsync(s => s.Id == sessionId);
}
