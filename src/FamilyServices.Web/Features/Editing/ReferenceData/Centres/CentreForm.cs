using System.Globalization;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Centres;

/// <summary>A room as typed into the centre form; an empty id is a new room, an empty new row is ignored.</summary>
public sealed class RoomFields
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = nameof(RoomKind.Playroom);
    public string Capacity { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlankNew => Id.Length == 0 && Name.Length == 0 && Capacity.Length == 0;
}

/// <summary>One opening time of a day as typed ("09:00" to "12:30"); both empty means no such time.</summary>
public sealed class HoursFields
{
    public string Opens { get; set; } = "";
    public string Closes { get; set; } = "";

    public bool IsBlank => Opens.Length == 0 && Closes.Length == 0;
}

/// <summary>
/// The centre editor's form: every value as typed (a refused form shows exactly what was entered), checked by
/// <see cref="Validate"/> as the editor types and again on saving, then copied onto the centre by
/// <see cref="ApplyTo"/>. Code uniqueness, the lists of organisations and districts, and rooms still used by offerings
/// need the database and are checked by <see cref="CentreEditor"/>.
/// </summary>
public sealed partial class CentreForm
{
    public const int CodeLength = 40;
    public const int NameLength = 200;
    public const int StreetLength = 200;
    public const int PostcodeLength = 16;
    public const int LocalityLength = 100;
    public const int PhoneLength = 40;
    public const int EmailLength = 200;
    public const int WebsiteLength = 500;
    public const int TimeZoneLength = 64;
    public const int ReasonLength = 500;
    public const int RoomNameLength = 100;
    public const int MaxRooms = 60;
    public const int MaxCapacity = 10_000;

    /// <summary>Opening times per day the form offers (morning and afternoon, and one more when a day has that many).</summary>
    public const int MaxHoursPerDay = 4;

    /// <summary>Languages offered as checkboxes (besides any a centre already has).</summary>
    public static IReadOnlyList<string> CommonLanguages => ProgrammeForm.CommonDeliveryLanguages;

    public static readonly IReadOnlyList<DayOfWeek> Week = [.. WeekdaysExtensions.AllWeek.Days()];

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = nameof(CentreType.FamilyCentre);
    public string OperatorId { get; set; } = "";
    public string DistrictId { get; set; } = "";
    public string Street { get; set; } = "";
    public string Postcode { get; set; } = "";
    public string Locality { get; set; } = "";
    public string Latitude { get; set; } = "";
    public string Longitude { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Website { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public List<string> Accessibility { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string OtherLanguages { get; set; } = "";
    public string Status { get; set; } = nameof(CentreStatus.Open);
    public string StatusReason { get; set; } = "";
    public string ClosedUntil { get; set; } = "";
    public string Version { get; set; } = "";
    public List<RoomFields> Rooms { get; set; } = [];
    public Dictionary<DayOfWeek, List<HoursFields>> Hours { get; } = Week.ToDictionary(d => d, _ => new List<HoursFields>());

    // Set by Validate, used by ApplyTo.
    private CentreType _type;
    private int _operatorId;
    private int _districtId;
    private double _latitude;
    private double _longitude;
    private CentreStatus _status;
    private DateOnly? _closedUntil;
    private List<string> _languages = [];
    private readonly List<(RoomFields Fields, int Id, RoomKind Kind, int? Capacity)> _rooms = [];
    private readonly List<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> _hours = [];

    public static string DayKey(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>
    /// The values as the rules read them: trimmed, and text fields without control characters (a copy from elsewhere
    /// brings tabs, line breaks or NUL). The boxes keep what was typed; the save and the checks use this copy.
    /// </summary>
    public CentreForm Normalized()
    {
        var input = new CentreForm
        {
            Code = Code.Trim(),
            Name = ReferenceForms.Clean(Name),
            Type = Type.Trim(),
            OperatorId = OperatorId.Trim(),
            DistrictId = DistrictId.Trim(),
            Street = ReferenceForms.Clean(Street),
            Postcode = ReferenceForms.Clean(Postcode),
            Locality = ReferenceForms.Clean(Locality),
            Latitude = Latitude.Trim(),
            Longitude = Longitude.Trim(),
            Phone = ReferenceForms.Clean(Phone),
            Email = Email.Trim(),
            Website = Website.Trim(),
            TimeZone = TimeZone.Trim(),
            Accessibility = Accessibility.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList(),
            Languages = Languages.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct().ToList(),
            OtherLanguages = OtherLanguages.Trim(),
            Status = Status.Trim(),
            StatusReason = ReferenceForms.Clean(StatusReason),
            ClosedUntil = ClosedUntil.Trim(),
            Version = Version.Trim(),
            Rooms = Rooms.Take(MaxRooms + 1).Select(r => new RoomFields
            {
                Id = r.Id.Trim(),
                Name = ReferenceForms.Clean(r.Name),
                Kind = r.Kind.Trim(),
                Capacity = r.Capacity.Trim(),
                Remove = r.Remove,
            }).ToList(),
        };
        foreach (var day in Week)
        {
            input.Hours[day].AddRange(Hours[day].Take(MaxHoursPerDay).Select(h => new HoursFields { Opens = h.Opens.Trim(), Closes = h.Closes.Trim() }));
        }
        return input;
    }

    public static CentreForm From(Centre centre)
    {
        var input = new CentreForm
        {
            Code = centre.Code,
            Name = centre.Name,
            Type = centre.Type.ToString(),
            OperatorId = ReferenceForms.Id(centre.OperatorId),
            DistrictId = ReferenceForms.Id(centre.DistrictId),
            Street = centre.Street,
            Postcode = centre.Postcode,
            Locality = centre.Locality,
            Latitude = centre.Latitude.ToString("R", CultureInfo.InvariantCulture),
            Longitude = centre.Longitude.ToString("R", CultureInfo.InvariantCulture),
            Phone = centre.Phone ?? "",
            Email = centre.Email ?? "",
            Website = centre.Website ?? "",
            TimeZone = centre.TimeZone,
            Accessibility = [.. centre.AccessibilityFeatures],
            Languages = [.. centre.LanguagesSpoken],
            Status = centre.Status.ToString(),
            StatusReason = centre.StatusReason ?? "",
            ClosedUntil = EditorForms.DateValue(centre.ClosedUntil),
            Version = centre.Version.ToString(CultureInfo.InvariantCulture),
            Rooms = centre.Rooms.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).Select(r => new RoomFields
            {
                Id = ReferenceForms.Id(r.Id),
                Name = r.Name,
                Kind = r.Kind.ToString(),
                Capacity = r.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "",
            }).ToList(),
        };
        foreach (var hours in centre.OpeningHours.OrderBy(h => h.Opens))
        {
            input.Hours[hours.Day].Add(new HoursFields
            {
                Opens = hours.Opens.ToString(EditorForms.TimeFormat, CultureInfo.InvariantCulture),
                Closes = hours.Closes.ToString(EditorForms.TimeFormat, CultureInfo.InvariantCulture),
            });
        }
        return input;
    }

    /// <summary>
    /// Makes the rows the form shows: every room and one empty row for a new room; per day the opening times there
    /// are, one empty pair more, and at least two (morning and afternoon), at most <see cref="MaxHoursPerDay"/>. Rows
    /// keep their positions, so a problem's field ("hours-monday-1-opens") points at the box it is about.
    /// </summary>
    public void Pad()
    {
        while (Rooms.Count > 1 && Rooms[^1].IsBlankNew && Rooms[^2].IsBlankNew) Rooms.RemoveAt(Rooms.Count - 1);
        if (Rooms.Count < MaxRooms && !Rooms.Any(r => r.IsBlankNew)) Rooms.Add(new RoomFields());
        foreach (var rows in Hours.Values)
        {
            var lastFilled = rows.FindLastIndex(h => !h.IsBlank);
            var count = Math.Min(MaxHoursPerDay, Math.Max(2, lastFilled + 2));
            while (rows.Count < count) rows.Add(new HoursFields());
            while (rows.Count > count && rows[^1].IsBlank) rows.RemoveAt(rows.Count - 1);
        }
    }

    /// <summary>The language codes to store: the ticked ones and those typed into "other languages".</summary>
    private List<string> AllLanguages() =>
        Languages.Concat(OtherLanguages.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().ToLowerInvariant()))
            .Distinct().ToList();

    /// <summary>Checks everything that needs no database; <paramref name="storedClosedUntil"/> lets an unchanged old date stand.</summary>
    public ReferenceForms.Problems Validate(IStringLocalizer<Text> t, DateOnly cityToday, DateOnly? storedClosedUntil)
    {
        var problems = new ReferenceForms.Problems(t);
        problems.Code("code", Code, CodeLength);
        problems.Required("name", Name, t["RefName"]);
        problems.MaxLength("name", Name, NameLength, t["RefName"]);
        if (!ReferenceForms.TryChoice(Type, out _type)) problems.Add("type", t["EditChooseFromList"]);
        if (!ReferenceForms.TryId(OperatorId, out _operatorId)) problems.Add("operatorId", t["EditChooseFromList"]);
        if (!ReferenceForms.TryId(DistrictId, out _districtId)) problems.Add("districtId", t["EditChooseFromList"]);

        problems.Required("street", Street, t["RefStreet"]);
        problems.MaxLength("street", Street, StreetLength, t["RefStreet"]);
        problems.Required("postcode", Postcode, t["RefPostcode"]);
        problems.MaxLength("postcode", Postcode, PostcodeLength, t["RefPostcode"]);
        problems.Required("locality", Locality, t["RefLocality"]);
        problems.MaxLength("locality", Locality, LocalityLength, t["RefLocality"]);
        if (!TryCoordinate(Latitude, 90, out _latitude)) problems.Add("latitude", t["RefLatitudeInvalid"]);
        if (!TryCoordinate(Longitude, 180, out _longitude)) problems.Add("longitude", t["RefLongitudeInvalid"]);

        if (Phone.Length > 0 && (Phone.Length > PhoneLength || !ReferenceForms.IsPhone(Phone))) problems.Add("phone", t["RefPhoneInvalid", PhoneLength]);
        if (Email.Length > 0 && (Email.Length > EmailLength || !ReferenceForms.IsEmail(Email))) problems.Add("email", t["RefEmailInvalid"]);
        problems.WebAddress("website", Website, WebsiteLength);

        if (TimeZone.Length == 0 || TimeZone.Length > TimeZoneLength || !IsIanaTimeZone(TimeZone)) problems.Add("timeZone", t["RefTimeZoneInvalid"]);

        if (Accessibility.Any(a => !AccessibilityFeatures.All.Contains(a))) problems.Add("access-" + AccessibilityFeatures.All[0], t["EditChooseFromList"]);
        _languages = AllLanguages();
        if (_languages.Any(l => !LanguageCodePattern().IsMatch(l)) || _languages.Count > 30) problems.Add("otherLanguages", t["RefLanguagesInvalid"]);

        _closedUntil = null;
        if (!ReferenceForms.TryChoice(Status, out _status)) problems.Add("status", t["EditChooseFromList"]);
        else if (_status == CentreStatus.TemporarilyClosed)
        {
            problems.Required("statusReason", StatusReason, t["RefClosureReason"]);
            problems.MaxLength("statusReason", StatusReason, ReasonLength, t["RefClosureReason"]);
            if (ClosedUntil.Length > 0)
            {
                if (!EditorForms.TryDate(ClosedUntil, out var until)) problems.Add("closedUntil", t["EditDateInvalid"]);
                else if (until < cityToday && until != storedClosedUntil) problems.Add("closedUntil", t["RefClosedUntilPast"]);
                else _closedUntil = until;
            }
        }

        ValidateRooms(t, problems);
        ValidateHours(t, problems);
        return problems;
    }

    private void ValidateRooms(IStringLocalizer<Text> t, ReferenceForms.Problems problems)
    {
        _rooms.Clear();
        if (Rooms.Count > MaxRooms) problems.Add("room-0-name", t["RefTooManyRooms", MaxRooms]);
        var names = new HashSet<string>(StringComparer.CurrentCultureIgnoreCase);
        for (var i = 0; i < Rooms.Count && i < MaxRooms; i++)
        {
            var room = Rooms[i];
            if (room.IsBlankNew) continue;
            var id = 0;
            if (room.Id.Length > 0 && !ReferenceForms.TryId(room.Id, out id))
            {
                problems.Add($"room-{i}-name", t["EditReload"]);
                continue;
            }
            if (room.Remove)
            {
                if (id > 0) _rooms.Add((room, id, default, null));
                continue;
            }
            var label = t["RefRoomNumber", i + 1];
            if (room.Name.Length == 0) problems.Add($"room-{i}-name", t["RefRoomNameRequired", label]);
            else if (room.Name.Length > RoomNameLength) problems.Add($"room-{i}-name", t["EditTooLong", label, RoomNameLength, room.Name.Length]);
            else if (!names.Add(room.Name)) problems.Add($"room-{i}-name", t["RefRoomNameTwice", room.Name]);
            if (!ReferenceForms.TryChoice<RoomKind>(room.Kind, out var kind)) problems.Add($"room-{i}-kind", t["EditChooseFromList"]);
            int? capacity = null;
            if (room.Capacity.Length > 0)
            {
                if (int.TryParse(room.Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is > 0 and <= MaxCapacity) capacity = c;
                else problems.Add($"room-{i}-capacity", t["RefRoomCapacityInvalid", label, MaxCapacity]);
            }
            _rooms.Add((room, id, kind, capacity));
        }
    }

    private void ValidateHours(IStringLocalizer<Text> t, ReferenceForms.Problems problems)
    {
        _hours.Clear();
        foreach (var (day, rows) in Hours)
        {
            var dayName = CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
            var times = new List<(TimeOnly Opens, TimeOnly Closes, int N)>();
            for (var n = 0; n < rows.Count; n++)
            {
                var row = rows[n];
                if (row.IsBlank) continue;
                var field = $"hours-{DayKey(day)}-{n}-opens";
                if (!EditorForms.TryTime(row.Opens, out var opens) || !EditorForms.TryTime(row.Closes, out var closes))
                {
                    problems.Add(field, t["RefHoursInvalid", dayName]);
                    continue;
                }
                if (closes <= opens)
                {
                    problems.Add(field, t["RefHoursOrder", dayName]);
                    continue;
                }
                times.Add((opens, closes, n));
            }
            var sorted = times.OrderBy(x => x.Opens).ToList();
            for (var k = 1; k < sorted.Count; k++)
            {
                if (sorted[k].Opens < sorted[k - 1].Closes) problems.Add($"hours-{DayKey(day)}-{sorted[k].N}-opens", t["RefHoursOverlap", dayName]);
            }
            _hours.AddRange(sorted.Select(x => (day, x.Opens, x.Closes)));
        }
    }

    /// <summary>The ids of the rooms the form removes (the page refuses to remove a room that offerings use).</summary>
    public IReadOnlyList<int> RemovedRoomIds => _rooms.Where(r => r.Fields.Remove && r.Id > 0).Select(r => r.Id).ToList();

    public int OperatorIdValue => _operatorId;

    public int DistrictIdValue => _districtId;

    /// <summary>Copies the checked values onto the centre; rooms and opening hours are changed in place, so the history shows only real changes.</summary>
    public void ApplyTo(Centre centre)
    {
        centre.Code = Code;
        centre.Name = Name;
        centre.Type = _type;
        centre.OperatorId = _operatorId;
        centre.DistrictId = _districtId;
        centre.Street = Street;
        centre.Postcode = Postcode;
        centre.Locality = Locality;
        centre.Latitude = _latitude;
        centre.Longitude = _longitude;
        centre.Phone = Phone.Length > 0 ? Phone : null;
        centre.Email = Email.Length > 0 ? Email : null;
        centre.Website = Website.Length > 0 ? Website : null;
        centre.TimeZone = TimeZone;
        // Lists are replaced only when their content changed, so saving the same boxes in another order records nothing.
        string[] features = [.. AccessibilityFeatures.All.Where(Accessibility.Contains)];
        if (!centre.AccessibilityFeatures.ToHashSet().SetEquals(features)) centre.AccessibilityFeatures = features;
        if (!centre.LanguagesSpoken.ToHashSet().SetEquals(_languages)) centre.LanguagesSpoken = [.. _languages];
        centre.Status = _status;
        centre.StatusReason = _status == CentreStatus.TemporarilyClosed ? StatusReason : null;
        centre.ClosedUntil = _status == CentreStatus.TemporarilyClosed ? _closedUntil : null;

        foreach (var (fields, id, kind, capacity) in _rooms)
        {
            var room = id > 0 ? centre.Rooms.FirstOrDefault(r => r.Id == id) : null;
            if (fields.Remove)
            {
                if (room is not null) centre.Rooms.Remove(room);
                continue;
            }
            if (room is null)
            {
                if (id > 0) continue; // removed by someone else meanwhile: the version check refuses the save anyway
                room = new Room { Name = fields.Name };
                centre.Rooms.Add(room);
            }
            room.Name = fields.Name;
            room.Kind = kind;
            room.Capacity = capacity;
        }

        var wanted = _hours.ToHashSet();
        foreach (var old in centre.OpeningHours.ToList())
        {
            if (!wanted.Remove((old.Day, old.Opens, old.Closes))) centre.OpeningHours.Remove(old);
        }
        foreach (var (day, opens, closes) in wanted)
        {
            centre.OpeningHours.Add(new OpeningHours { Day = day, Opens = opens, Closes = closes });
        }
    }

    /// <summary>"51.5362" or "51,5362"; within ±<paramref name="limit"/>.</summary>
    private static bool TryCoordinate(string value, double limit, out double coordinate) =>
        double.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out coordinate)
        && double.IsFinite(coordinate) && Math.Abs(coordinate) <= limit;

    /// <summary>An IANA name such as "Europe/Berlin" that this server knows (a Windows name such as "W. Europe Standard Time" is refused).</summary>
    public static bool IsIanaTimeZone(string id) =>
        (id.Contains('/', StringComparison.Ordinal) || id == "UTC") && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCodePattern();
}
