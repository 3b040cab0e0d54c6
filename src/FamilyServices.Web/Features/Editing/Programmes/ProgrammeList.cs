using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Programmes;

/// <summary>When a programme was last confirmed as correct, as the list filters it.</summary>
public enum CheckedFilter
{
    Any,

    /// <summary>Never checked, or checked before the to-do list's limit (<see cref="ToDo.EditorToDo.StaleAfterMonths"/>).</summary>
    Stale,

    Never,
}

/// <summary>The list's columns that sort; the names are the row's properties, as the grid reports them.</summary>
public enum ProgrammeSort { Title, Code, Category, Type, State, LastCheckedOn, Offerings }

/// <summary>
/// The list's filters, as they stand in the address (so a filtered list can be bookmarked, shared and linked from the
/// to-do list). Values that are not one of the offered choices are ignored, never an error.
/// </summary>
public sealed record ProgrammeFilter
{
    public const int TextLength = 100;

    public string Text { get; init; } = "";
    public PublicationState? State { get; init; }
    public ProgrammeType? Type { get; init; }
    public int? CategoryId { get; init; }
    public int? CentreId { get; init; }
    public CheckedFilter Checked { get; init; }

    public static ProgrammeFilter FromQuery(string? text, string? state, string? type, string? category, string? centre, string? @checked) => new()
    {
        Text = CleanText(text),
        State = Choice<PublicationState>(state),
        Type = Choice<ProgrammeType>(type),
        CategoryId = Id(category),
        CentreId = Id(centre),
        Checked = Choice<CheckedFilter>(@checked) ?? CheckedFilter.Any,
    };

    /// <summary>The filters as query parameters (names as <see cref="FromQuery"/> reads them); an unset filter is left out.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["q"] = Text.Length > 0 ? Text : null,
        ["state"] = State?.ToString(),
        ["type"] = Type?.ToString(),
        ["category"] = CategoryId is { } category ? EditorForms.Id(category) : null,
        ["centre"] = CentreId is { } centre ? EditorForms.Id(centre) : null,
        ["checked"] = Checked == CheckedFilter.Any ? null : Checked.ToString(),
    };

    /// <summary>The search box's text: control characters dropped, trimmed, at most <see cref="TextLength"/> characters.</summary>
    public static string CleanText(string? text)
    {
        var clean = EditorForms.Line(text);
        return clean.Length > TextLength ? clean[..TextLength] : clean;
    }

    private static TEnum? Choice<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var result) && Enum.IsDefined(result) && !int.TryParse(value, out _) ? result : null;

    private static int? Id(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}

/// <summary>One row of the list. Projected in SQL (member initialisation, not a constructor), so every column sorts there.</summary>
public sealed class ProgrammeRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";

    /// <summary>In the reader's language, else the city's, else any.</summary>
    public string? Title { get; init; }

    public string? TitleLanguage { get; init; }
    public string? Category { get; init; }
    public ProgrammeType Type { get; init; }
    public PublicationState State { get; init; }
    public DateOnly? LastCheckedOn { get; init; }
    public int Offerings { get; init; }
}

/// <summary>
/// The editors' programme list: one page of rows, filtered, sorted and paged in SQL (no page reads every row). Centre
/// staff see only the programmes running at their centres (<see cref="ProgrammeAccess"/>).
/// </summary>
public static class ProgrammeList
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    /// <summary>The sort a grid column asks for by its property name; an unknown name sorts by title.</summary>
    public static ProgrammeSort SortFor(string? column) =>
        Enum.TryParse<ProgrammeSort>(column, out var sort) && Enum.IsDefined(sort) && !int.TryParse(column, out _) ? sort : ProgrammeSort.Title;

    /// <param name="page">From 0.</param>
    /// <param name="staleBefore">A programme last checked before this day (or never) counts as stale.</param>
    /// <param name="typeOrder">The programme types in the order their names sort in the reader's language.</param>
    public static async Task<(List<ProgrammeRow> Rows, int Total)> PageAsync(FamilyServicesDb db, ClaimsPrincipal user, ProgrammeFilter filter,
        ProgrammeSort sort, bool descending, int page, int pageSize, string language, string fallback, DateOnly staleBefore,
        IReadOnlyList<ProgrammeType> typeOrder, CancellationToken cancellationToken = default)
    {
        var programmes = db.Programmes.AsNoTracking().VisibleTo(user);
        if (filter.Text.Length > 0)
        {
            var text = filter.Text;
            // Titles and summaries in every language, folded like the parents' search (case and diacritics: "cocuk" finds "Çocuk").
            var byText = db.Database.SqlQuery<int>($"SELECT programme_id AS \"Value\" FROM programme_texts WHERE strpos(search_text, fs_search_text({text})) > 0");
            var codePattern = "%" + EditorForms.LikeLiterally(text) + "%";
            programmes = programmes.Where(p => EF.Functions.ILike(p.Code, codePattern) || byText.Contains(p.Id));
        }
        if (filter.State is { } state) programmes = programmes.Where(p => p.PublicationState == state);
        if (filter.Type is { } type) programmes = programmes.Where(p => p.Type == type);
        if (filter.CategoryId is { } categoryId) programmes = programmes.Where(p => p.CategoryId == categoryId);
        // Centre staff choose among their own centres; another centre is no filter (it would tell what runs there).
        if (filter.CentreId is { } centreId && (user.IsEditor() || user.CentreIds().Contains(centreId)))
        {
            programmes = programmes.Where(p => p.Offerings.Any(o => o.CentreId == centreId));
        }
        programmes = filter.Checked switch
        {
            CheckedFilter.Stale => programmes.Where(p => p.LastCheckedOn == null || p.LastCheckedOn < staleBefore),
            CheckedFilter.Never => programmes.Where(p => p.LastCheckedOn == null),
            _ => programmes,
        };

        var rows = programmes.Select(p => new ProgrammeRow
        {
            Id = p.Id,
            Code = p.Code,
            Title = p.Texts.Where(t => t.Language == language).Select(t => t.Title).FirstOrDefault()
                ?? p.Texts.Where(t => t.Language == fallback).Select(t => t.Title).FirstOrDefault()
                ?? p.Texts.OrderBy(t => t.Language).Select(t => t.Title).FirstOrDefault(),
            TitleLanguage = p.Texts.Where(t => t.Language == language).Select(t => t.Language).FirstOrDefault()
                ?? p.Texts.Where(t => t.Language == fallback).Select(t => t.Language).FirstOrDefault()
                ?? p.Texts.OrderBy(t => t.Language).Select(t => t.Language).FirstOrDefault(),
            Category = p.Category.Names.Where(n => n.Language == language).Select(n => n.Name).FirstOrDefault()
                ?? p.Category.Names.Where(n => n.Language == fallback).Select(n => n.Name).FirstOrDefault()
                ?? p.Category.Code,
            Type = p.Type,
            State = p.PublicationState,
            LastCheckedOn = p.LastCheckedOn,
            Offerings = p.Offerings.Count,
        });

        var total = await rows.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Clamp(page, 0, Math.Max(0, (total - 1) / pageSize));
        var list = await Sorted(rows, sort, descending, typeOrder).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (list, total);
    }

    private static IOrderedQueryable<ProgrammeRow> Sorted(IQueryable<ProgrammeRow> rows, ProgrammeSort sort, bool descending, IReadOnlyList<ProgrammeType> typeOrder)
    {
        IOrderedQueryable<ProgrammeRow> By<TKey>(Expression<Func<ProgrammeRow, TKey>> key) => descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        var ordered = sort switch
        {
            ProgrammeSort.Code => By(r => r.Code),
            ProgrammeSort.Category => By(r => r.Category),
            ProgrammeSort.Type => By(Rank(typeOrder)),
            // What needs an editor first: in review, then drafts, published, archived.
            ProgrammeSort.State => By(r => r.State == PublicationState.InReview ? 0 : r.State == PublicationState.Draft ? 1 : r.State == PublicationState.Published ? 2 : 3),
            // Ascending: the longest unchecked first (never checked before all), they most need a look; descending: the reverse.
            ProgrammeSort.LastCheckedOn => descending
                ? rows.OrderByDescending(r => r.LastCheckedOn.HasValue).ThenByDescending(r => r.LastCheckedOn)
                : rows.OrderBy(r => r.LastCheckedOn.HasValue).ThenBy(r => r.LastCheckedOn),
            ProgrammeSort.Offerings => By(r => r.Offerings),
            _ => By(r => r.Title),
        };
        return ordered.ThenBy(r => r.Title).ThenBy(r => r.Code).ThenBy(r => r.Id);
    }

    /// <summary>A row's type as its place in <paramref name="order"/> (a CASE in SQL), so types sort by their names in the reader's language.</summary>
    private static Expression<Func<ProgrammeRow, int>> Rank(IReadOnlyList<ProgrammeType> order)
    {
        var row = Expression.Parameter(typeof(ProgrammeRow), "r");
        var type = Expression.Property(row, nameof(ProgrammeRow.Type));
        Expression rank = Expression.Constant(order.Count);
        for (var i = order.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(type, Expression.Constant(order[i])), Expression.Constant(i), rank);
        }
        return Expression.Lambda<Func<ProgrammeRow, int>>(rank, row);
    }
}
