using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>Districts with their child populations, built the same way for every demo city.</summary>
internal static class DemoPlaces
{
    public static readonly int[] PopulationYears = [2024, 2025, 2026];

    /// <summary>
    /// Children per age band (in the order of <see cref="AgeBand.All"/>) for each of <see cref="PopulationYears"/>,
    /// from the district's 0–17 total in 2025, each band's share of it and its yearly change
    /// (births are falling in every demo city, so the youngest bands shrink).
    /// </summary>
    public static List<DistrictPopulation> Population(int children2025, IReadOnlyList<double> bandShares, IReadOnlyList<double> yearlyChange) =>
        [.. PopulationYears.SelectMany(year => AgeBand.All.Select((band, i) => new DistrictPopulation
        {
            Year = year,
            AgeBand = band.Code,
            Children = (int)Math.Round(children2025 * bandShares[i] * Math.Pow(1 + yearlyChange[i], year - 2025)),
        }))];

    public static District District(string code, string name, bool isFocusArea, int children2025,
        IReadOnlyList<double> bandShares, IReadOnlyList<double> yearlyChange) => new()
    {
        Code = code,
        Name = name,
        IsFocusArea = isFocusArea,
        Population = Population(children2025, bandShares, yearlyChange),
    };
}
