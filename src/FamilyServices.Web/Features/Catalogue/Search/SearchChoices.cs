using System.Collections.Concurrent;
using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Catalogue.Search;

/// <summary>The search form's lists (categories as a tree, districts, languages of delivery), in one UI language.</summary>
public sealed record SearchChoiceLists(
    IReadOnlyList<(string Code, string Name, int Depth)> Categories,
    IReadOnlyList<(string Code, string Name)> Districts,
    IReadOnlyList<string> DeliveryLanguages);

/// <summary>
/// Keeps the search form's lists for a minute per language: every search page view needs them, and they change
/// only when editors change the catalogue (re-reading them cost several ms per view: docs/performance.md).
/// </summary>
public sealed class SearchChoices(IDbContextFactory<FamilyServicesDb> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (SearchChoiceLists Lists, DateTimeOffset ReadAt)> _byLanguage = new();

    public async Task<SearchChoiceLists> GetAsync(string language, string fallback)
    {
        var now = clock.GetUtcNow();
        if (_byLanguage.TryGetValue(language, out var kept) && now - kept.ReadAt < KeepFor) return kept.Lists;
        var lists = await ReadAsync(language, fallback);
        _byLanguage[language] = (lists, now);
        return lists;
    }

    /// <summary>Forgets the kept lists, so the next view reads them again: called when editors publish or archive.</summary>
    public void Invalidate() => _byLanguage.Clear();

    private async Task<SearchChoiceLists> ReadAsync(string language, string fallback)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo(language), ignoreCase: true);
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new
            {
                c.Id, c.Code, c.ParentId,
                Name = c.Names.Where(n => n.Language == language || n.Language == fallback)
                    .OrderBy(n => n.Language == language ? 0 : 1).Select(n => n.Name).FirstOrDefault(),
            })
            .ToListAsync();
        var tree = new List<(string, string, int)>();
        void AddChildren(int? parentId, int depth)
        {
            foreach (var category in categories.Where(c => c.ParentId == parentId).OrderBy(c => c.Name ?? c.Code, comparer))
            {
                tree.Add((category.Code, category.Name ?? category.Code, depth));
                AddChildren(category.Id, depth + 1);
            }
        }
        AddChildren(null, 0);

        var districts = (await db.Districts.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync())
            .OrderBy(d => d.Name, comparer).Select(d => (d.Code, d.Name)).ToList();
        var deliveryLanguages = (await db.Programmes.AsNoTracking()
                .Where(Publication.PublicProgramme(clock.GetUtcNow().UtcDateTime))
                .SelectMany(p => p.DeliveryLanguages).Distinct().ToListAsync())
            .OrderBy(LanguageName, comparer).ToList();
        return new SearchChoiceLists(tree, districts, deliveryLanguages);
    }

    public static string LanguageName(string code)
    {
        try { return CultureInfo.GetCultureInfo(code).NativeName; }
        catch (CultureNotFoundException) { return code; }
    }
}
