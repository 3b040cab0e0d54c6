using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Organisations;

/// <summary>An operator or partner organisation as typed into the editor; code uniqueness is checked by the page.</summary>
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

    public static OrganisationForm Read(IFormCollection form) => new()
    {
        Code = form.Value("code"),
        Name = ReferenceForms.Clean(form.Value("name")),
        Kind = form.Value("kind"),
        Website = form.Value("website"),
        Version = form.Value("version"),
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
