using System.Globalization;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Catalogue.Search;

public enum TimeOfDay { Morning, Afternoon, Evening, Weekend }

/// <summary>A problem with one filter, as a UI string key and its arguments, so the page and the API say it in the visitor's language.</summary>
public sealed record SearchProblem(string Field, string MessageKey, params object[] Arguments);

/// <summary>
/// What a parent (or an API client) asked for. Every filter is a query-string parameter, so a result page can be
/// shared and bookmarked; <see cref="Parse"/> turns the raw strings into checked values and says what is wrong.
/// </summary>
public sealed record SearchFilters
{
    public const int MaxTextLength = 100;
    public const int MaxPage = 1000;
    public const int MaxAgeMonths = 18 * 12;

    public string? Text { get; init; }
    public string? Where { get; init; }
    public (double Latitude, double Longitude)? Near { get; init; }
    public double? RadiusKm { get; init; }
    public int? AgeMonths { get; init; }
    public string? Category { get; init; }
    public DayOfWeek? Day { get; init; }
    public TimeOfDay? Time { get; init; }
    public bool FreeOnly { get; init; }
    public string? Language { get; init; }
    public bool? Online { get; init; }
    public string? District { get; init; }
    public string? Accessibility { get; init; }
    public bool ThisWeek { get; init; }
    public int Page { get; init; } = 1;

    public bool HasPlace => Near is not null || Where is not null;

    public static (SearchFilters Filters, IReadOnlyList<SearchProblem> Problems) Parse(IQueryCollection query, DateOnly today)
    {
        var problems = new List<SearchProblem>();
        string? Get(string name)
        {
            var value = query[name].ToString().Trim();
            return value.Length == 0 ? null : value;
        }

        string? Text(string name)
        {
            var value = Get(name);
            if (value is null) return null;
            if (value.Length > MaxTextLength || value.Any(char.IsControl))
            {
                problems.Add(new(name, "SearchTextTooLong", MaxTextLength));
                return null;
            }
            return value;
        }

        int? Whole(string name, int min, int max, string messageKey)
        {
            var value = Get(name);
            if (value is null) return null;
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max) return number;
            problems.Add(new(name, messageKey, min, max));
            return null;
        }

        bool Flag(string name)
        {
            var value = Get(name);
            if (value is null) return false;
            if (value is "true" or "on" or "1") return true;
            if (value is "false" or "off" or "0") return false;
            problems.Add(new(name, "SearchFlagInvalid"));
            return false;
        }

        var filters = new SearchFilters
        {
            Text = Text("q"),
            Where = Text("where") ?? Text("postcode"),
            Near = ParseNear(Get("near"), problems),
            RadiusKm = Whole("radiusKm", 1, 100, "SearchRadiusInvalid"),
            AgeMonths = ParseAge(Get("age"), Get("ageMonths"), Get("birth"), today, problems),
            Category = Code(Get("category"), "category", problems),
            Day = ParseDay(Get("day"), problems),
            Time = ParseTime(Get("time"), problems),
            FreeOnly = Flag("free"),
            Language = ParseLanguage(Get("language"), problems),
            Online = Get("online") is null ? null : Flag("online"),
            District = Code(Get("district"), "district", problems),
            Accessibility = ParseAccessibility(Get("access"), problems),
            ThisWeek = Flag("thisWeek"),
            Page = Whole("page", 1, MaxPage, "SearchPageInvalid") ?? 1,
        };
        if (filters.RadiusKm is not null && !filters.HasPlace) problems.Add(new("radiusKm", "SearchRadiusNeedsPlace"));
        return (filters, problems);
    }

    private static (double, double)? ParseNear(string? value, List<SearchProblem> problems)
    {
        if (value is null) return null;
        var parts = value.Split(',');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180)
        {
            return (latitude, longitude);
        }
        problems.Add(new("near", "SearchNearInvalid"));
        return null;
    }

    /// <summary>An age in years, in months, or a birth month (YYYY-MM): whichever the parent knows.</summary>
    private static int? ParseAge(string? years, string? months, string? birth, DateOnly today, List<SearchProblem> problems)
    {
        if (birth is not null)
        {
            if (DateOnly.TryParseExact(birth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
                && Participant.AgeInMonths(born.Year, born.Month, today) is var age and >= 0 and <= MaxAgeMonths)
            {
                return age;
            }
            problems.Add(new("birth", "SearchBirthInvalid"));
            return null;
        }
        if (months is not null)
        {
            if (int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m <= MaxAgeMonths) return m;
            problems.Add(new("ageMonths", "SearchAgeInvalid", 0, 17));
            return null;
        }
        if (years is not null)
        {
            if (int.TryParse(years, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y <= 17) return y * 12 + 6;
            problems.Add(new("age", "SearchAgeInvalid", 0, 17));
        }
        return null;
    }

    private static string? Code(string? value, string field, List<SearchProblem> problems)
    {
        if (value is null) return null;
        if (value.Length <= 60 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return value;
        problems.Add(new(field, "SearchChoiceUnknown"));
        return null;
    }

    private static DayOfWeek? ParseDay(string? value, List<SearchProblem> problems)
    {
        if (value is null) return null;
        if (Enum.TryParse<DayOfWeek>(value, ignoreCase: true, out var day) && Enum.IsDefined(day) && !int.TryParse(value, out _)) return day;
        problems.Add(new("day", "SearchChoiceUnknown"));
        return null;
    }

    private static TimeOfDay? ParseTime(string? value, List<SearchProblem> problems)
    {
        if (value is null) return null;
        if (Enum.TryParse<TimeOfDay>(value, ignoreCase: true, out var time) && Enum.IsDefined(time) && !int.TryParse(value, out _)) return time;
        problems.Add(new("time", "SearchChoiceUnknown"));
        return null;
    }

    private static string? ParseLanguage(string? value, List<SearchProblem> problems)
    {
        if (value is null) return null;
        if (value.Length is 2 or 3 && value.All(char.IsAsciiLetterLower)) return value;
        problems.Add(new("language", "SearchChoiceUnknown"));
        return null;
    }

    private static string? ParseAccessibility(string? value, List<SearchProblem> problems)
    {
        if (value is null) return null;
        if (AccessibilityFeatures.All.Contains(value)) return value;
        problems.Add(new("access", "SearchChoiceUnknown"));
        return null;
    }
}
