namespace FamilyServices.Web.Domain;

/// <summary>The days of a weekly schedule, Monday first as in every city we serve.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

public static class WeekdaysExtensions
{
    public const Weekdays AllWeek = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday
        | Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday;

    public static Weekdays ToWeekdays(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.Sunday,
    };

    public static bool Includes(this Weekdays days, DayOfWeek day) => (days & day.ToWeekdays()) != 0;

    public static IEnumerable<DayOfWeek> Days(this Weekdays days)
    {
        DayOfWeek[] mondayFirst =
        [
            DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
            DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
        ];
        return mondayFirst.Where(day => days.Includes(day));
    }
}
