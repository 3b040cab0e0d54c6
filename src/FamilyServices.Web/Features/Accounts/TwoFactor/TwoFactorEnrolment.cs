using System.Text;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Setting up, using and switching off an authenticator app for one's own account, over Identity's own TOTP provider
/// (RFC 6238: HMAC-SHA1, 30 s, 6 digits) and single-use recovery codes (kept by Identity in the user tokens table).
/// Every change gives the account a new security stamp, so the caller refreshes the
/// sign-in of the browser that made it (<see cref="SignInManager{TUser}.RefreshSignInAsync"/>) and other sessions end.
/// Logged with the account id only.
/// </summary>
public sealed partial class TwoFactorEnrolment(UserManager<StaffUser> users, AccountSettings settings, ILogger<TwoFactorEnrolment> logger)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "FamilyServices";

    // Where Identity's UserManager keeps the recovery codes (UserManager's own constants, not public).
    private const string IdentityTokenProvider = "[AspNetUserStore]";
    private const string RecoveryCodesToken = "RecoveryCodes";

    /// <summary>The key to enrol with: the one already waiting, or a new one (which changes the security stamp: <paramref name="created"/>).</summary>
    public async Task<(string Key, bool Created)> PendingKeyAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (!string.IsNullOrEmpty(key)) return (key, false);
        await users.ResetAuthenticatorKeyAsync(user);
        return ((await users.GetAuthenticatorKeyAsync(user))!, true);
    }

    /// <summary>Turns two-factor sign-in on when the code matches the pending key; returns the new recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(StaffUser user, string code)
    {
        var normalized = NormalizeCode(code);
        if (normalized.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized))
        {
            LogEnrolmentCodeWrong(logger, user.Id);
            return null;
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        LogEnabled(logger, user.Id);
        return codes;
    }

    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(StaffUser user)
    {
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await users.UpdateSecurityStampAsync(user);
        LogRecoveryCodesRenewed(logger, user.Id);
        return codes;
    }

    /// <summary>False when the account's roles require two-factor sign-in.</summary>
    public async Task<bool> DisableAsync(StaffUser user)
    {
        if (MustUseTwoFactor(await users.GetRolesAsync(user))) return false;
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, IdentityTokenProvider, RecoveryCodesToken);
        LogDisabled(logger, user.Id);
        return true;
    }

    public bool MustUseTwoFactor(IEnumerable<string> roles) => settings.RequiresTwoFactor(roles);

    public Task<int> RecoveryCodesLeftAsync(StaffUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>The key in groups of four, for typing it into an app by hand.</summary>
    public static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToUpperInvariant();
    }

    /// <summary>The otpauth:// address (Google Authenticator's key URI format) that the QR code holds.</summary>
    public static string AuthenticatorUri(string accountName, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(accountName)}?secret={key.ToUpperInvariant()}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>Digits only: apps show codes as "123 456", people type "123-456".</summary>
    public static string NormalizeCode(string? code) =>
        code is null || code.Length > 20 ? "" : new string(code.Where(c => c is not (' ' or '-')).ToArray());

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in turned on for staff account {UserId}")]
    private static partial void LogEnabled(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two-factor sign-in turned off by staff account {UserId}")]
    private static partial void LogDisabled(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "New recovery codes made for staff account {UserId}")]
    private static partial void LogRecoveryCodesRenewed(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wrong code while setting up two-factor sign-in for staff account {UserId}")]
    private static partial void LogEnrolmentCodeWrong(ILogger logger, string userId);
}
