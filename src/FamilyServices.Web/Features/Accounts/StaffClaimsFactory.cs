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
        var centreIds = await db.StaffCentres.Where(s => s.UserId == user.Id).Select(s => s.CentreId).ToListAsync();
        identity.AddClaims(centreIds.Select(id => new Claim(StaffAccounts.CentreClaim, id.ToString(CultureInfo.InvariantCulture))));
        return identity;
    }
}

public static class StaffPrincipal
{
    /// <summary>The centres a signed-in user works for.</summary>
    public static IReadOnlyList<int> CentreIds(this ClaimsPrincipal principal) =>
        principal.FindAll(StaffAccounts.CentreClaim).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToList();

    /// <summary>Admins see every centre; everyone else only their own.</summary>
    public static bool MaySeeCentre(this ClaimsPrincipal principal, int centreId) =>
        principal.IsInRole(Roles.Admin) || principal.CentreIds().Contains(centreId);
}
