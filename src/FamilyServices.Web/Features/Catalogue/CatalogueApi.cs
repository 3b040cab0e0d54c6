using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Features.Catalogue.Search;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Catalogue;

public static class CatalogueApi
{
    public const int MaxPageSize = 500;
    public const int MaxPage = 100_000;

    public sealed record OfferingItem(
        string Code, string ProgrammeCode, string ProgrammeTitle, string ProgrammeTitleLanguage,
        string CentreCode, string CentreName, string DistrictCode, double Latitude, double Longitude,
        bool IsOnline, ScheduleItem Schedule);

    public sealed record ScheduleItem(
        string Kind, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> Weekdays,
        string StartTime, string EndTime, string TimeZone, IReadOnlyList<DateOnly> ExtraDates, IReadOnlyList<DateOnly> ExcludedDates);

    public sealed record PagedResult<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items);

    public static WebApplication MapCatalogueApi(this WebApplication app)
    {
        app.MapGet("/api/v1/offerings", GetOfferings).WithName("GetOfferings").AsPublicCatalogueAnswer();
        app.MapGet("/api/v1/centres", GetCentres).WithName("GetCentres").AsPublicCatalogueAnswer();
        app.MapGet("/api/v1/programmes", SearchProgrammes).WithName("SearchProgrammes").RequireRateLimiting(RateLimits.PublicSearch)
            .AsPublicCatalogueAnswer();
        return app;
    }

    public sealed record CentreItem(
        string Code, string Name, string Type, string DistrictCode, string Street, string Postcode, string Locality,
        double Latitude, double Longitude);

    public sealed record ProgrammeItem(
        string Code, string Slug, string Title, string TitleLanguage, string Summary, string Type, string? Category,
        int MinAgeMonths, int MaxAgeMonths, bool IsFree, decimal? PriceAmount, IReadOnlyList<string> DeliveryLanguages,
        double? DistanceMetres, NearestCentre? NearestCentre);

    /// <summary>The centres of the city, ordered by code.</summary>
    private static async Task<Results<Ok<PagedResult<CentreItem>>, ProblemHttpResult>> GetCentres(
        FamilyServicesDb db, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        if (PagingProblem(page, pageSize, MaxPageSize) is { } problem) return problem;
        var total = await db.Centres.CountAsync(cancellationToken);
        var items = await db.Centres.AsNoTracking().OrderBy(c => c.Code).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CentreItem(c.Code, c.Name, c.Type.ToString(), c.District.Code, c.Street, c.Postcode, c.Locality, c.Latitude, c.Longitude))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<CentreItem>(page, pageSize, total, items));
    }

    /// <summary>
    /// The parents' search as JSON, with the same filters as the search page: q, near=lat,lon or postcode (or where),
    /// radiusKm, ageMonths (or age in years, or birth=YYYY-MM), category, day, time, free, language, online,
    /// district, access, thisWeek, page, pageSize (up to 100).
    /// </summary>
    private static async Task<Results<Ok<PagedResult<ProgrammeItem>>, ProblemHttpResult>> SearchProgrammes(
        HttpContext context, FamilyServicesDb db, ProgrammeSearch search, PlaceResolver places, CurrentCity currentCity,
        TimeProvider clock, IStringLocalizer<Text> text, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (filters, problems) = SearchFilters.Parse(context.Request.Query, DateOnly.FromDateTime(now));
        var pageSizeText = context.Request.Query["pageSize"].ToString();
        var pageSize = 20;
        if (pageSizeText.Length > 0 && (!int.TryParse(pageSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 100))
        {
            problems = [.. problems, new SearchProblem("pageSize", "SearchPageSizeInvalid", 1, 100)];
        }
        ResolvedPlace? place = null;
        if (problems.Count == 0 && filters.Near is null && filters.Where is not null)
        {
            place = await places.ResolveAsync(filters.Where, cancellationToken);
            if (place is null) problems = [new SearchProblem(context.Request.Query.ContainsKey("postcode") ? "postcode" : "where", "SearchPlaceUnknown", filters.Where)];
        }
        if (problems.Count > 0)
        {
            return TypedResults.Problem(
                title: "Some search parameters are not valid.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?>
                {
                    ["errors"] = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => text[p.MessageKey, p.Arguments].Value).ToArray()),
                });
        }

        var city = await currentCity.GetAsync(cancellationToken);
        var language = Localization.CurrentLanguage;
        var found = await search.FindAsync(filters, place, language, city.DefaultLanguage, now, pageSize, cancellationToken);
        var cards = await ProgrammeCards.LoadAsync(db, found.Hits, language, city.DefaultLanguage, cancellationToken);
        var items = cards.Select(c => new ProgrammeItem(c.Code, c.Slug, c.Title, c.TextLanguage, c.Summary, c.Type.ToString(), c.CategoryName,
            c.MinAgeMonths, c.MaxAgeMonths, c.IsFree, c.PriceAmount, c.DeliveryLanguages,
            c.DistanceMetres is { } metres ? Math.Round(metres) : null, c.NearestCentre)).ToList();
        return TypedResults.Ok(new PagedResult<ProgrammeItem>(found.Page, found.PageSize, found.Total, items));
    }

    private static ProblemHttpResult? PagingProblem(int page, int pageSize, int maxPageSize) =>
        page is < 1 or > MaxPage
            ? TypedResults.Problem($"'page' must be a whole number from 1 to {MaxPage}.", statusCode: StatusCodes.Status400BadRequest)
            : pageSize < 1 || pageSize > maxPageSize
                ? TypedResults.Problem($"'pageSize' must be a whole number from 1 to {maxPageSize}.", statusCode: StatusCodes.Status400BadRequest)
                : null;

    /// <summary>Published offerings of published programmes, ordered by code. Titles in the request language, else the city's.</summary>
    private static async Task<Results<Ok<PagedResult<OfferingItem>>, ProblemHttpResult>> GetOfferings(
        FamilyServicesDb db, CurrentCity currentCity, TimeProvider clock, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        if (PagingProblem(page, pageSize, MaxPageSize) is { } problem) return problem;

        var city = await currentCity.GetAsync(cancellationToken);
        var language = Localization.CurrentLanguage;
        var fallback = city.DefaultLanguage;

        var published = db.Offerings.AsNoTracking().Where(Publication.PublicOffering(clock.GetUtcNow().UtcDateTime));
        var total = await published.CountAsync(cancellationToken);
        var rows = await published
            .OrderBy(o => o.Code)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new
            {
                o.Code,
                ProgrammeCode = o.Programme.Code,
                Text = o.Programme.Texts
                    .Where(t => t.Language == language || t.Language == fallback)
                    .OrderBy(t => t.Language == language ? 0 : 1)
                    .Select(t => new { t.Title, t.Language })
                    .FirstOrDefault(),
                CentreCode = o.Centre.Code,
                CentreName = o.Centre.Name,
                DistrictCode = o.Centre.District.Code,
                o.Centre.Latitude,
                o.Centre.Longitude,
                o.Centre.TimeZone,
                o.IsOnline,
                o.Schedule,
            })
            .ToListAsync(cancellationToken);

        var items = rows.Select(r => new OfferingItem(
            r.Code, r.ProgrammeCode, r.Text?.Title ?? r.ProgrammeCode, r.Text?.Language ?? fallback,
            r.CentreCode, r.CentreName, r.DistrictCode, r.Latitude, r.Longitude, r.IsOnline,
            new ScheduleItem(
                r.Schedule.Kind == ScheduleKind.Weekly ? "weekly" : "dates",
                r.Schedule.StartDate, r.Schedule.EndDate,
                [.. r.Schedule.Weekdays.Days().Select(d => d.ToString().ToLowerInvariant())],
                r.Schedule.StartTime.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture),
                r.Schedule.EndTime.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture),
                r.TimeZone, r.Schedule.ExtraDates, r.Schedule.ExcludedDates))).ToList();

        return TypedResults.Ok(new PagedResult<OfferingItem>(page, pageSize, total, items));
    }
}
