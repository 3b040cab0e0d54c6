using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts;

public static class StaffAccounts
{
    /// <summary>Claim type listing the id of each centre the signed-in user works for.</summary>
    public const string CentreClaim = "fs:centre";

    /// <summary>Claim type listing the id of each centre the user coordinates.</summary>
    public const string CoordinatorClaim = "fs:coordinator";

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
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.Cookie.Name = "fs.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.LoginPath = "/account/sign-in";
                options.AccessDeniedPath = "/status/403";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            }));
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<ApiTokenService>();
        return builder;
    }
}
