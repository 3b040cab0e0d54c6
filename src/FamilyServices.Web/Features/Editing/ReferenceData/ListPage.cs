namespace FamilyServices.Web.Features.Editing.ReferenceData;

/// <summary>One page of a list, as a grid's server data asks for it: rows in SQL order, and how many match in all.</summary>
public sealed record ListPage<TRow>(IReadOnlyList<TRow> Rows, int Total);

/// <summary>A grid's request: the page (from 0), its size, the column to sort by (the row's property name) and the direction.</summary>
public sealed record ListRequest(int Page, int PageSize, string? SortBy = null, bool Descending = false)
{
    /// <summary>More than any grid offers: a request for more rows gets this many.</summary>
    public const int MaxPageSize = 100;

    public int Skip => Math.Max(0, Page) * Take;

    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>What the editors' grids share.</summary>
public static class Grids
{
    /// <summary>After a filter changed: the first page, read again (a later page may no longer exist).</summary>
    public static async Task ReloadFromFirstPageAsync<T>(this MudBlazor.MudDataGrid<T>? grid)
    {
        if (grid is null) return;
        if (grid.CurrentPage > 0) grid.NavigateTo(MudBlazor.Page.First);
        else await grid.ReloadServerData();
    }

    /// <summary>A grid's request as the list rules take it: the page, its size and the first sort column.</summary>
    public static ListRequest Request<T>(this MudBlazor.GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new ListRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static MudBlazor.GridData<T> Data<T>(this ListPage<T> page) => new() { Items = page.Rows, TotalItems = page.Total };

    public static MudBlazor.GridData<T> Empty<T>() => new() { Items = [], TotalItems = 0 };
}
