using System.Globalization;
using System.Security.Claims;
using System.Text;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;

namespace FamilyServices.Web.Features.Privacy;

public static class PrivacyEndpoints
{
    public const string PagePath = "/admin/participants";
    public const string ExportPath = "/admin/participants/export";

    /// <summary>
    /// The JSON download of everything held about one child. A form post (the code travels in the body, never in a
    /// URL), Admins only, with antiforgery: binding a form field makes the framework check the token first.
    /// </summary>
    public static WebApplication MapPrivacyEndpoints(this WebApplication app)
    {
        app.MapPost(ExportPath, async ([FromForm] string? code, FamilyServicesDb db, AuditTrail audit, TimeProvider clock, ClaimsPrincipal user,
                HttpResponse response, CancellationToken cancellationToken) =>
            {
                response.Headers.CacheControl = "no-store";
                if (ParticipantCode.Normalize(code) is not { } normalised) return Results.BadRequest();
                var record = await ParticipantRecord.FindAsync(db, audit, normalised, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
                if (record is null) return Results.NotFound();

                await audit.RecordAsync(AuditAction.ParticipantExported, centreId: null, [record.ParticipantId], new { kind = "json" },
                    user.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
                var day = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                // The file name says nothing about the child: downloads folders get synchronised and shared.
                return Results.File(Encoding.UTF8.GetBytes(record.ToJson()), "application/json", $"participant-record-{day}.json");
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Admin));
        return app;
    }
}
