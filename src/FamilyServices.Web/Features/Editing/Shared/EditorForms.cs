using System.Globalization;
using System.Text;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>A problem with one field of a form: the field's id (for the link in the summary and the mark on the field) and the message.</summary>
public sealed record FormProblem(string Field, string Message);

/// <summary>
/// Form values as the editors type them, and the city's local times: shared by the catalogue's editors. Dates, times
/// and date-times are the values of the browser's date, time and datetime-local inputs.
/// </summary>
public static class EditorForms
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";
    public const string LocalDateTimeFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>A posted field of a static page's form (the reference-data pages until they are interactive).</summary>
    public static string Value(this IFormCollection form, string name) => form[name].ToString().Trim();

    /// <summary>A posted checkbox of a static page's form (the reference-data pages until they are interactive).</summary>
    public static bool Checked(this IFormCollection form, string name) => form[name].Any(v => v is "true" or "on");

    /// <summary>
    /// A one-line text as it is checked and stored: control characters (a NUL, tabs and line breaks pasted from
    /// elsewhere) become spaces, and the ends are trimmed.
    /// </summary>
    public static string Line(string? value)
    {
        var text = value ?? "";
        if (text.Any(char.IsControl)) text = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return text.Trim();
    }

    /// <summary>A text of several lines as it is checked and stored: line breaks as "\n", other control characters dropped, the ends trimmed.</summary>
    public static string Block(string? value)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Any(c => char.IsControl(c) && c != '\n')) text = new string(text.Where(c => !char.IsControl(c) || c == '\n').ToArray());
        return text.Trim();
    }

    /// <summary>"(from 02.11.2026 09:00 until …)" for an item's publication window in the city's time, or null when it has none.</summary>
    public static string? WindowText(IStringLocalizer<Text> t, DateTime? from, DateTime? until, TimeZoneInfo zone)
    {
        string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("g", CultureInfo.CurrentCulture);
        return (from, until) switch
        {
            (null, null) => null,
            ({ } f, null) => t["EditWindowFrom", Local(f)].Value,
            (null, { } u) => t["EditWindowUntil", Local(u)].Value,
            ({ } f, { } u) => t["EditWindowBetween", Local(f), Local(u)].Value,
        };
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A LIKE pattern that matches <paramref name="text"/> itself: its "%", "_" and backslash taken literally.</summary>
    public static string LikeLiterally(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || DateOnly.TryParse(value, CultureInfo.CurrentCulture, DateTimeStyles.None, out date);

    public static bool TryTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, [TimeFormat, "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>A datetime-local field ("2026-11-02T09:30") in the city's time zone, as UTC.</summary>
    public static bool TryLocalDateTime(string value, TimeZoneInfo zone, out DateTime utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(value, [LocalDateTimeFormat, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        utc = Domain.Schedule.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
        return true;
    }

    public static string LocalDateTimeValue(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), zone).ToString(LocalDateTimeFormat, CultureInfo.InvariantCulture) : "";

    public static string DateValue(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";

    /// <summary>Dates typed into a box, one per line or separated by commas; the ones that are not dates are returned apart.</summary>
    public static (List<DateOnly> Dates, List<string> Invalid) DateList(string value)
    {
        var dates = new List<DateOnly>();
        var invalid = new List<string>();
        foreach (var part in value.Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryDate(part, out var date)) dates.Add(date);
            else invalid.Add(part.Length > 20 ? part[..20] + "…" : part);
        }
        return (dates.Distinct().Order().ToList(), invalid);
    }

    public static string DateListValue(IEnumerable<DateOnly> dates) => string.Join("\n", dates.Order().Select(d => d.ToString(DateFormat, CultureInfo.InvariantCulture)));

    /// <summary>The language's own name ("Türkçe"), as the language switch and the public pages show it.</summary>
    public static string LanguageName(string code)
    {
        try { return CultureInfo.GetCultureInfo(code).NativeName; }
        catch (CultureNotFoundException) { return code; }
    }

    public static TimeZoneInfo Zone(string timeZone) => TimeZoneInfo.FindSystemTimeZoneById(timeZone);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));

    public static bool TryVersion(string value, out uint version) =>
        uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    /// <summary>A unique index refused the save (two people took the same code or address at the same moment).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception, out string constraint)
    {
        constraint = exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres ? postgres.ConstraintName ?? "" : "";
        return constraint.Length > 0;
    }

    /// <summary>"Çocuk Jimnastiği für Ältere" → "cocuk-jimnastigi-fur-altere": a web address that reads like the title.</summary>
    public static string Slugify(string text, int maxLength = 120)
    {
        var folded = text.Replace("ı", "i", StringComparison.Ordinal).Replace("İ", "i", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in folded.ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var result = slug.ToString().Trim('-');
        return result.Length > maxLength ? result[..maxLength].TrimEnd('-') : result;
    }
}
