using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>Which accounts the list shows by their state.</summary>
public enum AccountStatus { All, Active, Deactivated }

/// <summary>
/// The list's filters, as the Admin set them on the page (kept in the page, never in an address: the text may be an
/// e-mail address).
/// </summary>
public sealed record UserFilter(string? Text = null, string? Role = null, int? CentreId = null, AccountStatus Status = AccountStatus.All);

/// <summary>How the list is ordered: by name (the default), address or state.</summary>
public enum UserSort { Name, Email, Status }

/// <summary>A centre an account works for, by name.</summary>
public sealed record CentreLink(string Name, bool IsCoordinator);

/// <summary>One account in the list.</summary>
public sealed record UserRow(string Id, string DisplayName, string Email, bool IsActive, IReadOnlyList<string> Roles, IReadOnlyList<CentreLink> Centres)
{
    /// <summary>The name, or the address when the account has none.</summary>
    public string Label => DisplayName.Length > 0 ? DisplayName : Email;
}

/// <summary>
/// The Admins' list of staff accounts, one page at a time from the database (a search by name or address, role, centre
/// and state; ordered by name, address or state).
/// </summary>
public static class UserDirectory
{
    public const int MaxSearchLength = 100;
    public const int MaxPageSize = 100;

    public static async Task<(List<UserRow> Rows, int Total)> PageAsync(FamilyServicesDb db, UserFilter filter, UserSort sort, bool descending,
        int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var users = db.Users.AsNoTracking();
        // Control characters (a NUL above all, which PostgreSQL refuses in text) cannot be in a name or an address.
        var text = new string((filter.Text ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (text.Length > MaxSearchLength) text = text[..MaxSearchLength];
        if (text.Length > 0)
        {
            // Looked for as typed: % and _ are characters here, not wildcards.
            var pattern = "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern, @"\") || EF.Functions.ILike(u.DisplayName, pattern, @"\"));
        }
        if (Domain.Roles.Find(filter.Role ?? "") is { } role)
        {
            var roleIds = db.Roles.Where(r => r.Name == role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        if (filter.CentreId is { } centreId) users = users.Where(u => db.StaffCentres.Any(s => s.UserId == u.Id && s.CentreId == centreId));
        users = filter.Status switch
        {
            AccountStatus.Active => users.Where(u => u.IsActive),
            AccountStatus.Deactivated => users.Where(u => !u.IsActive),
            _ => users,
        };

        var total = await users.CountAsync(cancellationToken);
        var ordered = (sort, descending) switch
        {
            (UserSort.Email, false) => users.OrderBy(u => u.Email).ThenBy(u => u.Id),
            (UserSort.Email, true) => users.OrderByDescending(u => u.Email).ThenBy(u => u.Id),
            (UserSort.Status, false) => users.OrderBy(u => u.IsActive).ThenBy(u => u.DisplayName).ThenBy(u => u.Id),
            (UserSort.Status, true) => users.OrderByDescending(u => u.IsActive).ThenBy(u => u.DisplayName).ThenBy(u => u.Id),
            (_, true) => users.OrderByDescending(u => u.DisplayName).ThenByDescending(u => u.Email).ThenBy(u => u.Id),
            _ => users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ThenBy(u => u.Id),
        };
        var found = await ordered.Skip(page * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive }).ToListAsync(cancellationToken);

        var ids = found.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var centres = await db.StaffCentres.Where(s => ids.Contains(s.UserId))
            .OrderBy(s => s.Centre.Name).Select(s => new { s.UserId, s.Centre.Name, s.IsCoordinator }).ToListAsync(cancellationToken);
        var rows = found.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.IsActive,
            [.. Domain.Roles.All.Where(r => roles.Any(x => x.UserId == u.Id && x.Name == r))],
            [.. centres.Where(c => c.UserId == u.Id).Select(c => new CentreLink(c.Name, c.IsCoordinator))])).ToList();
        return (rows, total);
    }
}
