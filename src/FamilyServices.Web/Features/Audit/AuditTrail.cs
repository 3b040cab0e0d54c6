using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Audit;

/// <summary>
/// Writes the audit trail (<see cref="AuditEvent"/>). Changes are recorded with <see cref="AddAsync"/> before the
/// caller's own SaveChanges, so the entry and the change commit together or not at all; views and exports, which
/// change nothing else, use <see cref="RecordAsync"/>. The actor is the signed-in account unless one is given.
/// </summary>
public sealed class AuditTrail(FamilyServicesDb db, TimeProvider clock, IHttpContextAccessor httpContext)
{
    /// <summary>The actor of changes made from the operator's command line.</summary>
    public const string Operator = "operator";

    /// <summary>The actor of scheduled jobs such as retention.</summary>
    public const string System = "system";

    private byte[]? _secret;

    /// <summary>
    /// The same trail writing through another context: an interactive page opens a context per operation and has no
    /// HTTP request, so it passes the actor (the account from CurrentStaff) to every call.
    /// </summary>
    public AuditTrail With(FamilyServicesDb operationDb) => new(operationDb, clock, NoRequest.Instance) { _secret = _secret };

    private sealed class NoRequest : IHttpContextAccessor
    {
        public static readonly NoRequest Instance = new();

        public HttpContext? HttpContext { get => null; set { } }
    }

    /// <summary>Stages an entry; the caller's next SaveChanges writes it with the change it records.</summary>
    public async Task AddAsync(AuditAction action, int? centreId, IEnumerable<int> participantIds, object? details = null,
        string? actorId = null, CancellationToken cancellationToken = default)
    {
        var subjects = new List<string>();
        foreach (var id in participantIds.Distinct()) subjects.Add(await PseudonymAsync(id, cancellationToken));
        var context = httpContext.HttpContext;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorId = actorId ?? context?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? System,
            Action = action,
            CentreId = centreId,
            Subjects = [.. subjects],
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonOptions),
            CorrelationId = context?.TraceIdentifier is { Length: <= 64 } correlation ? correlation : null,
        });
    }

    /// <summary>Writes an entry at once (and anything else pending on the same context).</summary>
    public async Task RecordAsync(AuditAction action, int? centreId, IEnumerable<int> participantIds, object? details = null,
        string? actorId = null, CancellationToken cancellationToken = default)
    {
        await AddAsync(action, centreId, participantIds, details, actorId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The pseudonym under which a participant appears in the trail: a keyed hash of the participant's id. An Admin who
    /// knows a child's code can find the child's entries; once the child is erased the code is gone and nothing here
    /// can be linked back.
    /// </summary>
    public async Task<string> PseudonymAsync(int participantId, CancellationToken cancellationToken = default)
    {
        _secret ??= await db.AuditKeys.AsNoTracking().Where(k => k.Id == 1).Select(k => k.Secret).SingleAsync(cancellationToken);
        return Pseudonym(_secret, participantId);
    }

    public static string Pseudonym(byte[] secret, int participantId)
    {
        var hash = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("participant:" + participantId.ToString(CultureInfo.InvariantCulture)));
        return Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
