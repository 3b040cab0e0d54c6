using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.ReferenceData;

/// <summary>
/// Validation as the editor types, with the form's own rules (the same ones the save applies): a field shows its
/// problem once it was changed, or every field after a refused save. Problems only the save can find (a code someone
/// else has, a room in use) stay on their field until the editor changes it.
/// </summary>
public sealed class LiveValidation
{
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private List<FormProblem> _rules = [];
    private List<FormProblem> _refused = [];
    private bool _showAll;

    /// <summary>The form's rules found these problems (after any change, or when the page loads).</summary>
    public void Check(IEnumerable<FormProblem> problems) => _rules = problems.ToList();

    /// <summary>The editor changed <paramref name="field"/>; <paramref name="problems"/> are the rules' findings now.</summary>
    public void Changed(string field, IEnumerable<FormProblem> problems)
    {
        _touched.Add(field);
        _refused.RemoveAll(p => p.Field == field);
        Check(problems);
    }

    /// <summary>The save refused the form: from now on every field shows its problem.</summary>
    public void Refused(IEnumerable<FormProblem> problems)
    {
        _showAll = true;
        _refused = problems.ToList();
    }

    /// <summary>A fresh form (loaded or saved): nothing touched, nothing shown.</summary>
    public void Reset(IEnumerable<FormProblem> problems)
    {
        _touched.Clear();
        _refused = [];
        _showAll = false;
        Check(problems);
    }

    /// <summary>The message to show on <paramref name="field"/>, or null.</summary>
    public string? this[string field] =>
        _showAll || _touched.Contains(field) ? _rules.Concat(_refused).FirstOrDefault(p => p.Field == field)?.Message : null;

    /// <summary>After a refused save: each field's problem once, for the summary above the form.</summary>
    public IReadOnlyList<FormProblem> Summary =>
        _showAll ? _rules.Concat(_refused).GroupBy(p => p.Field).Select(g => g.First()).ToList() : [];
}
