using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace FamilyServices.Web.Features.Attendance.Import;

public static class AttendanceImportApi
{
    public const string Path = "/api/v1/attendance/import";

    public static WebApplication MapAttendanceImport(this WebApplication app)
    {
        app.MapPost(Path, ImportAsync)
            .WithName("ImportAttendance")
            .Accepts<string>("text/csv")
            .Produces<ImportSummary>(StatusCodes.Status200OK)
            .Produces<ImportSummary>(StatusCodes.Status400BadRequest)
            .Produces<ImportSummary>(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // Above the portal's small default body limit (Platform/RequestLimits.cs); the importer enforces MaxBytes itself.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AttendanceImporter.MaxBytes + 1024 * 1024))
            .RequireAuthorization(new AuthorizeAttribute
            {
                AuthenticationSchemes = ApiTokenAuthenticationHandler.SchemeName, Roles = StaffSessions.StaffRoles,
            });
        return app;
    }

    /// <summary>
    /// Imports a CSV file of attendance (see <see cref="AttendanceImporter.Header"/>) all or nothing:
    /// 200 with the counts, 400 with every bad line (however many, including rows that would record or change
    /// attendance after the correction window without a coordinator's rights), 403 when a row belongs to a centre
    /// the token's owner does not work for.
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext context, AttendanceImporter importer, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            || !type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("Send the file with \"Content-Type: text/csv\" (UTF-8, with a header row).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        if (context.Request.ContentLength > AttendanceImporter.MaxBytes) return TooLarge();
        // Kestrel's default limit (30 MB) is far below a season's attendance; the importer enforces the real one.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = AttendanceImporter.MaxBytes + 1024 * 1024;
        }

        var result = await importer.ImportAsync(context.Request.Body, context.User, cancellationToken);
        return result.Outcome switch
        {
            ImportOutcome.Imported => TypedResults.Ok(result.Summary),
            ImportOutcome.Forbidden => TypedResults.Json(result.Summary, statusCode: StatusCodes.Status403Forbidden),
            ImportOutcome.TooLarge => TooLarge(),
            _ => TypedResults.BadRequest(result.Summary),
        };
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        title: "The file is too large.",
        detail: $"An import file may be at most {AttendanceImporter.MaxSizeText}. Split it into smaller files and import them one after the other.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
