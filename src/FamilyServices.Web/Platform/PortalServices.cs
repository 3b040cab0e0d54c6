using System.Text.Encodings.Web;
using System.Text.Unicode;
using FamilyServices.Web.Features.Accounts;
using Microsoft.Extensions.WebEncoders;

namespace FamilyServices.Web.Platform;

public static class PortalServices
{
    /// <summary>Everything the portal needs, shared by the web app and the operator commands.</summary>
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.AddPortalLogging();
        builder.AddPortalDatabase();
        builder.AddPortalLocalization();
        builder.AddStaffAccounts();
        Features.Accounts.Passwords.PasswordServices.AddPasswords(builder);
        Features.Accounts.Users.UserManagement.AddUserManagement(builder);
        Features.Privacy.PrivacyEndpoints.AddPrivacy(builder);
        builder.AddPortalRateLimits();
        builder.AddPortalSecurityHeaders();
        builder.AddPortalRequestLimits();
        builder.Services.AddOpenApi();
        builder.Services.AddScoped<Features.Catalogue.Search.ProgrammeSearch>();
        builder.Services.AddScoped<Features.Catalogue.Search.PlaceResolver>();
        builder.Services.AddScoped<Features.Attendance.Import.AttendanceImporter>();
        builder.Services.AddScoped<Features.Reach.ReachRefresher>();
        builder.Services.AddScoped<Features.Reach.ReachReports>();
        builder.Services.AddScoped<Features.Audit.AuditTrail>();
        builder.Services.AddHostedService<Features.Reach.ReachRefreshService>();
        builder.Services.AddSingleton<Features.Catalogue.Search.SearchChoices>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CurrentCity>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        builder.Services.AddProblemDetails();
        // Turkish, German, Dutch and Arabic letters are written as they are, not as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // First, so that every answer carries the headers: static files, errors, 413s and 429s included.
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CorrelationAndRequestLogging>();
        app.UsePortalErrorResponses();
        app.UseStaticFiles();
        // Routing after the status-code pages, so a re-executed request (/status/404) is routed afresh.
        app.UseRouting();
        app.UseDeclaredSizeRefusal();
        app.UsePortalLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        Features.Accounts.Passwords.MustChangePasswordGate.UseMustChangePasswordGate(app);
        Features.Accounts.TwoFactor.TwoFactorRequirement.UseTwoFactorRequirement(app);
        app.UseAntiforgery();
        app.UseOversizeFormRefusal();
        app.UseRateLimiter();
        return app;
    }
}
