using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Programmes;

/// <summary>Every programme that is not archived and has no title in a language, per language of the portal's four.</summary>
public static class TranslationGaps
{
    public sealed record Item(int Id, string Code, string Title, string? TitleLanguage, PublicationState State);

    public sealed record Gap(string Language, IReadOnlyList<Item> Items);

    public static async Task<List<Gap>> ForAsync(FamilyServicesDb db, string language, string fallback, CancellationToken cancellationToken = default)
    {
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.PublicationState != PublicationState.Archived)
            .Select(p => new { p.Id, p.Code, p.PublicationState, Texts = p.Texts.Select(t => new { t.Language, t.Title }).ToList() })
            .ToListAsync(cancellationToken);
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        return Languages.Supported.Select(missing => new Gap(missing, programmes
                .Where(p => !p.Texts.Any(t => t.Language == missing && t.Title.Length > 0))
                .Select(p =>
                {
                    var shown = p.Texts.FirstOrDefault(t => t.Language == language) ?? p.Texts.FirstOrDefault(t => t.Language == fallback) ?? p.Texts.FirstOrDefault();
                    return new Item(p.Id, p.Code, shown?.Title ?? p.Code, shown?.Language, p.PublicationState);
                })
                .OrderBy(i => i.Title, comparer)
                .ToList()))
            .ToList();
    }
}
