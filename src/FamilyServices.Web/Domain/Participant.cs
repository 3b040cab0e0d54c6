namespace FamilyServices.Web.Domain;

/// <summary>
/// A child known to the service, deliberately minimal: a pseudonymous code, birth year and month,
/// and district of residence. Never a name, full birth date or address.
/// </summary>
public class Participant
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int BirthYear { get; set; }
    public int BirthMonth { get; set; }
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;
    public DateTime CreatedAt { get; set; }

    /// <summary>Completed months of age on a date, counting from the first of the birth month.</summary>
    public int AgeInMonthsOn(DateOnly date) => AgeInMonths(BirthYear, BirthMonth, date);

    public static int AgeInMonths(int birthYear, int birthMonth, DateOnly date) =>
        (date.Year - birthYear) * 12 + (date.Month - birthMonth);
}

public class Enrolment
{
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public int OfferingId { get; set; }
    public Offering Offering { get; set; } = null!;
    public DateOnly EnrolledOn { get; set; }
}

/// <summary>One participant at one session; the key makes a second record for the same pair impossible.</summary>
public class Attendance
{
    public long SessionId { get; set; }
    public Session Session { get; set; } = null!;
    public int ParticipantId { get; set; }
    public Participant Participant { get; set; } = null!;
    public AttendanceStatus Status { get; set; }
    public string? RecordedById { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>One change to an attendance record: append-only, so every correction can be traced (who, when, before, after).</summary>
public class AttendanceChange
{
    public long Id { get; set; }
    public long SessionId { get; set; }
    public int ParticipantId { get; set; }
    public AttendanceStatus? StatusBefore { get; set; }
    public AttendanceStatus StatusAfter { get; set; }
    public string? ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>How long ordinary staff may correct a session's attendance after it ended.</summary>
public static class AttendanceCorrections
{
    public const int DefaultWindowDays = 14;

    public static bool WindowIsOpen(DateTime sessionEndsAtUtc, DateTime nowUtc, int windowDays) =>
        nowUtc <= sessionEndsAtUtc.AddDays(windowDays);
}

/// <summary>
/// A first name or nickname one centre keeps to recognise a child. Kept apart from the participant, visible only
/// to that centre's staff, and erasable on its own.
/// </summary>
public class ParticipantNickname
{
    public int CentreId { get; set; }
    public int ParticipantId { get; set; }
    public required string Nickname { get; set; }
}
