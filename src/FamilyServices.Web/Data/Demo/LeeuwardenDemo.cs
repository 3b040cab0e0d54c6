using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Leeuwarden, in Dutch with English: "Kansen voor Kinderen", the city's programme for equal chances, as the
/// integral child centres (IKC) run it. Each IKC offers extra learning and development time after school and on
/// Wednesday afternoons — language, study skills, homework support, culture, sport, technology and ICT — with
/// partners such as the GGD, the library (DBieb), Sport BV and Kunstkade. IKCs in the focus neighbourhoods
/// (aandachtswijken) get more money, so more offerings. Names of IKCs, addresses and figures are invented but
/// plausible; the four-digit postcode areas are real, their split over neighbourhoods approximate.
/// </summary>
public static class LeeuwardenDemo
{
    private const string TimeZone = "Europe/Amsterdam";
    private const int Seed = 58_911;

    private const string ParentRoomProgramme = "LWD-OUDERKAMER";

    internal static DemoCity Build()
    {
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = "leeuwarden", Name = "Leeuwarden", DefaultLanguage = Languages.Dutch, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 53.2012, MapLongitude = 5.7999,
            },
            Districts = districts,
            Seed = Seed,
            Postcodes = PostcodeTable,
            CancellationReasons = CancellationReasons,
            Targets = Targets,
            Headcounts = new Dictionary<string, Headcount> { [ParentRoomProgramme] = new(2, 10, 4, 14) },
        };
    }

    // ---- Who reached whom --------------------------------------------------------------------------------

    /// <summary>
    /// Children reached per programme type and calendar year. Many children take part in more than one kind of
    /// extra learning time (language and sport, say), so later types take children already counted first.
    /// 2026 is in progress: its whole-year figures are scaled to the sessions held so far.
    /// </summary>
    internal static readonly ReachTarget[] Targets =
    [
        new(ProgrammeType.LearningSupport, 2024, 900) { SessionsPerChild = 10, OnlyAbsent = 20 },
        new(ProgrammeType.Workshop, 2024, 650) { SessionsPerChild = 6, Returning = [new(ProgrammeType.LearningSupport, 2024, 250)] },
        new(ProgrammeType.MovementAndSport, 2024, 800)
        {
            SessionsPerChild = 8, Returning = [new(ProgrammeType.LearningSupport, 2024, 200), new(ProgrammeType.Workshop, 2024, 150)],
        },
        new(ProgrammeType.EarlyHelp, 2024, 55) { SessionsPerChild = 6 },

        new(ProgrammeType.LearningSupport, 2025, 1_050)
        {
            SessionsPerChild = 10, OnlyAbsent = 25, Returning = [new(ProgrammeType.LearningSupport, 2024, 400)],
        },
        new(ProgrammeType.Workshop, 2025, 780)
        {
            SessionsPerChild = 6, SecondOfferings = 120,
            Returning = [new(ProgrammeType.LearningSupport, 2025, 300), new(ProgrammeType.Workshop, 2024, 150)],
        },
        new(ProgrammeType.MovementAndSport, 2025, 950)
        {
            SessionsPerChild = 8,
            Returning =
            [
                new(ProgrammeType.LearningSupport, 2025, 250), new(ProgrammeType.Workshop, 2025, 150),
                new(ProgrammeType.MovementAndSport, 2024, 200),
            ],
        },
        new(ProgrammeType.EarlyHelp, 2025, 65) { SessionsPerChild = 6, Returning = [new(ProgrammeType.EarlyHelp, 2024, 15)] },

        new(ProgrammeType.LearningSupport, 2026, 1_150)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 10, OnlyAbsent = 25, Returning = [new(ProgrammeType.LearningSupport, 2025, 450)],
        },
        new(ProgrammeType.Workshop, 2026, 850)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 6, SecondOfferings = 150,
            Returning = [new(ProgrammeType.LearningSupport, 2026, 320), new(ProgrammeType.Workshop, 2025, 180)],
        },
        new(ProgrammeType.MovementAndSport, 2026, 1_000)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 8,
            Returning =
            [
                new(ProgrammeType.LearningSupport, 2026, 260), new(ProgrammeType.Workshop, 2026, 160),
                new(ProgrammeType.MovementAndSport, 2025, 250),
            ],
        },
        new(ProgrammeType.EarlyHelp, 2026, 70)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 6, Returning = [new(ProgrammeType.EarlyHelp, 2025, 18)],
        },
    ];

    private static readonly string[] CancellationReasons =
    [
        "Begeleider ziek",
        "Studiedag van het IKC",
        "Code oranje: storm",
        "Gymzaal niet beschikbaar",
        "Staking in het onderwijs",
    ];

    // ---- Districts and postcodes ---------------------------------------------------------------------------

    private sealed record DistrictRow(string Code, string Name, bool IsFocusArea, int Children2025);

    /// <summary>
    /// Neighbourhoods (wijken) of the city and its two largest villages, with children aged 0–17 in 2025: about
    /// 23,500 of the municipality's 125,000 people; the rest live in the smaller villages. The focus areas are the
    /// aandachtswijken of Kansen voor Kinderen.
    /// </summary>
    private static readonly DistrictRow[] DistrictTable =
    [
        new("BINNENSTAD", "Binnenstad", false, 900),
        new("VOSSEPARK", "Vossepark en Oranjewijk", false, 2_100),
        new("WESTEINDE", "Westeinde", true, 1_400),
        new("VRIJHEIDSWIJK", "Vrijheidswijk", true, 1_900),
        new("BILGAARD", "Bilgaard en Havankpark", true, 1_700),
        new("OOSTERPARKWIJK", "Oosterparkwijk", true, 1_300),
        new("HEECHTERP-SCHIERINGEN", "Heechterp-Schieringen", true, 1_400),
        new("CAMMINGHABUREN", "Camminghaburen", true, 2_300),
        new("ACHTER-DE-HOVEN", "Achter de Hoven", true, 800),
        new("HUIZUM", "Huizum", false, 2_700),
        new("ALDLAN-NIJLAN", "Aldlân en Nijlân", false, 1_800),
        new("ZUIDERBUREN", "Zuiderburen en De Zuidlanden", false, 3_400),
        new("STIENS", "Stiens", false, 1_700),
        new("GROU", "Grou", false, 1_200),
    ];

    /// <summary>Four-digit postcode areas (PC4) with their centre points; a parent's "8924 BK" finds 8924.</summary>
    internal static readonly (string Code, string Locality, string District, double Latitude, double Longitude)[] PostcodeTable =
    [
        ("8911", "Leeuwarden", "BINNENSTAD", 53.2010, 5.7935),
        ("8912", "Leeuwarden", "BINNENSTAD", 53.2060, 5.7960),
        ("8913", "Leeuwarden", "VOSSEPARK", 53.2100, 5.7850),
        ("8915", "Leeuwarden", "VOSSEPARK", 53.2040, 5.7800),
        ("8916", "Leeuwarden", "WESTEINDE", 53.1985, 5.7690),
        ("8917", "Leeuwarden", "VRIJHEIDSWIJK", 53.1885, 5.7740),
        ("8918", "Leeuwarden", "BILGAARD", 53.2205, 5.7990),
        ("8919", "Leeuwarden", "BILGAARD", 53.2180, 5.8110),
        ("8921", "Leeuwarden", "OOSTERPARKWIJK", 53.2045, 5.8135),
        ("8922", "Leeuwarden", "ACHTER-DE-HOVEN", 53.1975, 5.8105),
        ("8923", "Leeuwarden", "HEECHTERP-SCHIERINGEN", 53.2075, 5.8250),
        ("8924", "Leeuwarden", "HEECHTERP-SCHIERINGEN", 53.2020, 5.8300),
        ("8925", "Leeuwarden", "CAMMINGHABUREN", 53.2125, 5.8420),
        ("8926", "Leeuwarden", "CAMMINGHABUREN", 53.2060, 5.8480),
        ("8931", "Leeuwarden", "ALDLAN-NIJLAN", 53.1890, 5.7900),
        ("8932", "Leeuwarden", "HUIZUM", 53.1905, 5.8020),
        ("8933", "Leeuwarden", "HUIZUM", 53.1880, 5.8120),
        ("8934", "Leeuwarden", "HUIZUM", 53.1830, 5.8080),
        ("8935", "Leeuwarden", "ALDLAN-NIJLAN", 53.1820, 5.7940),
        ("8936", "Leeuwarden", "ZUIDERBUREN", 53.1740, 5.8000),
        ("8939", "Leeuwarden", "ZUIDERBUREN", 53.1700, 5.7900),
        ("8941", "Leeuwarden", "ZUIDERBUREN", 53.1660, 5.8060),
        ("9051", "Stiens", "STIENS", 53.2630, 5.7590),
        ("9001", "Grou", "GROU", 53.0950, 5.8370),
    ];

    //                                              0-2    3-5    6-9    10-13  14-17
    private static readonly double[] BandShares = [0.150, 0.160, 0.220, 0.225, 0.245];
    private static readonly double[] YearlyChange = [-0.025, -0.015, 0.000, 0.005, 0.010];
}
