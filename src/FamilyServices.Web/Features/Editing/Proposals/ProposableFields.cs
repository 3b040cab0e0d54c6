using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.Proposals;

/// <summary>One field of a proposal: its value when the proposal was made, and the value proposed.</summary>
public sealed record ProposedChange(
    [property: JsonPropertyName("before")] string Before,
    [property: JsonPropertyName("after")] string After);

/// <summary>
/// The fields a centre knows best and may propose changes to, as plain strings (the form's values, the proposal's
/// JSON and the comparison on approval all use the same text): per language a programme's title, summary, note on
/// cost and note on registration ("title-de"); an offering's start and end time, days of the week (weekly schedules
/// only), room, places and status note. <see cref="ChangeProposal.Changes"/> holds
/// <c>{ "title-de": { "before": "…", "after": "…" } }</c> for the fields that differ, so an approval can tell whether
/// the item changed since in a field the proposal touches.
/// </summary>
public static class ProposableFields
{
    public const string Programme = nameof(Domain.Programme);
    public const string Offering = nameof(Domain.Offering);

    public const int TitleLength = 200;
    public const int SummaryLength = 500;
    public const int TextNoteLength = 500;
    public const int StatusNoteLength = 500;
    public const int NoteLength = 1000;
    public const int MaxCapacity = 10_000;

    public static readonly IReadOnlyList<string> TextFields = ["title", "summary", "costNote", "registrationNote"];
    public static readonly IReadOnlyList<string> OfferingFields = ["startTime", "endTime", "weekdays", "roomId", "capacity", "statusNote"];

    public static string Key(string field, string language) => $"{field}-{language}";

    /// <summary>The portal's languages, then any other language the programme already has a text in.</summary>
    public static IReadOnlyList<string> LanguagesOf(Domain.Programme programme) =>
        Languages.Supported.Concat(programme.Texts.Select(t => t.Language).Order(StringComparer.Ordinal)).Distinct().ToList();

    public static Dictionary<string, string> ValuesOf(Domain.Programme programme)
    {
        var values = new Dictionary<string, string>();
        foreach (var language in LanguagesOf(programme))
        {
            var text = programme.Texts.FirstOrDefault(t => t.Language == language);
            values[Key("title", language)] = text?.Title ?? "";
            values[Key("summary", language)] = text?.Summary ?? "";
            values[Key("costNote", language)] = text?.CostNote ?? "";
            values[Key("registrationNote", language)] = text?.RegistrationNote ?? "";
        }
        return values;
    }

    public static Dictionary<string, string> ValuesOf(Domain.Offering offering)
    {
        var values = new Dictionary<string, string>
        {
            ["startTime"] = TimeValue(offering.Schedule.StartTime),
            ["endTime"] = TimeValue(offering.Schedule.EndTime),
            ["roomId"] = offering.RoomId is { } room ? room.ToString(CultureInfo.InvariantCulture) : "",
            ["capacity"] = offering.Capacity is { } places ? places.ToString(CultureInfo.InvariantCulture) : "",
            ["statusNote"] = offering.StatusNote ?? "",
        };
        if (offering.Schedule.Kind == ScheduleKind.Weekly) values["weekdays"] = WeekdaysValue(offering.Schedule.Weekdays);
        return values;
    }

    public static string TimeValue(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Monday,Thursday": the days Monday first, by their invariant names.</summary>
    public static string WeekdaysValue(Weekdays days) => string.Join(",", days.Days().Select(d => d.ToString()));

    public static Weekdays ParseWeekdays(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => Enum.TryParse<DayOfWeek>(d, out var day) && Enum.IsDefined(day) && !int.TryParse(d, out _) ? day.ToWeekdays() : Weekdays.None)
        .Aggregate(Weekdays.None, (all, day) => all | day);

    /// <summary>
    /// Trimmed, with a browser's CR LF as one line break, and no other control character (a NUL from a copy elsewhere
    /// cannot be stored, a tab becomes a space).
    /// </summary>
    public static string Normalize(string? value)
    {
        var text = (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Any(c => char.IsControl(c) && c != '\n')) text = new string(text.Select(c => char.IsControl(c) && c != '\n' ? ' ' : c).ToArray());
        return text.Trim();
    }

    /// <summary>
    /// The typed values of the fields the item has, as the rules read them (trimmed, one kind of line break; a field
    /// missing keeps its current value, a field the item does not have is dropped; days in their Monday-first order).
    /// </summary>
    public static Dictionary<string, string> Normalized(IReadOnlyDictionary<string, string> typed, IReadOnlyDictionary<string, string> current) =>
        current.ToDictionary(c => c.Key, c => !typed.TryGetValue(c.Key, out var value) ? c.Value
            : c.Key == "weekdays" ? WeekdaysValue(ParseWeekdays(value))
            : Normalize(value));

    /// <summary>"Monday,Thursday" with <paramref name="day"/> ticked or not.</summary>
    public static string WithDay(string weekdays, DayOfWeek day, bool ticked)
    {
        var days = ParseWeekdays(weekdays);
        return WeekdaysValue(ticked ? days | day.ToWeekdays() : days & ~day.ToWeekdays());
    }

    /// <summary>Problems with proposed values that a person can fix, each on its field.</summary>
    public static List<FormProblem> Validate(string itemType, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> current,
        IReadOnlyCollection<int> roomIds, string note, IStringLocalizer<Text> t)
    {
        var problems = new List<FormProblem>();
        void TooLong(string key, int max)
        {
            if (values.TryGetValue(key, out var value) && value.Length > max) problems.Add(new(key, t["ProposalTooLong", Label(key, t), max, value.Length]));
        }

        if (itemType == Programme)
        {
            foreach (var language in values.Keys.Where(k => k.StartsWith("title-", StringComparison.Ordinal)).Select(k => k["title-".Length..]))
            {
                TooLong(Key("title", language), TitleLength);
                TooLong(Key("summary", language), SummaryLength);
                TooLong(Key("costNote", language), TextNoteLength);
                TooLong(Key("registrationNote", language), TextNoteLength);
                // A text that exists keeps a title and a summary; a new language needs both as soon as anything is written in it.
                var exists = current[Key("title", language)].Length > 0;
                var anything = TextFields.Any(f => values[Key(f, language)].Length > 0);
                if ((exists || anything) && (values[Key("title", language)].Length == 0 || values[Key("summary", language)].Length == 0))
                {
                    var field = values[Key("title", language)].Length == 0 ? Key("title", language) : Key("summary", language);
                    problems.Add(new(field, t["ProposalTextRequired", LanguageName(language)]));
                }
            }
        }
        else
        {
            var start = TryTime(values["startTime"]);
            var end = TryTime(values["endTime"]);
            if (start is null) problems.Add(new("startTime", t["ProposalTimeInvalid"]));
            if (end is null) problems.Add(new("endTime", t["ProposalTimeInvalid"]));
            if (start is { } s && end is { } e && e <= s) problems.Add(new("endTime", t["ProposalEndBeforeStart"]));
            if (values.TryGetValue("weekdays", out var days) && days.Length == 0) problems.Add(new("weekday-Monday", t["ProposalWeekdaysRequired"]));
            var room = values["roomId"];
            if (room.Length > 0 && (!int.TryParse(room, NumberStyles.None, CultureInfo.InvariantCulture, out var roomId) || !roomIds.Contains(roomId)))
            {
                problems.Add(new("roomId", t["ProposalRoomUnknown"]));
            }
            var capacity = values["capacity"];
            if (capacity.Length > 0 && (!int.TryParse(capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var places) || places is < 1 or > MaxCapacity))
            {
                problems.Add(new("capacity", t["ProposalCapacityInvalid", MaxCapacity]));
            }
            TooLong("statusNote", StatusNoteLength);
        }
        if (note.Length > NoteLength) problems.Add(new("note", t["ProposalNoteTooLong", NoteLength]));
        return problems;
    }

    /// <summary>Only what differs from the item as it is now, with the value now as "before".</summary>
    public static Dictionary<string, ProposedChange> Differences(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string> current) =>
        values.Where(v => current.TryGetValue(v.Key, out var now) && now != v.Value)
            .ToDictionary(v => v.Key, v => new ProposedChange(current[v.Key], v.Value));

    public static string Serialize(IReadOnlyDictionary<string, ProposedChange> changes) => JsonSerializer.Serialize(changes);

    public static Dictionary<string, ProposedChange> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, ProposedChange>>(json) ?? [];

    /// <summary>Fields in the order of the form (jsonb keeps keys in its own order).</summary>
    public static IEnumerable<KeyValuePair<string, ProposedChange>> InFormOrder(IReadOnlyDictionary<string, ProposedChange> changes) =>
        changes.OrderBy(c => Rank(c.Key)).ThenBy(c => c.Key, StringComparer.Ordinal);

    private static int Rank(string key)
    {
        var offering = OfferingFields.ToList().IndexOf(key);
        if (offering >= 0) return offering;
        var dash = key.LastIndexOf('-');
        if (dash < 0) return 1000;
        var language = Languages.Supported.ToList().IndexOf(key[(dash + 1)..]);
        return 100 + (language < 0 ? 50 : language) * 10 + TextFields.ToList().IndexOf(key[..dash]);
    }

    /// <summary>"Title (Deutsch)", "Start time": the field's name for people.</summary>
    public static string Label(string key, IStringLocalizer<Text> t)
    {
        var dash = key.LastIndexOf('-');
        if (dash > 0 && TextFields.Contains(key[..dash]))
        {
            var field = key[..dash];
            return t[$"ProposalField{char.ToUpperInvariant(field[0])}{field[1..]}", LanguageName(key[(dash + 1)..])];
        }
        return key switch
        {
            "startTime" => t["ProposalFieldStartTime"],
            "endTime" => t["ProposalFieldEndTime"],
            "weekdays" => t["ProposalFieldWeekdays"],
            "roomId" => t["ProposalFieldRoom"],
            "capacity" => t["ProposalFieldCapacity"],
            "statusNote" => t["ProposalFieldStatusNote"],
            _ => key,
        };
    }

    /// <summary>A stored value as people read it: day names in the UI language, a room's name, "(empty)".</summary>
    public static string Display(string key, string value, IReadOnlyDictionary<int, string> roomNames, IStringLocalizer<Text> t)
    {
        if (value.Length == 0) return t["ProposalEmpty"];
        return key switch
        {
            "weekdays" => string.Join(", ", ParseWeekdays(value).Days().Select(d => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d))),
            "roomId" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) => roomNames.TryGetValue(id, out var name) ? name : value,
            _ => value,
        };
    }

    /// <summary>The rooms a set of proposals names, for <see cref="Display"/>.</summary>
    public static IEnumerable<int> RoomIds(IEnumerable<IReadOnlyDictionary<string, ProposedChange>> proposals) =>
        proposals.SelectMany(p => p.Where(c => c.Key == "roomId").SelectMany(c => new[] { c.Value.Before, c.Value.After }))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct();

    public static string LanguageName(string code)
    {
        try { return CultureInfo.GetCultureInfo(code).NativeName; }
        catch (CultureNotFoundException) { return code; }
    }

    public static TimeOnly? TryTime(string value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>Copies approved values onto a programme; a language it had no text in gets one.</summary>
    public static void ApplyTo(Domain.Programme programme, IReadOnlyDictionary<string, ProposedChange> changes)
    {
        foreach (var language in changes.Keys.Select(k => k[(k.LastIndexOf('-') + 1)..]).Distinct())
        {
            string? After(string field) => changes.TryGetValue(Key(field, language), out var change) ? change.After : null;
            var text = programme.Texts.FirstOrDefault(t => t.Language == language);
            if (text is null)
            {
                text = new ProgrammeText { ProgrammeId = programme.Id, Language = language, Title = "", Summary = "" };
                programme.Texts.Add(text);
            }
            if (After("title") is { } title) text.Title = title;
            if (After("summary") is { } summary) text.Summary = summary;
            if (After("costNote") is { } cost) text.CostNote = cost.Length > 0 ? cost : null;
            if (After("registrationNote") is { } registration) text.RegistrationNote = registration.Length > 0 ? registration : null;
        }
    }

    /// <summary>Copies approved values onto an offering (values were checked when proposed).</summary>
    public static void ApplyTo(Domain.Offering offering, IReadOnlyDictionary<string, ProposedChange> changes)
    {
        var schedule = offering.Schedule;
        if (changes.TryGetValue("startTime", out var start) && TryTime(start.After) is { } startTime) schedule = schedule with { StartTime = startTime };
        if (changes.TryGetValue("endTime", out var end) && TryTime(end.After) is { } endTime) schedule = schedule with { EndTime = endTime };
        if (changes.TryGetValue("weekdays", out var days)) schedule = schedule with { Weekdays = ParseWeekdays(days.After) };
        if (schedule != offering.Schedule) offering.Schedule = schedule;
        if (changes.TryGetValue("roomId", out var room)) offering.RoomId = int.TryParse(room.After, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (changes.TryGetValue("capacity", out var capacity)) offering.Capacity = int.TryParse(capacity.After, NumberStyles.None, CultureInfo.InvariantCulture, out var places) ? places : null;
        if (changes.TryGetValue("statusNote", out var note)) offering.StatusNote = note.After.Length > 0 ? note.After : null;
    }
}
