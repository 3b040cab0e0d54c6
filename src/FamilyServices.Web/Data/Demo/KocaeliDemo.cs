using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Kocaeli, the default demo: the metropolitan municipality's 12 Anne Şehir centres with their 72 Anne yanı
/// classrooms and workshops, in Turkish and English. Attendance reproduces what the city published on
/// 8 January 2026: in 2025 Anne yanı classes reached 38,770 children and the 54 workshops 29,673 (68,443),
/// and "104 thousand children since 2024" — a sum of yearly figures, so children who came back are in it twice.
/// Addresses, phone numbers and the 2024 split are invented but plausible.
/// </summary>
public static class KocaeliDemo
{
    public const int ChildClassChildren2025 = 38_770;
    public const int WorkshopChildren2025 = 29_673;
    public const int ChildrenReached2025 = ChildClassChildren2025 + WorkshopChildren2025;
    public const int ChildClassChildren2024 = 21_410;
    public const int WorkshopChildren2024 = 14_300;

    /// <summary>The published "since 2024" figure: yearly figures per programme type added up, not de-duplicated.</summary>
    public const int ChildrenReachedSince2024 = ChildClassChildren2024 + WorkshopChildren2024 + ChildrenReached2025;

    private const string TimeZone = "Europe/Istanbul";
    private const int Seed = 41_000;

    internal static DemoCity Build()
    {
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = "kocaeli", Name = "Kocaeli", DefaultLanguage = Languages.Turkish, TimeZone = TimeZone,
                Currency = "TRY", MapLatitude = 40.7654, MapLongitude = 29.9408,
            },
            Districts = districts,
            Seed = Seed,
            // The demo reproduces the whole of 2025's published reach.
            LoadableFrom = new DateOnly(2026, 1, 1),
            Postcodes = PostcodeTable,
            CancellationReasons = CancellationReasons,
            Targets = Targets,
            Headcounts = new Dictionary<string, Headcount> { ["KOC-BULUSMA"] = new(6, 22, 5, 18) },
        };
    }

    // ---- Who reached whom --------------------------------------------------------------------------------

    /// <summary>
    /// Children come back: many 2024 children again in 2025, thousands in both Anne yanı and a workshop,
    /// and many workshop children in two or more workshops. So the de-duplicated totals are clearly below the
    /// published sums. 2026 is in progress: its whole-year figures are scaled to the sessions held so far.
    /// </summary>
    private static readonly ReachTarget[] Targets =
    [
        new(ProgrammeType.ChildClass, 2024, ChildClassChildren2024) { Exact = true, OnlyAbsent = 120 },
        new(ProgrammeType.Workshop, 2024, WorkshopChildren2024)
        {
            Exact = true, SessionsPerChild = 4, SecondOfferings = 3_600, OnlyAbsent = 80,
            Returning = [new(ProgrammeType.ChildClass, 2024, 1_800)],
        },
        new(ProgrammeType.ChildClass, 2025, ChildClassChildren2025)
        {
            Exact = true, OnlyAbsent = 200,
            Returning = [new(ProgrammeType.ChildClass, 2024, 7_000)],
        },
        new(ProgrammeType.Workshop, 2025, WorkshopChildren2025)
        {
            Exact = true, SessionsPerChild = 4, SecondOfferings = 6_500, OnlyAbsent = 150,
            Returning =
            [
                new(ProgrammeType.ChildClass, 2025, 4_800),
                new(ProgrammeType.Workshop, 2024, 6_000),
                new(ProgrammeType.ChildClass, 2024, 1_500),
            ],
        },
        new(ProgrammeType.ChildClass, 2026, 40_000)
        {
            ScaleToSessionsHeld = true, OnlyAbsent = 200,
            Returning = [new(ProgrammeType.ChildClass, 2025, 9_000)],
        },
        new(ProgrammeType.Workshop, 2026, 30_000)
        {
            ScaleToSessionsHeld = true, SessionsPerChild = 4, SecondOfferings = 6_500, OnlyAbsent = 150,
            Returning =
            [
                new(ProgrammeType.ChildClass, 2026, 4_000),
                new(ProgrammeType.Workshop, 2025, 7_000),
                new(ProgrammeType.ChildClass, 2025, 1_500),
            ],
        },
    ];

    private static readonly string[] CancellationReasons =
    [
        "Eğitmen raporlu",
        "Resmi tatil (arife günü)",
        "Olumsuz hava koşulları (valilik kararı)",
        "Elektrik kesintisi",
        "Bina bakım çalışması",
    ];

    // ---- Districts ---------------------------------------------------------------------------------------

    private sealed record DistrictRow(string Code, string Name, bool IsFocusArea, int Children2025);

    /// <summary>
    /// Children aged 0–17 in 2025: about 550,000 (26 %) of Kocaeli's 2.1 million people, from each district's population
    /// (TÜİK ADNKS, rounded) and a child share that is higher in the young industrial districts (Dilovası, Çayırova,
    /// Darıca, Gebze) than in the older ones (Gölcük, Karamürsel, Kandıra). Gebze and İzmit are the largest.
    /// </summary>
    private static readonly DistrictRow[] DistrictTable =
    [
        new("IZMIT", "İzmit", false, 88_600),          // 369,000 people, 24 %
        new("GEBZE", "Gebze", false, 117_900),         // 421,000, 28 %
        new("DARICA", "Darıca", false, 66_700),        // 230,000, 29 %
        new("CAYIROVA", "Çayırova", true, 45_900),     // 153,000, 30 %
        new("DILOVASI", "Dilovası", true, 17_400),     //  56,000, 31 %
        new("KORFEZ", "Körfez", false, 48_900),        // 181,000, 27 %
        new("DERINCE", "Derince", false, 36_500),      // 146,000, 25 %
        new("KARTEPE", "Kartepe", false, 35_600),      // 137,000, 26 %
        new("BASISKELE", "Başiskele", false, 32_200),  // 124,000, 26 %
        new("GOLCUK", "Gölcük", false, 38_700),        // 176,000, 22 %
        new("KARAMURSEL", "Karamürsel", false, 12_400), //  59,000, 21 %
        new("KANDIRA", "Kandıra", true, 11_100),       //  53,000, 21 %
    ];

    //                                              0-2    3-5    6-9    10-13  14-17
    private static readonly double[] BandShares = [0.145, 0.160, 0.220, 0.230, 0.245];
    private static readonly double[] YearlyChange = [-0.035, -0.020, -0.005, 0.005, 0.010];

    /// <summary>Postcodes of the districts' centres and main neighbourhoods, with their centre points.</summary>
    private static readonly (string Code, string Locality, string District, double Latitude, double Longitude)[] PostcodeTable =
    [
        ("41040", "İzmit", "IZMIT", 40.7650, 29.9390),
        ("41050", "İzmit", "IZMIT", 40.7685, 29.9580),
        ("41100", "İzmit", "IZMIT", 40.7780, 29.9880),
        ("41140", "İzmit", "IZMIT", 40.7560, 29.9120),
        ("41400", "Gebze", "GEBZE", 40.8027, 29.4307),
        ("41410", "Gebze", "GEBZE", 40.8160, 29.4520),
        ("41700", "Darıca", "DARICA", 40.7694, 29.3753),
        ("41420", "Çayırova", "CAYIROVA", 40.8262, 29.3745),
        ("41455", "Dilovası", "DILOVASI", 40.7797, 29.5440),
        ("41780", "Körfez", "KORFEZ", 40.7761, 29.7369),
        ("41900", "Derince", "DERINCE", 40.7553, 29.8318),
        ("41180", "Kartepe", "KARTEPE", 40.7535, 30.0240),
        ("41090", "Başiskele", "BASISKELE", 40.7150, 29.9290),
        ("41650", "Gölcük", "GOLCUK", 40.7170, 29.8200),
        ("41500", "Karamürsel", "KARAMURSEL", 40.6920, 29.6160),
        ("41600", "Kandıra", "KANDIRA", 41.0710, 30.1530),
    ];
}
