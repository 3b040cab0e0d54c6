namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>
/// Which of a form's problems an editor page shows, and where: a field's problem as soon as the user has changed or
/// left the field (not while they have not reached it yet), every problem after a refused save; a problem only the
/// server knows (a code already used) until the user changes that field. The problems themselves come from the rule
/// classes; this only remembers what the user has done.
/// </summary>
public sealed class ProblemDisplay
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedSinceSave = new(StringComparer.Ordinal);
    private IReadOnlyList<FormProblem> _live = [];
    private IReadOnlyList<FormProblem> _fromDatabase = [];
    private IReadOnlyList<FormProblem> _fromSave = [];

    /// <summary>A save was refused: every problem shows, not only those of the fields the user has reached.</summary>
    public bool Submitted { get; private set; }

    /// <summary>The problems of the last refused save, for the summary above the form.</summary>
    public IReadOnlyList<FormProblem> Summary { get; private set; } = [];

    /// <summary>The user changed or left <paramref name="field"/>: what the database said about its old value no longer holds.</summary>
    public void Touch(string field)
    {
        _touched.Add(field);
        _changedSinceSave.Add(field);
        if (_fromDatabase.Any(p => p.Field == field)) _fromDatabase = _fromDatabase.Where(p => p.Field != field).ToList();
    }

    /// <summary>The form's problems now (the rule class's check that needs no database).</summary>
    public void Check(IReadOnlyList<FormProblem> problems) => _live = problems;

    /// <summary>The problems only the database sees (e.g. the code is already used), checked when the user left a field.</summary>
    public void CheckedInDatabase(IReadOnlyList<FormProblem> problems) => _fromDatabase = problems;

    /// <summary>The server refused the save for these problems.</summary>
    public void Refused(IReadOnlyList<FormProblem> problems)
    {
        Submitted = true;
        Summary = problems;
        _fromSave = problems;
        _changedSinceSave.Clear();
    }

    /// <summary>Starts afresh (a new item is shown).</summary>
    public void Clear()
    {
        _touched.Clear();
        _changedSinceSave.Clear();
        _live = _fromDatabase = _fromSave = Summary = [];
        Submitted = false;
    }

    /// <summary>The message to show under <paramref name="field"/>, or null.</summary>
    public string? For(string field)
    {
        if (!Submitted && !_touched.Contains(field)) return null;
        return _live.FirstOrDefault(p => p.Field == field)?.Message
            ?? _fromDatabase.FirstOrDefault(p => p.Field == field)?.Message
            ?? (_changedSinceSave.Contains(field) ? null : _fromSave.FirstOrDefault(p => p.Field == field)?.Message);
    }

    /// <summary>Some field whose name <paramref name="field"/> accepts shows a problem (e.g. every field of one language's tab).</summary>
    public bool AnyShown(Func<string, bool> field) =>
        _live.Concat(_fromDatabase).Concat(_fromSave).Select(p => p.Field).Distinct().Where(field).Any(f => For(f) is not null);
}
