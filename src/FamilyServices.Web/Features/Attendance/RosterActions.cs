using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>A child on a roster, as staff see them: the code, birth year and month, and their own centre's nickname.</summary>
public sealed record RosterChild(int Id, string Code, int BirthYear, int BirthMonth, string? Nickname)
{
    /// <summary>
    /// The roster's filter: part of the nickname (case and accents folded as the current culture does), or part of the
    /// code as people type it (with or without the hyphen). An empty filter matches everyone.
    /// </summary>
    public bool Matches(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return true;
        var text = filter.Trim();
        if (Nickname is not null && CultureInfo.CurrentCulture.CompareInfo.IndexOf(Nickname, text,
                CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0)
        {
            return true;
        }
        var code = new string(text.Where(c => c != '-' && !char.IsWhiteSpace(c)).ToArray());
        return code.Length > 0 && Code.Contains(code, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed record RosterDistrict(int Id, string Name);

/// <summary>
/// What changes while a roster is open: the marks, the headcount, whether the session was cancelled, and the centre's
/// nicknames of the children marked (adding a child by code may name them).
/// </summary>
public sealed record RosterState(
    SessionStatus Status, string? CancellationReason, int? HeadcountChildren, int? HeadcountAdults,
    IReadOnlyDictionary<int, AttendanceStatus> Marks, IReadOnlyDictionary<int, string> Nicknames);

/// <summary>A session's roster as one staff member may see it now.</summary>
public sealed record Roster(
    long SessionId, int CentreId, string Title, string Centre, DateTime LocalStart, bool IsOpenMeeting, bool MayWrite, int WindowDays,
    IReadOnlyList<RosterChild> Children, IReadOnlyList<RosterDistrict> Districts, RosterState State);

public enum RosterOutcome
{
    Done,
    /// <summary>The session (or the child on its roster) does not exist for this user: another centre's is "not found" too.</summary>
    NotFound,
    /// <summary>Refused for a reason the user can act on; <see cref="RosterResult.Problem"/> names it as a UI string key.</summary>
    Refused,
}

/// <summary>
/// The answer of a roster action. <see cref="Problem"/> is a key of the UI strings (with <see cref="ProblemArguments"/>),
/// so the page shows it in the user's language; <see cref="Count"/> is what was marked or the child that was added.
/// </summary>
public sealed record RosterResult(RosterOutcome Outcome, string? Problem = null, object[]? ProblemArguments = null, int Count = 0)
{
    public static RosterResult NotFound { get; } = new(RosterOutcome.NotFound, "RosterNotFound");

    public static RosterResult Done(int count = 0) => new(RosterOutcome.Done, Count: count);

    public static RosterResult Refused(string problem, params object[] arguments) => new(RosterOutcome.Refused, problem, arguments);

    public bool Succeeded => Outcome == RosterOutcome.Done;
}

/// <summary>A child registered on the roster for the first time, as typed into the form.</summary>
public sealed record NewChild(int? BirthYear, int? BirthMonth, int? DistrictId, string? Nickname, bool Consent);

/// <summary>
/// Everything the roster page does, as rules a test can call without a browser. Each call takes the user's principal
/// as the database knows it now (the page asks <c>CurrentStaff</c> right before), opens a context of its own, and
/// checks afresh what the page may have shown long ago: that the session is visible to the user (another centre's is
/// "not found"), that it was not cancelled, and that the correction window is open or the user may correct late. The
/// audit entries are those the static roster wrote: a view of the children once per page load, each registration,
/// nickname change and recorded or corrected mark. Every committed change notifies the session's open rosters.
/// </summary>
public sealed class RosterActions(
    IDbContextFactory<FamilyServicesDb> dbFactory, AuditTrail audit, TimeProvider clock, IConfiguration configuration, CurrentCity currentCity)
{
    public const int MaxHeadcount = 500;
    public const int MaxNicknameLength = 60;
    public const int MaxReasonLength = 500;

    public int WindowDays => configuration.GetValue("Portal:Attendance:CorrectionDays", AttendanceCorrections.DefaultWindowDays);

    /// <summary>The roster as the page first shows it; records that the user saw these children. Null: not found.</summary>
    public async Task<Roster?> OpenAsync(ClaimsPrincipal user, long sessionId, string language, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await StaffSessions.FindVisibleAsync(db, sessionId, user);
        if (session is null) return null;
        var city = await currentCity.GetAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(session.Offering.Centre.TimeZone);
        var children = await ChildrenAsync(db, session, await StaffSessions.RosterParticipantIdsAsync(db, session), cancellationToken);
        // Showing codes and nicknames is a view of personal data.
        if (children.Count > 0)
        {
            await audit.With(db).RecordAsync(AuditAction.RosterViewed, session.Offering.CentreId, children.Select(c => c.Id),
                new { sessionId = session.Id, children = children.Count }, UserId(user), cancellationToken);
        }
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Name).Select(d => new RosterDistrict(d.Id, d.Name)).ToListAsync(cancellationToken);
        return new Roster(
            session.Id, session.Offering.CentreId,
            session.Offering.Programme.TextIn(language, city.DefaultLanguage)?.Title ?? session.Offering.Code,
            session.Offering.Centre.Name, TimeZoneInfo.ConvertTimeFromUtc(session.StartsAt, zone),
            session.Offering.Programme.Type == ProgrammeType.OpenMeeting, MayWrite(session, user), WindowDays,
            children, districts, await StateAsync(db, session.Id, cancellationToken));
    }

    /// <summary>The session's marks, headcount and status now (one small query each), or null when it is no longer visible to the user.</summary>
    public async Task<RosterState?> ReadStateAsync(ClaimsPrincipal user, long sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Sessions.VisibleTo(user).AnyAsync(s => s.Id == sessionId, cancellationToken)) return null;
        return await StateAsync(db, sessionId, cancellationToken);
    }

    /// <summary>
    /// Children who came onto the roster while it was open (a colleague added them): shown once the page knows them,
    /// so their view is recorded like the page load's.
    /// </summary>
    public async Task<IReadOnlyList<RosterChild>> NewChildrenAsync(
        ClaimsPrincipal user, long sessionId, IReadOnlyCollection<int> known, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await StaffSessions.FindVisibleAsync(db, sessionId, user);
        if (session is null) return [];
        var ids = (await StaffSessions.RosterParticipantIdsAsync(db, session)).Except(known).ToList();
        if (ids.Count == 0) return [];
        var children = await ChildrenAsync(db, session, ids, cancellationToken);
        await audit.With(db).RecordAsync(AuditAction.RosterViewed, session.Offering.CentreId, children.Select(c => c.Id),
            new { sessionId = session.Id, children = children.Count }, UserId(user), cancellationToken);
        return children;
    }

    /// <summary>
    /// One tick: the child's mark for the session, saved at once with the idempotent upsert, and tried again on a
    /// dropped connection or a deadlock (<see cref="IdempotentWrites"/>); when it still fails the tick is not saved.
    /// </summary>
    public Task<RosterResult> MarkAsync(ClaimsPrincipal user, long sessionId, int participantId, AttendanceStatus status,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(status)) return Task.FromResult(RosterResult.Refused("RosterMarkInvalid"));
        return IdempotentWrites.RunAsync(attempt => MarkOnceAsync(user, sessionId, participantId, status, attempt),
            _ => RosterResult.Refused("RosterMarkNotSaved"), clock, cancellationToken);
    }

    private async Task<RosterResult> MarkOnceAsync(ClaimsPrincipal user, long sessionId, int participantId, AttendanceStatus status,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (session, refusal) = await WritableAsync(db, user, sessionId, forNames: true);
        if (session is null) return refusal!;
        if (!(await StaffSessions.RosterParticipantIdsAsync(db, session)).Contains(participantId)) return RosterResult.NotFound;
        await AttendanceRecording.SaveAsync(db, audit.With(db), session.Offering.CentreId, session.Id, [(participantId, status)], UserId(user), Now);
        return RosterResult.Done(1);
    }

    /// <summary>Every child on the roster who has no mark yet is marked present, in one save; marks already taken stay.</summary>
    public async Task<RosterResult> MarkAllPresentAsync(ClaimsPrincipal user, long sessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (session, refusal) = await WritableAsync(db, user, sessionId, forNames: true);
        if (session is null) return refusal!;
        var marked = await db.Attendances.Where(a => a.SessionId == session.Id).Select(a => a.ParticipantId).ToListAsync(cancellationToken);
        var unmarked = (await StaffSessions.RosterParticipantIdsAsync(db, session)).Distinct().Except(marked).Order().ToList();
        if (unmarked.Count == 0) return RosterResult.Done();
        await AttendanceRecording.SaveAsync(db, audit.With(db), session.Offering.CentreId, session.Id,
            unmarked.Select(id => (id, AttendanceStatus.Present)).ToList(), UserId(user), Now);
        return RosterResult.Done(unmarked.Count);
    }

    /// <summary>An open activity takes no names: an anonymous count of children and adults (empty counts as 0).</summary>
    public async Task<RosterResult> SaveHeadcountAsync(ClaimsPrincipal user, long sessionId, int? children, int? adults,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (session, refusal) = await WritableAsync(db, user, sessionId, forNames: false);
        if (session is null) return refusal!;
        var (childCount, adultCount) = (children ?? 0, adults ?? 0);
        if (childCount is < 0 or > MaxHeadcount || adultCount is < 0 or > MaxHeadcount) return RosterResult.Refused("HeadcountInvalid", MaxHeadcount);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.HeadcountChildren, childCount)
            .SetProperty(x => x.HeadcountAdults, adultCount)
            .SetProperty(x => x.Status, SessionStatus.Held), cancellationToken);
        await AttendanceNotifications.NotifyAsync(db, session.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RosterResult.Done(childCount);
    }

    /// <summary>Cancels the session with a reason parents will read; it then takes no attendance.</summary>
    public async Task<RosterResult> CancelAsync(ClaimsPrincipal user, long sessionId, string? reason, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (session, refusal) = await WritableAsync(db, user, sessionId, forNames: null);
        if (session is null) return refusal!;
        if (RosterInput.Reason(reason, out var text) is { } problem) return problem;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, SessionStatus.Cancelled)
            .SetProperty(x => x.CancellationReason, text), cancellationToken);
        await AttendanceNotifications.NotifyAsync(db, session.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RosterResult.Done();
    }

    /// <summary>
    /// A child already known (at this or another centre) is found by code, so they stay one participant; they are
    /// enrolled and marked present, with this centre's nickname when one is given.
    /// </summary>
    public async Task<RosterResult> AddByCodeAsync(ClaimsPrincipal user, long sessionId, string? code, string? nickname,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (session, refusal) = await WritableAsync(db, user, sessionId, forNames: true);
        if (session is null) return refusal!;
        if (RosterInput.Nickname(nickname, out var name) is { } problem) return problem;
        var normalized = ParticipantCode.Normalize(code);
        var childId = normalized is null ? null
            : await db.Participants.Where(p => p.Code == normalized).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        if (childId is not { } id) return RosterResult.Refused("AddChildCodeUnknown");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var trail = audit.With(db);
        await EnrolAndMarkPresentAsync(db, trail, transaction, session, id, name, UserId(user), cancellationToken);
        return RosterResult.Done(id);
    }

    /// <summary>Registers a child who is new to the service (birth year and month, district, the family's consent) and marks them present.</summary>
    public async Task<RosterResult> AddNewAsync(ClaimsPrincipal user, long sessionId, NewChild input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (session, refusal) = await WritableAsync(db, user, sessionId, forNames: true);
        if (session is null) return refusal!;
        var sessionDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(session.StartsAt,
            TimeZoneInfo.FindSystemTimeZoneById(session.Offering.Centre.TimeZone)));
        if (input is not { BirthYear: { } year, BirthMonth: { } month and >= 1 and <= 12, DistrictId: { } districtId }
            || Participant.AgeInMonths(year, month, sessionDay) is < 0 or > 18 * 12
            || !await db.Districts.AnyAsync(d => d.Id == districtId, cancellationToken))
        {
            return RosterResult.Refused("AddChildInvalid");
        }
        if (RosterInput.Nickname(input.Nickname, out var name) is { } problem) return problem;
        if (!input.Consent) return RosterResult.Refused("AddChildConsentRequired");

        // The child, their nickname, enrolment, first mark and the audit entries commit together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var child = new Participant
        {
            Code = await UniqueCodeAsync(db, cancellationToken), BirthYear = year, BirthMonth = month, DistrictId = districtId, CreatedAt = Now,
        };
        db.Participants.Add(child);
        await db.SaveChangesAsync(cancellationToken);
        var trail = audit.With(db);
        await trail.AddAsync(AuditAction.ParticipantRegistered, session.Offering.CentreId, [child.Id], new { sessionId = session.Id }, UserId(user), cancellationToken);
        await EnrolAndMarkPresentAsync(db, trail, transaction, session, child.Id, name, UserId(user), cancellationToken);
        return RosterResult.Done(child.Id);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Ordinary staff within the correction window; coordinators of the centre and Admins at any time.</summary>
    private bool MayWrite(Session session, ClaimsPrincipal user) => StaffSessions.MayWrite(session, user, Now, WindowDays);

    /// <summary>
    /// The session when this user may change it now, else the refusal. <paramref name="forNames"/>: true for marks and
    /// children (not at an open activity, which takes no names), false for the headcount (only there), null for either.
    /// </summary>
    private async Task<(Session? Session, RosterResult? Refusal)> WritableAsync(FamilyServicesDb db, ClaimsPrincipal user, long sessionId, bool? forNames)
    {
        var session = await StaffSessions.FindVisibleAsync(db, sessionId, user);
        if (session is null) return (null, RosterResult.NotFound);
        if (session.Status == SessionStatus.Cancelled) return (null, RosterResult.Refused("RosterSessionIsCancelled"));
        var isOpenMeeting = session.Offering.Programme.Type == ProgrammeType.OpenMeeting;
        if (forNames is { } names && names == isOpenMeeting) return (null, RosterResult.Refused(names ? "RosterOpenMeetingNoNames" : "RosterHeadcountOnlyOpen"));
        if (!MayWrite(session, user)) return (null, RosterResult.Refused("CorrectionWindowClosed", WindowDays));
        return (session, null);
    }

    private static async Task<RosterState> StateAsync(FamilyServicesDb db, long sessionId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.Status, s.CancellationReason, s.HeadcountChildren, s.HeadcountAdults, s.Offering.CentreId })
            .SingleAsync(cancellationToken);
        var marks = await db.Attendances.AsNoTracking().Where(a => a.SessionId == sessionId)
            .Select(a => new
            {
                a.ParticipantId, a.Status,
                // Only this centre's own name for the child.
                Nickname = db.ParticipantNicknames.Where(n => n.CentreId == session.CentreId && n.ParticipantId == a.ParticipantId)
                    .Select(n => n.Nickname).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new RosterState(session.Status, session.CancellationReason, session.HeadcountChildren, session.HeadcountAdults,
            marks.ToDictionary(m => m.ParticipantId, m => m.Status),
            marks.Where(m => m.Nickname is not null).ToDictionary(m => m.ParticipantId, m => m.Nickname!));
    }

    /// <summary>The children with this centre's own name for them (never another centre's), by nickname, then code.</summary>
    private static async Task<List<RosterChild>> ChildrenAsync(FamilyServicesDb db, Session session, IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var distinctIds = ids.Distinct().ToList();
        var centreId = session.Offering.CentreId;
        var children = await db.Participants.AsNoTracking().Where(p => distinctIds.Contains(p.Id))
            .Select(p => new RosterChild(p.Id, p.Code, p.BirthYear, p.BirthMonth,
                db.ParticipantNicknames.Where(n => n.CentreId == centreId && n.ParticipantId == p.Id).Select(n => n.Nickname).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return children.OrderBy(c => c.Nickname ?? "\uffff", comparer).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    private static async Task<string> UniqueCodeAsync(FamilyServicesDb db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = ParticipantCode.Create(Random.Shared);
            if (!await db.Participants.AnyAsync(p => p.Code == code, cancellationToken)) return code;
        }
    }

    private async Task EnrolAndMarkPresentAsync(FamilyServicesDb db, AuditTrail trail, IDbContextTransaction transaction, Session session,
        int participantId, string? nickname, string? userId, CancellationToken cancellationToken)
    {
        var centreId = session.Offering.CentreId;
        if (nickname is not null)
        {
            var previous = await db.ParticipantNicknames.AsNoTracking()
                .Where(n => n.CentreId == centreId && n.ParticipantId == participantId).Select(n => n.Nickname).SingleOrDefaultAsync(cancellationToken);
            if (previous != nickname)
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO participant_nicknames (centre_id, participant_id, nickname) VALUES ({centreId}, {participantId}, {nickname}) ON CONFLICT (centre_id, participant_id) DO UPDATE SET nickname = EXCLUDED.nickname", cancellationToken);
                // Whether it was set or changed, never the name itself.
                await trail.AddAsync(AuditAction.NicknameChanged, centreId, [participantId], new { change = previous is null ? "set" : "changed" }, userId, cancellationToken);
            }
        }
        var today = DateOnly.FromDateTime(Now);
        await db.Database.ExecuteSqlAsync($"INSERT INTO enrolments (offering_id, participant_id, enrolled_on) VALUES ({session.OfferingId}, {participantId}, {today}) ON CONFLICT DO NOTHING", cancellationToken);
        await AttendanceRecording.SaveAsync(db, trail, centreId, session.Id, [(participantId, AttendanceStatus.Present)], userId, Now);
        // Entries staged above but not written by SaveAsync (the child was already marked present) are written here;
        // a child new to the roster but already marked notifies here too.
        await AttendanceNotifications.NotifyAsync(db, session.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>Checks of what people type into the roster's text fields.</summary>
public static class RosterInput
{
    /// <summary>
    /// Control characters (NUL cannot even be stored) and the invisible marks that reorder text on screen (a nickname
    /// could otherwise show as something else than it is): refused with a message rather than stored.
    /// </summary>
    public static bool HasHiddenCharacters(string text) =>
        text.Any(c => char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    /// <summary>Null when the cancellation's reason is fine (<paramref name="reason"/>: trimmed), else the refusal.</summary>
    public static RosterResult? Reason(string? input, out string? reason)
    {
        reason = input?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > RosterActions.MaxReasonLength) return RosterResult.Refused("CancelSessionReasonRequired");
        return HasHiddenCharacters(reason) ? RosterResult.Refused("RosterTextHiddenCharacters") : null;
    }

    /// <summary>Null when the nickname is fine (<paramref name="nickname"/>: trimmed, or null when empty), else the refusal.</summary>
    public static RosterResult? Nickname(string? input, out string? nickname)
    {
        nickname = string.IsNullOrWhiteSpace(input) ? null : input.Trim();
        if (nickname is null) return null;
        if (nickname.Length > RosterActions.MaxNicknameLength) return RosterResult.Refused("AddChildNicknameTooLong", RosterActions.MaxNicknameLength);
        return HasHiddenCharacters(nickname) ? RosterResult.Refused("RosterTextHiddenCharacters") : null;
    }
}
