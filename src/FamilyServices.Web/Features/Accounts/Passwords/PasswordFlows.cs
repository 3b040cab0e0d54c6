using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Accounts.Passwords;

/// <summary>What became of a link's use: done, a bad link (expired, used, altered, or the account cannot use it), or a refused password.</summary>
public enum LinkOutcome
{
    Done,
    LinkInvalid,
    PasswordRefused,
}

/// <summary>
/// Forgotten passwords, invitations and changing one's password: the links (sent by <see cref="IStaffMail"/>, never
/// with the address in them) and what happens when they are used. Logs carry account ids only; never an address,
/// a token or a link.
/// </summary>
public sealed partial class PasswordFlows(
    UserManager<StaffUser> users, IStaffMail mail, IConfiguration configuration, IStringLocalizer<Text> t, ILogger<PasswordFlows> logger)
{
    public const string ForgotPath = "/account/forgot";
    public const string ResetPath = "/account/reset";
    public const string InvitationPath = "/account/invitation";
    public const string ChangePath = "/account/password";

    /// <summary>
    /// Sends a reset link when an active account has this address; otherwise nothing. The caller shows the same answer
    /// either way, so the form tells nobody which addresses have accounts.
    /// </summary>
    public async Task RequestResetAsync(string email, Uri requestBase, CancellationToken cancellationToken = default)
    {
        var user = email.Length is > 0 and <= 200 ? await users.FindByEmailAsync(email.Trim()) : null;
        if (user is null || !user.IsActive)
        {
            LogResetNotSent(logger);
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link(requestBase, ResetPath, user.Id, token);
        await mail.SendAsync(new StaffMailMessage(user.Id, user.Email!, t["PwdMailResetSubject"], t["PwdMailResetBody", link, ResetLinkMinutes], link), cancellationToken);
        LogResetSent(logger, user.Id);
    }

    /// <summary>Whether the link may still be used (for showing the form or a "link no longer valid" message).</summary>
    public async Task<bool> IsResetLinkValidAsync(string? userId, string? token)
    {
        var user = await ActiveUserAsync(userId);
        return user is not null && !string.IsNullOrEmpty(token)
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<StaffUser>.ResetPasswordTokenPurpose, token);
    }

    /// <summary>
    /// Sets the new password from a reset link: the password no longer needs changing, the account's sessions end (new
    /// security stamp, which also spends the link) and a lockout is lifted.
    /// </summary>
    public async Task<(LinkOutcome Outcome, IReadOnlyList<IdentityError> Errors)> ResetAsync(string? userId, string? token, string password)
    {
        if (!await IsResetLinkValidAsync(userId, token)) return (LinkOutcome.LinkInvalid, []);
        var user = (await ActiveUserAsync(userId))!;
        var result = await users.ResetPasswordAsync(user, token!, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? (LinkOutcome.LinkInvalid, [])
                : (LinkOutcome.PasswordRefused, result.Errors.ToList());
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        LogResetDone(logger, user.Id);
        return (LinkOutcome.Done, []);
    }

    /// <summary>
    /// Sends an invitation link to an account that has not chosen a password yet. A fresh security stamp first, so an
    /// earlier invitation link of the same account stops working.
    /// </summary>
    public async Task<bool> SendInvitationAsync(StaffUser user, Uri requestBase, string actorId, CancellationToken cancellationToken = default)
    {
        if (!user.IsActive || await users.HasPasswordAsync(user)) return false;
        await users.UpdateSecurityStampAsync(user);
        var token = await users.GenerateUserTokenAsync(user, InvitationLinkTokens.Name, InvitationLinkTokens.Purpose);
        var link = Link(requestBase, InvitationPath, user.Id, token);
        await mail.SendAsync(new StaffMailMessage(user.Id, user.Email!, t["PwdMailInvitationSubject"], t["PwdMailInvitationBody", link, InvitationDays], link), cancellationToken);
        LogInvitationSent(logger, user.Id, actorId);
        return true;
    }

    public async Task<bool> IsInvitationValidAsync(string? userId, string? token)
    {
        var user = await ActiveUserAsync(userId);
        return user is not null && !string.IsNullOrEmpty(token) && !await users.HasPasswordAsync(user)
            && await users.VerifyUserTokenAsync(user, InvitationLinkTokens.Name, InvitationLinkTokens.Purpose, token);
    }

    /// <summary>Sets the invited person's first password. Nobody is signed in by it: they then sign in as everyone does.</summary>
    public async Task<(LinkOutcome Outcome, IReadOnlyList<IdentityError> Errors)> AcceptInvitationAsync(string? userId, string? token, string password)
    {
        if (!await IsInvitationValidAsync(userId, token)) return (LinkOutcome.LinkInvalid, []);
        var user = (await ActiveUserAsync(userId))!;
        // Adding the password gives the account a new security stamp: the link is spent.
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded) return (LinkOutcome.PasswordRefused, result.Errors.ToList());
        user.MustChangePassword = false;
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        LogInvitationAccepted(logger, user.Id);
        return (LinkOutcome.Done, []);
    }

    /// <summary>
    /// A signed-in person replaces their password (the current one proves it is them). New security stamp: every other
    /// session of the account ends; the caller refreshes this one's cookie.
    /// </summary>
    public async Task<IReadOnlyList<IdentityError>> ChangeAsync(StaffUser user, string current, string password)
    {
        if (current.Length > 0 && current == password) return [new IdentityError { Code = SameAsCurrent, Description = "The new password is the current one." }];
        var result = await users.ChangePasswordAsync(user, current, password);
        if (!result.Succeeded) return result.Errors.ToList();
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        LogChanged(logger, user.Id);
        return [];
    }

    /// <summary>The account with this id (tracked by Identity, for <see cref="SendInvitationAsync"/>).</summary>
    public Task<StaffUser?> FindAsync(string userId) => users.FindByIdAsync(userId);

    public const string SameAsCurrent = "PasswordSameAsCurrent";

    public int ResetLinkMinutes => Math.Clamp(configuration.GetValue("Portal:Accounts:ResetLinkMinutes", 60), 1, 24 * 60);

    public int InvitationDays => Math.Clamp(configuration.GetValue("Portal:Accounts:InvitationDays", 7), 1, 60);

    private async Task<StaffUser?> ActiveUserAsync(string? userId)
    {
        if (string.IsNullOrEmpty(userId) || userId.Length > 450) return null;
        var user = await users.FindByIdAsync(userId);
        return user is { IsActive: true } ? user : null;
    }

    /// <summary>
    /// An absolute link for a mail. <c>Portal:PublicAddress</c> when set: otherwise the request's own address, which
    /// trusts the Host header (set AllowedHosts or the public address in production, so nobody can have a link to their
    /// own server mailed to a colleague).
    /// </summary>
    private string Link(Uri requestBase, string path, string userId, string token)
    {
        var configured = configuration["Portal:PublicAddress"];
        var root = !string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configured, UriKind.Absolute, out var publicAddress) ? publicAddress : requestBase;
        return new Uri(root, $"{path}?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}").ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset requested for an address without an active account; nothing sent")]
    private static partial void LogResetNotSent(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password reset link sent to staff account {UserId}")]
    private static partial void LogResetSent(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password of staff account {UserId} reset with a link; its sessions end")]
    private static partial void LogResetDone(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation link sent to staff account {UserId} by {ActorId}")]
    private static partial void LogInvitationSent(ILogger logger, string userId, string actorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} accepted its invitation and chose a password")]
    private static partial void LogInvitationAccepted(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} changed its password")]
    private static partial void LogChanged(ILogger logger, string userId);
}
