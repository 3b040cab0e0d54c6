using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Wiesbaden, in German with English: the ten Kinder-Eltern-Zentren (KiEZ) that the Amt für Soziale Arbeit funds in
/// the Stadtteile, run by the city and by free welfare associations (seed 002: the city doubled their funding).
/// Each KiEZ is a low-threshold place for every family in its Stadtteil: counselling, parent education, meeting places
/// and, since the pandemic, online offers. The KiEZ Kastel/Kostheim of the Kinderschutzbund has two sites.
/// Street numbers, phone numbers, e-mail addresses and all figures are invented but plausible.
/// </summary>
public static class WiesbadenDemo
{
    private const string TimeZone = "Europe/Berlin";
    private const int Seed = 65_183;

    private const string ParentCafe = "WI-ELTERNCAFE";
    private const string ToddlerGroup = "WI-KRABBELGRUPPE";

    internal static DemoCity Build()
    {
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = "wiesbaden", Name = "Wiesbaden", DefaultLanguage = Languages.German, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 50.0782, MapLongitude = 8.2398,
            },
            Districts = districts,
            Seed = Seed,
            Postcodes = PostcodeTable,
            CancellationReasons = CancellationReasons,
            Targets = Targets,
            Headcounts = new Dictionary<string, Headcount>
            {
                [ParentCafe] = new(3, 12, 4, 14),
                [ToddlerGroup] = new(4, 10, 4, 10),
            },
        };
    }

    // ---- Who reached whom --------------------------------------------------------------------------------

    /// <summary>
    /// Children with their own place in a group: babies in the Babytreffs, toddlers in the Eltern-Kind-Gruppen,
    /// Griffbereit and the Lernwerkstatt, and children at the Bewegungsbaustelle. Many come back the next year,
    /// some move on from a baby group to a parent-and-child group. 2026 is in progress and scaled to the sessions held.
    /// Open meetings, counselling and parent courses count only heads or nobody.
    /// </summary>
    private static readonly ReachTarget[] Targets =
    [
        new(ProgrammeType.EarlyHelp, 2024, 190) { SessionsPerChild = 8 },
        new(ProgrammeType.ChildClass, 2024, 240) { SessionsPerChild = 12, OnlyAbsent = 6 },
        new(ProgrammeType.LearningSupport, 2024, 400) { SessionsPerChild = 10, OnlyAbsent = 10 },
        new(ProgrammeType.MovementAndSport, 2024, 280) { SessionsPerChild = 8 },
        new(ProgrammeType.EarlyHelp, 2025, 210) { SessionsPerChild = 8, Returning = [new(ProgrammeType.EarlyHelp, 2024, 25)] },
        new(ProgrammeType.ChildClass, 2025, 260)
        {
            SessionsPerChild = 12, OnlyAbsent = 6,
            Returning = [new(ProgrammeType.ChildClass, 2024, 70), new(ProgrammeType.EarlyHelp, 2024, 40)],
        },
        new(ProgrammeType.LearningSupport, 2025, 430)
        {
            SessionsPerChild = 10, OnlyAbsent = 10, SecondOfferings = 20,
            Returning = [new(ProgrammeType.LearningSupport, 2024, 150), new(ProgrammeType.ChildClass, 2025, 30)],
        },
        new(ProgrammeType.MovementAndSport, 2025, 300)
        {
            SessionsPerChild = 8,
            Returning = [new(ProgrammeType.MovementAndSport, 2024, 90), new(ProgrammeType.ChildClass, 2025, 40)],
        },
        new(ProgrammeType.EarlyHelp, 2026, 220)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 8, Returning = [new(ProgrammeType.EarlyHelp, 2025, 25)],
        },
        new(ProgrammeType.ChildClass, 2026, 270)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 12, OnlyAbsent = 6,
            Returning = [new(ProgrammeType.ChildClass, 2025, 70), new(ProgrammeType.EarlyHelp, 2025, 40)],
        },
        new(ProgrammeType.LearningSupport, 2026, 450)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 10, OnlyAbsent = 10, SecondOfferings = 20,
            Returning = [new(ProgrammeType.LearningSupport, 2025, 160), new(ProgrammeType.ChildClass, 2026, 30)],
        },
        new(ProgrammeType.MovementAndSport, 2026, 310)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 8,
            Returning = [new(ProgrammeType.MovementAndSport, 2025, 100), new(ProgrammeType.ChildClass, 2026, 40)],
        },
    ];

    private static readonly string[] CancellationReasons =
    [
        "Krankheit der Gruppenleitung",
        "Personalausfall im KiEZ",
        "Warnstreik im Sozial- und Erziehungsdienst",
        "Stadtteilfest – die Räume werden anderweitig genutzt",
        "Heizungsausfall",
    ];

    // ---- Districts ---------------------------------------------------------------------------------------

    private sealed record DistrictRow(string Code, string Name, bool IsFocusArea, int Children2025);

    /// <summary>
    /// The 26 Ortsbezirke; about 48,000 of Wiesbaden's 290,000 people are under 18. Focus areas are the
    /// Ortsbezirke with the Stadtteile of the "Soziale Stadt" programme: Westend, Klarenthal, Biebrich (Gräselberg,
    /// Parkfeld), Dotzheim (Schelmengraben, Sauerland) and Mainz-Kastel (Krautgärten).
    /// </summary>
    private static readonly DistrictRow[] DistrictTable =
    [
        new("MITTE", "Mitte", false, 3_000),
        new("NORDOST", "Nordost", false, 3_700),
        new("SUEDOST", "Südost", false, 2_700),
        new("RHEINGAU", "Rheingauviertel/Hollerborn", false, 3_100),
        new("KLARENTHAL", "Klarenthal", true, 2_200),
        new("WESTEND", "Westend/Bleichstraße", true, 2_900),
        new("SONNENBERG", "Sonnenberg", false, 1_300),
        new("BIERSTADT", "Bierstadt", false, 2_050),
        new("ERBENHEIM", "Erbenheim", false, 1_800),
        new("BIEBRICH", "Biebrich", true, 7_200),
        new("DOTZHEIM", "Dotzheim", true, 5_000),
        new("SCHIERSTEIN", "Schierstein", false, 1_700),
        new("FRAUENSTEIN", "Frauenstein", false, 400),
        new("AMOENEBURG", "Mainz-Amöneburg", false, 330),
        new("KASTEL", "Mainz-Kastel", true, 2_500),
        new("KOSTHEIM", "Mainz-Kostheim", false, 2_450),
        new("RAMBACH", "Rambach", false, 380),
        new("HESSLOCH", "Heßloch", false, 110),
        new("KLOPPENHEIM", "Kloppenheim", false, 390),
        new("IGSTADT", "Igstadt", false, 390),
        new("NORDENSTADT", "Nordenstadt", false, 1_400),
        new("DELKENHEIM", "Delkenheim", false, 880),
        new("NAUROD", "Naurod", false, 720),
        new("AURINGEN", "Auringen", false, 560),
        new("MEDENBACH", "Medenbach", false, 440),
        new("BRECKENHEIM", "Breckenheim", false, 600),
    ];

    /// <summary>Wiesbaden's postcodes with their centre points; a postcode that spans Ortsbezirke is linked to its largest.</summary>
    private static readonly (string Code, string Locality, string District, double Latitude, double Longitude)[] PostcodeTable =
    [
        ("65183", "Wiesbaden", "MITTE", 50.0838, 8.2376),
        ("65185", "Wiesbaden", "MITTE", 50.0768, 8.2390),
        ("65187", "Wiesbaden", "SUEDOST", 50.0655, 8.2470),
        ("65189", "Wiesbaden", "SUEDOST", 50.0725, 8.2575),
        ("65191", "Wiesbaden", "BIERSTADT", 50.0860, 8.2850),
        ("65193", "Wiesbaden", "NORDOST", 50.0990, 8.2410),
        ("65195", "Wiesbaden", "WESTEND", 50.0875, 8.2235),
        ("65197", "Wiesbaden", "RHEINGAU", 50.0790, 8.2120),
        ("65199", "Wiesbaden", "DOTZHEIM", 50.0760, 8.1820),
        ("65201", "Wiesbaden", "SCHIERSTEIN", 50.0450, 8.1810),
        ("65203", "Wiesbaden", "BIEBRICH", 50.0445, 8.2390),
        ("65205", "Wiesbaden", "ERBENHEIM", 50.0560, 8.3050),
        ("65207", "Wiesbaden", "NAUROD", 50.1290, 8.3090),
        ("55246", "Mainz-Kostheim", "KOSTHEIM", 50.0010, 8.3030),
        ("55252", "Mainz-Kastel", "KASTEL", 50.0095, 8.2810),
    ];

    //                                              0-2    3-5    6-9    10-13  14-17
    private static readonly double[] BandShares = [0.160, 0.165, 0.215, 0.220, 0.240];
    private static readonly double[] YearlyChange = [-0.025, -0.010, 0.005, 0.010, 0.010];
}
