using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Domain;

/// <summary>A staff account. Which centres it works for scopes everything it may see of children.</summary>
public class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>Set for accounts created with a one-time password; the first sign-in must replace it.</summary>
    public bool MustChangePassword { get; set; }
    public List<StaffCentre> Centres { get; set; } = [];
}

public class StaffCentre
{
    public required string UserId { get; set; }
    public int CentreId { get; set; }
    public Centre Centre { get; set; } = null!;

    /// <summary>A coordinator may still correct attendance after the staff correction window has closed.</summary>
    public bool IsCoordinator { get; set; }
}

/// <summary>A personal API token. Only a SHA-256 hash is stored; the token itself is shown once.</summary>
public class ApiToken
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public StaffUser User { get; set; } = null!;
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
