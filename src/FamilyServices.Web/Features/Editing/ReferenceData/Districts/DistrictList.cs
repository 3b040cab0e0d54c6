using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Districts;

/// <summary>The editors' list of districts with their children in the latest year of figures, filtered, sorted and paged in SQL.</summary>
public static class DistrictList
{
    public sealed record Filter(string? Text = null, bool? FocusArea = null);

    public sealed class Row
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public bool IsFocusArea { get; init; }
        public int? LatestYear { get; init; }
        public int LatestChildren { get; init; }
    }

    public static async Task<ListPage<Row>> PageAsync(FamilyServicesDb db, Filter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        var districts = db.Districts.AsNoTracking();
        var text = ReferenceForms.SearchText(filter.Text);
        if (text.Length > 0)
        {
            var pattern = ReferenceForms.ContainsPattern(text);
            districts = districts.Where(d => EF.Functions.ILike(d.Name, pattern) || EF.Functions.ILike(d.Code, pattern));
        }
        if (filter.FocusArea is { } focus) districts = districts.Where(d => d.IsFocusArea == focus);
        var rows = districts.Select(d => new Row
        {
            Id = d.Id, Code = d.Code, Name = d.Name, IsFocusArea = d.IsFocusArea,
            LatestYear = d.Population.Max(p => (int?)p.Year),
            LatestChildren = d.Population.Where(p => p.Year == d.Population.Max(q => q.Year)).Sum(p => p.Children),
        });
        var descending = request.Descending;
        rows = request.SortBy switch
        {
            nameof(Row.Code) => descending ? rows.OrderByDescending(r => r.Code) : rows.OrderBy(r => r.Code),
            nameof(Row.IsFocusArea) => descending ? rows.OrderByDescending(r => r.IsFocusArea).ThenBy(r => r.Name) : rows.OrderBy(r => r.IsFocusArea).ThenBy(r => r.Name),
            nameof(Row.LatestChildren) => descending ? rows.OrderByDescending(r => r.LatestChildren).ThenBy(r => r.Name) : rows.OrderBy(r => r.LatestChildren).ThenBy(r => r.Name),
            _ => descending ? rows.OrderByDescending(r => r.Name).ThenBy(r => r.Code) : rows.OrderBy(r => r.Name).ThenBy(r => r.Code),
        };
        return new ListPage<Row>(await rows.Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken), await rows.CountAsync(cancellationToken));
    }
}
