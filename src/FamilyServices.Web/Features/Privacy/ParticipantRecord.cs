using System.Text.Json;
using System.Text.Json.Serialization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Privacy;

/// <summary>
/// Everything the portal holds about one child (the right of access): the participant row, nicknames by centre,
/// enrolments, attendance with where and when, the attendance change trail, the child's reach rows and the audit
/// entries that concern the child (found by pseudonym). The page shows it; the JSON download is this record as is.
/// </summary>
public sealed record ParticipantRecord(
    string Code,
    int BirthYear,
    int BirthMonth,
    string DistrictCode,
    string DistrictName,
    DateTime RegisteredAt,
    string Pseudonym,
    IReadOnlyList<ParticipantRecord.NicknameItem> Nicknames,
    IReadOnlyList<ParticipantRecord.EnrolmentItem> Enrolments,
    IReadOnlyList<ParticipantRecord.AttendanceItem> Attendance,
    IReadOnlyList<ParticipantRecord.AttendanceChangeItem> AttendanceChanges,
    IReadOnlyList<ParticipantRecord.ReachItem> ReachRows,
    IReadOnlyList<ParticipantRecord.AuditItem> AuditEntries)
{
    [JsonIgnore]
    public int ParticipantId { get; init; }

    public sealed record NicknameItem(string CentreCode, string CentreName, string Nickname);

    public sealed record EnrolmentItem(string OfferingCode, string ProgrammeCode, string ProgrammeTitle, string CentreCode, DateOnly EnrolledOn);

    public sealed record AttendanceItem(long SessionId, DateTime SessionStartsAt, string SessionStatus, string OfferingCode, string ProgrammeCode,
        string ProgrammeTitle, string CentreCode, string CentreName, string Status, DateTime RecordedAt, string? RecordedBy);

    public sealed record AttendanceChangeItem(long SessionId, string? StatusBefore, string StatusAfter, DateTime ChangedAt, string? ChangedBy);

    public sealed record ReachItem(string PeriodKind, int PeriodYear, string DistrictCode, string AgeBand, int Participations);

    public sealed record AuditItem(DateTime OccurredAt, string Action, string ActorId, int? CentreId, string? Details);

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The child with this (normalised) code, or null.</summary>
    public static async Task<ParticipantRecord?> FindAsync(FamilyServicesDb db, AuditTrail audit, string code, string language, CancellationToken cancellationToken = default)
    {
        var child = await db.Participants.AsNoTracking().Include(p => p.District).SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (child is null) return null;
        var id = child.Id;

        var nicknames = await (from n in db.ParticipantNicknames.AsNoTracking()
                               join c in db.Centres.AsNoTracking() on n.CentreId equals c.Id
                               where n.ParticipantId == id
                               orderby c.Code
                               select new NicknameItem(c.Code, c.Name, n.Nickname)).ToListAsync(cancellationToken);

        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.ParticipantId == id)
            .OrderBy(e => e.EnrolledOn).ThenBy(e => e.Offering.Code)
            .Select(e => new { e.Offering.Code, Programme = e.Offering.Programme.Code, e.Offering.ProgrammeId, Centre = e.Offering.Centre.Code, e.EnrolledOn })
            .ToListAsync(cancellationToken);

        var attendance = await db.Attendances.AsNoTracking().Where(a => a.ParticipantId == id)
            .OrderBy(a => a.Session.StartsAt).ThenBy(a => a.SessionId)
            .Select(a => new
            {
                a.SessionId, a.Session.StartsAt, SessionStatus = a.Session.Status, Offering = a.Session.Offering.Code,
                Programme = a.Session.Offering.Programme.Code, a.Session.Offering.ProgrammeId,
                Centre = a.Session.Offering.Centre.Code, CentreName = a.Session.Offering.Centre.Name, a.Status, a.RecordedAt, a.RecordedById,
            })
            .ToListAsync(cancellationToken);

        var programmeIds = enrolments.Select(e => e.ProgrammeId).Concat(attendance.Select(a => a.ProgrammeId)).Distinct().ToList();
        var titles = (await db.ProgrammeTexts.AsNoTracking().Where(t => programmeIds.Contains(t.ProgrammeId))
                .Select(t => new { t.ProgrammeId, t.Language, t.Title }).ToListAsync(cancellationToken))
            .GroupBy(t => t.ProgrammeId)
            .ToDictionary(g => g.Key, g => (g.FirstOrDefault(t => t.Language == language) ?? g.OrderBy(t => t.Language, StringComparer.Ordinal).First()).Title);

        var changes = await db.AttendanceChanges.AsNoTracking().Where(c => c.ParticipantId == id)
            .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
            .Select(c => new { c.SessionId, c.StatusBefore, c.StatusAfter, c.ChangedAt, c.ChangedById })
            .ToListAsync(cancellationToken);

        var reach = await (from r in db.ReachChildren.AsNoTracking()
                           join d in db.Districts.AsNoTracking() on r.DistrictId equals d.Id
                           where r.ParticipantId == id
                           orderby r.PeriodKind, r.PeriodYear
                           select new { r.PeriodKind, r.PeriodYear, d.Code, r.AgeBand, r.Participations }).ToListAsync(cancellationToken);

        var pseudonym = await audit.PseudonymAsync(id, cancellationToken);
        var entries = await db.AuditEvents.AsNoTracking().Where(e => e.Subjects.Contains(pseudonym))
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .Select(e => new { e.OccurredAt, e.Action, e.ActorId, e.CentreId, e.Details })
            .ToListAsync(cancellationToken);

        string Title(int programmeId) => titles.GetValueOrDefault(programmeId) ?? "";
        return new ParticipantRecord(child.Code, child.BirthYear, child.BirthMonth, child.District.Code, child.District.Name, child.CreatedAt, pseudonym,
            nicknames,
            [.. enrolments.Select(e => new EnrolmentItem(e.Code, e.Programme, Title(e.ProgrammeId), e.Centre, e.EnrolledOn))],
            [.. attendance.Select(a => new AttendanceItem(a.SessionId, a.StartsAt, a.SessionStatus.ToString(), a.Offering, a.Programme, Title(a.ProgrammeId),
                a.Centre, a.CentreName, a.Status.ToString(), a.RecordedAt, a.RecordedById))],
            [.. changes.Select(c => new AttendanceChangeItem(c.SessionId, c.StatusBefore?.ToString(), c.StatusAfter.ToString(), c.ChangedAt, c.ChangedById))],
            [.. reach.Select(r => new ReachItem(r.PeriodKind.ToString(), r.PeriodYear, r.Code, r.AgeBand, r.Participations))],
            [.. entries.Select(e => new AuditItem(e.OccurredAt, e.Action.ToString(), e.ActorId, e.CentreId, e.Details))])
        {
            ParticipantId = id,
        };
    }
}
