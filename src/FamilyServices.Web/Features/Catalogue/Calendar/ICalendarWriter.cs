using System.Globalization;
using System.Text;

namespace FamilyServices.Web.Features.Catalogue.Calendar;

public sealed record CalendarEvent(
    string Uid, DateTime StartsAtUtc, DateTime EndsAtUtc, string Summary, string? Description, string? Location,
    string? Url, bool Cancelled);

/// <summary>
/// Writes iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a UTF-8 character,
/// text escaped, times in UTC so every calendar shows them in its own zone.
/// </summary>
public static class ICalendarWriter
{
    public static string Write(string calendarName, IEnumerable<CalendarEvent> events, DateTime nowUtc)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//FamilyServices//Programme calendar//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(calendarName),
        };
        foreach (var item in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + Escape(item.Uid));
            lines.Add("DTSTAMP:" + Utc(nowUtc));
            lines.Add("DTSTART:" + Utc(item.StartsAtUtc));
            lines.Add("DTEND:" + Utc(item.EndsAtUtc));
            lines.Add("SUMMARY:" + Escape(item.Summary));
            if (item.Description is not null) lines.Add("DESCRIPTION:" + Escape(item.Description));
            if (item.Location is not null) lines.Add("LOCATION:" + Escape(item.Location));
            if (item.Url is not null) lines.Add("URL:" + item.Url);
            lines.Add("STATUS:" + (item.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");

        var text = new StringBuilder();
        foreach (var line in lines) Fold(text, line);
        return text.ToString();
    }

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTime value) => value.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1).</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
