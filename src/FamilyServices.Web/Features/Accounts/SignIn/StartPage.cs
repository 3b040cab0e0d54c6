using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.SignIn;

/// <summary>Where a person lands after signing in, with a password alone or with a code as well.</summary>
public static class StartPage
{
    /// <summary>
    /// Centre staff at today's sessions, editors and admins at the editors' to-do list, officials (who log nothing) at
    /// the reach figures.
    /// </summary>
    public static async Task<string> ForAsync(UserManager<StaffUser> users, StaffUser? user)
    {
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        if (roles.Contains(Roles.CentreStaff)) return "/staff/today";
        if (roles.Contains(Roles.Editor) || roles.Contains(Roles.Admin)) return "/editor";
        return roles.Contains(Roles.Official) ? "/officials/reach" : "/staff/today";
    }

    /// <summary>Only a path on this site: no scheme, no "//host", no "/\\host".</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
