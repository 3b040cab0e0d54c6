using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.Users;

public static class UserManagement
{
    /// <summary>
    /// The Admins' user pages, and what makes their changes count at once: a sign-in cookie is checked against the
    /// account on every request (Identity's security-stamp check, by default every 30 minutes). A changed role or
    /// centre is in the claims of the very next request; a deactivated account (new security stamp) is signed out by
    /// it. The price is reading the account, its roles and centres per request, as API tokens already do.
    /// </summary>
    public static WebApplicationBuilder AddUserManagement(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            options.OnRefreshingPrincipal = SignIn.SessionLifetime.KeepSignInTime;
        });
        builder.Services.AddScoped<StaffAccountAdministration>();
        builder.Services.AddSingleton<OperationScopes>();
        return builder;
    }
}
