using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.Programmes;

/// <summary>Which programmes a staff member works on: editors all of them, centre staff those running at one of their centres.</summary>
public static class ProgrammeAccess
{
    public static IQueryable<Programme> VisibleTo(this IQueryable<Programme> programmes, ClaimsPrincipal user)
    {
        if (user.IsEditor()) return programmes;
        var centres = user.CentreIds().ToArray();
        return programmes.Where(p => p.Offerings.Any(o => centres.Contains(o.CentreId)));
    }

    /// <summary>True when one of the user's centres runs an offering of the programme.</summary>
    public static Task<bool> RunsAtUsersCentreAsync(FamilyServicesDb db, int programmeId, ClaimsPrincipal user)
    {
        var centres = user.CentreIds().ToArray();
        return db.Offerings.AnyAsync(o => o.ProgrammeId == programmeId && centres.Contains(o.CentreId));
    }
}
