using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Catalogue.Search;

public sealed record NearestCentre(string Code, string Name, double Latitude, double Longitude);

/// <summary>What a result shows of a programme, with texts in the visitor's language or else the city's.</summary>
public sealed record ProgrammeCard(
    string Code, string Slug, string Title, string Summary, string TextLanguage, string? CategoryName, ProgrammeType Type,
    int MinAgeMonths, int MaxAgeMonths, bool IsFree, decimal? PriceAmount, string[] DeliveryLanguages,
    double? DistanceMetres, NearestCentre? NearestCentre);

public static class ProgrammeCards
{
    /// <summary>Cards for a page of hits, in the hits' order.</summary>
    public static async Task<List<ProgrammeCard>> LoadAsync(
        FamilyServicesDb db, IReadOnlyList<ProgrammeHit> hits, string language, string fallback, CancellationToken cancellationToken = default)
    {
        var ids = hits.Select(h => h.ProgrammeId).ToList();
        var centreIds = hits.Select(h => h.NearestCentreId).Distinct().ToList();
        var rows = await db.Programmes.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Select(p => new
            {
                p.Id, p.Code, p.Slug, p.Type, p.MinAgeMonths, p.MaxAgeMonths, p.IsFree, p.PriceAmount, p.DeliveryLanguages,
                OwnCategory = p.Category.Names.Where(n => n.Language == language || n.Language == fallback)
                    .OrderBy(n => n.Language == language ? 0 : 1).Select(n => n.Name).FirstOrDefault(),
                ParentCategory = p.Category.Parent == null ? null : p.Category.Parent.Names
                    .Where(n => n.Language == language || n.Language == fallback)
                    .OrderBy(n => n.Language == language ? 0 : 1).Select(n => n.Name).FirstOrDefault(),
            })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        // Read by id and chosen here: EF's "first text in the preferred language" becomes a ROW_NUMBER over every
        // text of the language, 50 times slower (docs/performance.md).
        var texts = (await db.ProgrammeTexts.AsNoTracking()
                .Where(t => ids.Contains(t.ProgrammeId) && (t.Language == language || t.Language == fallback))
                .Select(t => new { t.ProgrammeId, t.Title, t.Summary, t.Language })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.ProgrammeId)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Language == language ? 0 : 1).First());
        var centres = await db.Centres.AsNoTracking().Where(c => centreIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new NearestCentre(c.Code, c.Name, c.Latitude, c.Longitude), cancellationToken);

        return hits.Where(h => rows.ContainsKey(h.ProgrammeId) && texts.ContainsKey(h.ProgrammeId)).Select(h =>
        {
            var p = rows[h.ProgrammeId];
            var text = texts[h.ProgrammeId];
            // The upper category says more in a result list than the leaf, which often echoes the title.
            return new ProgrammeCard(p.Code, p.Slug, text.Title, text.Summary, text.Language, p.ParentCategory ?? p.OwnCategory, p.Type,
                p.MinAgeMonths, p.MaxAgeMonths, p.IsFree, p.PriceAmount, p.DeliveryLanguages,
                h.DistanceMetres, centres.GetValueOrDefault(h.NearestCentreId));
        }).ToList();
    }
}
