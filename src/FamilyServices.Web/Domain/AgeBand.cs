namespace FamilyServices.Web.Domain;

/// <summary>
/// The age bands in which cities publish child population and reach, in whole years of age.
/// Codes such as "3-5" are what the district population table stores.
/// </summary>
public sealed record AgeBand(string Code, int FromYears, int ToYears)
{
    public static readonly IReadOnlyList<AgeBand> All =
    [
        new("0-2", 0, 2),
        new("3-5", 3, 5),
        new("6-9", 6, 9),
        new("10-13", 10, 13),
        new("14-17", 14, 17),
    ];

    public static AgeBand? ForAgeInMonths(int ageInMonths)
    {
        var years = ageInMonths / 12;
        return All.FirstOrDefault(band => years >= band.FromYears && years <= band.ToYears);
    }

    public static bool IsKnown(string code) => All.Any(band => band.Code == code);
}
