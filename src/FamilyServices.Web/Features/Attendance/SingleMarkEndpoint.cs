using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>
/// Saves one tick of the roster at once (htmx posts here on change). The same rules as the roster form: the
/// session must be visible to the user, the child on its roster, the correction window open (or the user a
/// coordinator), and the antiforgery token valid, which the framework checks because a form field is bound.
/// </summary>
public static class SingleMarkEndpoint
{
    public static string PathFor(long sessionId, int participantId) =>
        string.Create(CultureInfo.InvariantCulture, $"/staff/sessions/{sessionId}/marks/{participantId}");

    public static WebApplication MapSingleMark(this WebApplication app)
    {
        app.MapPost("/staff/sessions/{sessionId:long}/marks/{participantId:int}", SaveAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = StaffSessions.StaffRoles });
        return app;
    }

    private static async Task<IResult> SaveAsync(
        long sessionId, int participantId, [FromForm] string? status, HttpContext context, FamilyServicesDb db,
        TimeProvider clock, IConfiguration configuration, AuditTrail audit)
    {
        var session = await StaffSessions.FindVisibleAsync(db, sessionId, context.User);
        // Answers carry a body, so they reach the script as they are rather than as a redirect to a status page.
        if (session is null || session.Status == SessionStatus.Cancelled) return Results.Problem(statusCode: StatusCodes.Status404NotFound);
        if (!Enum.TryParse<AttendanceStatus>(status, out var mark) || !Enum.IsDefined(mark)) return Results.Problem(statusCode: StatusCodes.Status400BadRequest);
        if (!(await StaffSessions.RosterParticipantIdsAsync(db, session)).Contains(participantId)) return Results.Problem(statusCode: StatusCodes.Status404NotFound);
        var now = clock.GetUtcNow().UtcDateTime;
        var windowDays = configuration.GetValue("Portal:Attendance:CorrectionDays", AttendanceCorrections.DefaultWindowDays);
        if (!StaffSessions.MayWrite(session, context.User, now, windowDays)) return Results.Problem(statusCode: StatusCodes.Status403Forbidden);

        await AttendanceRecording.SaveAsync(db, audit, session.Offering.CentreId, session.Id, [(participantId, mark)], context.User.FindFirstValue(ClaimTypes.NameIdentifier), now);
        return Results.NoContent();
    }
}
