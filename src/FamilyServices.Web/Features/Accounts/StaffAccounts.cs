using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts;

public static class StaffAccounts
{
    /// <summary>Claim type listing the id of each centre the signed-in user works for.</summary>
    public const string CentreClaim = "fs:centre";

    /// <summary>Claim type listing the id of each centre the user coordinates.</summary>
    public const string CoordinatorClaim = "fs:coordinator";

    /// <summary>Claim present (value "on") when the account signs in with an authenticator code as well as its password.</summary>
    public const string TwoFactorClaim = "fs:2fa";

    public static WebApplicationBuilder AddStaffAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FamilyServicesDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>();

        builder.Services
            .AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        // Every cookie Identity may write (sign-in, "password given, code pending", external) is for HTTPS only, out
        // of reach of scripts and not sent along with cross-site posts.
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            builder.Services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        }
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<AccountSettings>((options, settings) =>
        {
            options.Cookie.Name = "fs.auth";
            options.LoginPath = "/account/sign-in";
            options.AccessDeniedPath = "/status/403";
            SignIn.SessionLifetime.Configure(options, settings);
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, options => options.Cookie.Name = "fs.2fa");
        builder.Services.AddSingleton(provider => AccountSettings.From(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<ApiTokenService>();
        builder.Services.AddScoped<TwoFactor.TwoFactorEnrolment>();
        return builder;
    }
}
