namespace FamilyServices.Web.Domain;

/// <summary>
/// When the public pages show a centre's temporary closure or an offering's status note (e.g. why it was cancelled).
/// Both end by themselves: "closed until 11 December" is shown up to and including that day in the centre's time
/// zone, and is gone on the 12th without anyone reopening the centre. No date means until an editor changes it.
/// Like <see cref="Publication"/>, evaluated with the current time on every read.
/// </summary>
public static class PublicNotice
{
    /// <summary>Today where the centre is.</summary>
    public static DateOnly LocalToday(TimeProvider clock, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));

    public static bool ShowsClosure(Centre centre, DateOnly localToday) =>
        centre.Status == CentreStatus.TemporarilyClosed && (centre.ClosedUntil is not { } until || until >= localToday);

    /// <summary>True while the centre's closure notice is shown: closed, and the "closed until" day has not passed where the centre is.</summary>
    public static bool IsClosed(Centre centre, TimeProvider clock) =>
        centre.Status == CentreStatus.TemporarilyClosed && ShowsClosure(centre, LocalToday(clock, centre.TimeZone));

    public static bool ShowsNote(string? note, DateOnly? noticeUntil, DateOnly localToday) =>
        !string.IsNullOrWhiteSpace(note) && (noticeUntil is not { } until || until >= localToday);

    /// <summary>The offering's status note while it is to be shown (needs the offering's centre, for its time zone), else null.</summary>
    public static string? VisibleNote(Offering offering, TimeProvider clock) =>
        string.IsNullOrWhiteSpace(offering.StatusNote) ? null
        : ShowsNote(offering.StatusNote, offering.NoticeUntil, LocalToday(clock, offering.Centre.TimeZone)) ? offering.StatusNote : null;
}
