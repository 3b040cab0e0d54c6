using System.Security.Claims;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;

namespace FamilyServices.Web.Features.Editing;

/// <summary>Who may do what with the catalogue (issue 7). Pages use the role lists; handlers use the checks.</summary>
public static class EditorAccess
{
    /// <summary>Edit everything, approve proposals, publish, archive and restore.</summary>
    public const string EditorRoles = $"{Roles.Editor},{Roles.Admin}";

    /// <summary>Reach the editing area at all: editors, and centre staff for their own centres' programmes and offerings.</summary>
    public const string CatalogueRoles = $"{Roles.Editor},{Roles.Admin},{Roles.CentreStaff}";

    public static bool IsEditor(this ClaimsPrincipal user) => user.IsInRole(Roles.Editor) || user.IsInRole(Roles.Admin);

    /// <summary>Centre staff work on their own centres' items only; editors on all.</summary>
    public static bool MayEditCentreItems(this ClaimsPrincipal user, int centreId) => user.IsEditor() || user.CentreIds().Contains(centreId);
}
