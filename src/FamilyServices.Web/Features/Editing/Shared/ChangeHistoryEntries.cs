using System.Globalization;
using System.Text.Json;
using FamilyServices.Web.Data;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>
/// One catalogue item's history (catalogue_changes) as people read it, newest first: when (the city's time), who,
/// what, and each field before → after, with names for ids, states in the reader's language and local times.
/// </summary>
public static class ChangeHistoryEntries
{
    /// <summary>At most this many entries are shown: more than any item gathers in years.</summary>
    public const int MaxEntries = 500;

    public sealed record Field(string Label, string? Before, string? After);

    public sealed record Entry(string Action, DateTime ChangedAtUtc, string ChangedAt, string? Who, IReadOnlyList<Field> Fields);

    /// <summary>Property names as the history records them → the editor's label for the field.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Code"] = "EditCode", ["Slug"] = "EditSlug", ["Type"] = "EditType", ["CategoryId"] = "EditCategory",
        ["Audience"] = "EditAudience", ["MinAgeMonths"] = "EditMinAgeMonths", ["MaxAgeMonths"] = "EditMaxAgeMonths",
        ["IsFree"] = "EditIsFree", ["PriceAmount"] = "EditPrice", ["RegistrationMode"] = "EditRegistrationMode",
        ["RegistrationUrl"] = "EditRegistrationUrl", ["DeliveryLanguages"] = "EditDeliveryLanguages", ["LastCheckedOn"] = "EditLastChecked",
        ["PublicationState"] = "EditPublicationState", ["PublishFrom"] = "EditPublishFrom", ["PublishUntil"] = "EditPublishUntil",
        ["Title"] = "EditTitle", ["Summary"] = "EditSummary", ["Description"] = "EditDescription", ["CostNote"] = "EditCostNote",
        ["RegistrationNote"] = "EditRegistrationNote", ["ProgrammeId"] = "EditProgramme", ["CentreId"] = "EditCentre", ["RoomId"] = "EditRoom",
        ["IsOnline"] = "EditIsOnline", ["OnlineUrl"] = "EditOnlineUrl", ["Capacity"] = "EditCapacity", ["Status"] = "EditStatus",
        ["StatusNote"] = "EditStatusNote", ["NoticeUntil"] = "EditNoticeUntil", ["Schedule.Kind"] = "EditScheduleKind",
        ["Schedule.StartDate"] = "EditStartDate", ["Schedule.EndDate"] = "EditEndDate", ["Schedule.Weekdays"] = "EditWeekdays",
        ["Schedule.StartTime"] = "EditStartTime", ["Schedule.EndTime"] = "EditEndTime", ["Schedule.ExtraDates"] = "EditExtraDates",
        ["Schedule.ExcludedDates"] = "EditExcludedDates",
    };

    /// <param name="itemType">"Programme", "Offering", "Centre" …, as the history records it.</param>
    public static async Task<List<Entry>> ReadAsync(FamilyServicesDb db, string itemType, int itemId, TimeZoneInfo zone, IStringLocalizer<Text> t,
        CancellationToken cancellationToken = default)
    {
        var changes = await db.CatalogueChanges.AsNoTracking()
            .Where(c => c.ItemType == itemType && c.ItemId == itemId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        var userIds = changes.Select(c => c.ChangedById).OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email : u.DisplayName, cancellationToken);
        var raw = changes.Select(c => (Change: c, Fields: RawFields(c.Changes))).ToList();
        var names = await NamesAsync(db, raw.SelectMany(r => r.Fields).ToList(), cancellationToken);
        return raw.Select(r => new Entry(
                ActionText(t, r.Change.Action),
                r.Change.ChangedAt,
                Local(r.Change.ChangedAt, zone),
                r.Change.ChangedById is null ? null : users.GetValueOrDefault(r.Change.ChangedById) ?? r.Change.ChangedById,
                r.Fields.Select(f => new Field(FieldLabel(t, f.Field), Display(t, names, zone, f.Field, f.Before), Display(t, names, zone, f.Field, f.After)))
                    .Where(f => f.Before is not null || f.After is not null).ToList()))
            .ToList();
    }

    /// <summary>Each field's values as stored: strings as they are, numbers and lists as text.</summary>
    private static List<(string Field, string? Before, string? After)> RawFields(string json)
    {
        var fields = new List<(string, string?, string?)>();
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object) continue;
            fields.Add((property.Name, Raw(property.Value, "before"), Raw(property.Value, "after")));
        }
        return fields;
    }

    private static string? Raw(JsonElement change, string name)
    {
        if (!change.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            _ => value.GetRawText(),
        };
    }

    /// <summary>Centres, rooms, categories and programmes by name rather than by number.</summary>
    private static async Task<Dictionary<(string Field, int Id), string>> NamesAsync(FamilyServicesDb db, List<(string Field, string? Before, string? After)> fields,
        CancellationToken cancellationToken)
    {
        List<int> Ids(string field) => fields.Where(f => f.Field == field).SelectMany(f => new[] { f.Before, f.After })
            .Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var centres = Ids("CentreId");
        var rooms = Ids("RoomId");
        var programmes = Ids("ProgrammeId");
        var categories = Ids("CategoryId");
        var language = Localization.CurrentLanguage;
        var names = new Dictionary<(string Field, int Id), string>();
        foreach (var c in await db.Centres.AsNoTracking().Where(c => centres.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken)) names[("CentreId", c.Id)] = c.Name;
        foreach (var r in await db.Rooms.AsNoTracking().Where(r => rooms.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(cancellationToken)) names[("RoomId", r.Id)] = r.Name;
        foreach (var p in await db.Programmes.AsNoTracking().Where(p => programmes.Contains(p.Id)).Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken)) names[("ProgrammeId", p.Id)] = p.Code;
        foreach (var c in await db.Categories.AsNoTracking().Where(c => categories.Contains(c.Id))
                     .Select(c => new { c.Id, c.Code, Name = c.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault() }).ToListAsync(cancellationToken))
        {
            names[("CategoryId", c.Id)] = c.Name ?? c.Code;
        }
        return names;
    }

    /// <summary>A stored value as a person reads it: names for ids and states, local times, dates in the UI's format.</summary>
    private static string? Display(IStringLocalizer<Text> t, Dictionary<(string Field, int Id), string> names, TimeZoneInfo zone, string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var name = field.Split(" (")[0];
        var culture = CultureInfo.CurrentCulture;
        string Key(string key, string fallback)
        {
            var text = t[key];
            return text.ResourceNotFound ? fallback : text.Value;
        }
        string Each(Func<string, string> part) => string.Join(", ", value.Split(", ").Select(part));
        return name switch
        {
            "CentreId" or "RoomId" or "ProgrammeId" or "CategoryId" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) =>
                names.GetValueOrDefault((name, id), value),
            "PublicationState" => Key($"EditState{value}", value),
            "Status" => Key($"EditOfferingStatus{value}", value),
            "Schedule.Kind" => Key($"EditScheduleKind{value}", value),
            "Type" => Key($"EditType{value}", value),
            "RegistrationMode" => Key($"Registration{value}", value),
            "Audience" => Each(part => Key($"Audience{part}", part)),
            "Schedule.Weekdays" => Each(day => Enum.TryParse<DayOfWeek>(day, out var d) ? culture.DateTimeFormat.GetDayName(d) : day),
            "Schedule.StartTime" or "Schedule.EndTime" when TimeOnly.TryParse(value, CultureInfo.InvariantCulture, out var time) => time.ToString("t", culture),
            "IsFree" or "IsOnline" => value == "true" ? t["EditYes"] : value == "false" ? t["EditNo"] : value,
            _ when value.Length >= 19 && value[10] == 'T' && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) => Local(utc, zone),
            _ when value.Length >= 10 && value[4] == '-' && value.Split(", ").All(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) =>
                Each(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d", culture)),
            _ => value,
        };
    }

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("g", CultureInfo.CurrentCulture);

    private static string ActionText(IStringLocalizer<Text> t, string action)
    {
        var text = t[$"EditAction{action}"];
        return text.ResourceNotFound ? action : text;
    }

    /// <summary>"Title (de)" → "Title (de)" in the UI language; unknown fields keep their name.</summary>
    private static string FieldLabel(IStringLocalizer<Text> t, string field)
    {
        var space = field.IndexOf(" (", StringComparison.Ordinal);
        var name = space < 0 ? field : field[..space];
        var suffix = space < 0 ? "" : field[space..];
        return Labels.TryGetValue(name, out var key) ? t[key] + suffix : field;
    }
}
