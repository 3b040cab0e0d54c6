using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Proposals;

/// <summary>One proposed field as people read it; <see cref="Now"/> is set when the item no longer has the "before" value.</summary>
public sealed record ProposalFieldRow(string Key, string Label, string Before, string After, string? Now);

/// <summary>A proposal with what the lists show of it: the item (name, centre, editor link), who proposed and decided, each field.</summary>
public sealed record ProposalRow(
    ChangeProposal Proposal, bool IsProgramme, string ItemName, string? ItemNameLanguage, string? ItemPath, string? CentreName,
    string ProposedBy, string? DecidedBy, IReadOnlyList<ProposalFieldRow> Fields)
{
    public bool ChangedMeanwhile => Fields.Any(f => f.Now is not null);
}

/// <summary>Reads what the proposal lists need for many proposals at once (a few queries, not a few per proposal).</summary>
public static class ProposalRows
{
    public static async Task<List<ProposalRow>> LoadAsync(FamilyServicesDb db, IReadOnlyList<ChangeProposal> proposals, IStringLocalizer<Text> t,
        string language, string fallbackLanguage, bool compareWithNow)
    {
        var programmeIds = proposals.Where(p => p.ItemType == ProposableFields.Programme).Select(p => p.ItemId).Distinct().ToList();
        var offeringIds = proposals.Where(p => p.ItemType == ProposableFields.Offering).Select(p => p.ItemId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Include(p => p.Texts).Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Centre).Include(o => o.Programme).ThenInclude(p => p.Texts)
            .Where(o => offeringIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        var people = proposals.SelectMany(p => new[] { p.ProposedById, p.DecidedById }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.Email ?? "" }).ToDictionaryAsync(u => u.Id, u => u.Name);
        var parsed = proposals.ToDictionary(p => p.Id, p => ProposableFields.Parse(p.Changes));
        var roomIds = ProposableFields.RoomIds(parsed.Values).Concat(offerings.Values.Select(o => o.RoomId ?? 0).Where(id => id > 0)).Distinct().ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name);

        string Person(string? id) => id is null ? t["ProposalSomeone"] : names.GetValueOrDefault(id) ?? t["ProposalSomeone"];

        return proposals.Select(proposal =>
        {
            var changes = parsed[proposal.Id];
            Dictionary<string, string>? now = null;
            string name;
            string? nameLanguage = null;
            string? centre = null;
            var exists = true;
            if (proposal.ItemType == ProposableFields.Programme && programmes.TryGetValue(proposal.ItemId, out var programme))
            {
                var text = programme.TextIn(language, fallbackLanguage);
                (name, nameLanguage) = (text?.Title ?? programme.Code, text?.Language);
                now = ProposableFields.ValuesOf(programme);
            }
            else if (proposal.ItemType == ProposableFields.Offering && offerings.TryGetValue(proposal.ItemId, out var offering))
            {
                var text = offering.Programme.TextIn(language, fallbackLanguage);
                (name, nameLanguage) = ($"{text?.Title ?? offering.Programme.Code} ({offering.Code})", text?.Language);
                centre = offering.Centre.Name;
                now = ProposableFields.ValuesOf(offering);
            }
            else
            {
                (name, exists) = (t["ProposalItemGone"], false);
            }
            var fields = ProposableFields.InFormOrder(changes).Select(c =>
            {
                var current = now is null ? null : now.TryGetValue(c.Key, out var value) ? value : "";
                var changedSince = compareWithNow && current is not null && current != c.Value.Before;
                return new ProposalFieldRow(c.Key, ProposableFields.Label(c.Key, t),
                    ProposableFields.Display(c.Key, c.Value.Before, rooms, t), ProposableFields.Display(c.Key, c.Value.After, rooms, t),
                    changedSince ? ProposableFields.Display(c.Key, current!, rooms, t) : null);
            }).ToList();
            return new ProposalRow(proposal, proposal.ItemType == ProposableFields.Programme, name, nameLanguage,
                exists ? ProposalDecisions.EditorPath(proposal.ItemType, proposal.ItemId) : null, centre,
                Person(proposal.ProposedById), proposal.DecidedById is null ? null : Person(proposal.DecidedById), fields);
        }).ToList();
    }
}
