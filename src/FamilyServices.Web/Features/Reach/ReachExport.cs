using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// GET /officials/reach/export.csv?&lt;the page's query&gt;&amp;table=breakdown|months|years|equity|cumulative: one table
/// of the officials' page as a CSV file. A file leaves the portal, so it is published data: small-number protection
/// applies, as in the public API.
/// </summary>
public static class ReachExport
{
    public static WebApplication MapReachExport(this WebApplication app)
    {
        app.MapGet(ReachPaths.Export, ExportAsync)
            .WithName("ExportReachTable")
            .ExcludeFromDescription()
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.ApplicationScheme, Roles = ReachApi.OfficialRoles });
        return app;
    }

    /// <summary>What an export showed, for the audit trail: the query only, never a row of the figures.</summary>
    public static object AuditDetails(ReachQuery query, string format, string table) => new
    {
        format, table, year = query.Year, period = query.Kind.ToString(), groupBy = query.GroupBy,
        programmeType = query.ProgrammeType, centre = query.Centre, from = query.FromYear, to = query.ToYear,
    };

    private static async Task<IResult> ExportAsync(
        HttpContext context, ReachReports reports, TimeProvider clock, IStringLocalizer<Text> text, IConfiguration configuration,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        var (query, parsed) = ReachRequest.Parse(context.Request.Query, clock.GetUtcNow().Year, allowDrillDown: true);
        var problems = parsed.ToList();
        var table = context.Request.Query["table"].ToString() is { Length: > 0 } name ? name : ReachTables.Breakdown;
        if (!ReachTables.All.Contains(table)) problems.Add(new("table", "ReachTableInvalid", string.Join(", ", ReachTables.All)));
        else if (table == ReachTables.Cumulative && query.FromYear is null) problems.Add(new("from", "ReachSpanIncomplete"));
        if (problems.Count > 0)
        {
            // The person followed a link or edited the address: say in their language what to change.
            var messages = problems.Select(p => ReachTables.ProblemMessage(p, text));
            return Results.Text(string.Join("\n", messages), "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
        }

        var threshold = ReachApi.SuppressionThreshold(configuration);
        var period = ReachPeriodRange.Of(query.Kind, query.Year);
        var csv = table switch
        {
            ReachTables.Months => ReachTables.MonthsOf(await reports.GetAsync(ReachTables.MonthsQuery(query), cancellationToken), text, threshold),
            ReachTables.Years => ReachTables.YearsOf(await reports.YearsAsync(query.Kind, cancellationToken), query.Kind, text, threshold),
            ReachTables.Equity => ReachTables.EquityOf(await reports.EquityAsync(query.Kind, query.Year, cancellationToken), period, text, threshold),
            ReachTables.Cumulative => ReachTables.CumulativeOf(
                await reports.CumulativeAsync(query.Kind, query.FromYear!.Value, query.ToYear!.Value, cancellationToken), query.Kind, text, threshold),
            _ => ReachTables.BreakdownOf(await reports.GetAsync(query with { FromYear = null, ToYear = null }, cancellationToken), text, threshold),
        };
        await audit.RecordAsync(AuditAction.ReachExported, null, [], AuditDetails(query, "csv", table), cancellationToken: cancellationToken);
        return Results.File(ReachCsv.Write(csv), "text/csv; charset=utf-8", ReachPaths.FileName(query, table));
    }
}
