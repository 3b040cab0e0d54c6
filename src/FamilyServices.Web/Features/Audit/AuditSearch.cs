using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Audit;

/// <summary>
/// The audit page's filters as the Admin typed or chose them. They stay in the page, never in an address: the actor
/// may be an e-mail address, the code a child's.
/// </summary>
public sealed record AuditFilterInput(
    string? Action = null, string? Actor = null, string? Centre = null, string? From = null, string? To = null, string? Code = null);

/// <summary>What the trail is searched for: the input resolved to ids (an actor's account, a child's pseudonym).</summary>
public sealed record AuditFilter(AuditAction? Action, string? ActorId, int? CentreId, DateOnly? From, DateOnly? To, string? Pseudonym,
    bool ByParticipantCode, bool MatchesNothing)
{
    public static readonly AuditFilter None = new(null, null, null, null, null, null, ByParticipantCode: false, MatchesNothing: false);
}

/// <summary>Why a filter shows nothing: unreadable input (refused), or a person or child the portal does not know (an answer).</summary>
public enum AuditFilterProblem { ActionInvalid, CentreInvalid, DateInvalid, DatesOrder, ActorUnknown, CodeUnknown }

/// <summary>One entry as the page lists it; the actor's name (if the account still exists) next to its id.</summary>
public sealed record AuditRow(long Id, DateTime OccurredAt, AuditAction Action, string ActorId, string? ActorName, int? CentreId, int SubjectCount,
    string? Details, string? CorrelationId);

/// <summary>
/// The Admins' search of the audit trail: filters resolved to ids, a page of entries newest first, and every reading
/// recorded as an entry of its own (which filter, never the code or an e-mail address).
/// </summary>
public static class AuditSearch
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
    public const int MaxActorLength = 256;
    public const int MaxCodeLength = 20;

    /// <summary>
    /// Resolves the input; unreadable values are refused and the filter then matches nothing, as does an unknown
    /// account or code. The code becomes the pseudonym of the child's id and is neither kept nor recorded.
    /// </summary>
    public static async Task<(AuditFilter Filter, IReadOnlyList<AuditFilterProblem> Problems)> ResolveAsync(FamilyServicesDb db, AuditTrail audit,
        AuditFilterInput input, CancellationToken cancellationToken = default)
    {
        var problems = new List<AuditFilterProblem>();
        AuditAction? action = null;
        if (input.Action is { Length: > 0 } actionText)
        {
            if (Enum.TryParse<AuditAction>(actionText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(actionText[0])) action = parsed;
            else problems.Add(AuditFilterProblem.ActionInvalid);
        }
        int? centreId = null;
        if (input.Centre is { Length: > 0 } centreText)
        {
            if (int.TryParse(centreText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await db.Centres.AnyAsync(c => c.Id == id, cancellationToken)) centreId = id;
            else problems.Add(AuditFilterProblem.CentreInvalid);
        }
        var from = Date(input.From, problems);
        var to = Date(input.To, problems);
        if (from > to) problems.Add(AuditFilterProblem.DatesOrder);

        var matchesNothing = problems.Count > 0;
        var actorText = (input.Actor ?? "").Trim();
        if (actorText.Length > MaxActorLength) actorText = actorText[..MaxActorLength];
        string? actorId = null;
        if (actorText.Any(char.IsControl))
        {
            // No account id or address holds a control character (and PostgreSQL refuses a NUL in text).
            problems.Add(AuditFilterProblem.ActorUnknown);
            matchesNothing = true;
        }
        else if (actorText.Contains('@', StringComparison.Ordinal))
        {
            var normalized = actorText.ToUpperInvariant();
            actorId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
            if (actorId is null)
            {
                problems.Add(AuditFilterProblem.ActorUnknown);
                matchesNothing = true;
            }
        }
        else if (actorText.Length > 0) actorId = actorText;

        var codeText = (input.Code ?? "").Trim();
        string? pseudonym = null;
        if (codeText.Length > 0)
        {
            var code = ParticipantCode.Normalize(codeText.Length > MaxCodeLength ? null : codeText);
            var participantId = code is null ? null
                : await db.Participants.AsNoTracking().Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (participantId is null)
            {
                problems.Add(AuditFilterProblem.CodeUnknown);
                matchesNothing = true;
            }
            else pseudonym = await audit.PseudonymAsync(participantId.Value, cancellationToken);
        }
        return (new AuditFilter(action, actorId, centreId, from, to, pseudonym, codeText.Length > 0, matchesNothing), problems);
    }

    /// <summary>Unreadable input: the page refuses it and says so; unknown people and codes are answers (nothing matches).</summary>
    public static bool IsRefusal(AuditFilterProblem problem) => problem is not (AuditFilterProblem.ActorUnknown or AuditFilterProblem.CodeUnknown);

    private static DateOnly? Date(string? text, List<AuditFilterProblem> problems)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problems.Add(AuditFilterProblem.DateInvalid);
        return null;
    }

    /// <summary>
    /// One page (0-based) of the entries that match, newest first (oldest first when asked), with the total; records the
    /// reading as an entry of <paramref name="actorId"/> in the same database. Dates are the city's local days.
    /// </summary>
    public static async Task<(List<AuditRow> Rows, int Total)> PageAsync(FamilyServicesDb db, AuditTrail audit, AuditFilter filter, TimeZoneInfo zone,
        int page, int pageSize, bool oldestFirst, string actorId, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        var entries = db.AuditEvents.AsNoTracking();
        if (filter.MatchesNothing) entries = entries.Where(e => false);
        if (filter.Action is { } action) entries = entries.Where(e => e.Action == action);
        if (filter.ActorId is { } actor) entries = entries.Where(e => e.ActorId == actor);
        if (filter.CentreId is { } centreId) entries = entries.Where(e => e.CentreId == centreId);
        if (filter.From is { } from)
        {
            var start = StartOf(from, zone);
            entries = entries.Where(e => e.OccurredAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = StartOf(to.AddDays(1), zone);
            entries = entries.Where(e => e.OccurredAt < end);
        }
        if (filter.Pseudonym is { } pseudonym) entries = entries.Where(e => e.Subjects.Contains(pseudonym));

        var total = await entries.CountAsync(cancellationToken);
        var ordered = oldestFirst ? entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id) : entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        var found = await ordered.Skip(page * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.OccurredAt, e.Action, e.ActorId, e.CentreId, Subjects = e.Subjects.Length, e.Details, e.CorrelationId })
            .ToListAsync(cancellationToken);
        var actorIds = found.Select(r => r.ActorId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        // Reading the trail is itself recorded: which filter, never the code or an e-mail address.
        await audit.RecordAsync(AuditAction.AuditTrailViewed, filter.CentreId, [], new
        {
            action = filter.Action?.ToString(), actor = filter.ActorId, from = filter.From, to = filter.To,
            byParticipantCode = filter.ByParticipantCode, page = page + 1,
        }, actorId, cancellationToken);

        var rows = found.Select(e => new AuditRow(e.Id, e.OccurredAt, e.Action, e.ActorId, names.GetValueOrDefault(e.ActorId), e.CentreId, e.Subjects,
            e.Details, e.CorrelationId)).ToList();
        return (rows, total);
    }

    /// <summary>A date as the city's people mean it: from its local midnight.</summary>
    public static DateTime StartOf(DateOnly date, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), zone);
}
