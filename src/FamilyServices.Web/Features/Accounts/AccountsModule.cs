using FamilyServices.Web.Features.Accounts.Passwords;
using FamilyServices.Web.Features.Accounts.SignIn;
using FamilyServices.Web.Features.Accounts.TwoFactor;
using FamilyServices.Web.Features.Accounts.Users;

namespace FamilyServices.Web.Features.Accounts;

/// <summary>Staff sign-in (cookies and API tokens), passwords and links, two factors, the Admins' user pages.</summary>
public static class AccountsModule
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.AddStaffAccounts();
        builder.AddPasswords();
        builder.AddUserManagement();
        builder.AddCircuitSignIn();
        return builder;
    }

    /// <summary>Who the request is, what it may reach, and the two gates a half-finished account must pass first.</summary>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMustChangePasswordGate();
        app.UseTwoFactorRequirement();
        return app;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        app.MapAccountApi();
        app.MapSignOut();
        return app;
    }
}
