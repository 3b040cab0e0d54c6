using FamilyServices.Web.Data;
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
        app.MapGet("/api/v1/offerings", GetOfferings).WithName("GetOfferings");
        return app;
    }

    /// <summary>Published offerings of published programmes, ordered by code. Titles in the request language, else the city's.</summary>
    private static async Task<Results<Ok<PagedResult<OfferingItem>>, ProblemHttpResult>> GetOfferings(
        FamilyServicesDb db, CurrentCity currentCity, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        if (page is < 1 or > MaxPage)
            return TypedResults.Problem($"'page' must be a whole number from 1 to {MaxPage}.", statusCode: StatusCodes.Status400BadRequest);
        if (pageSize is < 1 or > MaxPageSize)
            return TypedResults.Problem($"'pageSize' must be a whole number from 1 to {MaxPageSize}.", statusCode: StatusCodes.Status400BadRequest);

        var city = await currentCity.GetAsync(cancellationToken);
        var language = Localization.CurrentLanguage;
        var fallback = city.DefaultLanguage;

        var published = db.Offerings.AsNoTracking().Where(o =>
            o.PublicationState == PublicationState.Published && o.Programme.PublicationState == PublicationState.Published);
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
