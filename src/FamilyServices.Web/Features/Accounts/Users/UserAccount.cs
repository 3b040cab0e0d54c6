using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>
/// One staff account as its Admin page shows it: who it is, whether it may sign in, its roles and centres, and its API
/// tokens (newest first, without their hashes).
/// </summary>
public sealed record UserAccount(
    string Id,
    string DisplayName,
    string Email,
    bool IsActive,
    bool TwoFactorEnabled,
    bool InvitationPending,
    DateTimeOffset? LockedUntil,
    IReadOnlyList<string> Roles,
    IReadOnlyList<CentreAccess> Centres,
    IReadOnlyList<ApiTokenService.TokenRow> Tokens)
{
    /// <summary>The name, or the address when the account has none.</summary>
    public string Label => DisplayName.Length > 0 ? DisplayName : Email;

    /// <summary>Ids longer than Identity's column are nobody's.</summary>
    public const int MaxIdLength = 450;

    /// <summary>The account, or null when there is none with this id.</summary>
    public static async Task<UserAccount?> LoadAsync(FamilyServicesDb db, ApiTokenService tokens, string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (id.Length is 0 or > MaxIdLength) return null;
        var user = await db.Users.AsNoTracking().Include(u => u.Centres).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null) return null;
        var roles = await db.UserRoles.Where(ur => ur.UserId == id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToListAsync(cancellationToken);
        return new UserAccount(user.Id, user.DisplayName, user.Email ?? "", user.IsActive, user.TwoFactorEnabled,
            InvitationPending: user.PasswordHash is null,
            LockedUntil: user.IsActive && user.LockoutEnd is { } end && end > now ? end : null,
            [.. Domain.Roles.All.Where(roles.Contains)],
            [.. user.Centres.Select(c => new CentreAccess(c.CentreId, c.IsCoordinator))],
            await tokens.ListAsync(id, cancellationToken));
    }
}
