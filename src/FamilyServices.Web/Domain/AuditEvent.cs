namespace FamilyServices.Web.Domain;

/// <summary>
/// One entry of the audit trail: who viewed, changed or exported participant data or attendance, and when.
/// Append-only (the database refuses updates and deletes) and itself pseudonymous: children appear only as keyed
/// hashes of their participant id (<see cref="Subjects"/>), so once a child is erased nothing here leads back to them.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The staff account's id; "operator" for the command line, "system" for scheduled jobs.</summary>
    public required string ActorId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>The centre whose data it was, when there is one.</summary>
    public int? CentreId { get; set; }

    /// <summary>Pseudonyms of the participants concerned (see <c>AuditTrail.Pseudonym</c>).</summary>
    public string[] Subjects { get; set; } = [];

    /// <summary>JSON object with what else explains the entry (a session id, row counts, an export's kind); never personal data.</summary>
    public string? Details { get; set; }
    public string? CorrelationId { get; set; }
}

public enum AuditAction
{
    /// <summary>A roster (children's codes and nicknames) was shown.</summary>
    RosterViewed,
    ParticipantRegistered,
    AttendanceRecorded,
    AttendanceCorrected,
    AttendanceImported,
    NicknameChanged,
    ReachExported,
    ParticipantExported,
    ParticipantErased,
    RetentionApplied,
    AuditTrailViewed,
}

/// <summary>The secret behind the audit trail's participant pseudonyms: one row, made when the table is created.</summary>
public class AuditKey
{
    public int Id { get; set; }
    public required byte[] Secret { get; set; }
}
