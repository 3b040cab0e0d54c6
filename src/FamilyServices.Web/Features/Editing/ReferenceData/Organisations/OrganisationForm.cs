using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Organisations;

/// <summary>An operator or partner organisation as typed into the editor; code uniqueness is checked by <see cref="OrganisationEditor"/>.</summary>
public sealed class OrganisationForm
{
    public const int CodeLength = 40;
    public const int NameLength = 200;
    public const int WebsiteLength = 500;

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = nameof(OrganisationKind.MunicipalDepartment);
    public string Website { get; set; } = "";
    public string Version { get; set; } = "";

    private OrganisationKind _kind;

    /// <summary>The values as the rules read them: trimmed, the name without control characters.</summary>
    public OrganisationForm Normalized() => new()
    {
        Code = Code.Trim(),
        Name = ReferenceForms.Clean(Name),
        Kind = Kind.Trim(),
        Website = Website.Trim(),
        Version = Version.Trim(),
    };

    public static OrganisationForm From(Organisation organisation) => new()
    {
        Code = organisation.Code,
        Name = organisation.Name,
        Kind = organisation.Kind.ToString(),
        Website = organisation.Website ?? "",
        Version = organisation.Version.ToString(CultureInfo.InvariantCulture),
    };

    public ReferenceForms.Problems Validate(IStringLocalizer<Text> t)
    {
        var problems = new ReferenceForms.Problems(t);
        problems.Code("code", Code, CodeLength);
        problems.Required("name", Name, t["RefName"]);
        problems.MaxLength("name", Name, NameLength, t["RefName"]);
        if (!ReferenceForms.TryChoice(Kind, out _kind)) problems.Add("kind", t["EditChooseFromList"]);
        problems.WebAddress("website", Website, WebsiteLength);
        return problems;
    }

    public void ApplyTo(Organisation organisation)
    {
        organisation.Code = Code;
        organisation.Name = Name;
        organisation.Kind = _kind;
        organisation.Website = Website.Length > 0 ? Website : null;
    }
}
