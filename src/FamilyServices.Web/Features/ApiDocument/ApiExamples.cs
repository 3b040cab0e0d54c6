using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance.Import;
using FamilyServices.Web.Features.Catalogue;
using FamilyServices.Web.Features.Catalogue.Search;
using FamilyServices.Web.Features.Reach;
using Microsoft.OpenApi;

namespace FamilyServices.Web.Features.ApiDocument;

/// <summary>A query parameter an operation reads itself (so the generator cannot see it), with a realistic value.</summary>
public sealed record ApiQueryParameter(string Name, string Description, string Example, JsonSchemaType Type = JsonSchemaType.String);

/// <summary>
/// What a caller of one operation sees in the document: a 200 answer with realistic values (typed, so it cannot drift
/// from the answer's record), the query parameters with examples, and a request body example.
/// </summary>
public sealed record ApiOperationExample(string Summary, object Response)
{
    public IReadOnlyList<ApiQueryParameter> Query { get; init; } = [];
    public (string MediaType, string Body)? Request { get; init; }
}

/// <summary>
/// The examples of every operation of the described API, keyed "METHOD /path", from the Kocaeli demo.
/// A new /api endpoint needs an entry: ApiDocumentTests fails until it has one.
/// </summary>
public static class ApiExamples
{
    private static readonly CatalogueApi.CentreItem Izmit = new(
        "IZM", "Anne Şehir İzmit", "FamilyCentre", "IZMIT", "Yahya Kaptan Mah. Ahmet Yesevi Cad. No: 12", "41050", "İzmit", 40.7685, 29.958);

    private static readonly ApiQueryParameter Page = new("page", "Page number, from 1.", "1", JsonSchemaType.Integer);

    public static readonly IReadOnlyDictionary<string, ApiOperationExample> ByOperation = new Dictionary<string, ApiOperationExample>
    {
        ["GET /api/v1/centres"] = new("The city's centres, ordered by code.",
            new CatalogueApi.PagedResult<CatalogueApi.CentreItem>(1, 100, 12, [Izmit]))
        {
            Query = [Page, new("pageSize", $"Items per page, 1 to {CatalogueApi.MaxPageSize}.", "100", JsonSchemaType.Integer)],
        },
        ["GET /api/v1/offerings"] = new("Published offerings of published programmes, ordered by code; titles in the request's language (Accept-Language), else the city's.",
            new CatalogueApi.PagedResult<CatalogueApi.OfferingItem>(1, 100, 138,
            [
                new("IZM-AY-26-1", "KOC-ANNEYANI", "Anne yanı classes", "en", "IZM", "Anne Şehir İzmit", "IZMIT", 40.7685, 29.958, false,
                    new CatalogueApi.ScheduleItem("weekly", new DateOnly(2026, 9, 14), new DateOnly(2027, 6, 18),
                        ["monday", "tuesday", "wednesday", "thursday", "friday"], "09:30", "11:30", "Europe/Istanbul", [],
                        [new DateOnly(2026, 10, 29), new DateOnly(2027, 1, 1), new DateOnly(2027, 4, 23)])),
            ]))
        {
            Query = [Page, new("pageSize", $"Items per page, 1 to {CatalogueApi.MaxPageSize}.", "100", JsonSchemaType.Integer)],
        },
        ["GET /api/v1/programmes"] = new("The parents' search as JSON, with the search page's filters; all filters combine.",
            new CatalogueApi.PagedResult<CatalogueApi.ProgrammeItem>(1, 20, 1,
            [
                new("KOC-SATRANC", "satranc", "Chess", "en",
                    "From how the pieces move to simple strategies: a chess workshop that teaches thinking ahead and patience.",
                    "Workshop", "Numbers and mind games", 72, 144, true, null, ["tr", "en"], 0,
                    new NearestCentre("IZM", "Anne Şehir İzmit", 40.7685, 29.958)),
            ]))
        {
            Query =
            [
                new("q", "Words to search for in titles and descriptions.", "satranç"),
                new("postcode", "A postcode of the city: results are ordered by distance from it (also: where=a place name).", "41050"),
                new("near", "Latitude,longitude to order by distance from (instead of postcode).", "40.7685,29.9580"),
                new("radiusKm", "Only within this many kilometres of the place, 1 to 100.", "10", JsonSchemaType.Integer),
                new("age", "The child's age in years, 0 to 17 (or ageMonths, or birth=YYYY-MM).", "7", JsonSchemaType.Integer),
                new("category", "A category code.", "numbers-mind-games"),
                new("day", "A weekday in English.", "saturday"),
                new("time", "Time of day: morning, afternoon or evening.", "afternoon"),
                new("free", "Only free programmes.", "true", JsonSchemaType.Boolean),
                new("language", "A delivery language (ISO 639-1).", "tr"),
                new("online", "Only online (true) or only in person (false).", "false", JsonSchemaType.Boolean),
                new("district", "A district code.", "IZMIT"),
                new("access", "An accessibility feature the centre must have.", "step-free"),
                new("thisWeek", "Only programmes with a session this week.", "true", JsonSchemaType.Boolean),
                Page,
                new("pageSize", "Items per page, 1 to 100.", "20", JsonSchemaType.Integer),
            ],
        },
        ["GET /api/v1/open/reach"] = new("Children reached, for everyone: counts that could single out a child are null and marked suppressed.",
            Reach(exact: false))
        {
            Query = ReachQuery(drillDown: false),
        },
        ["GET /api/v1/reach"] = new("Exact reach figures for officials (token of an Official or Admin), with drill-down.",
            Reach(exact: true))
        {
            Query = ReachQuery(drillDown: true),
        },
        ["GET /api/v1/me"] = new("Who the token belongs to, with roles and centres: check a token before using it.",
            new AccountApi.CurrentAccount("ayse.yilmaz@example.org", "Ayşe Yılmaz", ["Staff"], ["IZM"])),
        ["POST /api/v1/attendance/import"] = new(
            $"Imports a CSV file of attendance (UTF-8, header row, at most {AttendanceImporter.MaxSizeText}) all or nothing; a second import of the same file changes nothing.",
            new ImportSummary(3, 3, 1, 2, []))
        {
            Request = ("text/csv", AttendanceImporter.Header + "\n"
                + "IZM-AY-26-1,2026-11-16,09:30,K7M2-Q9P4,2021,5,IZMIT,present\n"
                + "IZM-AY-26-1,2026-11-16,09:30,T3H8-W6N1,2022,1,DERINCE,absent\n"
                + "IZM-AY-26-1,2026-11-17,09:30,K7M2-Q9P4,2021,5,IZMIT,present\n"),
        },
    };

    private static ApiQueryParameter[] ReachQuery(bool drillDown) =>
    [
        new("year", "The year, 2000 to 2100 (default: this year).", "2025", JsonSchemaType.Integer),
        new("period", "calendar (January to December) or school (August to July, named by its first year).", "calendar"),
        new("groupBy", $"What to break the figures down by: {string.Join(", ", ReachDimensions.All)}.", "programmeType"),
        new("from", "First year of a span (with to): the figures over several years, added up and each child once.", "2024", JsonSchemaType.Integer),
        new("to", "Last year of the span.", "2025", JsonSchemaType.Integer),
        .. drillDown
            ? new ApiQueryParameter[]
            {
                new("programmeType", "Drill down into one programme type (then groupBy centre, programme...).", "Workshop"),
                new("centre", "Drill down into one centre by its code.", "IZM"),
            }
            : [],
    ];

    private static ReachResponse Reach(bool exact) => new(
        new ReachPeriodJson("calendar", 2025, "2025", new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
        "programmeType", null, 63_006, 240_188, new ReachAnonymousJson(6_430, 5_314), 19_608, 312, 12,
        [
            new("ChildClass", "Anne yanı class", 38_770, 193_512, 11_880, null, null, false),
            new("Workshop", "Workshop", 29_673, 46_676, 7_320, null, null, false),
            new("OpenMeeting", "Open meeting", exact ? 3 : null, exact ? 3 : null, 408, null, null, !exact),
        ],
        exact ? 68_446 : 68_443, false, exact ? null : 5, new DateTime(2026, 12, 7, 6, 37, 52, DateTimeKind.Utc), null);
}
