using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Landkreis Mayen-Koblenz, in German with English: Kita-Sozialarbeit in day-care centres across the district's
/// towns and Verbandsgemeinden. Since the Rhineland-Palatinate KiTa-Zukunftsgesetz (July 2021) the Kreisjugendamt
/// funds it from the Sozialraumbudget, so Kitas with many families in need get most of it; about 45 Kita social
/// workers run parents' cafés, parent-child groups, counselling hours and family education, and go with parents to
/// public offices. The Kreisjugendamt coordinates. Kita names, house numbers, phone numbers and figures are invented
/// but plausible; towns, postcodes and partner organisations are real.
/// </summary>
public static class MayenKoblenzDemo
{
    public const string Code = "mayen-koblenz";
    private const string TimeZone = "Europe/Berlin";
    private const int Seed = 56_727;

    private const string ParentsCafe = "MYK-ELTERNCAFE";
    private const string DadsSaturday = "MYK-PAPA-KIND-SAMSTAG";

    internal static DemoCity Build()
    {
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = Code, Name = "Landkreis Mayen-Koblenz", DefaultLanguage = Languages.German, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 50.3800, MapLongitude = 7.3900,
            },
            Districts = districts,
            Seed = Seed,
            Postcodes = PostcodeTable,
            CancellationReasons = CancellationReasons,
            Targets = Targets,
            Headcounts = new Dictionary<string, Headcount>
            {
                [ParentsCafe] = new(3, 12, 4, 14),
                [DadsSaturday] = new(5, 18, 4, 12),
            },
        };
    }

    // ---- Who reached whom --------------------------------------------------------------------------------

    /// <summary>
    /// Children in the groups of the Kita social work per year (parents' cafés, counselling and parent evenings are
    /// for the adults and only counted as headcounts or not at all). Many children stay in a parent-child or
    /// language group for a second year. 2026 is in progress: its whole-year figures are scaled to the sessions held.
    /// </summary>
    private static readonly ReachTarget[] Targets =
    [
        new(ProgrammeType.ChildClass, 2024, 300) { SessionsPerChild = 8 },
        new(ProgrammeType.EarlyHelp, 2024, 190) { SessionsPerChild = 6 },
        new(ProgrammeType.LearningSupport, 2024, 150) { SessionsPerChild = 10, OnlyAbsent = 6 },
        new(ProgrammeType.MovementAndSport, 2024, 260) { SessionsPerChild = 6 },
        new(ProgrammeType.Workshop, 2024, 110) { SessionsPerChild = 4 },
        new(ProgrammeType.ChildClass, 2025, 330) { SessionsPerChild = 8, Returning = [new(ProgrammeType.ChildClass, 2024, 120)] },
        new(ProgrammeType.EarlyHelp, 2025, 210) { SessionsPerChild = 6, Returning = [new(ProgrammeType.EarlyHelp, 2024, 40)] },
        new(ProgrammeType.LearningSupport, 2025, 170)
        {
            SessionsPerChild = 10, OnlyAbsent = 8,
            Returning = [new(ProgrammeType.LearningSupport, 2024, 60), new(ProgrammeType.ChildClass, 2024, 30)],
        },
        new(ProgrammeType.MovementAndSport, 2025, 280)
        {
            SessionsPerChild = 6, Returning = [new(ProgrammeType.MovementAndSport, 2024, 100), new(ProgrammeType.ChildClass, 2025, 40)],
        },
        new(ProgrammeType.Workshop, 2025, 120) { SessionsPerChild = 4, Returning = [new(ProgrammeType.LearningSupport, 2025, 20)] },
        new(ProgrammeType.ChildClass, 2026, 340)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 8, Returning = [new(ProgrammeType.ChildClass, 2025, 130)],
        },
        new(ProgrammeType.EarlyHelp, 2026, 220)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 6, Returning = [new(ProgrammeType.EarlyHelp, 2025, 45)],
        },
        new(ProgrammeType.LearningSupport, 2026, 180)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 10, OnlyAbsent = 8,
            Returning = [new(ProgrammeType.LearningSupport, 2025, 70), new(ProgrammeType.ChildClass, 2025, 30)],
        },
        new(ProgrammeType.MovementAndSport, 2026, 290)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 6,
            Returning = [new(ProgrammeType.MovementAndSport, 2025, 110), new(ProgrammeType.ChildClass, 2026, 40)],
        },
        new(ProgrammeType.Workshop, 2026, 125)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 4, Returning = [new(ProgrammeType.LearningSupport, 2026, 20)],
        },
    ];

    private static readonly string[] CancellationReasons =
    [
        "Krankheit der Kita-Sozialarbeiterin",
        "Personalausfall in der Kita",
        "Kita wegen Fortbildungstag geschlossen",
        "Unwetterwarnung",
        "Warnstreik im öffentlichen Dienst",
    ];

    // ---- Districts ---------------------------------------------------------------------------------------

    private sealed record DistrictRow(string Code, string Name, bool IsFocusArea, int Children2025);

    /// <summary>
    /// The district's four towns outside any Verbandsgemeinde and its seven Verbandsgemeinden: about 36,800 of its
    /// 215,000 people are children. Andernach, Mayen and Bendorf get the largest share of the Sozialraumbudget.
    /// </summary>
    private static readonly DistrictRow[] DistrictTable =
    [
        new("ANDERNACH", "Andernach", true, 5_100),
        new("MAYEN", "Mayen", true, 3_300),
        new("BENDORF", "Bendorf", true, 2_900),
        new("MUELHEIM-KAERLICH", "Mülheim-Kärlich", false, 1_950),
        new("WEISSENTHURM", "VG Weißenthurm", false, 5_500),
        new("VALLENDAR", "VG Vallendar", false, 2_400),
        new("MAIFELD", "VG Maifeld", false, 4_200),
        new("MENDIG", "VG Mendig", false, 2_350),
        new("PELLENZ", "VG Pellenz", false, 2_800),
        new("RHEIN-MOSEL", "VG Rhein-Mosel", false, 3_500),
        new("VORDEREIFEL", "VG Vordereifel", false, 2_900),
    ];

    //                                              0-2    3-5    6-9    10-13  14-17
    private static readonly double[] BandShares = [0.160, 0.170, 0.220, 0.220, 0.230];
    private static readonly double[] YearlyChange = [-0.025, -0.005, 0.005, 0.010, 0.010];

    /// <summary>Real postcodes of the towns and villages with approximate centre points, linked to their district.</summary>
    private static readonly (string Code, string Locality, string District, double Latitude, double Longitude)[] PostcodeTable =
    [
        ("56626", "Andernach", "ANDERNACH", 50.4390, 7.4017),
        ("56727", "Mayen", "MAYEN", 50.3275, 7.2230),
        ("56170", "Bendorf", "BENDORF", 50.4265, 7.5700),
        ("56218", "Mülheim-Kärlich", "MUELHEIM-KAERLICH", 50.3855, 7.4980),
        ("56575", "Weißenthurm", "WEISSENTHURM", 50.4170, 7.4510),
        ("56220", "Kettig", "WEISSENTHURM", 50.4005, 7.4640),
        ("56179", "Vallendar", "VALLENDAR", 50.3985, 7.6205),
        ("56182", "Urbar", "VALLENDAR", 50.3850, 7.6300),
        ("56751", "Polch", "MAIFELD", 50.2995, 7.3130),
        ("56294", "Münstermaifeld", "MAIFELD", 50.2465, 7.3620),
        ("56743", "Mendig", "MENDIG", 50.3745, 7.2800),
        ("56637", "Plaidt", "PELLENZ", 50.3920, 7.3910),
        ("56642", "Kruft", "PELLENZ", 50.3850, 7.3340),
        ("56645", "Nickenich", "PELLENZ", 50.4140, 7.3270),
        ("56330", "Kobern-Gondorf", "RHEIN-MOSEL", 50.3105, 7.4570),
        ("56332", "Dieblich", "RHEIN-MOSEL", 50.3170, 7.4780),
        ("56333", "Winningen", "RHEIN-MOSEL", 50.3180, 7.5170),
        ("56729", "Ettringen", "VORDEREIFEL", 50.3535, 7.2270),
        ("56736", "Kottenheim", "VORDEREIFEL", 50.3470, 7.2530),
    ];
}
