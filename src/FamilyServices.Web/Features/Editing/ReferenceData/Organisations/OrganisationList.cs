using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Organisations;

/// <summary>The editors' list of organisations, filtered (name or code, kind), sorted and paged in SQL.</summary>
public static class OrganisationList
{
    public sealed record Filter(string? Text = null, OrganisationKind? Kind = null);

    public sealed class Row
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public OrganisationKind Kind { get; init; }
        public int Centres { get; init; }
    }

    public static async Task<ListPage<Row>> PageAsync(FamilyServicesDb db, Filter filter, ListRequest request, CancellationToken cancellationToken = default)
    {
        var organisations = db.Organisations.AsNoTracking();
        var text = ReferenceForms.SearchText(filter.Text);
        if (text.Length > 0)
        {
            var pattern = ReferenceForms.ContainsPattern(text);
            organisations = organisations.Where(o => EF.Functions.ILike(o.Name, pattern) || EF.Functions.ILike(o.Code, pattern));
        }
        if (filter.Kind is { } kind) organisations = organisations.Where(o => o.Kind == kind);
        var rows = organisations.Select(o => new Row
        {
            Id = o.Id, Code = o.Code, Name = o.Name, Kind = o.Kind,
            Centres = db.Centres.Count(c => c.OperatorId == o.Id),
        });
        var descending = request.Descending;
        rows = request.SortBy switch
        {
            nameof(Row.Code) => descending ? rows.OrderByDescending(r => r.Code) : rows.OrderBy(r => r.Code),
            nameof(Row.Kind) => descending ? rows.OrderByDescending(r => r.Kind).ThenBy(r => r.Name) : rows.OrderBy(r => r.Kind).ThenBy(r => r.Name),
            nameof(Row.Centres) => descending ? rows.OrderByDescending(r => r.Centres).ThenBy(r => r.Name) : rows.OrderBy(r => r.Centres).ThenBy(r => r.Name),
            _ => descending ? rows.OrderByDescending(r => r.Name).ThenBy(r => r.Code) : rows.OrderBy(r => r.Name).ThenBy(r => r.Code),
        };
        return new ListPage<Row>(await rows.Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken), await rows.CountAsync(cancellationToken));
    }
}
