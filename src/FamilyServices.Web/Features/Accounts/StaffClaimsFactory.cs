using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyServices.Web.Features.Accounts;

/// <summary>Signed-in staff carry their roles and the ids of their centres, as API-token users do.</summary>
public sealed class StaffClaimsFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, FamilyServicesDb db)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var centres = await db.StaffCentres.Where(s => s.UserId == user.Id).Select(s => new { s.CentreId, s.IsCoordinator }).ToListAsync();
        identity.AddClaims(centres.Select(c => new Claim(StaffAccounts.CentreClaim, c.CentreId.ToString(CultureInfo.InvariantCulture))));
        identity.AddClaims(centres.Where(c => c.IsCoordinator)
            .Select(c => new Claim(StaffAccounts.CoordinatorClaim, c.CentreId.ToString(CultureInfo.InvariantCulture))));
        if (user.MustChangePassword) identity.AddClaim(new Claim(Passwords.MustChangePasswordGate.Claim, "true"));
        // Rebuilt on every request (see UserManagement), so the two-factor gate sees a change at once.
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(StaffAccounts.TwoFactorClaim, "on"));
        return identity;
    }
}

public static class StaffPrincipal
{
    /// <summary>The centres a signed-in user works for.</summary>
    public static IReadOnlyList<int> CentreIds(this ClaimsPrincipal principal) =>
        principal.FindAll(StaffAccounts.CentreClaim).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Admins and the centre's coordinators may correct attendance after the staff window has closed.</summary>
    public static bool MayCorrectLate(this ClaimsPrincipal principal, int centreId) =>
        principal.IsInRole(Roles.Admin)
        || principal.FindAll(StaffAccounts.CoordinatorClaim).Any(c => c.Value == centreId.ToString(CultureInfo.InvariantCulture));

    /// <summary>Admins see every centre; everyone else only their own.</summary>
    public static bool MaySeeCentre(this ClaimsPrincipal principal, int centreId) =>
        principal.IsInRole(Roles.Admin) || principal.CentreIds().Contains(centreId);
}
