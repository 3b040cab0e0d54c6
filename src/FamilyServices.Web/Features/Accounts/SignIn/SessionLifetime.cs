using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.SignIn;

/// <summary>
/// The two limits of a sign-in. Idle: the cookie's own sliding expiry (<see cref="AccountSettings.Idle"/>). Absolute:
/// the moment the password was given travels in the cookie's properties and is checked on every request, before
/// Identity's security-stamp check, which renews the cookie on every request and would otherwise keep it alive forever.
/// </summary>
public static partial class SessionLifetime
{
    /// <summary>Key of the sign-in time (UTC, round-trip format) in the cookie's authentication properties.</summary>
    public const string SignedInAtItem = "fs.signed-in-at";

    public static void Configure(CookieAuthenticationOptions options, AccountSettings settings)
    {
        options.ExpireTimeSpan = settings.Idle;
        options.SlidingExpiration = true;
        options.Events.OnSigningIn = context =>
        {
            // A refresh of an existing sign-in (new claims after a change to the account) keeps its original time.
            if (!context.Properties.Items.ContainsKey(SignedInAtItem))
            {
                context.Properties.Items[SignedInAtItem] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (!SignedInRecently(context.Properties, Now(context.Options), settings.Absolute))
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionLifetime));
                var userId = context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
                LogAbsoluteTimeout(logger, userId);
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        };
    }

    /// <summary>A cookie without a sign-in time (from before this check existed) counts as too old.</summary>
    public static bool SignedInRecently(AuthenticationProperties properties, DateTimeOffset now, TimeSpan absolute) =>
        properties.Items.TryGetValue(SignedInAtItem, out var value)
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && now - signedInAt < absolute;

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in of staff account {UserId} ended: older than the absolute session limit")]
    private static partial void LogAbsoluteTimeout(ILogger logger, string userId);
}
