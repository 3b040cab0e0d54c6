using System.Globalization;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.Offerings;

/// <summary>
/// The offering editor's form: values as typed, checked by <see cref="Validate"/> as the user types and again on the
/// server when saving (it changes none of the typed values), copied cleaned by <see cref="ApplyTo"/>. The schedule is
/// built with the domain's own factories (<see cref="Schedule.Weekly"/>, <see cref="Schedule.OnDates"/>), in the
/// centre's local time.
/// </summary>
public sealed partial class OfferingForm
{
    public const int CodeLength = 20;
    public const int UrlLength = 500;
    public const int NoteLength = 500;
    public const int MaxCapacity = 10_000;

    /// <summary>More meetings than this is a typing mistake (ten years of daily meetings), not a schedule.</summary>
    public const int MaxMeetings = 500;

    public string Code { get; set; } = "";
    public string CentreId { get; set; } = "";
    public string RoomId { get; set; } = "";
    public bool IsOnline { get; set; }
    public string OnlineUrl { get; set; } = "";
    public string Capacity { get; set; } = "";
    public string Kind { get; set; } = nameof(ScheduleKind.Weekly);
    public List<string> Weekdays { get; set; } = [];
    public string StartDate { get; set; } = "";
    public string EndDate { get; set; } = "";
    public string StartTime { get; set; } = "";
    public string EndTime { get; set; } = "";
    public string ExtraDates { get; set; } = "";
    public string ExcludedDates { get; set; } = "";
    public string Status { get; set; } = nameof(OfferingStatus.Scheduled);
    public string StatusNote { get; set; } = "";
    public string NoticeUntil { get; set; } = "";
    public string PublishFrom { get; set; } = "";
    public string PublishUntil { get; set; } = "";
    public string Version { get; set; } = "";

    // Set by Validate, used by ApplyTo.
    private int _centreId;
    private int? _roomId;
    private int? _capacity;
    private Schedule? _schedule;
    private OfferingStatus _status;
    private DateOnly? _noticeUntil;
    private DateTime? _publishFrom;
    private DateTime? _publishUntil;

    /// <summary>The centre chosen in the form, when it is a number (for listing its rooms).</summary>
    public int? ChosenCentreId => int.TryParse(CentreId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The code as typed, cleaned and in capitals; empty means "make one".</summary>
    public string CleanCode => EditorForms.Line(Code).ToUpperInvariant();

    public bool IsWeekly => Kind == nameof(ScheduleKind.Weekly);

    /// <summary>Turns a day of the weekly schedule on or off.</summary>
    public void SetWeekday(DayOfWeek day, bool on)
    {
        Weekdays.Remove(day.ToString());
        if (on) Weekdays.Add(day.ToString());
    }

    /// <summary>Saving this form cancels an offering that was not cancelled: its future sessions are cancelled too (the page confirms first).</summary>
    public bool Cancels(OfferingStatus? storedStatus) => Status == nameof(OfferingStatus.Cancelled) && storedStatus != OfferingStatus.Cancelled;

    public static OfferingForm From(Offering offering, TimeZoneInfo cityZone)
    {
        var schedule = offering.Schedule;
        return new OfferingForm
        {
            Code = offering.Code,
            CentreId = offering.CentreId.ToString(CultureInfo.InvariantCulture),
            RoomId = offering.RoomId?.ToString(CultureInfo.InvariantCulture) ?? "",
            IsOnline = offering.IsOnline,
            OnlineUrl = offering.OnlineUrl ?? "",
            Capacity = offering.Capacity?.ToString(CultureInfo.InvariantCulture) ?? "",
            Kind = schedule.Kind.ToString(),
            Weekdays = schedule.Weekdays.Days().Select(d => d.ToString()).ToList(),
            StartDate = EditorForms.DateValue(schedule.StartDate),
            EndDate = EditorForms.DateValue(schedule.EndDate),
            StartTime = schedule.StartTime.ToString(EditorForms.TimeFormat, CultureInfo.InvariantCulture),
            EndTime = schedule.EndTime.ToString(EditorForms.TimeFormat, CultureInfo.InvariantCulture),
            ExtraDates = EditorForms.DateListValue(schedule.ExtraDates),
            ExcludedDates = EditorForms.DateListValue(schedule.ExcludedDates),
            Status = offering.Status.ToString(),
            StatusNote = offering.StatusNote ?? "",
            NoticeUntil = EditorForms.DateValue(offering.NoticeUntil),
            PublishFrom = EditorForms.LocalDateTimeValue(offering.PublishFrom, cityZone),
            PublishUntil = EditorForms.LocalDateTimeValue(offering.PublishUntil, cityZone),
            Version = offering.Version.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <param name="centreIds">The centres this user may choose.</param>
    /// <param name="roomIds">The rooms of the chosen centre.</param>
    public List<FormProblem> Validate(IStringLocalizer<Text> t, TimeZoneInfo cityZone, IReadOnlyCollection<int> centreIds, IReadOnlyCollection<int> roomIds)
    {
        var problems = new List<FormProblem>();
        void Problem(string field, string message) => problems.Add(new FormProblem(field, message));

        // An empty code is made on saving; a typed one must be a short code.
        var code = CleanCode;
        if (code.Length > CodeLength || (code.Length > 0 && !CodePattern().IsMatch(code))) Problem("code", t["EditCodeInvalid", CodeLength]);

        if (ChosenCentreId is not { } centreId || !centreIds.Contains(centreId)) Problem("centreId", t["EditChooseFromList"]);
        else _centreId = centreId;

        _roomId = null;
        if (!string.IsNullOrEmpty(RoomId))
        {
            if (int.TryParse(RoomId, NumberStyles.None, CultureInfo.InvariantCulture, out var roomId) && roomIds.Contains(roomId)) _roomId = roomId;
            else Problem("roomId", t["EditRoomNotAtCentre"]);
        }

        var onlineUrl = EditorForms.Line(OnlineUrl);
        if (onlineUrl.Length > 0 && (onlineUrl.Length > UrlLength || !ProgrammeForm.IsWebAddress(onlineUrl))) Problem("onlineUrl", t["EditUrlInvalid", UrlLength]);
        else if (IsOnline && onlineUrl.Length == 0) Problem("onlineUrl", t["EditOnlineUrlRequired"]);

        _capacity = null;
        if (EditorForms.Line(Capacity) is { Length: > 0 } capacityText)
        {
            if (int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity is > 0 and <= MaxCapacity) _capacity = capacity;
            else Problem("capacity", t["EditCapacityInvalid", MaxCapacity]);
        }

        ValidateSchedule(t, problems);

        if (!Enum.TryParse(Status, out _status) || !Enum.IsDefined(_status) || int.TryParse(Status, out _)) Problem("status", t["EditChooseFromList"]);
        var statusNote = EditorForms.Line(StatusNote);
        if (statusNote.Length > NoteLength) Problem("statusNote", t["EditTooLong", t["EditStatusNote"], NoteLength, statusNote.Length]);
        else if (_status == OfferingStatus.Cancelled && statusNote.Length == 0) Problem("statusNote", t["EditStatusNoteRequired"]);
        _noticeUntil = null;
        if (EditorForms.Line(NoticeUntil) is { Length: > 0 } noticeText)
        {
            if (EditorForms.TryDate(noticeText, out var until)) _noticeUntil = until;
            else Problem("noticeUntil", t["EditDateInvalid"]);
        }

        _publishFrom = _publishUntil = null;
        if (EditorForms.Line(PublishFrom) is { Length: > 0 } fromText)
        {
            if (EditorForms.TryLocalDateTime(fromText, cityZone, out var from)) _publishFrom = from;
            else Problem("publishFrom", t["EditDateTimeInvalid"]);
        }
        if (EditorForms.Line(PublishUntil) is { Length: > 0 } untilText)
        {
            if (EditorForms.TryLocalDateTime(untilText, cityZone, out var until)) _publishUntil = until;
            else Problem("publishUntil", t["EditDateTimeInvalid"]);
        }
        if (_publishFrom is not null && _publishUntil is not null && _publishUntil <= _publishFrom) Problem("publishUntil", t["EditPublishWindowOrder"]);
        return problems;
    }

    private void ValidateSchedule(IStringLocalizer<Text> t, List<FormProblem> problems)
    {
        void Problem(string field, string message) => problems.Add(new FormProblem(field, message));
        _schedule = null;
        var ok = true;
        if (!Enum.TryParse<ScheduleKind>(Kind, out var kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
        {
            Problem("kind", t["EditChooseFromList"]);
            return;
        }
        if (!EditorForms.TryTime(EditorForms.Line(StartTime), out var startTime)) { Problem("startTime", t["EditTimeInvalid"]); ok = false; }
        if (!EditorForms.TryTime(EditorForms.Line(EndTime), out var endTime)) { Problem("endTime", t["EditTimeInvalid"]); ok = false; }
        if (ok && endTime <= startTime) { Problem("endTime", t["EditTimeOrder"]); ok = false; }

        var (extra, badExtra) = EditorForms.DateList(EditorForms.Line(ExtraDates));
        var (excluded, badExcluded) = EditorForms.DateList(EditorForms.Line(ExcludedDates));
        if (badExtra.Count > 0) { Problem("extraDates", t["EditDatesInvalid", string.Join(", ", badExtra)]); ok = false; }
        if (badExcluded.Count > 0) { Problem("excludedDates", t["EditDatesInvalid", string.Join(", ", badExcluded)]); ok = false; }

        Schedule schedule;
        if (kind == ScheduleKind.Weekly)
        {
            var days = Domain.Weekdays.None;
            foreach (var day in Weekdays)
            {
                if (Enum.TryParse<DayOfWeek>(day, out var dayOfWeek) && Enum.IsDefined(dayOfWeek) && !int.TryParse(day, out _)) days |= dayOfWeek.ToWeekdays();
            }
            if (days == Domain.Weekdays.None) { Problem("weekdays", t["EditWeekdaysRequired"]); ok = false; }
            var hasStart = EditorForms.TryDate(EditorForms.Line(StartDate), out var startDate);
            var hasEnd = EditorForms.TryDate(EditorForms.Line(EndDate), out var endDate);
            if (!hasStart) { Problem("startDate", t["EditDateInvalid"]); ok = false; }
            if (!hasEnd) { Problem("endDate", t["EditDateInvalid"]); ok = false; }
            if (hasStart && hasEnd && endDate < startDate) { Problem("endDate", t["EditDateOrder"]); ok = false; }
            if (!ok) return;
            if (extra.Any(d => d < startDate || d > endDate))
            {
                Problem("extraDates", t["EditExtraDatesOutside"]);
                return;
            }
            schedule = Schedule.Weekly(startDate, endDate, days, startTime, endTime) with { ExtraDates = [.. extra], ExcludedDates = [.. excluded] };
        }
        else
        {
            if (extra.Count == 0) { Problem("extraDates", t["EditDatesRequired"]); ok = false; }
            if (!ok) return;
            schedule = Schedule.OnDates(extra, startTime, endTime) with { ExcludedDates = [.. excluded] };
        }

        var meetings = schedule.Dates().Take(MaxMeetings + 1).Count();
        if (meetings == 0) Problem(kind == ScheduleKind.Weekly ? "startDate" : "extraDates", t["EditScheduleEmpty"]);
        else if (meetings > MaxMeetings) Problem(kind == ScheduleKind.Weekly ? "endDate" : "extraDates", t["EditTooManyMeetings", MaxMeetings]);
        else _schedule = schedule;
    }

    /// <summary>Copies the values checked by the last <see cref="Validate"/> onto the offering, cleaned.</summary>
    public void ApplyTo(Offering offering, string code)
    {
        offering.Code = code;
        offering.CentreId = _centreId;
        offering.RoomId = _roomId;
        offering.IsOnline = IsOnline;
        offering.OnlineUrl = EditorForms.Line(OnlineUrl) is { Length: > 0 } onlineUrl ? onlineUrl : null;
        offering.Capacity = _capacity;
        // A record: an unchanged schedule compares equal field by field, so the history shows only what changed.
        offering.Schedule = _schedule!;
        offering.Status = _status;
        offering.StatusNote = EditorForms.Line(StatusNote) is { Length: > 0 } statusNote ? statusNote : null;
        offering.NoticeUntil = _noticeUntil;
        offering.PublishFrom = _publishFrom;
        offering.PublishUntil = _publishUntil;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]*$")]
    private static partial Regex CodePattern();
}
