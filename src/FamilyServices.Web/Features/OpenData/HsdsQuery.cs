using System.Globalization;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>
/// The query parameters of the HSDS list endpoints, parsed and checked. Unknown parameters are ignored; a known one
/// with a bad value is a problem the client is told about (400), never silently dropped.
/// </summary>
public sealed record HsdsQuery
{
    public const int DefaultPerPage = 50;
    public const int MaxPerPage = 200;
    public const int MaxPage = 100_000;

    public string? Search { get; init; }
    public int Page { get; init; } = 1;
    public int PerPage { get; init; } = DefaultPerPage;
    public bool Ndjson { get; init; }
    public DateTime? ModifiedAfterUtc { get; init; }
    public bool? Minimal { get; init; }
    public bool? Full { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public Guid? TaxonomyId { get; init; }
    public Guid? OrganizationId { get; init; }
    public decimal? MinimumAge { get; init; }
    public decimal? MaximumAge { get; init; }
    public DayOfWeek? Day { get; init; }
    public TimeOnly? StartTime { get; init; }
    public TimeOnly? EndTime { get; init; }
    public string? Postcode { get; init; }
    public double? Proximity { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public bool TopOnly { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>Nested arrays wanted: full=true, or an ndjson download without minimal=true. Lists are minimal otherwise.</summary>
    public bool WantsFull => Full == true || (Ndjson && Minimal != true && Full != false);

    /// <summary>Skip for SQL.</summary>
    public int Skip => (Page - 1) * PerPage;

    /// <summary>The query and the problems found, by parameter name; no problems means the query is usable.</summary>
    public static (HsdsQuery Query, IReadOnlyDictionary<string, string[]> Problems) Parse(IQueryCollection query)
    {
        var problems = new Dictionary<string, string[]>();
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
        void Problem(string name, string message) => problems[name] = [message];

        int Int(string name, int fallback, int min, int max)
        {
            if (Text(name) is not { } text) return fallback;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
            Problem(name, $"'{name}' must be a whole number from {min} to {max}.");
            return fallback;
        }

        bool? Bool(string name)
        {
            if (Text(name) is not { } text) return null;
            switch (text.ToLowerInvariant())
            {
                case "true" or "1" or "yes": return true;
                case "false" or "0" or "no": return false;
                default:
                    Problem(name, $"'{name}' must be true or false.");
                    return null;
            }
        }

        Guid? Id(string name)
        {
            if (Text(name) is not { } text) return null;
            if (Guid.TryParse(text, out var id)) return id;
            Problem(name, $"'{name}' must be a UUID, such as 3f8b6a0e-5d1c-4c57-9a0b-2f6e1c9d7a41.");
            return null;
        }

        decimal? Years(string name)
        {
            if (Text(name) is not { } text) return null;
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var years) && years <= 150) return years;
            Problem(name, $"'{name}' must be an age in years from 0 to 150, such as 4 or 1.5.");
            return null;
        }

        TimeOnly? Time(string name)
        {
            if (Text(name) is not { } text) return null;
            if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
            Problem(name, $"'{name}' must be a time of day as HH:mm, such as 09:30.");
            return null;
        }

        double? Number(string name, double min, double max, string example)
        {
            if (Text(name) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max && double.IsFinite(value)) return value;
            Problem(name, $"'{name}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, such as {example}.");
            return null;
        }

        var format = Text("format");
        if (format is not null && format is not ("json" or "ndjson")) Problem("format", "'format' must be json or ndjson.");

        DateTime? modifiedAfter = null;
        if (Text("modified_after") is { } stamp)
        {
            if (DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                modifiedAfter = parsed.UtcDateTime;
            }
            else
            {
                Problem("modified_after", "'modified_after' must be an ISO 8601 date-time, such as 2026-01-31T12:00:00Z.");
            }
        }

        DayOfWeek? day = null;
        if (Text("day") is { } dayText)
        {
            day = ParseDay(dayText);
            if (day is null) Problem("day", "'day' must be a day of the week: MO, TU, WE, TH, FR, SA, SU or its English name (monday...).");
        }

        var result = new HsdsQuery
        {
            Search = Text("search"),
            Page = Int("page", 1, 1, MaxPage),
            PerPage = Int("per_page", DefaultPerPage, 1, MaxPerPage),
            Ndjson = format == "ndjson",
            ModifiedAfterUtc = modifiedAfter,
            Minimal = Bool("minimal"),
            Full = Bool("full"),
            TaxonomyTermId = Id("taxonomy_term_id"),
            TaxonomyId = Id("taxonomy_id"),
            OrganizationId = Id("organization_id"),
            MinimumAge = Years("minimum_age"),
            MaximumAge = Years("maximum_age"),
            Day = day,
            StartTime = Time("start_time"),
            EndTime = Time("end_time"),
            Postcode = Text("postcode"),
            Proximity = Number("proximity", 1, 1_000_000, "2000"),
            Latitude = Number("lat", -90, 90, "40.77"),
            Longitude = Number("lon", -180, 180, "29.94"),
            TopOnly = Bool("top_only") ?? false,
            ParentId = Id("parent_id"),
        };
        if (result is { MinimumAge: { } min, MaximumAge: { } max } && min > max)
        {
            Problem("maximum_age", "'maximum_age' must not be below 'minimum_age'.");
        }
        if (result is { StartTime: { } start, EndTime: { } end } && end <= start)
        {
            Problem("end_time", "'end_time' must be after 'start_time'.");
        }
        if ((result.Latitude is null) != (result.Longitude is null))
        {
            Problem("lat", "'lat' and 'lon' go together: give both or neither.");
        }
        if (result.Latitude is not null && result.Postcode is not null)
        {
            Problem("postcode", "Give either 'postcode' or 'lat' and 'lon', not both.");
        }
        if (result.Proximity is not null && result.Postcode is null && result.Latitude is null)
        {
            Problem("proximity", "'proximity' is measured from a point: give 'postcode' (or 'lat' and 'lon') too.");
        }
        return (result, problems);
    }

    /// <summary>"MO", "mo", "monday", "Monday" → Monday; null when it is no day.</summary>
    public static DayOfWeek? ParseDay(string text)
    {
        var value = text.Trim().ToLowerInvariant();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString().ToLowerInvariant();
            if (value == name || value == name[..2]) return day;
        }
        return null;
    }

    /// <summary>The weekday flag of a day, as stored in offerings.schedule_weekdays.</summary>
    public static Weekdays Flag(DayOfWeek day) => day.ToWeekdays();
}
