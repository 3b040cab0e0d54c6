using System.Globalization;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.Offerings;

/// <summary>
/// The offering editor's form: values as typed, checked by <see cref="Validate"/>, copied by <see cref="ApplyTo"/>.
/// The schedule is built with the domain's own factories (<see cref="Schedule.Weekly"/>, <see cref="Schedule.OnDates"/>),
/// in the centre's local time.
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

    public static OfferingForm Read(IFormCollection form) => new()
    {
        Code = form.Value("code").ToUpperInvariant(),
        CentreId = form.Value("centreId"),
        RoomId = form.Value("roomId"),
        IsOnline = form.Checked("isOnline"),
        OnlineUrl = form.Value("onlineUrl"),
        Capacity = form.Value("capacity"),
        Kind = form.Value("kind"),
        Weekdays = form["weekdays"].Select(v => (v ?? "").Trim()).Where(v => v.Length > 0).Distinct().ToList(),
        StartDate = form.Value("startDate"),
        EndDate = form.Value("endDate"),
        StartTime = form.Value("startTime"),
        EndTime = form.Value("endTime"),
        ExtraDates = form.Value("extraDates"),
        ExcludedDates = form.Value("excludedDates"),
        Status = form.Value("status"),
        StatusNote = form.Value("statusNote"),
        NoticeUntil = form.Value("noticeUntil"),
        PublishFrom = form.Value("publishFrom"),
        PublishUntil = form.Value("publishUntil"),
        Version = form.Value("version"),
    };

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

        // An empty code is made by the page; a typed one must be a short code.
        if (Code.Length > CodeLength || (Code.Length > 0 && !CodePattern().IsMatch(Code))) Problem("code", t["EditCodeInvalid", CodeLength]);

        if (ChosenCentreId is not { } centreId || !centreIds.Contains(centreId)) Problem("centreId", t["EditChooseFromList"]);
        else _centreId = centreId;

        _roomId = null;
        if (RoomId.Length > 0)
        {
            if (int.TryParse(RoomId, NumberStyles.None, CultureInfo.InvariantCulture, out var roomId) && roomIds.Contains(roomId)) _roomId = roomId;
            else Problem("roomId", t["EditRoomNotAtCentre"]);
        }

        if (OnlineUrl.Length > 0 && (OnlineUrl.Length > UrlLength || !ProgrammeForm.IsWebAddress(OnlineUrl))) Problem("onlineUrl", t["EditUrlInvalid", UrlLength]);
        else if (IsOnline && OnlineUrl.Length == 0) Problem("onlineUrl", t["EditOnlineUrlRequired"]);

        _capacity = null;
        if (Capacity.Length > 0)
        {
            if (int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity is > 0 and <= MaxCapacity) _capacity = capacity;
            else Problem("capacity", t["EditCapacityInvalid", MaxCapacity]);
        }

        ValidateSchedule(t, problems);

        if (!Enum.TryParse(Status, out _status) || !Enum.IsDefined(_status) || int.TryParse(Status, out _)) Problem("status", t["EditChooseFromList"]);
        if (StatusNote.Length > NoteLength) Problem("statusNote", t["EditTooLong", t["EditStatusNote"], NoteLength, StatusNote.Length]);
        else if (_status == OfferingStatus.Cancelled && StatusNote.Length == 0) Problem("statusNote", t["EditStatusNoteRequired"]);
        _noticeUntil = null;
        if (NoticeUntil.Length > 0)
        {
            if (EditorForms.TryDate(NoticeUntil, out var until)) _noticeUntil = until;
            else Problem("noticeUntil", t["EditDateInvalid"]);
        }

        _publishFrom = _publishUntil = null;
        if (PublishFrom.Length > 0)
        {
            if (EditorForms.TryLocalDateTime(PublishFrom, cityZone, out var from)) _publishFrom = from;
            else Problem("publishFrom", t["EditDateTimeInvalid"]);
        }
        if (PublishUntil.Length > 0)
        {
            if (EditorForms.TryLocalDateTime(PublishUntil, cityZone, out var until)) _publishUntil = until;
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
        if (!EditorForms.TryTime(StartTime, out var startTime)) { Problem("startTime", t["EditTimeInvalid"]); ok = false; }
        if (!EditorForms.TryTime(EndTime, out var endTime)) { Problem("endTime", t["EditTimeInvalid"]); ok = false; }
        if (ok && endTime <= startTime) { Problem("endTime", t["EditTimeOrder"]); ok = false; }

        var (extra, badExtra) = EditorForms.DateList(ExtraDates);
        var (excluded, badExcluded) = EditorForms.DateList(ExcludedDates);
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
            if (days == Domain.Weekdays.None) { Problem("weekday-Monday", t["EditWeekdaysRequired"]); ok = false; }
            var hasStart = EditorForms.TryDate(StartDate, out var startDate);
            var hasEnd = EditorForms.TryDate(EndDate, out var endDate);
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

    public void ApplyTo(Offering offering, string code)
    {
        offering.Code = code;
        offering.CentreId = _centreId;
        offering.RoomId = _roomId;
        offering.IsOnline = IsOnline;
        offering.OnlineUrl = OnlineUrl.Length > 0 ? OnlineUrl : null;
        offering.Capacity = _capacity;
        // A record: an unchanged schedule compares equal field by field, so the history shows only what changed.
        offering.Schedule = _schedule!;
        offering.Status = _status;
        offering.StatusNote = StatusNote.Length > 0 ? StatusNote : null;
        offering.NoticeUntil = _noticeUntil;
        offering.PublishFrom = _publishFrom;
        offering.PublishUntil = _publishUntil;
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]*$")]
    private static partial Regex CodePattern();
}
