using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.Passwords;

/// <summary>
/// An account created with a one-time password (<see cref="Domain.StaffUser.MustChangePassword"/>) may use nothing but
/// the change-password page until it has chosen its own. The flag travels as a claim that
/// <see cref="StaffClaimsFactory"/> sets; the sign-in cookie is rebuilt from the database on every request
/// (<see cref="Users.UserManagement"/>), so the claim is current. Only sign-in cookies are gated: a request
/// authenticated by an API token carries no such claim.
/// </summary>
public static class MustChangePasswordGate
{
    public const string Claim = "fs:must-change-password";

    /// <summary>Run right after <c>UseAuthorization</c>, before any other gate that may send the person elsewhere.</summary>
    public static IApplicationBuilder UseMustChangePasswordGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(c => c.Type == Claim)
            && context.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            && !IsAllowed(context.Request.Path))
        {
            var target = PasswordFlows.ChangePath;
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value is { Length: > 1 } path)
            {
                target += $"?returnUrl={Uri.EscapeDataString(path + context.Request.QueryString)}";
            }
            context.Response.StatusCode = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? StatusCodes.Status302Found
                : StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = target;
            return;
        }
        await next(context);
    });

    /// <summary>The change-password page, the other account pages (sign-out, links), error pages, health, the language switch.</summary>
    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/status") || path.StartsWithSegments("/error")
        || path.StartsWithSegments("/health") || path.StartsWithSegments(Language.LanguageSwitch.Path);

    public static bool MustChangePassword(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == Claim);
}
