using MudBlazor;

namespace FamilyServices.Web.Components.Shared;

/// <summary>The two dialogs every staff page uses, opened the same way everywhere.</summary>
public static class StaffDialogs
{
    private static readonly DialogOptions Options = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false };

    /// <summary>True when the person confirmed; false when they cancelled or closed the dialog.</summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText, Color colour = Color.Primary)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title }, { d => d.Message, message }, { d => d.ConfirmText, confirmText }, { d => d.Colour, colour },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }

    /// <summary>True when the person chose to save their version over the other one.</summary>
    public static async Task<bool> ResolveConflictAsync(this IDialogService dialogs, string title, string message, string? historyHref = null)
    {
        var parameters = new DialogParameters<ConflictDialog> { { d => d.Message, message }, { d => d.HistoryHref, historyHref } };
        var dialog = await dialogs.ShowAsync<ConflictDialog>(title, parameters, Options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
