using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Categories;

/// <summary>A category as typed into the editor: code, parent, a name per UI language. The tree rules are checked by <see cref="CategoryEditor"/>.</summary>
public sealed class CategoryForm
{
    public const int CodeLength = 60;
    public const int NameLength = 200;

    public string Code { get; set; } = "";
    public string ParentId { get; set; } = "";
    public string Version { get; set; } = "";
    public Dictionary<string, string> Names { get; } = Languages.Supported.ToDictionary(l => l, _ => "");

    private int? _parentId;

    public int? ParentIdValue => _parentId;

    /// <summary>The values as the rules read them: trimmed, names without control characters.</summary>
    public CategoryForm Normalized()
    {
        var input = new CategoryForm { Code = Code.Trim(), ParentId = ParentId.Trim(), Version = Version.Trim() };
        foreach (var (language, name) in Names) input.Names[language] = ReferenceForms.Clean(name);
        return input;
    }

    public static CategoryForm From(Category category)
    {
        var input = new CategoryForm
        {
            Code = category.Code,
            ParentId = category.ParentId is { } parent ? ReferenceForms.Id(parent) : "",
            Version = category.Version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var name in category.Names.Where(n => input.Names.ContainsKey(n.Language))) input.Names[name.Language] = name.Name;
        return input;
    }

    /// <summary>Checks what needs no database; an empty code is made from the first name given.</summary>
    public ReferenceForms.Problems Validate(IStringLocalizer<Text> t, string cityLanguage)
    {
        var problems = new ReferenceForms.Problems(t);
        var firstName = Names.GetValueOrDefault(cityLanguage) is { Length: > 0 } own ? own : Names.Values.FirstOrDefault(n => n.Length > 0) ?? "";
        if (Code.Length == 0) Code = EditorForms.Slugify(firstName, CodeLength);
        problems.Code("code", Code, CodeLength);
        _parentId = null;
        if (ParentId.Length > 0)
        {
            if (ReferenceForms.TryId(ParentId, out var parent)) _parentId = parent;
            else problems.Add("parentId", t["EditChooseFromList"]);
        }
        foreach (var (language, name) in Names)
        {
            problems.MaxLength($"name-{language}", name, NameLength, $"{t["RefName"]} ({EditorForms.LanguageName(language)})");
        }
        if (Names.Values.All(n => n.Length == 0)) problems.Add($"name-{Languages.Supported[0]}", t["RefCategoryNameRequired"]);
        return problems;
    }

    /// <summary>Copies code, parent and names; a name emptied is removed, so that language shows as missing.</summary>
    public void ApplyTo(Category category)
    {
        category.Code = Code;
        category.ParentId = _parentId;
        foreach (var (language, name) in Names)
        {
            var stored = category.Names.FirstOrDefault(n => n.Language == language);
            if (name.Length == 0)
            {
                if (stored is not null) category.Names.Remove(stored);
            }
            else if (stored is null)
            {
                category.Names.Add(new CategoryName { Language = language, Name = name });
            }
            else
            {
                stored.Name = name;
            }
        }
    }
}
