namespace FamilyServices.Web.Domain;

public enum ScheduleKind { Weekly, Dates }

/// <summary>
/// When an offering meets, in the local time of its centre: either weekly on some days between two dates,
/// or on explicit dates. Extra dates add to a weekly pattern; excluded dates (holidays) remove from it.
/// </summary>
public sealed record Schedule
{
    public ScheduleKind Kind { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public Weekdays Weekdays { get; init; }
    public TimeOnly StartTime { get; init; }
    public TimeOnly EndTime { get; init; }
    public DateOnly[] ExtraDates { get; init; } = [];
    public DateOnly[] ExcludedDates { get; init; } = [];

    public static Schedule Weekly(DateOnly from, DateOnly to, Weekdays days, TimeOnly start, TimeOnly end) =>
        new() { Kind = ScheduleKind.Weekly, StartDate = from, EndDate = to, Weekdays = days, StartTime = start, EndTime = end };

    public static Schedule OnDates(IReadOnlyCollection<DateOnly> dates, TimeOnly start, TimeOnly end) => new()
    {
        Kind = ScheduleKind.Dates,
        StartDate = dates.Min(),
        EndDate = dates.Max(),
        ExtraDates = [.. dates.Order()],
        StartTime = start,
        EndTime = end,
    };

    /// <summary>Problems a person can fix; empty when the schedule is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (EndDate < StartDate) problems.Add("The end date is before the start date.");
        if (EndTime <= StartTime) problems.Add("The end time must be after the start time.");
        if (Kind == ScheduleKind.Weekly && Weekdays == Weekdays.None) problems.Add("Choose at least one day of the week.");
        if (Kind == ScheduleKind.Dates && ExtraDates.Length == 0) problems.Add("Give at least one date.");
        return problems;
    }

    /// <summary>The local dates on which the offering meets, in order.</summary>
    public IEnumerable<DateOnly> Dates()
    {
        var dates = new SortedSet<DateOnly>(ExtraDates.Where(d => d >= StartDate && d <= EndDate));
        if (Kind == ScheduleKind.Weekly)
        {
            for (var day = StartDate; day <= EndDate; day = day.AddDays(1))
            {
                if (Weekdays.Includes(day.DayOfWeek)) dates.Add(day);
            }
        }
        dates.ExceptWith(ExcludedDates);
        return dates;
    }

    /// <summary>Each meeting as a UTC interval, converting the local times with the centre's time zone.</summary>
    public IEnumerable<(DateTime StartsAtUtc, DateTime EndsAtUtc)> Occurrences(TimeZoneInfo timeZone) =>
        Dates().Select(date => (ToUtc(date, StartTime, timeZone), ToUtc(date, EndTime, timeZone)));

    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo timeZone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A time skipped by the spring clock change (e.g. 02:30) is taken as the hour after.
        if (timeZone.IsInvalidTime(local)) local = local.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, timeZone);
    }
}
