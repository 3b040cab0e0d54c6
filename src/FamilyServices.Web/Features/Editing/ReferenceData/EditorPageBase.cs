using System.Security.Claims;
using FamilyServices.Web.Components.Shared;
using FamilyServices.Web.Data;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FamilyServices.Web.Features.Editing.ReferenceData;

/// <summary>Where an editor page is: reading, showing its item, or unable to (no such item, or no right to it now).</summary>
public enum PageState { Loading, Ready, NotFound, Refused }

/// <summary>
/// What the editors' interactive pages of reference data, proposals and reports share: the services every page needs,
/// the account as the database knows it now (asked at every load and in every handler), and how a save's outcome is
/// shown (a snackbar, the problems on their fields, or the conflict dialog that keeps the input).
/// </summary>
public abstract class EditorPageBase : ComponentBase
{
    [Inject] protected IDbContextFactory<FamilyServicesDb> DbFactory { get; set; } = null!;
    [Inject] protected CurrentStaff Staff { get; set; } = null!;
    [Inject] protected CurrentCity CurrentCity { get; set; } = null!;
    [Inject] protected TimeProvider Clock { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected IStringLocalizer<Text> T { get; set; } = null!;
    [Inject] protected ISnackbar Snackbar { get; set; } = null!;
    [Inject] protected IDialogService Dialogs { get; set; } = null!;

    protected PageState State { get; set; } = PageState.Loading;

    /// <summary>True while a save or another change runs: its button is disabled, so a double click saves once.</summary>
    protected bool Busy { get; set; }

    /// <summary>The account now, if it has one of <paramref name="roles"/>; else null, and the page says so (nothing was changed).</summary>
    protected async Task<ClaimsPrincipal?> UserAsync(string roles)
    {
        var user = await Staff.GetInRoleAsync(roles);
        if (user is null) Snackbar.Add(T["RefNotAllowedNow"], Severity.Error);
        return user;
    }

    /// <summary>For a page load: the account now, or null and the page shows that it may not be opened.</summary>
    protected async Task<ClaimsPrincipal?> ReaderAsync(string roles)
    {
        var user = await Staff.GetInRoleAsync(roles);
        State = user is null ? PageState.Refused : State;
        return user;
    }

    protected async Task<SaveContext> SaveContextAsync() => new(T, Clock, EditorForms.Zone((await CurrentCity.GetAsync()).TimeZone));

    /// <summary>A moment stored in UTC as the city's local date and time, in the reader's format.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("g", System.Globalization.CultureInfo.CurrentCulture);

    /// <summary>The lang attribute for text in another language than the page's (a programme's title, a report).</summary>
    protected static Dictionary<string, object?> LangAttribute(string? language) => language is null ? [] : new() { ["lang"] = language };

    protected async Task<TimeZoneInfo> CityZoneAsync() => EditorForms.Zone((await CurrentCity.GetAsync()).TimeZone);

    /// <summary>
    /// Saves as the account is now (Editors and Admins), in a context whose changes the history credits to it, and
    /// shows what came of it. Created: to the new item's page. Saved: the page reads the item again (its new version
    /// included). Refused form: every problem on its field. Someone saved first: the conflict dialog names them and
    /// keeps the input; choosing to save anyway saves again over the version now stored.
    /// </summary>
    protected async Task SaveAsync(SaveTarget target, Func<FamilyServicesDb, ClaimsPrincipal, SaveContext, Task<ReferenceSaveResult>> save)
    {
        if (Busy || await UserAsync(EditorAccess.EditorRoles) is not { } user) return;
        ReferenceSaveResult result;
        Busy = true;
        try
        {
            await using var db = await DbFactory.CreateForAsync(user);
            result = await save(db, user, await SaveContextAsync());
        }
        finally
        {
            Busy = false;
        }
        switch (result.Status)
        {
            case ReferenceSaveStatus.Created:
                Snackbar.Add(target.CreatedText, Severity.Success);
                Navigation.NavigateTo(target.PathFor(result.Id));
                break;
            case ReferenceSaveStatus.Saved:
                Snackbar.Add(T["EditSaved"], Severity.Success);
                await target.ReloadAsync();
                break;
            case ReferenceSaveStatus.Unchanged:
                Snackbar.Add(T["RefNothingChanged"], Severity.Info);
                break;
            case ReferenceSaveStatus.Invalid:
                target.Live.Refused(result.Problems);
                Snackbar.Add(T["EditProblemsTitle"] + " " + string.Join(" ", result.Problems.Take(3).Select(p => p.Message)), Severity.Error);
                break;
            case ReferenceSaveStatus.Conflict:
                if (await Dialogs.ResolveConflictAsync(T["ConflictDialogTitle"], result.Conflict ?? T["EditConflictUnknown"], target.HistoryPath))
                {
                    target.SetVersion(result.Version);
                    await SaveAsync(target, save);
                }
                break;
            case ReferenceSaveStatus.NotFound:
                State = PageState.NotFound;
                break;
            default:
                Snackbar.Add(T["RefNotAllowedNow"], Severity.Error);
                break;
        }
    }
}

/// <summary>
/// Where a save's outcome goes: the form's live validation, the message for a new item and the path of its page, the
/// item's history (linked from the conflict dialog), how the form takes a version, and how the page reads the item again.
/// </summary>
public sealed record SaveTarget(LiveValidation Live, string CreatedText, Func<int, string> PathFor, string? HistoryPath,
    Action<string> SetVersion, Func<Task> ReloadAsync);
