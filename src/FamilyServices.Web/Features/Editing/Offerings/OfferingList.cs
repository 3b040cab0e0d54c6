using System.Linq.Expressions;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Offerings;

/// <summary>One offering of a programme as its edit page lists it. Projected in SQL, so every column sorts there.</summary>
public sealed class OfferingRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string Centre { get; init; } = "";
    public Schedule Schedule { get; init; } = null!;
    public DateOnly StartDate { get; init; }
    public PublicationState State { get; init; }
    public OfferingStatus Status { get; init; }
}

/// <summary>The list's columns that sort; the names are the row's properties, as the grid reports them.</summary>
public enum OfferingSort { Code, Centre, StartDate, State, Status }

/// <summary>
/// A programme's offerings, a page at a time (a programme such as "Anne yanı sınıfları" runs as hundreds of offerings):
/// filtered by code or centre name, sorted and paged in SQL. Centre staff see their own centres' offerings only.
/// </summary>
public static class OfferingList
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 100;

    public static OfferingSort SortFor(string? column) =>
        Enum.TryParse<OfferingSort>(column, out var sort) && Enum.IsDefined(sort) && !int.TryParse(column, out _) ? sort : OfferingSort.Centre;

    /// <param name="page">From 0.</param>
    public static async Task<(List<OfferingRow> Rows, int Total)> PageAsync(FamilyServicesDb db, ClaimsPrincipal user, int programmeId, string text,
        OfferingSort sort, bool descending, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var offerings = db.Offerings.AsNoTracking().Where(o => o.ProgrammeId == programmeId);
        if (!user.IsEditor())
        {
            var centres = user.CentreIds().ToArray();
            offerings = offerings.Where(o => centres.Contains(o.CentreId));
        }
        var filter = EditorForms.Line(text);
        if (filter.Length > 0)
        {
            var pattern = "%" + EditorForms.LikeLiterally(filter.Length > 100 ? filter[..100] : filter) + "%";
            offerings = offerings.Where(o => EF.Functions.ILike(o.Code, pattern) || EF.Functions.ILike(o.Centre.Name, pattern));
        }
        var rows = offerings.Select(o => new OfferingRow
        {
            Id = o.Id, Code = o.Code, Centre = o.Centre.Name, Schedule = o.Schedule, StartDate = o.Schedule.StartDate,
            State = o.PublicationState, Status = o.Status,
        });
        var total = await rows.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 0, Math.Max(0, (total - 1) / pageSize));
        IOrderedQueryable<OfferingRow> By<TKey>(Expression<Func<OfferingRow, TKey>> key) => descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        var ordered = sort switch
        {
            OfferingSort.Code => By(r => r.Code),
            OfferingSort.StartDate => By(r => r.StartDate),
            OfferingSort.State => By(r => r.State == PublicationState.InReview ? 0 : r.State == PublicationState.Draft ? 1 : r.State == PublicationState.Published ? 2 : 3),
            OfferingSort.Status => By(r => r.Status == OfferingStatus.Cancelled ? 0 : r.Status == OfferingStatus.Full ? 1 : 2),
            _ => By(r => r.Centre),
        };
        var list = await ordered.ThenBy(r => r.Code).ThenBy(r => r.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (list, total);
    }
}
