namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>What became of a save or a workflow step asked for by an interactive editor page.</summary>
public enum SaveStatus
{
    /// <summary>Written (and recorded in the item's history).</summary>
    Saved,

    /// <summary>Refused by the form's rules: <see cref="SaveResult.Problems"/> says what to fix; nothing was written.</summary>
    Invalid,

    /// <summary>Someone saved the item since the user read it: <see cref="SaveResult.Message"/> names who; nothing was written.</summary>
    Conflict,

    /// <summary>The user may not do this (any more): <see cref="SaveResult.Message"/> says why; nothing was written.</summary>
    Refused,

    /// <summary>The item does not exist for this user (another centre's items are "not found", never "forbidden").</summary>
    NotFound,
}

/// <summary>
/// The outcome of one save: the page shows it (a snackbar, the problems next to their fields, the conflict dialog)
/// and decides nothing itself.
/// </summary>
public sealed record SaveResult(SaveStatus Status)
{
    /// <summary>The item's id after a save (a new item's new id).</summary>
    public int Id { get; init; }

    public IReadOnlyList<FormProblem> Problems { get; init; } = [];

    /// <summary>Why nothing was saved (a refusal or a conflict), in the user's language.</summary>
    public string? Message { get; init; }

    /// <summary>After a conflict: the item's version now, so that saving the kept form again knowingly replaces the other change.</summary>
    public uint? CurrentVersion { get; init; }

    /// <summary>After an offering's save: the future sessions added and removed to follow its schedule.</summary>
    public (int Added, int Removed)? Sessions { get; init; }

    public bool Succeeded => Status == SaveStatus.Saved;

    public static SaveResult Saved(int id) => new(SaveStatus.Saved) { Id = id };

    public static SaveResult Invalid(IReadOnlyList<FormProblem> problems) => new(SaveStatus.Invalid) { Problems = problems };

    public static SaveResult Refused(string message) => new(SaveStatus.Refused) { Message = message };

    public static SaveResult NotFound(string message) => new(SaveStatus.NotFound) { Message = message };

    public static SaveResult Conflict(string message, uint currentVersion) => new(SaveStatus.Conflict) { Message = message, CurrentVersion = currentVersion };
}
