using FamilyServices.Web.Features.Accounts.SignIn;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Accounts of the roles in <see cref="AccountSettings.TwoFactorRequiredRoles"/> that signed in with only a password
/// (no authenticator yet) can reach nothing but the enrolment page and the few pages needed around it. Runs after
/// authorisation, so it sees the principal an endpoint authenticated; API tokens are not sign-ins and pass.
/// </summary>
public static class TwoFactorRequirement
{
    /// <summary>Where such an account may still go: enrolment, signing out, status and error pages, changing its password.</summary>
    private static readonly string[] OpenPaths =
        [TwoFactorPaths.Enrol, SignOutEndpoint.Path, "/status", "/account/password", Language.LanguageSwitch.Path];

    public static WebApplication UseTwoFactorRequirement(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (MustEnrolFirst(context))
            {
                context.Response.Redirect(TwoFactorPaths.Enrol);
                return;
            }
            await next(context);
        });
        return app;
    }

    private static bool MustEnrolFirst(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is not { IsAuthenticated: true, AuthenticationType: var type } || type != IdentityConstants.ApplicationScheme) return false;
        if (user.HasClaim(StaffAccounts.TwoFactorClaim, "on")) return false;
        var settings = context.RequestServices.GetRequiredService<AccountSettings>();
        if (!settings.TwoFactorRequiredRoles.Any(user.IsInRole)) return false;
        var path = context.Request.Path;
        return !OpenPaths.Any(open => path.StartsWithSegments(open, StringComparison.OrdinalIgnoreCase));
    }
}

public static class TwoFactorPaths
{
    public const string Account = "/account";
    public const string Enrol = "/account/two-factor";
    public const string Code = "/account/sign-in/code";
    public const string Tokens = "/account/tokens";
}
