using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Centres;

/// <summary>
/// The editors' list of centres, filtered, sorted and paged in SQL: text (name, street and place folded like the
/// parents' search, or code and postcode), district, type and status. "Closed until" is shown per row with the
/// public notice rule, so a closure whose last day has passed shows as ended.
/// </summary>
public static class CentreList
{
    public sealed record Filter(string? Text = null, int? DistrictId = null, CentreType? Type = null, CentreStatus? Status = null);

    /// <summary>Projected for sorting in SQL: member initialisation, not a constructor.</summary>
    public sealed class Row
    {
        public int Id { get; init; }
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public CentreType Type { get; init; }
        public string District { get; init; } = "";
        public string Locality { get; init; } = "";
        public CentreStatus Status { get; init; }
        public DateOnly? ClosedUntil { get; init; }
        public string TimeZone { get; init; } = "";

        /// <summary>Temporarily closed and the public pages still say so (no "until", or it has not passed where the centre is).</summary>
        public bool ClosureShown { get; set; }
    }

    public static async Task<ListPage<Row>> PageAsync(FamilyServicesDb db, Filter filter, ListRequest request, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        var centres = db.Centres.AsNoTracking();
        var text = ReferenceForms.SearchText(filter.Text);
        if (text.Length > 0)
        {
            var byText = db.Database.SqlQuery<int>($"SELECT id AS \"Value\" FROM centres WHERE strpos(search_text, fs_search_text({text})) > 0");
            var pattern = ReferenceForms.ContainsPattern(text);
            centres = centres.Where(c => EF.Functions.ILike(c.Code, pattern) || EF.Functions.ILike(c.Postcode, pattern) || byText.Contains(c.Id));
        }
        if (filter.DistrictId is { } district) centres = centres.Where(c => c.DistrictId == district);
        if (filter.Type is { } type) centres = centres.Where(c => c.Type == type);
        if (filter.Status is { } status) centres = centres.Where(c => c.Status == status);

        var rows = centres.Select(c => new Row
        {
            Id = c.Id, Code = c.Code, Name = c.Name, Type = c.Type, District = c.District.Name, Locality = c.Locality,
            Status = c.Status, ClosedUntil = c.ClosedUntil, TimeZone = c.TimeZone,
        });
        var descending = request.Descending;
        rows = request.SortBy switch
        {
            nameof(Row.Code) => descending ? rows.OrderByDescending(r => r.Code) : rows.OrderBy(r => r.Code),
            nameof(Row.District) => descending ? rows.OrderByDescending(r => r.District).ThenBy(r => r.Name) : rows.OrderBy(r => r.District).ThenBy(r => r.Name),
            nameof(Row.Type) => descending ? rows.OrderByDescending(r => r.Type).ThenBy(r => r.Name) : rows.OrderBy(r => r.Type).ThenBy(r => r.Name),
            // Closed first, soonest reopening first (descending: open first).
            nameof(Row.Status) => descending
                ? rows.OrderBy(r => r.Status == CentreStatus.TemporarilyClosed ? 1 : 0).ThenByDescending(r => r.ClosedUntil).ThenBy(r => r.Name)
                : rows.OrderBy(r => r.Status == CentreStatus.TemporarilyClosed ? 0 : 1).ThenBy(r => r.ClosedUntil).ThenBy(r => r.Name),
            _ => descending ? rows.OrderByDescending(r => r.Name).ThenBy(r => r.Code) : rows.OrderBy(r => r.Name).ThenBy(r => r.Code),
        };
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.Skip(request.Skip).Take(request.Take).ToListAsync(cancellationToken);
        foreach (var row in page)
        {
            row.ClosureShown = row.Status == CentreStatus.TemporarilyClosed
                && (row.ClosedUntil is not { } until || until >= PublicNotice.LocalToday(clock, row.TimeZone));
        }
        return new ListPage<Row>(page, total);
    }
}
