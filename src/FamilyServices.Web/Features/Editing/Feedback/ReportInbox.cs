using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Feedback;

/// <summary>How marking a report resolved ended.</summary>
public enum ResolveOutcome { Resolved, AlreadyResolved, NotFound, Refused }

/// <summary>
/// The editors' inbox of the public's reports (issue 7), paged in SQL: open ones newest first, resolved ones newest
/// resolution first, each with the entry it is about (a programme or a centre, linked to its editor page) and the
/// kind in the reader's language. Only Editors and Admins read or resolve them.
/// </summary>
public static class ReportInbox
{
    public sealed record Row(long Id, bool IsCentre, string EntryName, string? EntryLanguage, string EditorPath, string Language,
        ReportKind? Kind, string Text, DateTime ReceivedAt, DateTime? ResolvedAt);

    public static Task<int> OpenCountAsync(FamilyServicesDb db) => db.EntryReports.CountAsync(r => r.ResolvedAt == null);

    public static async Task<ListPage<Row>> PageAsync(FamilyServicesDb db, ClaimsPrincipal user, bool resolved, ListRequest request,
        string language, string fallbackLanguage, CancellationToken cancellationToken = default)
    {
        if (!user.IsEditor()) return new ListPage<Row>([], 0);
        var query = resolved
            ? db.EntryReports.AsNoTracking().Where(r => r.ResolvedAt != null).OrderByDescending(r => r.ResolvedAt).ThenByDescending(r => r.Id)
            : db.EntryReports.AsNoTracking().Where(r => r.ResolvedAt == null).OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id);
        var total = await query.CountAsync(cancellationToken);
        var reports = await query.Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);

        var programmeIds = reports.Where(r => r.ProgrammeId != null).Select(r => r.ProgrammeId!.Value).Distinct().ToList();
        var centreIds = reports.Where(r => r.ProgrammeId == null && r.CentreId != null).Select(r => r.CentreId!.Value).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Include(p => p.Texts).Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var centres = await db.Centres.AsNoTracking().Where(c => centreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var rows = reports.Select(r =>
        {
            var (kind, text) = ReportMessage.Parse(r.Message);
            if (r.ProgrammeId is { } programmeId && programmes.TryGetValue(programmeId, out var programme))
            {
                var title = programme.TextIn(language, fallbackLanguage);
                return new Row(r.Id, false, title?.Title ?? programme.Code, title?.Language, EditorPathForProgramme(programmeId),
                    r.Language, kind, text, r.ReceivedAt, r.ResolvedAt);
            }
            var centreId = r.CentreId ?? 0;
            return new Row(r.Id, true, centres.GetValueOrDefault(centreId) ?? "", null, CentreEditPage.PathFor(centreId), r.Language, kind, text, r.ReceivedAt, r.ResolvedAt);
        }).ToList();
        return new ListPage<Row>(rows, total);
    }

    /// <summary>Marks a report resolved by <paramref name="user"/>; resolving twice (a second editor, a double click) keeps the first resolution.</summary>
    public static async Task<ResolveOutcome> ResolveAsync(FamilyServicesDb db, ClaimsPrincipal user, long id, TimeProvider clock)
    {
        if (!user.IsEditor()) return ResolveOutcome.Refused;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var resolved = await db.EntryReports.Where(r => r.Id == id && r.ResolvedAt == null)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.ResolvedAt, now).SetProperty(x => x.ResolvedById, userId));
        if (resolved > 0) return ResolveOutcome.Resolved;
        return await db.EntryReports.AnyAsync(r => r.Id == id) ? ResolveOutcome.AlreadyResolved : ResolveOutcome.NotFound;
    }

    /// <summary>The editor page of a programme (Features/Editing/Programmes).</summary>
    public static string EditorPathForProgramme(int id) => $"/editor/programmes/{ReferenceForms.Id(id)}";
}
