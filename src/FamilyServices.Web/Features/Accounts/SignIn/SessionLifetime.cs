using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using FamilyServices.Web.Platform;
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

    /// <summary>
    /// The same time as a claim, for open staff pages (circuits), which see the principal but not the cookie's
    /// properties; <see cref="KeepSignInTime"/> carries it over when the principal is rebuilt.
    /// </summary>
    public const string SignedInAtClaim = "fs:signed-in-at";

    public static void Configure(CookieAuthenticationOptions options, AccountSettings settings)
    {
        options.ExpireTimeSpan = settings.Idle;
        options.SlidingExpiration = true;
        options.Events.OnSigningIn = context =>
        {
            // A refresh of an existing sign-in (new claims after a change to the account) keeps its original time.
            if (!context.Properties.Items.TryGetValue(SignedInAtItem, out var signedInAt) || signedInAt is null)
            {
                signedInAt = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
                context.Properties.Items[SignedInAtItem] = signedInAt;
            }
            if (context.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
            {
                identity.AddClaim(new Claim(SignedInAtClaim, signedInAt));
            }
            return Task.CompletedTask;
        };
        options.Events.OnValidatePrincipal = async context =>
        {
            if (DatabaseOutageAnswers.IsOutageAnswer(context.HttpContext))
            {
                // The account cannot be looked up: the "temporarily unavailable" page is shown as to a visitor, and the
                // cookie stays for when the database is back.
                context.RejectPrincipal();
                return;
            }
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

    /// <summary>Identity rebuilds the principal from the account on every request; the sign-in time stays in it.</summary>
    public static Task KeepSignInTime(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SignedInAtClaim) is { } signedInAt && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SignedInAtClaim, signedInAt.Value));
        }
        return Task.CompletedTask;
    }

    /// <summary>The same rule for a principal in a circuit; a principal without a sign-in time counts as too old.</summary>
    public static bool SignedInRecently(ClaimsPrincipal principal, DateTimeOffset now, TimeSpan absolute) =>
        principal.FindFirst(SignedInAtClaim)?.Value is { } value
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && now - signedInAt < absolute;

    /// <summary>A cookie without a sign-in time (from before this check existed) counts as too old.</summary>
    public static bool SignedInRecently(AuthenticationProperties properties, DateTimeOffset now, TimeSpan absolute) =>
        properties.Items.TryGetValue(SignedInAtItem, out var value)
        && DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        && now - signedInAt < absolute;

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in of staff account {UserId} ended: older than the absolute session limit")]
    private static partial void LogAbsoluteTimeout(ILogger logger, string userId);
}
