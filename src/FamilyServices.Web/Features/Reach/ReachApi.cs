using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Reach;

public static class ReachApi
{
    public const string OfficialRoles = $"{Roles.Official},{Roles.Admin}";

    public static WebApplication MapReachApi(this WebApplication app)
    {
        app.MapGet("/api/v1/reach", GetExactAsync)
            .WithName("GetReach")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiTokenAuthenticationHandler.SchemeName, Roles = OfficialRoles });
        app.MapGet("/api/v1/open/reach", GetPublicAsync)
            .WithName("GetOpenReach")
            .RequireRateLimiting(RateLimits.PublicSearch);
        return app;
    }

    /// <summary>
    /// Exact reach figures for officials: year (default this year), period (calendar|school), groupBy, optional drill-down
    /// (programmeType or centre) and from/to years for the cumulative figures.
    /// </summary>
    private static Task<Results<Ok<ReachResponse>, ProblemHttpResult>> GetExactAsync(
        HttpContext context, ReachReports reports, TimeProvider clock, IStringLocalizer<Text> text, CancellationToken cancellationToken) =>
        AnswerAsync(context, reports, clock, text, allowDrillDown: true, report => Task.FromResult(ReachPublication.Exact(report)), cancellationToken);

    /// <summary>The same figures for everyone, with small-number protection (counts below Portal:Reach:SuppressBelow are null).</summary>
    private static Task<Results<Ok<ReachResponse>, ProblemHttpResult>> GetPublicAsync(
        HttpContext context, ReachReports reports, TimeProvider clock, IStringLocalizer<Text> text, IConfiguration configuration,
        CancellationToken cancellationToken)
    {
        var threshold = SuppressionThreshold(configuration);
        return AnswerAsync(context, reports, clock, text, allowDrillDown: false, async report =>
        {
            if (report.Query.GroupBy != ReachDimensions.FocusArea) return ReachPublication.Protected(report, threshold);
            // Focus areas add up districts: a focus-area figure must not give away a district the district breakdown hides.
            var districts = await reports.GetAsync(report.Query with { GroupBy = ReachDimensions.District, FromYear = null, ToYear = null }, cancellationToken);
            return ReachPublication.Protected(report, threshold, districts, await reports.FocusAreaDistrictCodesAsync(cancellationToken));
        }, cancellationToken);
    }

    public static int SuppressionThreshold(IConfiguration configuration) =>
        Math.Max(2, configuration.GetValue("Portal:Reach:SuppressBelow", SmallNumberProtection.DefaultThreshold));

    private static async Task<Results<Ok<ReachResponse>, ProblemHttpResult>> AnswerAsync(
        HttpContext context, ReachReports reports, TimeProvider clock, IStringLocalizer<Text> text, bool allowDrillDown,
        Func<ReachReport, Task<ReachResponse>> publish, CancellationToken cancellationToken)
    {
        var (query, problems) = ReachRequest.Parse(context.Request.Query, clock.GetUtcNow().Year, allowDrillDown);
        if (problems.Count > 0)
        {
            return TypedResults.Problem(
                title: "Some reach parameters are not valid.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => text[p.MessageKey, p.Arguments].Value).ToArray()),
                });
        }
        return TypedResults.Ok(await publish(await reports.GetAsync(query, cancellationToken)));
    }
}
