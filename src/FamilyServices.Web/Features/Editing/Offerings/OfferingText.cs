using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Offerings;

/// <summary>An offering's schedule in one line for the editor's lists: "Every Monday, Wednesday, 10:00–11:30 (from … to …)".</summary>
public static class OfferingText
{
    public static string Schedule(Schedule schedule, IStringLocalizer<Text> t)
    {
        var culture = CultureInfo.CurrentCulture;
        var start = schedule.StartTime.ToString("t", culture);
        var end = schedule.EndTime.ToString("t", culture);
        if (schedule.Kind == ScheduleKind.Dates)
        {
            return t["OnDates", string.Join(", ", schedule.Dates().Take(6).Select(d => d.ToString("d", culture))) + (schedule.Dates().Skip(6).Any() ? " …" : ""), start, end];
        }
        var days = string.Join(", ", schedule.Weekdays.Days().Select(d => culture.DateTimeFormat.GetDayName(d)));
        return $"{t["WeeklyOn", days, start, end]} ({t["DateRange", schedule.StartDate.ToString("d", culture), schedule.EndDate.ToString("d", culture)]})";
    }
}
