namespace FamilyServices.Web.Data.Demo;

/// <summary>Date helpers for building schedules: holiday lists, closures and "today" in the city.</summary>
internal static class DemoCalendar
{
    /// <summary>The city's local date now: sessions before it happened, sessions from it on are still to come.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);

    /// <summary>Every date from the first to the last, inclusive.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1)) yield return day;
    }

    /// <summary>Every date of each (first, last) range.</summary>
    public static IEnumerable<DateOnly> Days(IEnumerable<(DateOnly First, DateOnly Last)> ranges) =>
        ranges.SelectMany(r => Days(r.First, r.Last));

    /// <summary>The dates that fall inside a period, in order: a schedule only needs the holidays of its own term.</summary>
    public static DateOnly[] Within(IEnumerable<DateOnly> dates, DateOnly start, DateOnly end) =>
        [.. dates.Where(d => d >= start && d <= end).Distinct().Order()];

    /// <summary>The first given weekday of every month of a period, e.g. a monthly Saturday activity.</summary>
    public static IEnumerable<DateOnly> FirstOfEachMonth(DayOfWeek day, DateOnly start, DateOnly end)
    {
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
        {
            var date = month.AddDays(((int)day - (int)month.DayOfWeek + 7) % 7);
            if (date >= start && date <= end) yield return date;
        }
    }
}
