using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Districts;

/// <summary>A district as typed into the editor: code, name, focus area. Code uniqueness is checked by <see cref="DistrictEditor"/>.</summary>
public sealed class DistrictForm
{
    public const int CodeLength = 40;
    public const int NameLength = 200;

    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsFocusArea { get; set; }
    public string Version { get; set; } = "";

    public DistrictForm Normalized() => new()
    {
        Code = Code.Trim(), Name = ReferenceForms.Clean(Name), IsFocusArea = IsFocusArea, Version = Version.Trim(),
    };

    public static DistrictForm From(District district) => new()
    {
        Code = district.Code, Name = district.Name, IsFocusArea = district.IsFocusArea,
        Version = district.Version.ToString(CultureInfo.InvariantCulture),
    };

    public ReferenceForms.Problems Validate(IStringLocalizer<Text> t)
    {
        var problems = new ReferenceForms.Problems(t);
        problems.Code("code", Code, CodeLength);
        problems.Required("name", Name, t["RefName"]);
        problems.MaxLength("name", Name, NameLength, t["RefName"]);
        return problems;
    }

    public void ApplyTo(District district)
    {
        district.Code = Code;
        district.Name = Name;
        district.IsFocusArea = IsFocusArea;
    }
}
