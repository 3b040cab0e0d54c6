using FamilyServices.Web.Domain;
using static FamilyServices.Web.Data.Demo.DemoPlaces;
using static FamilyServices.Web.Domain.AccessibilityFeatures;

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

    public static Task<string> LoadAsync(FamilyServicesDb db, TimeProvider clock)
    {
        var today = DemoCalendar.Today(clock, TimeZone);
        return DemoLoader.LoadAsync(db, Build(today), today, new Random(Seed));
    }

    internal static DemoCity Build(DateOnly today)
    {
        var catalogue = new DemoCatalogue(Organisations(), CategoryLanguages, Categories, Programmes);
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        var centres = CentreTable.Select(row => Centre(row, districts, catalogue)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = Code, Name = "Landkreis Mayen-Koblenz", DefaultLanguage = Languages.German, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 50.3800, MapLongitude = 7.3900,
            },
            Catalogue = catalogue,
            Districts = districts,
            Centres = centres,
            Offerings = Offerings(centres, catalogue, today),
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

    // ---- Organisations and centres -----------------------------------------------------------------------

    private const string YouthOffice = "KV-MYK-JUGENDAMT";
    private const string CatholicKitas = "KITA-GGMBH-KOBLENZ";

    private static Organisation[] Organisations() =>
    [
        new() { Code = YouthOffice, Name = "Kreisverwaltung Mayen-Koblenz – Kreisjugendamt", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.kvmyk.de" },
        new() { Code = "KV-MYK-GESUNDHEIT", Name = "Kreisverwaltung Mayen-Koblenz – Gesundheitsamt", Kind = OrganisationKind.HealthService, Website = "https://www.kvmyk.de" },
        new() { Code = "KVHS-MYK", Name = "Kreisvolkshochschule Mayen-Koblenz", Kind = OrganisationKind.Other, Website = "https://www.kvmyk.de" },
        new() { Code = CatholicKitas, Name = "Katholische KiTa gGmbH Koblenz", Kind = OrganisationKind.ChildcareProvider },
        new() { Code = "EV-KG-BENDORF", Name = "Evangelische Kirchengemeinde Bendorf", Kind = OrganisationKind.ChildcareProvider },
        new() { Code = "AWO-MYK", Name = "AWO Kreisverband Mayen-Koblenz e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "DRK-MYK", Name = "DRK-Kreisverband Mayen-Koblenz e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "CARITAS-RMA", Name = "Caritasverband Rhein-Mosel-Ahr e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "DKSB-RLP", Name = "Deutscher Kinderschutzbund Landesverband Rheinland-Pfalz e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "SPORTKREIS-MYK", Name = "Sportkreis Mayen-Koblenz im Sportbund Rheinland", Kind = OrganisationKind.SportsClub },
        new() { Code = "STADTBUECHEREI-AND", Name = "Stadtbücherei Andernach", Kind = OrganisationKind.Library },
        new() { Code = "STADT-ANDERNACH", Name = "Stadt Andernach", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.andernach.de" },
        new() { Code = "STADT-MAYEN", Name = "Stadt Mayen", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.mayen.de" },
        new() { Code = "VG-WEISSENTHURM", Name = "Verbandsgemeinde Weißenthurm", Kind = OrganisationKind.MunicipalDepartment },
        new() { Code = "VG-MAIFELD", Name = "Verbandsgemeinde Maifeld", Kind = OrganisationKind.MunicipalDepartment },
        new() { Code = "VG-MENDIG", Name = "Verbandsgemeinde Mendig", Kind = OrganisationKind.MunicipalDepartment },
        new() { Code = "VG-PELLENZ", Name = "Verbandsgemeinde Pellenz", Kind = OrganisationKind.MunicipalDepartment },
        new() { Code = "VG-VORDEREIFEL", Name = "Verbandsgemeinde Vordereifel", Kind = OrganisationKind.MunicipalDepartment },
    ];

    /// <summary>What the Kita social work offers at a Kita besides its parents' café, counselling hour and parent evenings.</summary>
    [Flags]
    private enum Extras
    {
        None = 0,
        ParentChildGroup = 1,
        BabyGroup = 2,
        LanguageGroup = 4,
        ApplicationHelp = 8,
        ParentChildGym = 16,
        DadsSaturday = 32,
    }

    private sealed record CentreRow(
        string Code, string Name, string Operator, string District, string Street, string Postcode, string Locality,
        double Latitude, double Longitude, string Phone, string[] Accessibility, string[] Languages, Extras Extras);

    private const Extras FocusKita = Extras.ParentChildGroup | Extras.LanguageGroup | Extras.ApplicationHelp;

    /// <summary>
    /// Fifteen Kitas with Kita social work; those in the focus towns have the most on offer. Codes are short: an
    /// offering's code (at most 20 characters) is built from its centre's.
    /// </summary>
    private static readonly CentreRow[] CentreTable =
    [
        new("AND-MAR", "Kita St. Martin Andernach", CatholicKitas, "ANDERNACH", "Koblenzer Straße 58", "56626", "Andernach",
            50.4352, 7.4105, "+49 2632 43 218", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["de", "tr", "ar", "ru"],
            FocusKita | Extras.BabyGroup | Extras.ParentChildGym),
        new("AND-SON", "AWO-Kita Sonnenschein Andernach", "AWO-MYK", "ANDERNACH", "Mayener Straße 121", "56626", "Andernach",
            50.4296, 7.3935, "+49 2632 95 176", [StepFree, PramParking, BabyChanging], ["de", "ar", "uk", "en"],
            FocusKita | Extras.DadsSaturday),
        new("MAY-REG", "Kita Regenbogen Mayen", "STADT-MAYEN", "MAYEN", "Polcher Straße 62", "56727", "Mayen",
            50.3258, 7.2335, "+49 2651 88 412", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["de", "tr", "ru", "uk"],
            FocusKita | Extras.BabyGroup | Extras.ParentChildGym),
        new("MAY-CLE", "Kath. Kita St. Clemens Mayen", CatholicKitas, "MAYEN", "Habsburgring 21", "56727", "Mayen",
            50.3302, 7.2188, "+49 2651 70 254", [StepFree, BabyChanging], ["de", "pl", "ar"],
            FocusKita | Extras.DadsSaturday),
        new("BEN-ARC", "Ev. Kita Arche Noah Bendorf", "EV-KG-BENDORF", "BENDORF", "Hauptstraße 95", "56170", "Bendorf",
            50.4283, 7.5694, "+49 2622 71 305", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["de", "tr", "ar", "en"],
            FocusKita | Extras.BabyGroup | Extras.ParentChildGym),
        new("VAL-MAR", "Kath. Kita St. Marzellinus Vallendar", CatholicKitas, "VALLENDAR", "Heerstraße 40", "56179", "Vallendar",
            50.3992, 7.6196, "+49 261 64 170", [PramParking, BabyChanging], ["de", "en"],
            Extras.ParentChildGroup),
        new("WEI-RHE", "AWO-Kita Rheinstrolche Weißenthurm", "AWO-MYK", "WEISSENTHURM", "Kärlicher Straße 8", "56575", "Weißenthurm",
            50.4152, 7.4533, "+49 2637 92 214", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["de", "tr", "ru"],
            Extras.ParentChildGroup | Extras.BabyGroup | Extras.DadsSaturday),
        new("WEI-LOE", "Kita Löwenzahn Kettig", "VG-WEISSENTHURM", "WEISSENTHURM", "Schulstraße 5", "56220", "Kettig",
            50.4012, 7.4645, "+49 2637 68 101", [StepFree, PramParking], ["de", "ru"],
            Extras.LanguageGroup | Extras.ParentChildGym),
        new("MUK-DRK", "DRK-Kita Mülheim-Kärlich", "DRK-MYK", "MUELHEIM-KAERLICH", "Kapellenstraße 30", "56218", "Mülheim-Kärlich",
            50.3862, 7.4973, "+49 2630 96 532", [StepFree, AccessibleToilet, BabyChanging], ["de", "en"],
            Extras.ParentChildGroup),
        new("MAI-STE", "Kath. Kita St. Stephan Polch", CatholicKitas, "MAIFELD", "Ostring 12", "56751", "Polch",
            50.3003, 7.3152, "+49 2654 88 207", [StepFree, PramParking, BabyChanging], ["de"],
            Extras.ParentChildGroup | Extras.BabyGroup),
        new("MAI-MFS", "Kita Maifeldstrolche Münstermaifeld", "VG-MAIFELD", "MAIFELD", "Mühlenstraße 3", "56294", "Münstermaifeld",
            50.2472, 7.3608, "+49 2605 96 118", [PramParking], ["de"],
            Extras.DadsSaturday),
        new("MEN-VUL", "Kita Vulkanzwerge Mendig", "VG-MENDIG", "MENDIG", "Brauerstraße 16", "56743", "Mendig",
            50.3748, 7.2812, "+49 2652 52 309", [StepFree, AccessibleToilet, PramParking], ["de", "pl"],
            Extras.ParentChildGroup | Extras.ParentChildGym),
        new("PEL-STR", "Kita Pellenzer Strolche Plaidt", "VG-PELLENZ", "PELLENZ", "Römerstraße 20", "56637", "Plaidt",
            50.3926, 7.3903, "+49 2632 95 744", [StepFree, PramParking, BabyChanging], ["de", "tr"],
            Extras.ParentChildGroup | Extras.BabyGroup),
        new("RMO-LUB", "Kath. Kita St. Lubentius Kobern-Gondorf", CatholicKitas, "RHEIN-MOSEL", "Marktplatz 4", "56330", "Kobern-Gondorf",
            50.3102, 7.4583, "+49 2607 94 211", [BabyChanging], ["de"],
            Extras.ParentChildGroup),
        new("VOR-BEL", "Kita Bellerberg Ettringen", "VG-VORDEREIFEL", "VORDEREIFEL", "Hochstraße 7", "56729", "Ettringen",
            50.3537, 7.2276, "+49 2651 47 390", [StepFree, PramParking], ["de"],
            Extras.DadsSaturday),
    ];

    /// <summary>The Kita in Kobern-Gondorf is being repaired after water damage: no offers there until it reopens.</summary>
    private const string ClosedCentre = "RMO-LUB";
    private static readonly DateOnly ClosedFrom = new(2026, 11, 16);
    private static readonly DateOnly ClosedUntil = new(2027, 1, 8);

    private const string Hall = "Mehrzweckraum";
    private const string ParentRoom = "Elternraum";
    private const string Office = "Büro der Kita-Sozialarbeit";
    private const string Kitchen = "Kinderküche";
    private const Weekdays MondayToFriday = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

    private static Centre Centre(CentreRow row, List<District> districts, DemoCatalogue catalogue)
    {
        var closed = row.Code == ClosedCentre;
        var saturday = (row.Extras & (Extras.ParentChildGym | Extras.DadsSaturday)) != 0;
        return new Centre
        {
            Code = row.Code,
            Name = row.Name,
            Type = CentreType.Kita,
            Operator = catalogue.Organisation(row.Operator),
            District = districts.Single(d => d.Code == row.District),
            Street = row.Street,
            Postcode = row.Postcode,
            Locality = row.Locality,
            Latitude = row.Latitude,
            Longitude = row.Longitude,
            Phone = row.Phone,
            Email = $"{DemoCatalogue.Slug(row.Name, Languages.German)}@kita-myk.de",
            Website = "https://www.kvmyk.de",
            TimeZone = TimeZone,
            AccessibilityFeatures = row.Accessibility,
            LanguagesSpoken = row.Languages,
            Status = closed ? CentreStatus.TemporarilyClosed : CentreStatus.Open,
            StatusReason = closed ? "Sanierung nach einem Wasserschaden" : null,
            ClosedUntil = closed ? ClosedUntil : null,
            OpeningHours =
            [
                .. Hours(MondayToFriday, At(7), At(16, 30)),
                .. saturday ? Hours(Weekdays.Saturday, At(9, 30), At(12, 30)) : Enumerable.Empty<OpeningHours>(),
            ],
            Rooms =
            [
                new Room { Name = Hall, Kind = RoomKind.Hall, Capacity = 25 },
                new Room { Name = ParentRoom, Kind = RoomKind.MeetingRoom, Capacity = 16 },
                new Room { Name = Office, Kind = RoomKind.MeetingRoom, Capacity = 4 },
                new Room { Name = Kitchen, Kind = RoomKind.WorkshopRoom, Capacity = 10 },
            ],
        };
    }

    // ---- Offerings ---------------------------------------------------------------------------------------

    private sealed record Term(string Tag, DateOnly Start, DateOnly End);

    /// <summary>
    /// Kita years between the Rhineland-Palatinate summer holidays (Kitas close for three weeks of them; the Kita
    /// social work pauses for all of them); the demo starts in January 2024.
    /// </summary>
    private static readonly Term[] KitaYears =
    [
        new("23", new(2024, 1, 8), new(2024, 7, 12)),
        new("24", new(2024, 8, 26), new(2025, 7, 4)),
        new("25", new(2025, 8, 18), new(2026, 7, 3)),
        new("26", new(2026, 8, 17), new(2027, 7, 2)),
    ];

    /// <summary>Family education runs in spring (F) and autumn (H), like the Kreisvolkshochschule's terms.</summary>
    private static readonly Term[] CourseTerms =
    [
        new("24F", new(2024, 2, 26), new(2024, 5, 24)),
        new("24H", new(2024, 9, 9), new(2024, 12, 6)),
        new("25F", new(2025, 2, 24), new(2025, 5, 23)),
        new("25H", new(2025, 9, 1), new(2025, 12, 5)),
        new("26F", new(2026, 2, 23), new(2026, 5, 22)),
        new("26H", new(2026, 9, 7), new(2026, 12, 4)),
        new("27F", new(2027, 2, 22), new(2027, 5, 21)),
    ];

    /// <summary>The Saturday of each course term's first-aid course (never a first Saturday: that is the fathers' Saturday).</summary>
    private static readonly DateOnly[] FirstAidSaturdays =
        [new(2024, 4, 13), new(2024, 11, 9), new(2025, 3, 15), new(2025, 11, 15), new(2026, 3, 14), new(2026, 11, 14), new(2027, 3, 13)];

    /// <summary>
    /// Public holidays in Rhineland-Palatinate (with Allerheiligen and Fronleichnam), Rosenmontag, when Kitas in the
    /// carnival towns on the Rhine close, and the Kitas' closure between Christmas and New Year.
    /// </summary>
    private static readonly DateOnly[] Holidays =
    [
        new(2024, 1, 1), new(2024, 2, 12), new(2024, 3, 29), new(2024, 4, 1), new(2024, 5, 1), new(2024, 5, 9), new(2024, 5, 20),
        new(2024, 5, 30), new(2024, 10, 3), new(2024, 11, 1),
        new(2025, 1, 1), new(2025, 3, 3), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 1), new(2025, 5, 29), new(2025, 6, 9),
        new(2025, 6, 19), new(2025, 10, 3),
        new(2026, 1, 1), new(2026, 2, 16), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25),
        new(2026, 6, 4),
        new(2027, 1, 1), new(2027, 2, 8), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 6), new(2027, 5, 17), new(2027, 5, 27),
        .. DemoCalendar.Days([(new(2024, 12, 23), new(2025, 1, 3)), (new(2025, 12, 22), new(2026, 1, 2)), (new(2026, 12, 23), new(2027, 1, 5))]),
    ];

    /// <summary>
    /// Easter and autumn school holidays in Rhineland-Palatinate: Kitas stay open, but the groups and courses pause
    /// because many families travel. Parents' cafés and counselling hours go on.
    /// </summary>
    private static readonly DateOnly[] SchoolHolidays =
    [
        .. DemoCalendar.Days(
        [
            (new(2024, 3, 25), new(2024, 4, 2)), (new(2024, 10, 14), new(2024, 10, 25)),
            (new(2025, 4, 14), new(2025, 4, 25)), (new(2025, 10, 13), new(2025, 10, 24)),
            (new(2026, 3, 30), new(2026, 4, 10)), (new(2026, 10, 12), new(2026, 10, 23)),
            (new(2027, 3, 22), new(2027, 4, 2)),
        ]),
    ];

    private const string ParentsCafe = "MYK-ELTERNCAFE";
    private const string DadsSaturday = "MYK-PAPA-KIND-SAMSTAG";

    private static List<Offering> Offerings(List<Centre> centres, DemoCatalogue catalogue, DateOnly today)
    {
        var offerings = new List<Offering>();
        var rows = CentreTable.ToDictionary(r => r.Code);
        List<Centre> With(Extras extra) => [.. centres.Where(c => rows[c.Code].Extras.HasFlag(extra))];
        Weekdays Alternate(int i, Weekdays even, Weekdays odd) => i % 2 == 0 ? even : odd;

        void Add(string programme, Centre centre, string room, string code, Term term, Schedule schedule, int? capacity, bool pausesInHolidays)
        {
            IEnumerable<DateOnly> closure = centre.Code == ClosedCentre ? DemoCalendar.Days(ClosedFrom, ClosedUntil) : [];
            var holidays = pausesInHolidays ? Holidays.Concat(SchoolHolidays) : Holidays;
            offerings.Add(new Offering
            {
                Code = code,
                Programme = catalogue.Programme(programme),
                Centre = centre,
                Room = centre.Rooms.Single(r => r.Name == room),
                Schedule = schedule.Kind == ScheduleKind.Dates
                    ? schedule
                    : schedule with { ExcludedDates = DemoCalendar.Within(holidays.Concat(closure), term.Start, term.End) },
                Capacity = capacity,
                Status = OfferingStatus.Scheduled,
                PublicationState = term.End < today ? PublicationState.Archived : PublicationState.Published,
            });
        }
        Schedule Weekly(Term term, Weekdays days, TimeOnly start, TimeOnly end) => Schedule.Weekly(term.Start, term.End, days, start, end);
        DateOnly[] Except(IEnumerable<DateOnly> dates, Centre centre) =>
            [.. dates.Except(Holidays).Where(d => centre.Code != ClosedCentre || d < ClosedFrom || d > ClosedUntil)];

        foreach (var year in KitaYears)
        {
            for (var i = 0; i < centres.Count; i++)
            {
                var centre = centres[i];
                var code = $"{centre.Code}-{year.Tag}";

                // Every Kita: the parents' café after drop-off (or in the afternoon), the counselling hour and parent evenings.
                var cafe = i % 3 == 2
                    ? Weekly(year, Weekdays.Friday, At(14, 30), At(16))
                    : Weekly(year, Alternate(i, Weekdays.Tuesday, Weekdays.Thursday), At(8), At(10));
                Add(ParentsCafe, centre, ParentRoom, $"CAFE-{code}", year, cafe, null, pausesInHolidays: false);
                Add("MYK-SPRECHSTUNDE", centre, Office, $"SPR-{code}", year,
                    Weekly(year, Alternate(i, Weekdays.Monday, Weekdays.Wednesday), i % 4 < 2 ? At(8) : At(13), i % 4 < 2 ? At(10) : At(15)),
                    null, pausesInHolidays: false);
                var evenings = ParentEveningMonths(year)
                    .Select(month => FirstInMonth(Alternate(i, Weekdays.Tuesday, Weekdays.Wednesday), month))
                    .Where(d => d >= year.Start && d <= year.End);
                Add("MYK-ELTERNABEND", centre, ParentRoom, $"EA-{code}", year,
                    Schedule.OnDates(Except(evenings, centre), At(19, 30), At(21)), null, pausesInHolidays: false);
            }

            foreach (var (centre, i) in With(Extras.ParentChildGroup).Select((c, i) => (c, i)))
            {
                Add("MYK-ELTERN-KIND-GRUPPE", centre, ParentRoom, $"EKG-{centre.Code}-{year.Tag}", year,
                    Weekly(year, Alternate(i, Weekdays.Monday, Weekdays.Wednesday), At(15), At(16, 30)), 10, pausesInHolidays: true);
            }
            foreach (var centre in With(Extras.BabyGroup))
            {
                Add("MYK-BABYTREFF", centre, ParentRoom, $"BABY-{centre.Code}-{year.Tag}", year,
                    Weekly(year, Weekdays.Friday, At(10), At(11, 30)), 10, pausesInHolidays: true);
            }
            foreach (var centre in With(Extras.LanguageGroup))
            {
                Add("MYK-SPRACHSPIEL", centre, ParentRoom, $"SPRA-{centre.Code}-{year.Tag}", year,
                    Weekly(year, Weekdays.Tuesday, At(15), At(16, 15)), 10, pausesInHolidays: true);
            }
            foreach (var centre in With(Extras.ApplicationHelp))
            {
                Add("MYK-ANTRAGSHILFE", centre, Office, $"AH-{centre.Code}-{year.Tag}", year,
                    Weekly(year, Weekdays.Thursday, At(13), At(15)), null, pausesInHolidays: false);
            }
            foreach (var centre in With(Extras.ParentChildGym))
            {
                Add("MYK-ELTERN-KIND-TURNEN", centre, Hall, $"EKT-{centre.Code}-{year.Tag}", year,
                    Weekly(year, Weekdays.Saturday, At(10), At(11)), 14, pausesInHolidays: true);
            }
            foreach (var centre in With(Extras.DadsSaturday))
            {
                var saturdays = DemoCalendar.FirstOfEachMonth(DayOfWeek.Saturday, year.Start, year.End);
                Add(DadsSaturday, centre, Hall, $"PAPA-{centre.Code}-{year.Tag}", year,
                    Schedule.OnDates(Except(saturdays, centre), At(10), At(12)), null, pausesInHolidays: false);
            }
        }

        for (var t = 0; t < CourseTerms.Length; t++)
        {
            var term = CourseTerms[t];

            // The cooking workshop moves round all Kitas, four a term, eight Wednesday afternoons each.
            for (var j = 0; j < 4; j++)
            {
                var centre = centres[(t * 4 + j) % centres.Count];
                var cooking = term with { End = term.Start.AddDays(9 * 7) };
                Add("MYK-KOCHWERKSTATT", centre, Kitchen, $"KOCH-{centre.Code}-{term.Tag}", cooking,
                    Weekly(cooking, Weekdays.Wednesday, At(14, 30), At(16)), 8, pausesInHolidays: true);
            }

            // "Starke Eltern – Starke Kinder" in two Kitas of the focus towns per term, ten evenings.
            var focus = centres.Where(c => rows[c.Code].Extras.HasFlag(Extras.ApplicationHelp)).ToList();
            for (var j = 0; j < 2; j++)
            {
                var centre = focus[(t * 2 + j) % focus.Count];
                var course = term with { End = term.Start.AddDays(11 * 7) };
                Add("MYK-STARKE-ELTERN", centre, ParentRoom, $"SESK-{centre.Code}-{term.Tag}", course,
                    Weekly(course, Weekdays.Thursday, At(19), At(21)), 12, pausesInHolidays: true);
            }

            var firstAid = centres.Single(c => c.Code == "MUK-DRK");
            var day = FirstAidSaturdays[t];
            Add("MYK-ERSTE-HILFE", firstAid, Hall, $"EHK-{firstAid.Code}-{term.Tag}", term with { Start = day, End = day },
                Schedule.OnDates([day], At(9), At(13)), 16, pausesInHolidays: false);
        }

        // A course that is booked up, and one that found no one to lead it, so both states show in the portal.
        var full = offerings.First(o => o.Programme.Code == "MYK-STARKE-ELTERN" && o.Code.EndsWith("-27F", StringComparison.Ordinal));
        full.Status = OfferingStatus.Full;
        full.StatusNote = "Ausgebucht. Die Kita-Sozialarbeit führt eine Warteliste.";
        var cancelled = offerings.First(o => o.Programme.Code == "MYK-KOCHWERKSTATT" && o.Code.EndsWith("-27F", StringComparison.Ordinal));
        cancelled.Status = OfferingStatus.Cancelled;
        cancelled.StatusNote = "Fällt aus: Die Kursleitung ist ausgefallen. Die Kochwerkstatt wird im Herbst nachgeholt.";
        return offerings;
    }

    /// <summary>Parent evenings in October, January and May of a Kita year (February and May for the half year of 2024).</summary>
    private static IEnumerable<DateOnly> ParentEveningMonths(Term year) =>
        year.Start.Month == 1
            ? [new(year.Start.Year, 2, 1), new(year.Start.Year, 5, 1)]
            : [new(year.Start.Year, 10, 1), new(year.End.Year, 1, 15), new(year.End.Year, 5, 1)];

    /// <summary>The first given weekday on or after a date.</summary>
    private static DateOnly FirstInMonth(Weekdays day, DateOnly from)
    {
        var wanted = day.Days().Single();
        return from.AddDays(((int)wanted - (int)from.DayOfWeek + 7) % 7);
    }

    // ---- Categories and programmes -----------------------------------------------------------------------

    private static readonly string[] CategoryLanguages = [Languages.German, Languages.English];

    private static readonly CategoryRow[] Categories =
    [
        new("meeting-places", null, "Treffpunkte für Familien", "Meeting places for families"),
        new("parent-cafes", "meeting-places", "Elterncafés", "Parents' cafés"),
        new("dads", "meeting-places", "Väterangebote", "For dads"),
        new("parent-child", null, "Eltern-Kind-Angebote", "Parent and child groups"),
        new("baby-groups", "parent-child", "Babytreffs", "Baby groups"),
        new("toddler-groups", "parent-child", "Eltern-Kind-Gruppen", "Toddler groups"),
        new("language", "parent-child", "Sprache und Lesen", "Language and reading"),
        new("movement", "parent-child", "Bewegung", "Movement"),
        new("health", "parent-child", "Gesund aufwachsen", "Growing up healthy"),
        new("counselling", null, "Beratung und Hilfe", "Advice and help"),
        new("kita-social-work", "counselling", "Sprechstunden der Kita-Sozialarbeit", "Kita social work drop-in hours"),
        new("offices", "counselling", "Hilfe bei Anträgen und Ämtern", "Help with forms and public offices"),
        new("family-education", null, "Familienbildung", "Family education"),
        new("parent-evenings", "family-education", "Elternabende", "Parent evenings"),
        new("parenting-courses", "family-education", "Elternkurse", "Parenting courses"),
        new("first-aid", "family-education", "Erste Hilfe", "First aid"),
    ];

    private const string Drop = "Ohne Anmeldung – einfach vorbeikommen.";
    private const string DropEn = "No registration – just drop in.";
    private const string ViaKita = "Anmeldung bei der Kita-Sozialarbeit Ihrer Kita, persönlich oder telefonisch.";
    private const string ViaKitaEn = "Register with the Kita social worker at your Kita, in person or by phone.";
    private const Audience ChildrenAndParents = Audience.Children | Audience.Parents;

    private static readonly ProgrammeRow[] Programmes =
    [
        new(ParentsCafe, ProgrammeType.OpenMeeting, "parent-cafes", ChildrenAndParents, 0, 72)
        {
            Languages = ["de", "tr", "ar", "ru", "uk"], Partners = [YouthOffice], LastCheckedOn = new(2026, 10, 5),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Elterncafé in der Kita",
                    "Nach dem Bringen auf einen Kaffee bleiben: andere Eltern kennenlernen und Fragen an die Kita-Sozialarbeit stellen.",
                    "Einmal in der Woche öffnet die Kita ihr Elterncafé. Mütter, Väter und Großeltern bleiben nach dem Bringen oder vor dem Abholen auf einen Kaffee, jüngere Geschwister spielen mit. Die Kita-Sozialarbeiterin ist dabei und hat ein offenes Ohr für Fragen rund um Erziehung, Geld, Wohnen und Behörden.\n\n" +
                    "Das Elterncafé ist für alle Familien der Kita und aus dem Ort offen, ohne Anmeldung. Gezählt wird nur, wie viele Erwachsene und Kinder gekommen sind.")
                { RegistrationNote = Drop },
                new("en", "Parents' café at the Kita",
                    "Stay for a coffee after drop-off: meet other parents and ask the Kita social worker anything.",
                    "Once a week the Kita opens its parents' café. Mothers, fathers and grandparents stay for a coffee after drop-off or before pick-up while younger siblings play. The Kita social worker joins in and is happy to help with questions about parenting, money, housing and public offices.\n\n" +
                    "The café is open to every family of the Kita and the village or town, without registration. Only the number of adults and children is counted.")
                { RegistrationNote = DropEn },
            ],
        },
        new("MYK-SPRECHSTUNDE", ProgrammeType.Counselling, "kita-social-work", Audience.Parents, 0, 84)
        {
            Languages = ["de", "tr", "ar", "ru"], Partners = [YouthOffice, "CARITAS-RMA"], LastCheckedOn = new(2026, 10, 5),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Offene Sprechstunde der Kita-Sozialarbeit",
                    "Schnelle, vertrauliche Beratung direkt in der Kita – zu Erziehung, Alltag, Geld und Krisen, ohne Termin.",
                    "Seit dem neuen Kita-Gesetz Rheinland-Pfalz von 2021 gibt es in vielen Kitas im Landkreis Mayen-Koblenz eine Kita-Sozialarbeiterin oder einen Kita-Sozialarbeiter – rund 45 sind es im Kreis. In der offenen Sprechstunde können Eltern ohne Termin und vertraulich über alles sprechen, was sie gerade beschäftigt: Schlafprobleme, Trotzphasen, Streit in der Familie, Schulden, die Wohnung oder einen Brief vom Amt.\n\n" +
                    "Die Kita-Sozialarbeit hilft schnell, bevor aus Sorgen Krisen werden, und vermittelt bei Bedarf weiter, etwa an die Lebens- und Erziehungsberatung der Caritas oder an das Kreisjugendamt, das die Kita-Sozialarbeit im Kreis koordiniert.")
                { RegistrationNote = "Ohne Termin. Wer lieber einen festen Termin möchte, vereinbart ihn in der Kita." },
                new("en", "Kita social work drop-in hour",
                    "Quick, confidential advice right at the Kita – on parenting, everyday life, money and crises, no appointment needed.",
                    "Since Rhineland-Palatinate's new Kita law of 2021 many Kitas in the district of Mayen-Koblenz have a Kita social worker – about 45 across the district. At the drop-in hour parents can talk in confidence, without an appointment, about whatever is on their mind: sleepless nights, tantrums, family rows, debts, housing or a letter from a public office.\n\n" +
                    "Kita social workers help early, before worries turn into crises, and refer families on when needed, for instance to Caritas' family counselling or to the district youth office, which coordinates Kita social work across the district.")
                { RegistrationNote = "No appointment needed. If you prefer a fixed appointment, ask at the Kita." },
            ],
        },
        new("MYK-ANTRAGSHILFE", ProgrammeType.Counselling, "offices", Audience.Parents, 0, 216)
        {
            Languages = ["de", "ar", "uk", "ru"], Partners = [YouthOffice], LastCheckedOn = new(2026, 9, 28),
            Registration = RegistrationMode.AtCentre,
            Texts =
            [
                new("de", "Hilfe bei Anträgen und Begleitung zu Ämtern",
                    "Kinderzuschlag, Wohngeld, Bildung und Teilhabe: gemeinsam den Antrag ausfüllen – und auf Wunsch zusammen zum Amt gehen.",
                    "Viele Familien haben Anspruch auf Leistungen, die sie nicht kennen oder deren Formulare sie abschrecken. Die Kita-Sozialarbeit hilft beim Ausfüllen von Anträgen auf Kinderzuschlag, Wohngeld oder Leistungen für Bildung und Teilhabe, erklärt Bescheide und Briefe und begleitet Eltern auf Wunsch zu Behörden wie Jobcenter, Familienkasse oder Ausländerbehörde.\n\n" +
                    "Bitte bringen Sie die Unterlagen mit, die Sie schon haben. Alles, was Sie erzählen, bleibt vertraulich.")
                { RegistrationNote = "Bitte kurz in der Kita einen Termin ausmachen, damit genug Zeit ist." },
                new("en", "Help with forms and going to public offices",
                    "Child supplement, housing benefit, education and participation: fill in the form together – and go to the office together if you like.",
                    "Many families are entitled to benefits they do not know about or whose forms put them off. The Kita social worker helps to fill in applications for child supplement (Kinderzuschlag), housing benefit (Wohngeld) or education and participation benefits, explains decisions and letters, and goes with parents to offices such as the job centre, the family benefits office or the immigration office if they wish.\n\n" +
                    "Please bring whatever papers you already have. Everything you say stays confidential.")
                { RegistrationNote = "Please book a time at the Kita, so there is enough time for you." },
            ],
        },
        new("MYK-ELTERN-KIND-GRUPPE", ProgrammeType.ChildClass, "toddler-groups", ChildrenAndParents, 12, 36)
        {
            Languages = ["de"], Partners = [YouthOffice], LastCheckedOn = new(2026, 9, 14),
            Texts =
            [
                new("de", "Eltern-Kind-Gruppe für Ein- bis Dreijährige",
                    "Spielen, singen, matschen: ein Nachmittag in der Woche für Kleinkinder mit Mama oder Papa, bevor die Kita-Zeit beginnt.",
                    "In der Eltern-Kind-Gruppe treffen sich Kinder zwischen einem und drei Jahren mit einem Elternteil in der Kita. Es gibt Fingerspiele, Lieder, Bewegung und Zeit zum freien Spielen; die Eltern tauschen sich aus und lernen die Kita schon vor der Eingewöhnung kennen.\n\n" +
                    "Die Gruppe wird von der Kita-Sozialarbeit geleitet. Sie richtet sich besonders an Familien, die neu im Ort sind oder noch keinen Kita-Platz haben.")
                { RegistrationNote = ViaKita },
                new("en", "Parent and toddler group (ages 1 to 3)",
                    "Play, songs and messy fun: one afternoon a week for toddlers with mum or dad, before Kita begins.",
                    "Children between one and three years meet with a parent at the Kita. There are finger games, songs, movement and time for free play; parents get to know each other and the Kita before their child starts there.\n\n" +
                    "The group is led by the Kita social worker and is especially meant for families who are new in town or do not have a Kita place yet.")
                { RegistrationNote = ViaKitaEn },
            ],
        },
        new("MYK-BABYTREFF", ProgrammeType.EarlyHelp, "baby-groups", ChildrenAndParents, 0, 12)
        {
            Languages = ["de", "tr", "ar"], Partners = ["KV-MYK-GESUNDHEIT", YouthOffice], LastCheckedOn = new(2026, 10, 12),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Babytreff mit Familienhebamme",
                    "Wöchentlicher Treff für Eltern mit Babys im ersten Lebensjahr – mit Familienhebamme und Kita-Sozialarbeit.",
                    "Im Babytreff lernen sich Eltern mit Babys bis zwölf Monate kennen. Eine Familienhebamme der Frühen Hilfen im Landkreis beantwortet Fragen zu Stillen, Schlafen, Beikost und Entwicklung; die Kita-Sozialarbeiterin erzählt, wie die Kita-Anmeldung funktioniert.\n\n" +
                    "Der Babytreff findet in der Kita statt, so werden Wege kurz und die Kita ist später kein fremder Ort.")
                { RegistrationNote = "Einfach vorbeikommen. Die Teilnahme der Babys wird für die Statistik der Frühen Hilfen erfasst." },
                new("en", "Baby group with a family midwife",
                    "A weekly group for parents with babies in their first year – with a family midwife and the Kita social worker.",
                    "Parents with babies up to twelve months get to know each other. A family midwife of the district's early help network answers questions about feeding, sleep, weaning and development; the Kita social worker explains how to apply for a Kita place.\n\n" +
                    "The group meets at the Kita, so it is close to home and the Kita is a familiar place when the time comes.")
                { RegistrationNote = "Just come along. Babies' attendance is recorded for the early-help statistics." },
            ],
        },
        new("MYK-SPRACHSPIEL", ProgrammeType.LearningSupport, "language", ChildrenAndParents, 24, 72)
        {
            Languages = ["de", "ar", "tr", "uk"], Partners = ["STADTBUECHEREI-AND", YouthOffice], LastCheckedOn = new(2026, 9, 21),
            Texts =
            [
                new("de", "Sprachspielgruppe für mehrsprachige Familien",
                    "Bilderbücher, Reime und Spiele auf Deutsch und in der Familiensprache – für Kinder ab zwei Jahren und ihre Eltern.",
                    "Kinder lernen Sprache am besten im Spiel und mit ihren Eltern. In der Sprachspielgruppe schauen Eltern und Kinder gemeinsam Bilderbücher an, singen, reimen und spielen; die Eltern bekommen Ideen und Bücher für zu Hause, auch in ihrer eigenen Sprache.\n\n" +
                    "Einmal im Monat kommt eine Mitarbeiterin der Stadtbücherei mit neuen Büchern vorbei. Alle Sprachen sind willkommen, Deutschkenntnisse sind keine Voraussetzung.")
                { RegistrationNote = ViaKita },
                new("en", "Language play group for multilingual families",
                    "Picture books, rhymes and games in German and in the family language – for children from two and their parents.",
                    "Children learn language best through play and together with their parents. Parents and children look at picture books, sing, rhyme and play together; parents take home ideas and books, in their own language too.\n\n" +
                    "Once a month someone from the town library brings new books. Every language is welcome; parents do not need to speak German.")
                { RegistrationNote = ViaKitaEn },
            ],
        },
        new("MYK-ELTERN-KIND-TURNEN", ProgrammeType.MovementAndSport, "movement", ChildrenAndParents, 18, 72)
        {
            Languages = ["de"], Partners = ["SPORTKREIS-MYK"], LastCheckedOn = new(2026, 9, 14),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Eltern-Kind-Turnen am Samstag",
                    "Samstagvormittags klettern, balancieren und toben im Bewegungsraum der Kita – für Kinder von anderthalb bis sechs Jahren.",
                    "Übungsleiterinnen aus Sportvereinen des Sportkreises bauen im Mehrzweckraum der Kita Bewegungslandschaften auf. Kinder und Erwachsene klettern, rutschen, balancieren und springen gemeinsam.\n\n" +
                    "Das Angebot ist kostenlos und soll Familien Lust auf Sport im Verein machen. Bitte bequeme Kleidung und Stoppersocken mitbringen.")
                { RegistrationNote = Drop },
                new("en", "Parent and child gym on Saturday",
                    "Saturday mornings of climbing, balancing and running about in the Kita's hall – for children from one and a half to six.",
                    "Coaches from local sports clubs set up obstacle courses in the Kita's multi-purpose room. Children and adults climb, slide, balance and jump together.\n\n" +
                    "It is free and meant to give families a taste of sport in a local club. Please bring comfortable clothes and non-slip socks.")
                { RegistrationNote = DropEn },
            ],
        },
        new("MYK-KOCHWERKSTATT", ProgrammeType.Workshop, "health", ChildrenAndParents, 36, 72)
        {
            Price = 10.00m, Languages = ["de"], Partners = ["KV-MYK-GESUNDHEIT"], LastCheckedOn = new(2026, 11, 2),
            Texts =
            [
                new("de", "Kleine Köche – Kochwerkstatt für Kita-Kinder und Eltern",
                    "Acht Nachmittage gemeinsam schnippeln, probieren und kochen: einfache, günstige und gesunde Rezepte für den Familienalltag.",
                    "In der Kinderküche der Kita kochen Kinder ab drei Jahren mit einem Elternteil. Eine Ernährungsfachkraft zeigt einfache Gerichte mit Gemüse der Saison, die wenig kosten und auch wählerischen Essern schmecken.\n\n" +
                    "Am Ende gibt es ein kleines Rezeptheft für zu Hause. Die Kochwerkstatt zieht jedes Halbjahr in andere Kitas im Landkreis weiter.")
                {
                    CostNote = "10,00 € für alle acht Termine, für die Lebensmittel. Mit Leistungen aus Bildung und Teilhabe kostenlos.",
                    RegistrationNote = ViaKita + " Höchstens acht Kinder.",
                },
                new("en", "Little cooks – cooking workshop for Kita children and parents",
                    "Eight afternoons of chopping, tasting and cooking together: simple, cheap and healthy recipes for everyday family life.",
                    "Children from three cook with a parent in the Kita's children's kitchen. A nutritionist shows simple dishes with seasonal vegetables that cost little and please picky eaters too.\n\n" +
                    "Everyone takes home a small recipe booklet. The workshop moves on to other Kitas in the district every half year.")
                {
                    CostNote = "€10.00 for all eight sessions, for the food. Free with education and participation benefits (BuT).",
                    RegistrationNote = ViaKitaEn + " At most eight children.",
                },
            ],
        },
        new("MYK-ELTERNABEND", ProgrammeType.ParentEducation, "parent-evenings", Audience.Parents, 0, 84)
        {
            Languages = ["de"], Partners = [YouthOffice], LastCheckedOn = new(2026, 9, 7),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Themen-Elternabend",
                    "Dreimal im Jahr ein Abend zu Fragen, die viele Eltern beschäftigen: Medien, Trotz, Schlaf, Übergang in die Schule.",
                    "Die Kita-Sozialarbeit lädt dreimal im Kita-Jahr zu einem Themenabend ein, oft mit einer Referentin aus einer Beratungsstelle. Themen sind zum Beispiel „Handy, Tablet & Co.“, „Wenn das Kind wütend wird“, „Gut schlafen“ oder „Bald ein Schulkind“.\n\n" +
                    "Nach einem kurzen Vortrag ist viel Zeit für Fragen und Austausch. Die Abende sind offen für alle Eltern aus dem Ort.")
                { RegistrationNote = "Ohne Anmeldung. Das Thema hängt an der Kita aus." },
                new("en", "Parent evening on a topic",
                    "Three evenings a year on questions many parents share: screens, tantrums, sleep, starting school.",
                    "Three times a Kita year the Kita social worker invites parents to an evening on a topic, often with a speaker from a counselling service. Topics include screens and phones, when a child gets angry, sleeping well and getting ready for school.\n\n" +
                    "After a short talk there is plenty of time for questions and sharing. The evenings are open to all parents in the town or village.")
                { RegistrationNote = "No registration. The topic is posted at the Kita." },
            ],
        },
        new("MYK-STARKE-ELTERN", ProgrammeType.ParentEducation, "parenting-courses", Audience.Parents, 0, 216)
        {
            Price = 20.00m, Languages = ["de"], Partners = ["DKSB-RLP", "KVHS-MYK"], LastCheckedOn = new(2026, 11, 2),
            Registration = RegistrationMode.AtCentre,
            Texts =
            [
                new("de", "Starke Eltern – Starke Kinder®",
                    "Elternkurs an zehn Abenden: gelassener erziehen, Grenzen setzen, Konflikte lösen – in der Kita um die Ecke.",
                    "Der Kurs des Kinderschutzbundes stärkt Eltern im Erziehungsalltag. An zehn Abenden geht es um Werte und Ziele in der Erziehung, um Kommunikation in der Familie, um Grenzen und um Wege aus Konflikten – mit vielen Übungen und Zeit für Austausch.\n\n" +
                    "Die Kita-Sozialarbeit holt den Kurs zusammen mit der Kreisvolkshochschule in Kitas der Städte Andernach, Mayen und Bendorf, damit der Weg kurz ist.")
                {
                    CostNote = "20,00 € für den ganzen Kurs. Mit Leistungen aus Bildung und Teilhabe oder auf Nachfrage bei der Kita-Sozialarbeit kostenlos.",
                    RegistrationNote = "Anmeldung bei der Kita-Sozialarbeit; höchstens 12 Teilnehmende.",
                },
                new("en", "Strong parents – strong children®",
                    "A parenting course over ten evenings: calmer parenting, setting limits, solving conflicts – at the Kita round the corner.",
                    "The child protection association's course supports parents in everyday family life. Ten evenings cover values and goals in parenting, communication in the family, limits and ways out of conflict, with plenty of exercises and time to share experiences.\n\n" +
                    "The Kita social workers bring the course, together with the district's adult education centre, to Kitas in Andernach, Mayen and Bendorf, so nobody has far to go.")
                {
                    CostNote = "€20.00 for the whole course. Free with education and participation benefits, or ask the Kita social worker.",
                    RegistrationNote = "Register with the Kita social worker; at most 12 participants.",
                },
            ],
        },
        new("MYK-ERSTE-HILFE", ProgrammeType.ParentEducation, "first-aid", Audience.Parents, 0, 144)
        {
            Price = 15.00m, Languages = ["de"], Partners = ["DRK-MYK"], LastCheckedOn = new(2026, 10, 19),
            Registration = RegistrationMode.ByPhone,
            Texts =
            [
                new("de", "Erste Hilfe am Kind",
                    "Samstagskurs des DRK für Eltern und Großeltern: richtig handeln bei Unfällen und Notfällen mit Babys und Kleinkindern.",
                    "An einem Samstagvormittag lernen Eltern, Großeltern und Tageseltern, was bei Verschlucken, Verbrühungen, Stürzen oder Fieberkrämpfen zu tun ist, und üben die Wiederbelebung an Übungspuppen.\n\n" +
                    "Der Kurs findet in der DRK-Kita in Mülheim-Kärlich statt und dauert vier Stunden.")
                { CostNote = "15,00 € pro Person; für Familien mit Leistungen aus Bildung und Teilhabe kostenlos.", RegistrationNote = "Anmeldung telefonisch in der Kita; höchstens 16 Plätze." },
                new("en", "First aid for children",
                    "A Saturday course by the Red Cross for parents and grandparents: what to do in accidents and emergencies with babies and toddlers.",
                    "On a Saturday morning parents, grandparents and childminders learn what to do when a child chokes, is scalded, falls or has a febrile seizure, and practise resuscitation on manikins.\n\n" +
                    "The four-hour course takes place at the Red Cross Kita in Mülheim-Kärlich.")
                { CostNote = "€15.00 per person; free for families receiving education and participation benefits.", RegistrationNote = "Register by phone at the Kita; at most 16 places." },
            ],
        },
        new(DadsSaturday, ProgrammeType.OpenMeeting, "dads", ChildrenAndParents, 12, 96)
        {
            Languages = ["de"], Partners = [YouthOffice], LastCheckedOn = new(2026, 10, 5),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Papa-Kind-Samstag",
                    "Am ersten Samstag im Monat: Väter und Kinder bauen, werken, spielen und frühstücken zusammen in der Kita.",
                    "Einmal im Monat gehört die Kita samstags den Vätern und ihren Kindern. Es wird gebaut, gewerkelt, draußen gespielt und zusammen gefrühstückt; die Kita-Sozialarbeit bereitet alles vor und ist dabei.\n\n" +
                    "Willkommen sind Väter, Opas, Onkel und andere Bezugspersonen mit Kindern bis acht Jahren, auch Geschwister. Gezählt wird nur, wie viele gekommen sind.")
                { RegistrationNote = Drop },
                new("en", "Dad and child Saturday",
                    "On the first Saturday of the month: dads and children build, tinker, play and have breakfast together at the Kita.",
                    "Once a month the Kita belongs to fathers and their children on a Saturday. They build, tinker, play outside and share breakfast; the Kita social worker prepares everything and joins in.\n\n" +
                    "Fathers, grandfathers, uncles and other carers are welcome with children up to eight, siblings too. Only the number of people is counted.")
                { RegistrationNote = DropEn },
            ],
        },
        new("MYK-FAMILIENFREIZEIT", ProgrammeType.ParentEducation, "family-education", Audience.Families, 0, 144)
        {
            Price = 40.00m, Languages = ["de"], Partners = [YouthOffice, "CARITAS-RMA"], State = PublicationState.Draft,
            LastCheckedOn = new(2026, 11, 23),
            Texts =
            [
                new("de", "Familienwochenende in der Eifel 2027",
                    "Ein Wochenende mit Spiel, Natur und Elternrunden für Familien der Kita-Sozialarbeit – in Planung.",
                    "Entwurf: Haus, Termin und Eigenanteil stehen noch nicht fest."),
                new("en", "Family weekend in the Eifel 2027",
                    "A weekend of play, nature and parents' circles for families of the Kita social work – being planned.",
                    "Draft: venue, date and contribution are not fixed yet."),
            ],
        },
        new("MYK-ELTERNTELEFON", ProgrammeType.Counselling, "kita-social-work", Audience.Parents, 0, 84)
        {
            Languages = ["de"], Partners = [YouthOffice], State = PublicationState.Archived, LastCheckedOn = new(2023, 6, 30),
            Registration = RegistrationMode.ByPhone,
            Texts =
            [
                new("de", "Elterntelefon der Kita-Sozialarbeit",
                    "Telefonische Beratung während der Kita-Schließungen – eingestellt, seit die Sprechstunden in den Kitas stattfinden.",
                    "Während der Kita-Schließungen in der Pandemie hat die Kita-Sozialarbeit Eltern am Telefon beraten.\n\n" +
                    "Das Angebot ist beendet; heute gibt es die offenen Sprechstunden in den Kitas."),
                new("en", "Kita social work parents' helpline",
                    "Advice by phone while the Kitas were closed – ended now that the drop-in hours take place in the Kitas.",
                    "While Kitas were closed during the pandemic, Kita social workers advised parents by phone.\n\n" +
                    "The service has ended; today there are drop-in hours in the Kitas."),
            ],
        },
    ];
}
