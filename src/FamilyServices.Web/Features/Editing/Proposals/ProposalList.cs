using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Proposals;

/// <summary>
/// The proposal lists, paged in SQL: the editors' inbox (waiting ones oldest first, each field compared with the item
/// as it is now; or the decided ones, newest decision first), and a member of staff's own proposals, newest first.
/// </summary>
public static class ProposalList
{
    /// <summary>The reader's language and the city's, for programme titles.</summary>
    public sealed record Reading(IStringLocalizer<Text> T, string Language, string FallbackLanguage);

    public static async Task<ListPage<ProposalRow>> InboxAsync(FamilyServicesDb db, ClaimsPrincipal user, bool decided, ListRequest request, Reading reading)
    {
        if (!user.IsEditor()) return new ListPage<ProposalRow>([], 0);
        var query = decided
            ? db.ChangeProposals.AsNoTracking().Where(p => p.Status != ProposalStatus.Pending).OrderByDescending(p => p.DecidedAt).ThenByDescending(p => p.Id)
            : db.ChangeProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Pending).OrderBy(p => p.ProposedAt).ThenBy(p => p.Id);
        return await PageAsync(db, query, request, reading, compareWithNow: !decided);
    }

    public static async Task<ListPage<ProposalRow>> MineAsync(FamilyServicesDb db, ClaimsPrincipal user, ListRequest request, Reading reading)
    {
        var me = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (me is null) return new ListPage<ProposalRow>([], 0);
        var query = db.ChangeProposals.AsNoTracking().Where(p => p.ProposedById == me).OrderByDescending(p => p.ProposedAt).ThenByDescending(p => p.Id);
        return await PageAsync(db, query, request, reading, compareWithNow: false);
    }

    public static Task<int> PendingCountAsync(FamilyServicesDb db) => db.ChangeProposals.CountAsync(p => p.Status == ProposalStatus.Pending);

    private static async Task<ListPage<ProposalRow>> PageAsync(FamilyServicesDb db, IOrderedQueryable<ChangeProposal> query, ListRequest request, Reading reading, bool compareWithNow)
    {
        var total = await query.CountAsync();
        var proposals = await query.Skip(request.Skip).Take(request.Take).ToListAsync();
        return new ListPage<ProposalRow>(await ProposalRows.LoadAsync(db, proposals, reading.T, reading.Language, reading.FallbackLanguage, compareWithNow), total);
    }
}
