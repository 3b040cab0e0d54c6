using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Herne, the second demo, in German with English and Turkish: the city's Präventionskette from birth —
/// Frühe Hilfen, the network of Familienzentren, Familienbildung, the Familienbüro — and "Olympia ruft –
/// Mach mit!" by the project sponsor symbioun in 56 Kitas and 19 schools. Names of Kitas and schools,
/// addresses and figures are invented; attendance is modest and has no published target.
/// </summary>
public static class HerneDemo
{
    private const string TimeZone = "Europe/Berlin";
    private const int Seed = 44_623;

    private const string Olympia = "HER-OLYMPIA";

    internal static DemoCity Build()
    {
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = "herne", Name = "Herne", DefaultLanguage = Languages.German, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 51.5388, MapLongitude = 7.2257,
            },
            Districts = districts,
            Seed = Seed,
            Postcodes = PostcodeTable,
            CancellationReasons = CancellationReasons,
            Targets = Targets,
            Headcounts = new Dictionary<string, Headcount>
            {
                ["HER-ELTERNCAFE"] = new(3, 14, 4, 15),
                ["HER-FAMILIENSAMSTAG"] = new(12, 45, 8, 30),
            },
            // "Olympia ruft" is one programme for 3- to 10-year-olds: Kita groups are the younger, schools the older.
            AgeRange = offering => offering.Programme.Code != Olympia ? (offering.Programme.MinAgeMonths, offering.Programme.MaxAgeMonths)
                : offering.Centre.Type == CentreType.School ? (72, 120) : (36, 72),
        };
    }

    private static readonly ReachTarget[] Targets =
    [
        new(ProgrammeType.MovementAndSport, 2025, 2_600) { SessionsPerChild = 7 },
        new(ProgrammeType.EarlyHelp, 2025, 160) { Programmes = ["HER-BABYTREFF"], SessionsPerChild = 6 },
        new(ProgrammeType.LearningSupport, 2025, 220) { SessionsPerChild = 8 },
        new(ProgrammeType.MovementAndSport, 2026, 2_800)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 7, Returning = [new(ProgrammeType.MovementAndSport, 2025, 1_200)],
        },
        new(ProgrammeType.EarlyHelp, 2026, 170)
        {
            Programmes = ["HER-BABYTREFF"], ScaleToSessionsHeld = true, SessionsPerChild = 6,
            Returning = [new(ProgrammeType.EarlyHelp, 2025, 40)],
        },
        new(ProgrammeType.LearningSupport, 2026, 240)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 8, Returning = [new(ProgrammeType.LearningSupport, 2025, 90)],
        },
    ];

    private static readonly string[] CancellationReasons =
    [
        "Krankheit der Kursleitung",
        "Personalausfall in der Einrichtung",
        "Unwetterwarnung",
        "Warnstreik im öffentlichen Dienst",
        "Brückentag – Einrichtung geschlossen",
    ];

    // ---- Districts ---------------------------------------------------------------------------------------

    private sealed record DistrictRow(
        string Code, string Name, bool IsFocusArea, int Children2025, double Latitude, double Longitude,
        string[] Postcodes, string[] Streets, string Phone);

    /// <summary>The five Stadtbezirke; about 28,000 of Herne's 158,000 people are children.</summary>
    private static readonly DistrictRow[] DistrictTable =
    [
        new("WANNE", "Wanne", true, 6_600, 51.5350, 7.1650, ["44649", "44653"],
            ["Hauptstraße", "Heidstraße", "Karlstraße", "Bickernstraße", "Unser-Fritz-Straße", "Cranger Straße"], "+49 2325"),
        new("EICKEL", "Eickel", false, 5_400, 51.5160, 7.1750, ["44651", "44652"],
            ["Eickeler Straße", "Reichsstraße", "Holsterhauser Straße", "Edmund-Weber-Straße", "Richard-Wagner-Straße"], "+49 2325"),
        new("HERNE-MITTE", "Herne-Mitte", true, 8_500, 51.5400, 7.2200, ["44623", "44625", "44627"],
            ["Bahnhofstraße", "Behrensstraße", "Schulstraße", "Bebelstraße", "Overwegstraße", "Roonstraße", "Shamrockstraße"], "+49 2323"),
        new("SODINGEN", "Sodingen", false, 4_100, 51.5350, 7.2650, ["44627", "44628"],
            ["Mont-Cenis-Straße", "Castroper Straße", "Kirchstraße", "Börniger Straße", "Gerichtsstraße"], "+49 2323"),
        new("HERNE-SUED", "Herne-Süd", false, 3_300, 51.5200, 7.2150, ["44625", "44629"],
            ["Bochumer Straße", "Wiescherstraße", "Düngelstraße", "Vödestraße", "Hiberniastraße"], "+49 2323"),
    ];

    /// <summary>Herne's postcodes with their centre points; 44625 and 44627 reach into two districts, linked to the larger.</summary>
    private static readonly (string Code, string Locality, string District, double Latitude, double Longitude)[] PostcodeTable =
    [
        ("44623", "Herne", "HERNE-MITTE", 51.5420, 7.2230),
        ("44625", "Herne", "HERNE-MITTE", 51.5310, 7.2170),
        ("44627", "Herne", "SODINGEN", 51.5460, 7.2450),
        ("44628", "Herne", "SODINGEN", 51.5420, 7.2800),
        ("44629", "Herne", "HERNE-SUED", 51.5180, 7.2050),
        ("44649", "Herne", "WANNE", 51.5350, 7.1530),
        ("44651", "Herne", "EICKEL", 51.5160, 7.1700),
        ("44652", "Herne", "EICKEL", 51.5120, 7.1900),
        ("44653", "Herne", "WANNE", 51.5480, 7.1600),
    ];

    //                                              0-2    3-5    6-9    10-13  14-17
    private static readonly double[] BandShares = [0.150, 0.160, 0.220, 0.225, 0.245];
    private static readonly double[] YearlyChange = [-0.030, -0.010, 0.000, 0.010, 0.010];
}
