using System.Security.Cryptography;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>A centre an account works for, and whether it coordinates it.</summary>
public sealed record CentreAccess(int CentreId, bool IsCoordinator);

/// <summary>What an Admin (or the operator's <c>users add</c>) gives for a new account.</summary>
public sealed record NewAccount(string Email, string? DisplayName, IReadOnlyCollection<string> Roles, IReadOnlyCollection<CentreAccess> Centres);

/// <summary>Why a change to an account was refused; pages show it in the user's language, the operator command in English.</summary>
public enum AccountProblem
{
    EmailInvalid,
    EmailTaken,
    DisplayNameTooLong,
    DisplayNameInvalid,
    RoleMissing,
    RoleUnknown,
    CentreUnknown,
    CentreMissing,
    OwnAdminRole,
    OwnDeactivation,
    NotFound,
    Refused,
}

/// <summary>A refusal; <see cref="Detail"/> carries Identity's own (English) words when Identity refused.</summary>
public sealed record AccountRefusal(AccountProblem Problem, string? Detail = null);

/// <summary>
/// Creates staff accounts and changes who they are (roles, centres) and whether they may sign in: the one place for
/// the Admins' user pages and the operator's <c>users add</c>. Every change is logged with the account's id and the
/// id of whoever made it — never an e-mail address or a name (no table of the portal fits a change to an account, so
/// the log is the record).
/// </summary>
public sealed partial class StaffAccountAdministration(
    FamilyServicesDb db, UserManager<StaffUser> users, TimeProvider clock, ILogger<StaffAccountAdministration> logger)
{
    public const int EmailLength = 200;

    /// <summary>The column holds 200 characters.</summary>
    public const int DisplayNameLength = 200;

    /// <summary>Who made a change when no one is signed in: the operator's command line.</summary>
    public const string Operator = "operator";

    // Where Identity's UserManager keeps the recovery codes (UserManager's own constants, not public).
    private const string IdentityTokenProvider = "[AspNetUserStore]";
    private const string RecoveryCodesToken = "RecoveryCodes";

    public sealed record Created(StaffUser User, string OneTimePassword);

    /// <summary>A new account with a one-time password (shown once; the account is marked to replace it): the operator's <c>users add</c>.</summary>
    public async Task<(Created? Account, AccountRefusal? Refusal)> CreateAsync(NewAccount request, string? actorId, CancellationToken cancellationToken = default)
    {
        var password = OneTimePassword();
        var (user, refusal) = await CreateAccountAsync(request, password, actorId, cancellationToken);
        return user is null ? (null, refusal) : (new Created(user, password), null);
    }

    /// <summary>
    /// A new account without a usable password, for an invitation: the person chooses their own password through the
    /// link that <see cref="Passwords.PasswordFlows.SendInvitationAsync"/> mails them. Until then nobody can sign in with it.
    /// </summary>
    public Task<(StaffUser? User, AccountRefusal? Refusal)> CreateInvitedAsync(NewAccount request, string actorId, CancellationToken cancellationToken = default) =>
        CreateAccountAsync(request, password: null, actorId, cancellationToken);

    private async Task<(StaffUser? User, AccountRefusal? Refusal)> CreateAccountAsync(NewAccount request, string? password, string? actorId, CancellationToken cancellationToken)
    {
        var email = request.Email.Trim();
        if (EmailProblem(email) is { } emailProblem) return (null, new(emailProblem));
        if (DisplayNameProblem(request.DisplayName) is { } nameProblem) return (null, new(nameProblem));
        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? email : request.DisplayName.Trim();
        var (roles, centres, refusal) = await CheckAccessAsync(request.Roles, request.Centres, cancellationToken);
        if (refusal is not null) return (null, refusal);
        if (await users.FindByEmailAsync(email) is not null) return (null, new(AccountProblem.EmailTaken));

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            // An invited address is confirmed when its owner uses the link; an operator vouches for theirs.
            EmailConfirmed = password is not null,
            DisplayName = name,
            MustChangePassword = password is not null,
            Centres = centres.Select(c => new StaffCentre { UserId = "", CentreId = c.CentreId, IsCoordinator = c.IsCoordinator }).ToList(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRolesAsync(user, roles);
        if (!result.Succeeded) return (null, Refused(result));
        await transaction.CommitAsync(cancellationToken);

        var (worksAt, coordinates) = CentreIds(centres);
        LogCreated(logger, user.Id, actorId ?? Operator, roles, worksAt, coordinates);
        return (user, null);
    }

    /// <summary>
    /// Sets the roles and centres of an account. They apply from the account's next request: cookies are checked
    /// against the database on every request (<see cref="UserManagement"/>), API tokens read them anyway.
    /// </summary>
    public async Task<AccountRefusal?> SetAccessAsync(string userId, IReadOnlyCollection<string> wantedRoles, IReadOnlyCollection<CentreAccess> wantedCentres,
        string actorId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(AccountProblem.NotFound);
        var (roles, centres, refusal) = await CheckAccessAsync(wantedRoles, wantedCentres, cancellationToken);
        if (refusal is not null) return refusal;
        if (userId == actorId && !roles.Contains(Roles.Admin)) return new(AccountProblem.OwnAdminRole);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await users.GetRolesAsync(user);
        var result = await users.RemoveFromRolesAsync(user, current.Except(roles).ToList());
        if (result.Succeeded) result = await users.AddToRolesAsync(user, roles.Except(current).ToList());
        if (!result.Succeeded) return Refused(result);

        var links = await db.StaffCentres.Where(s => s.UserId == user.Id).ToListAsync(cancellationToken);
        db.StaffCentres.RemoveRange(links.Where(l => centres.All(c => c.CentreId != l.CentreId)));
        foreach (var wanted in centres)
        {
            var link = links.SingleOrDefault(l => l.CentreId == wanted.CentreId);
            if (link is null) db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = wanted.CentreId, IsCoordinator = wanted.IsCoordinator });
            else link.IsCoordinator = wanted.IsCoordinator;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var (worksAt, coordinates) = CentreIds(centres);
        LogAccessSet(logger, user.Id, actorId, roles, worksAt, coordinates);
        return null;
    }

    /// <summary>
    /// The account can no longer sign in, its signed-in sessions end at their next request (new security stamp) and
    /// its API tokens are revoked, so reactivating it later does not bring back tokens issued before.
    /// </summary>
    public async Task<AccountRefusal?> DeactivateAsync(string userId, string actorId, CancellationToken cancellationToken = default)
    {
        if (userId == actorId) return new(AccountProblem.OwnDeactivation);
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(AccountProblem.NotFound);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsActive = false;
        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded) result = await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return Refused(result);
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LogDeactivated(logger, user.Id, actorId, revoked);
        return null;
    }

    public async Task<AccountRefusal?> ReactivateAsync(string userId, string actorId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(AccountProblem.NotFound);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.IsActive = true;
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded) result = await users.ResetAccessFailedCountAsync(user);
        if (result.Succeeded) result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return Refused(result);
        await transaction.CommitAsync(cancellationToken);

        LogReactivated(logger, user.Id, actorId);
        return null;
    }

    /// <summary>
    /// Turns two-factor sign-in off and throws away the authenticator key and recovery codes, for someone who lost their
    /// phone: they sign in with their password and enrol again. Both steps give the account a new security stamp, so
    /// its signed-in sessions end.
    /// </summary>
    public async Task<AccountRefusal?> ResetTwoFactorAsync(string userId, string actorId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return new(AccountProblem.NotFound);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded) result = await users.ResetAuthenticatorKeyAsync(user);
        if (result.Succeeded) result = await users.RemoveAuthenticationTokenAsync(user, IdentityTokenProvider, RecoveryCodesToken);
        if (!result.Succeeded) return Refused(result);
        await transaction.CommitAsync(cancellationToken);

        LogTwoFactorReset(logger, user.Id, actorId);
        return null;
    }

    /// <summary>Roles known and at least one; centres known; centre staff work for at least one centre.</summary>
    private async Task<(List<string> Roles, List<CentreAccess> Centres, AccountRefusal? Refusal)> CheckAccessAsync(
        IReadOnlyCollection<string> wantedRoles, IReadOnlyCollection<CentreAccess> wantedCentres, CancellationToken cancellationToken)
    {
        var (roles, centres, problem) = Access(wantedRoles, wantedCentres);
        if (problem is not null) return ([], [], new(problem.Value));
        var ids = centres.Select(c => c.CentreId).ToList();
        var known = await db.Centres.CountAsync(c => ids.Contains(c.Id), cancellationToken);
        if (known != ids.Count) return ([], [], new(AccountProblem.CentreUnknown));
        return (roles, centres, null);
    }

    /// <summary>
    /// The rules for roles and centres that need no database (the page checks them as the Admin chooses, the save
    /// checks them again, plus whether the centres still exist): roles known and at least one; one line per centre,
    /// coordinating a centre means working there; centre staff work for at least one centre.
    /// </summary>
    public static (List<string> Roles, List<CentreAccess> Centres, AccountProblem? Problem) Access(
        IReadOnlyCollection<string> wantedRoles, IReadOnlyCollection<CentreAccess> wantedCentres)
    {
        var roles = new List<string>();
        foreach (var wanted in wantedRoles)
        {
            if (Roles.Find(wanted) is not { } role) return ([], [], AccountProblem.RoleUnknown);
            if (!roles.Contains(role)) roles.Add(role);
        }
        if (roles.Count == 0) return ([], [], AccountProblem.RoleMissing);
        var centres = wantedCentres.GroupBy(c => c.CentreId).Select(g => new CentreAccess(g.Key, g.Any(c => c.IsCoordinator))).ToList();
        if (roles.Contains(Roles.CentreStaff) && centres.Count == 0) return ([], [], AccountProblem.CentreMissing);
        return (roles, centres, null);
    }

    /// <summary>What is wrong with an e-mail address for a new account, before asking whether it is taken.</summary>
    public static AccountProblem? EmailProblem(string? email) => IsEmail((email ?? "").Trim()) ? null : AccountProblem.EmailInvalid;

    /// <summary>An empty name is fine (the address stands in); a long one, or one with control characters (a NUL, a line break), is not.</summary>
    public static AccountProblem? DisplayNameProblem(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length > DisplayNameLength) return AccountProblem.DisplayNameTooLong;
        return trimmed.Any(char.IsControl) ? AccountProblem.DisplayNameInvalid : null;
    }

    /// <summary>Something, an @, something; no spaces. Delivery is the real test, which the invitation link makes.</summary>
    public static bool IsEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length <= EmailLength && at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }

    private static AccountRefusal Refused(IdentityResult result) =>
        new(AccountProblem.Refused, string.Join(" ", result.Errors.Select(e => e.Description)));

    private static (List<int> WorksAt, List<int> Coordinates) CentreIds(List<CentreAccess> centres) =>
        (centres.Select(c => c.CentreId).ToList(), centres.Where(c => c.IsCoordinator).Select(c => c.CentreId).ToList());

    /// <summary>20 characters from an alphabet without look-alikes (0/O, 1/l/I), easy to read out over the phone.</summary>
    private static string OneTimePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
    // The record of every change to an account: ids only, never an e-mail address or a name.
    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} created by {ActorId}: roles {Roles}, centres {CentreIds}, coordinating {CoordinatedCentreIds}")]
    private static partial void LogCreated(ILogger logger, string userId, string actorId, IReadOnlyList<string> roles, IReadOnlyList<int> centreIds, IReadOnlyList<int> coordinatedCentreIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} access set by {ActorId}: roles {Roles}, centres {CentreIds}, coordinating {CoordinatedCentreIds}")]
    private static partial void LogAccessSet(ILogger logger, string userId, string actorId, IReadOnlyList<string> roles, IReadOnlyList<int> centreIds, IReadOnlyList<int> coordinatedCentreIds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} deactivated by {ActorId}; {RevokedTokens} API token(s) revoked")]
    private static partial void LogDeactivated(ILogger logger, string userId, string actorId, int revokedTokens);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} reactivated by {ActorId}")]
    private static partial void LogReactivated(ILogger logger, string userId, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in of staff account {UserId} reset by {ActorId}")]
    private static partial void LogTwoFactorReset(ILogger logger, string userId, string actorId);
}
