using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalCalendar = Ical.Net.Calendar;

namespace FamilyServices.Web.Features.Catalogue.Calendar;

/// <summary>A session as the portal puts it in a calendar. The UID stays the same for the same session.</summary>
public sealed record CalendarEntry(
    string Uid, DateTime StartsAtUtc, DateTime EndsAtUtc, string Summary, string? Description, string? Location,
    string? Url, bool Cancelled);

/// <summary>
/// iCalendar (RFC 5545) written by Ical.Net, which ends lines with CRLF, folds them at 75 octets and escapes text.
/// Times are in UTC, so every calendar app shows them in its own zone; a cancelled session stays in the feed, marked.
/// </summary>
public static class CalendarFile
{
    public const string ProductId = "-//FamilyServices//Programme calendar//EN";

    public static string Write(string calendarName, IEnumerable<CalendarEntry> entries, DateTime nowUtc)
    {
        var calendar = new IcalCalendar { ProductId = ProductId, Scale = "GREGORIAN", Method = CalendarMethods.Publish };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        foreach (var entry in entries)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                DtStamp = Utc(nowUtc),
                DtStart = Utc(entry.StartsAtUtc),
                DtEnd = Utc(entry.EndsAtUtc),
                Summary = entry.Summary,
                Description = entry.Description,
                Location = entry.Location,
                Url = entry.Url is null ? null : new Uri(entry.Url),
                Status = entry.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), CalDateTime.UtcTzId);
}
