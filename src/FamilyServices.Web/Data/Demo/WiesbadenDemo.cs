using FamilyServices.Web.Domain;
using static FamilyServices.Web.Data.Demo.DemoPlaces;
using static FamilyServices.Web.Domain.AccessibilityFeatures;

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
                Code = "wiesbaden", Name = "Wiesbaden", DefaultLanguage = Languages.German, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 50.0782, MapLongitude = 8.2398,
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

    // ---- Organisations and centres -----------------------------------------------------------------------

    private const string City = "WI-ASA";
    private const string Health = "WI-GESUNDHEITSAMT";
    private const string Library = "WI-STADTBIBLIOTHEKEN";
    private const string ChildProtection = "DKSB-WI";
    private const string FamilyEducation = "FBS-WI";
    private const string AdultEducation = "VHS-WI";

    private static Organisation[] Organisations() =>
    [
        new() { Code = City, Name = "Landeshauptstadt Wiesbaden – Amt für Soziale Arbeit", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.wiesbaden.de" },
        new() { Code = Health, Name = "Gesundheitsamt Wiesbaden", Kind = OrganisationKind.HealthService, Website = "https://www.wiesbaden.de" },
        new() { Code = Library, Name = "Stadtbibliotheken Wiesbaden", Kind = OrganisationKind.Library, Website = "https://www.wiesbaden.de" },
        new() { Code = "WI-KITAS", Name = "Landeshauptstadt Wiesbaden – Städtische Kindertagesstätten", Kind = OrganisationKind.ChildcareProvider, Website = "https://www.wiesbaden.de" },
        new() { Code = "WI-SCHULAMT", Name = "Staatliches Schulamt für den Rheingau-Taunus-Kreis und die Landeshauptstadt Wiesbaden", Kind = OrganisationKind.School },
        new() { Code = ChildProtection, Name = "Deutscher Kinderschutzbund Bezirksverband Wiesbaden e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "AWO-WI", Name = "AWO Kreisverband Wiesbaden e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "CARITAS-WI", Name = "Caritasverband Wiesbaden-Rheingau-Taunus e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "DIAKONIE-WI", Name = "Diakonisches Werk Wiesbaden", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "DRK-WI", Name = "DRK-Kreisverband Wiesbaden e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "EV-DEKANAT-WI", Name = "Evangelisches Dekanat Wiesbaden", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = FamilyEducation, Name = "Evangelische Familienbildungsstätte Wiesbaden", Kind = OrganisationKind.Other },
        new() { Code = AdultEducation, Name = "Volkshochschule Wiesbaden e. V.", Kind = OrganisationKind.Other, Website = "https://www.vhs-wiesbaden.de" },
        new() { Code = "SPORTKREIS-WI", Name = "Sportkreis Wiesbaden e. V.", Kind = OrganisationKind.SportsClub },
    ];

    private const string CafeRoom = "Elterncafé";
    private const string PlayRoom = "Spielraum";
    private const string CounsellingRoom = "Beratungsraum";
    private const string MovementRoom = "Bewegungsraum";
    private const string SeminarRoom = "Seminarraum";
    private const string ChildrensLibrary = "Kinderbibliothek";

    private enum Kind { Kiez, Counselling, FamilyEducation, Library }

    private sealed record CentreRow(
        string Code, string Name, Kind Kind, string District, string Street, string Postcode, string Locality,
        double Latitude, double Longitude, string Phone, string Operator, string Domain, string[] Accessibility, string[] Languages)
    {
        /// <summary>A KiEZ with its own movement room (or the use of a neighbouring gym) runs the Bewegungsbaustelle.</summary>
        public bool HasMovementRoom { get; init; }
        public bool OpenOnSaturday { get; init; }
    }

    /// <summary>The ten KiEZ (Kastel/Kostheim with two sites), the city's counselling centre, the family education centre and the central library.</summary>
    private static readonly CentreRow[] CentreTable =
    [
        new("KIEZ-MIT", "KiEZ Mitte", Kind.Kiez, "MITTE", "Schachtstraße 18", "65183", "Wiesbaden", 50.0856, 8.2361,
            "+49 611 1745 210", "EV-DEKANAT-WI", "dekanat-wiesbaden.de", [StepFree, PramParking, BabyChanging], ["de", "en", "tr"]),
        new("KIEZ-WES", "KiEZ Westend", Kind.Kiez, "WESTEND", "Wellritzstraße 38", "65183", "Wiesbaden", 50.0822, 8.2297,
            "+49 611 3609 150", "DIAKONIE-WI", "diakonie-wiesbaden.de", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["de", "tr", "ar", "bg", "ro"]),
        new("KIEZ-RHG", "KiEZ Rheingauviertel", Kind.Kiez, "RHEINGAU", "Eltviller Straße 10", "65197", "Wiesbaden", 50.0772, 8.2165,
            "+49 611 1740 320", "CARITAS-WI", "caritas-wirt.de", [StepFree, BabyChanging], ["de", "it", "en"]),
        new("KIEZ-KLA", "KiEZ Klarenthal", Kind.Kiez, "KLARENTHAL", "Goerdelerstraße 40", "65197", "Wiesbaden", 50.0858, 8.1984,
            "+49 611 31 7740", City, "wiesbaden.de", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["de", "tr", "ru", "ar"])
        { HasMovementRoom = true },
        new("KIEZ-SCH", "KiEZ Schelmengraben", Kind.Kiez, "DOTZHEIM", "Karl-Arnold-Straße 14", "65199", "Wiesbaden", 50.0752, 8.1768,
            "+49 611 4209 480", "DRK-WI", "drk-wiesbaden.de", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["de", "tr", "ru", "pl", "ar"])
        { HasMovementRoom = true },
        new("KIEZ-SAU", "KiEZ Sauerland", Kind.Kiez, "DOTZHEIM", "Wiesbadener Straße 150", "65199", "Wiesbaden", 50.0640, 8.1985,
            "+49 611 4209 520", "CARITAS-WI", "caritas-wirt.de", [StepFree, PramParking], ["de", "tr", "ar"])
        { HasMovementRoom = true, OpenOnSaturday = true },
        new("KIEZ-BIE", "KiEZ Biebrich", Kind.Kiez, "BIEBRICH", "Rathausstraße 63", "65203", "Wiesbaden", 50.0412, 8.2338,
            "+49 611 6092 130", "AWO-WI", "awo-wiesbaden.de", [StepFree, AccessibleToilet, Lift, HearingLoop, PramParking, BabyChanging], ["de", "tr", "ar", "fa", "en"])
        { HasMovementRoom = true },
        new("KIEZ-GRA", "KiEZ Gräselberg", Kind.Kiez, "BIEBRICH", "Hagenauer Straße 22", "65203", "Wiesbaden", 50.0468, 8.2562,
            "+49 611 31 7760", City, "wiesbaden.de", [StepFree, BabyChanging], ["de", "tr", "ar", "ku"]),
        new("KIEZ-KAS", "KiEZ Kastel/Kostheim – Standort Kastel", Kind.Kiez, "KASTEL", "Zehnthofstraße 30", "55252", "Mainz-Kastel", 50.0087, 8.2795,
            "+49 6134 25 9910", ChildProtection, "kinderschutzbund-wiesbaden.de", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["de", "tr", "en", "ar"])
        { HasMovementRoom = true, OpenOnSaturday = true },
        new("KIEZ-KOS", "KiEZ Kastel/Kostheim – Standort Kostheim", Kind.Kiez, "KOSTHEIM", "Hauptstraße 45", "55246", "Mainz-Kostheim", 50.0003, 8.3058,
            "+49 6134 25 9920", ChildProtection, "kinderschutzbund-wiesbaden.de", [PramParking, BabyChanging], ["de", "tr"]),
        new("KIEZ-ERB", "KiEZ Erbenheim", Kind.Kiez, "ERBENHEIM", "Wandersmannstraße 30", "65205", "Wiesbaden", 50.0572, 8.2968,
            "+49 611 3609 170", "DIAKONIE-WI", "diakonie-wiesbaden.de", [StepFree, AccessibleToilet, PramParking], ["de", "ru", "en"])
        { HasMovementRoom = true },
        new("BERATUNG", "Erziehungsberatungsstelle der Landeshauptstadt Wiesbaden", Kind.Counselling, "SUEDOST", "Konradinerallee 11", "65189", "Wiesbaden",
            50.0703, 8.2524, "+49 611 31 3400", City, "wiesbaden.de", [StepFree, AccessibleToilet, Lift, HearingLoop], ["de", "en", "tr", "ar", "ru"]),
        new("FBS", "Evangelische Familienbildungsstätte Wiesbaden", Kind.FamilyEducation, "MITTE", "Dotzheimer Straße 22", "65185", "Wiesbaden",
            50.0786, 8.2322, "+49 611 1409 600", FamilyEducation, "fbs-wiesbaden.de", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["de", "en"])
        { OpenOnSaturday = true },
        new("MAURITIUS", "Mauritius-Mediathek", Kind.Library, "MITTE", "Hochstättenstraße 6–10", "65183", "Wiesbaden", 50.0827, 8.2419,
            "+49 611 31 3692", Library, "wiesbaden.de", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["de", "en"])
        { OpenOnSaturday = true },
    ];

    /// <summary>The KiEZ Gräselberg had water damage this autumn: its rooms are being repaired, nothing meets there until it reopens.</summary>
    private const string ClosedCentre = "KIEZ-GRA";
    private static readonly DateOnly ClosedFrom = new(2026, 11, 16);
    private static readonly DateOnly ClosedUntil = new(2027, 1, 29);

    private const Weekdays MondayToFriday = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

    private static Centre Centre(CentreRow row, List<District> districts, DemoCatalogue catalogue)
    {
        var closed = row.Code == ClosedCentre;
        var centre = new Centre
        {
            Code = row.Code,
            Name = row.Name,
            Type = row.Kind switch
            {
                Kind.Kiez => CentreType.FamilyCentre,
                Kind.Library => CentreType.Library,
                _ => CentreType.CommunityCentre,
            },
            Operator = catalogue.Organisation(row.Operator),
            District = districts.Single(d => d.Code == row.District),
            Street = row.Street,
            Postcode = row.Postcode,
            Locality = row.Locality,
            Latitude = row.Latitude,
            Longitude = row.Longitude,
            Phone = row.Phone,
            Email = $"{DemoCatalogue.Slug(row.Kind == Kind.Kiez ? row.Name.Split(" – ")[0] : row.Code, Languages.German)}@{row.Domain}",
            Website = row.Operator == AdultEducation ? "https://www.vhs-wiesbaden.de" : "https://www.wiesbaden.de",
            TimeZone = TimeZone,
            AccessibilityFeatures = row.Accessibility,
            LanguagesSpoken = row.Languages,
            Status = closed ? CentreStatus.TemporarilyClosed : CentreStatus.Open,
            StatusReason = closed ? "Wasserschaden – die Räume werden saniert" : null,
            ClosedUntil = closed ? ClosedUntil : null,
        };
        switch (row.Kind)
        {
            case Kind.Kiez:
                centre.OpeningHours = [.. Hours(Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, At(9), At(18)), .. Hours(Weekdays.Friday, At(9), At(16, 30))];
                if (row.OpenOnSaturday) centre.OpeningHours.AddRange(Hours(Weekdays.Saturday, At(10), At(13)));
                centre.Rooms =
                [
                    new Room { Name = CafeRoom, Kind = RoomKind.MeetingRoom, Capacity = 20 },
                    new Room { Name = PlayRoom, Kind = RoomKind.Playroom, Capacity = 14 },
                    new Room { Name = CounsellingRoom, Kind = RoomKind.MeetingRoom, Capacity = 4 },
                ];
                if (row.HasMovementRoom) centre.Rooms.Add(new Room { Name = MovementRoom, Kind = RoomKind.Hall, Capacity = 25 });
                break;
            case Kind.Counselling:
                centre.OpeningHours = [.. Hours(Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, At(8), At(18)), .. Hours(Weekdays.Friday, At(8), At(14))];
                centre.Rooms =
                [
                    new Room { Name = CounsellingRoom, Kind = RoomKind.MeetingRoom, Capacity = 6 },
                    new Room { Name = SeminarRoom, Kind = RoomKind.MeetingRoom, Capacity = 20 },
                ];
                break;
            case Kind.FamilyEducation:
                centre.OpeningHours = [.. Hours(MondayToFriday, At(9), At(20)), .. Hours(Weekdays.Saturday, At(9), At(16))];
                centre.Rooms =
                [
                    new Room { Name = SeminarRoom, Kind = RoomKind.MeetingRoom, Capacity = 16 },
                    new Room { Name = PlayRoom, Kind = RoomKind.Playroom, Capacity = 14 },
                ];
                break;
            default:
                centre.OpeningHours = [.. Hours(Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday, At(10), At(19)), .. Hours(Weekdays.Saturday, At(10), At(14))];
                centre.Rooms = [new Room { Name = ChildrensLibrary, Kind = RoomKind.Playroom, Capacity = 20 }];
                break;
        }
        return centre;
    }

    // ---- Offerings ---------------------------------------------------------------------------------------

    private sealed record Term(string Tag, DateOnly Start, DateOnly End);

    /// <summary>KiEZ years follow the Hessian school year and pause in the summer holidays; the demo starts in January 2024.</summary>
    private static readonly Term[] Years =
    [
        new("23", new(2024, 1, 15), new(2024, 7, 12)),
        new("24", new(2024, 8, 26), new(2025, 7, 4)),
        new("25", new(2025, 8, 18), new(2026, 6, 26)),
        new("26", new(2026, 8, 10), new(2027, 6, 25)),
    ];

    /// <summary>Parent courses run in spring (F) and autumn (H), ten evenings each.</summary>
    private static readonly Term[] CourseTerms =
    [
        new("24F", new(2024, 2, 22), new(2024, 5, 23)),
        new("24H", new(2024, 9, 5), new(2024, 12, 5)),
        new("25F", new(2025, 2, 20), new(2025, 5, 22)),
        new("25H", new(2025, 8, 28), new(2025, 11, 27)),
        new("26F", new(2026, 2, 19), new(2026, 5, 21)),
        new("26H", new(2026, 8, 27), new(2026, 11, 26)),
        new("27F", new(2027, 2, 18), new(2027, 5, 20)),
    ];

    /// <summary>"Mama lernt Deutsch" follows the Volkshochschule's semesters.</summary>
    private static readonly Term[] Semesters =
    [
        new("24S", new(2024, 2, 5), new(2024, 6, 28)),
        new("24W", new(2024, 9, 2), new(2025, 1, 31)),
        new("25S", new(2025, 2, 10), new(2025, 6, 27)),
        new("25W", new(2025, 9, 1), new(2026, 1, 30)),
        new("26S", new(2026, 2, 9), new(2026, 6, 26)),
        new("26W", new(2026, 8, 31), new(2027, 1, 29)),
        new("27S", new(2027, 2, 8), new(2027, 6, 25)),
    ];

    /// <summary>Public holidays in Hesse (with Corpus Christi) and the KiEZ's closure between Christmas and New Year.</summary>
    private static readonly DateOnly[] Holidays =
    [
        new(2024, 1, 1), new(2024, 3, 29), new(2024, 4, 1), new(2024, 5, 1), new(2024, 5, 9), new(2024, 5, 20), new(2024, 5, 30), new(2024, 10, 3),
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 1), new(2025, 5, 29), new(2025, 6, 9), new(2025, 6, 19), new(2025, 10, 3),
        new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25), new(2026, 6, 4),
        new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 6), new(2027, 5, 17), new(2027, 5, 27),
        .. DemoCalendar.Days([(new(2024, 12, 23), new(2025, 1, 3)), (new(2025, 12, 22), new(2026, 1, 2)), (new(2026, 12, 23), new(2027, 1, 5))]),
    ];

    /// <summary>Hessian school holidays besides the summer: homework help and language courses pause, the KiEZ stay open.</summary>
    private static readonly DateOnly[] SchoolHolidays =
    [
        .. DemoCalendar.Days(
        [
            (new(2024, 3, 25), new(2024, 4, 13)), (new(2024, 10, 14), new(2024, 10, 26)), (new(2024, 12, 23), new(2025, 1, 11)),
            (new(2025, 4, 7), new(2025, 4, 21)), (new(2025, 10, 6), new(2025, 10, 18)), (new(2025, 12, 22), new(2026, 1, 10)),
            (new(2026, 3, 30), new(2026, 4, 10)), (new(2026, 10, 5), new(2026, 10, 17)), (new(2026, 12, 23), new(2027, 1, 12)),
            (new(2027, 3, 29), new(2027, 4, 9)),
        ]),
    ];

    private const string ParentCafe = "WI-ELTERNCAFE";
    private const string ToddlerGroup = "WI-KRABBELGRUPPE";
    private const string OnlineUrl = "https://www.wiesbaden.de/kiez/online";

    /// <summary>KiEZ in focus areas with a Babytreff, a Lernwerkstatt and a "Mama lernt Deutsch" course.</summary>
    private static readonly string[] BabyGroups = ["KIEZ-WES", "KIEZ-KLA", "KIEZ-SCH", "KIEZ-BIE", "KIEZ-GRA", "KIEZ-KAS"];
    private static readonly string[] Workshops = ["KIEZ-WES", "KIEZ-KLA", "KIEZ-SCH", "KIEZ-BIE", "KIEZ-KAS"];
    private static readonly string[] LanguageCourses = ["KIEZ-WES", "KIEZ-BIE", "KIEZ-SCH", "KIEZ-KAS"];
    private static readonly string[] Griffbereit = ["KIEZ-WES", "KIEZ-RHG", "KIEZ-SAU", "MAURITIUS"];
    private static readonly string[] SocialAdvice = ["KIEZ-WES", "KIEZ-KLA", "KIEZ-BIE", "KIEZ-GRA", "KIEZ-KAS"];

    private static List<Offering> Offerings(List<Centre> centres, DemoCatalogue catalogue, DateOnly today)
    {
        var kiez = centres.Where(c => c.Type == CentreType.FamilyCentre).ToList();
        Centre Site(string code) => centres.Single(c => c.Code == code);
        var counselling = Site("BERATUNG");
        var familyEducation = Site("FBS");

        var offerings = new List<Offering>();
        Offering Add(string programme, Centre centre, string? room, string code, Term term, Schedule schedule, int? capacity, bool schoolHolidays = false)
        {
            var closure = centre.Code == ClosedCentre ? DemoCalendar.Days(ClosedFrom, ClosedUntil) : Enumerable.Empty<DateOnly>();
            var excluded = Holidays.Concat(closure).Concat(schoolHolidays ? SchoolHolidays : []);
            var offering = new Offering
            {
                Code = code,
                Programme = catalogue.Programme(programme),
                Centre = centre,
                Room = room is null ? null : centre.Rooms.Single(r => r.Name == room),
                Schedule = schedule with { ExcludedDates = DemoCalendar.Within(excluded, schedule.StartDate, schedule.EndDate) },
                Capacity = capacity,
                Status = OfferingStatus.Scheduled,
                PublicationState = term.End < today ? PublicationState.Archived : PublicationState.Published,
            };
            offerings.Add(offering);
            return offering;
        }
        Schedule Weekly(Term term, Weekdays days, TimeOnly start, TimeOnly end) => Schedule.Weekly(term.Start, term.End, days, start, end);

        foreach (var year in Years)
        {
            for (var i = 0; i < kiez.Count; i++)
            {
                var centre = kiez[i];
                var code = centre.Code["KIEZ-".Length..];
                Add(ParentCafe, centre, CafeRoom, $"CAFE-{code}-{year.Tag}", year,
                    Weekly(year, i % 2 == 0 ? Weekdays.Wednesday : Weekdays.Tuesday, At(9), At(11)), null);
                if (i % 2 == 0)
                {
                    Add(ToddlerGroup, centre, PlayRoom, $"KRABBEL-{code}-{year.Tag}", year, Weekly(year, Weekdays.Monday, At(9, 30), At(11)), null);
                }
                else
                {
                    Add("WI-ELTERN-KIND", centre, PlayRoom, $"EKG-{code}-{year.Tag}", year,
                        Weekly(year, Weekdays.Tuesday | Weekdays.Thursday, At(9, 30), At(11)), 10);
                }
                if (centre.Code != "KIEZ-KOS")
                {
                    Add("WI-ERZIEHUNGSBERATUNG", centre, CounsellingRoom, $"EB-{code}-{year.Tag}", year,
                        Weekly(year, Weekdays.Monday, At(14), At(16)), null);
                }
                if (BabyGroups.Contains(centre.Code))
                {
                    Add("WI-BABYTREFF", centre, PlayRoom, $"BABY-{code}-{year.Tag}", year, Weekly(year, Weekdays.Wednesday, At(14), At(15, 30)), 10);
                }
                if (Workshops.Contains(centre.Code))
                {
                    Add("WI-LERNWERKSTATT", centre, CafeRoom, $"LERN-{code}-{year.Tag}", year,
                        Weekly(year, Weekdays.Tuesday | Weekdays.Thursday, At(14, 30), At(16)), 12, schoolHolidays: true);
                }
                if (SocialAdvice.Contains(centre.Code))
                {
                    Add("WI-SOZIALBERATUNG", centre, CounsellingRoom, $"SB-{code}-{year.Tag}", year,
                        Weekly(year, Weekdays.Thursday, At(13), At(15)), null);
                }
                if (Griffbereit.Contains(centre.Code))
                {
                    Add("WI-GRIFFBEREIT", centre, PlayRoom, $"GRIFF-{code}-{year.Tag}", year, Weekly(year, Weekdays.Friday, At(9, 30), At(11)), 10);
                }
                if (centre.Rooms.Exists(r => r.Name == MovementRoom))
                {
                    // Where the KiEZ opens on Saturday, families come together at the weekend.
                    var saturday = centre.OpeningHours.Exists(h => h.Day == DayOfWeek.Saturday);
                    Add("WI-BEWEGUNG", centre, MovementRoom, $"BEW-{code}-{year.Tag}", year,
                        saturday ? Weekly(year, Weekdays.Saturday, At(10), At(11)) : Weekly(year, Weekdays.Friday, At(15), At(16)), 15);
                }
            }
            var library = Site("MAURITIUS");
            Add("WI-GRIFFBEREIT", library, ChildrensLibrary, $"GRIFF-MAURITIUS-{year.Tag}", year, Weekly(year, Weekdays.Friday, At(10), At(11, 30)), 10);

            // Online offers of the counselling centre for all KiEZ families: a weekly video consultation and a monthly parents' evening.
            Online(Add("WI-ONLINE-BERATUNG", counselling, null, $"ONLINE-EB-{year.Tag}", year, Weekly(year, Weekdays.Wednesday, At(18), At(19, 30)), null));
            var evenings = DemoCalendar.FirstOfEachMonth(DayOfWeek.Tuesday, year.Start, year.End.AddDays(-7))
                .Select(d => d.AddDays(7)).Except(Holidays).Except(SchoolHolidays).ToList();
            Online(Add("WI-ONLINE-ELTERNABEND", counselling, null, $"ONLINE-EA-{year.Tag}", year with { End = evenings.Max() },
                Schedule.OnDates(evenings, At(19, 30), At(21)), 40));
        }
        // Online offers belong to the counselling centre (its staff log them); families join from home through the video room.
        static void Online(Offering offering)
        {
            offering.IsOnline = true;
            offering.OnlineUrl = OnlineUrl;
        }

        for (var t = 0; t < CourseTerms.Length; t++)
        {
            var term = CourseTerms[t];
            for (var j = 0; j < 2; j++)
            {
                var centre = kiez[(t * 3 + j * 5) % kiez.Count];
                Add("WI-STARKE-ELTERN", centre, CafeRoom, $"SESK-{centre.Code["KIEZ-".Length..]}-{term.Tag}", term,
                    Weekly(term, Weekdays.Thursday, At(18), At(20)), 12, schoolHolidays: true);
            }
            Add("WI-STARKE-ELTERN", familyEducation, SeminarRoom, $"SESK-FBS-{term.Tag}", term,
                Weekly(term, Weekdays.Tuesday, At(19), At(21)), 14, schoolHolidays: true);

            // A Saturday in the first full month of the term.
            var month = new DateOnly(term.Start.Year, term.Start.Month, 1).AddMonths(1);
            var day = DemoCalendar.FirstOfEachMonth(DayOfWeek.Saturday, month, month.AddMonths(1)).First().AddDays(7);
            Add("WI-ERSTE-HILFE", familyEducation, SeminarRoom, $"EHK-FBS-{term.Tag}", term with { Start = day, End = day },
                Schedule.OnDates([day], At(9), At(15)), 16);
        }
        foreach (var semester in Semesters)
        {
            foreach (var code in LanguageCourses)
            {
                var centre = Site(code);
                Add("WI-MAMA-DEUTSCH", centre, CafeRoom, $"MLD-{code["KIEZ-".Length..]}-{semester.Tag}", semester,
                    Weekly(semester, Weekdays.Monday | Weekdays.Friday, At(8, 45), At(11, 15)), 14, schoolHolidays: true);
            }
        }

        // This KiEZ year's movement group in the Sauerland never got going, and the first evening course of spring 2027 is booked out.
        var cancelled = offerings.Single(o => o.Code == "BEW-SAU-26");
        cancelled.Status = OfferingStatus.Cancelled;
        cancelled.StatusNote = "Entfällt in diesem KiEZ-Jahr: Die Übungsleitung hat aufgehört, eine neue wird gesucht.";
        var full = offerings.First(o => o.Programme.Code == "WI-STARKE-ELTERN" && o.Code.EndsWith("-27F", StringComparison.Ordinal));
        full.Status = OfferingStatus.Full;
        full.StatusNote = "Ausgebucht. Das KiEZ führt eine Warteliste für den Herbstkurs.";
        return offerings;
    }

    // ---- Categories and programmes -----------------------------------------------------------------------

    private static readonly string[] CategoryLanguages = [Languages.German, Languages.English];

    private static readonly CategoryRow[] Categories =
    [
        new("counselling", null, "Beratung", "Counselling"),
        new("parenting-advice", "counselling", "Erziehungsberatung", "Parenting advice"),
        new("social-advice", "counselling", "Sozialberatung", "Social advice"),
        new("parent-education", null, "Elternbildung", "Parent education"),
        new("parenting-courses", "parent-education", "Elternkurse", "Parenting courses"),
        new("language-courses", "parent-education", "Sprachkurse für Eltern", "Language courses for parents"),
        new("first-aid", "parent-education", "Erste Hilfe", "First aid"),
        new("meeting-places", null, "Begegnung", "Meeting places"),
        new("parent-cafes", "meeting-places", "Elterncafés", "Parent cafés"),
        new("parent-child-groups", "meeting-places", "Eltern-Kind-Gruppen", "Parent and child groups"),
        new("toddler-groups", "parent-child-groups", "Krabbelgruppen", "Toddler groups"),
        new("early-help", null, "Frühe Hilfen", "Early help"),
        new("baby-groups", "early-help", "Babytreffs", "Baby groups"),
        new("learning", null, "Sprache und Lernen", "Language and learning"),
        new("language-support", "learning", "Sprachförderung", "Language support"),
        new("homework-help", "learning", "Hausaufgabenhilfe", "Homework help"),
        new("movement", null, "Bewegung", "Movement"),
        new("online", null, "Online-Angebote", "Online offers"),
        new("online-parents-evenings", "online", "Online-Elternabende", "Online parents' evenings"),
        new("online-counselling", "online", "Digitale Beratung", "Online counselling"),
        new("neighbourhood-help", "meeting-places", "Nachbarschaftshilfe", "Neighbourhood help"),
    ];

    private const Audience ChildrenAndParents = Audience.Children | Audience.Parents;

    private static readonly ProgrammeRow[] Programmes =
    [
        new(ParentCafe, ProgrammeType.OpenMeeting, "parent-cafes", ChildrenAndParents, 0, 72)
        {
            Languages = ["de", "tr", "ar"], LastCheckedOn = new(2026, 10, 12), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Elterncafé im KiEZ",
                    "Offener Treffpunkt für Mütter, Väter und Kinder im Stadtteil: Frühstück, Austausch und Fragen an das KiEZ-Team.",
                    "Einmal in der Woche öffnet das Kinder-Eltern-Zentrum sein Elterncafé. Eltern kommen mit ihren Kindern zu Kaffee, Tee und Frühstück, lernen andere Familien aus der Nachbarschaft kennen und können ganz nebenbei Fragen zu Kita, Schule, Gesundheit oder Behördenpost stellen.\n\n" +
                    "Das Elterncafé ist kostenlos und ohne Anmeldung. Gezählt wird nur, wie viele Erwachsene und Kinder gekommen sind.")
                { RegistrationNote = "Ohne Anmeldung – einfach vorbeikommen." },
                new("en", "Parent café at the KiEZ",
                    "An open meeting place for mothers, fathers and children in the neighbourhood: breakfast, a chat and questions for the KiEZ team.",
                    "Once a week the child and parent centre opens its parent café. Parents come with their children for coffee, tea and breakfast, meet other families from the neighbourhood and can ask about Kita, school, health or letters from public offices along the way.\n\n" +
                    "The café is free and needs no registration. Only the number of adults and children is counted.")
                { RegistrationNote = "No registration – just drop in." },
            ],
        },
        new(ToddlerGroup, ProgrammeType.OpenMeeting, "toddler-groups", ChildrenAndParents, 6, 36)
        {
            Languages = ["de"], LastCheckedOn = new(2026, 10, 12), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Krabbelgruppe",
                    "Montagvormittags spielen, krabbeln und singen – für Kinder bis drei Jahre mit ihren Eltern.",
                    "In der Krabbelgruppe entdecken die Kleinsten den Spielraum des KiEZ: Bälle, Tücher, Bausteine und Bilderbücher. Zum Schluss singen alle gemeinsam. Die Eltern tauschen sich aus, eine Fachkraft des KiEZ ist dabei.\n\n" +
                    "Die Gruppe ist offen: Sie können jede Woche neu entscheiden, ob Sie kommen. Bitte Stoppersocken mitbringen.")
                { RegistrationNote = "Ohne Anmeldung." },
                new("en", "Toddler group",
                    "Monday mornings of play, crawling and songs – for children up to three with their parents.",
                    "In the toddler group the youngest discover the KiEZ playroom: balls, scarves, building blocks and picture books. At the end everyone sings together. Parents share experiences, and a member of the KiEZ team is there.\n\n" +
                    "The group is open: you can decide every week whether to come. Please bring non-slip socks.")
                { RegistrationNote = "No registration." },
            ],
        },
        new("WI-ELTERN-KIND", ProgrammeType.ChildClass, "parent-child-groups", ChildrenAndParents, 12, 42)
        {
            Languages = ["de"], Partners = ["WI-KITAS"], LastCheckedOn = new(2026, 9, 21),
            Texts =
            [
                new("de", "Eltern-Kind-Gruppe „Spielen und Lernen“",
                    "Feste Gruppe zweimal pro Woche für Kinder von einem bis dreieinhalb Jahren mit einem Elternteil – gut vorbereitet in die Kita.",
                    "Eine Erzieherin des KiEZ begleitet die Gruppe durch einen kleinen Vormittag mit Begrüßungskreis, freiem Spiel, Bastelangebot und gemeinsamem Frühstück. Die Kinder gewöhnen sich an andere Kinder und an feste Abläufe, die Eltern bekommen Anregungen für das Spielen zu Hause.\n\n" +
                    "Die Gruppe arbeitet eng mit den Kitas im Stadtteil zusammen und erleichtert so den Übergang in die Kita.")
                { RegistrationNote = "Anmeldung im KiEZ; höchstens zehn Kinder pro Gruppe." },
                new("en", "Parent and child group “Play and learn”",
                    "A regular group twice a week for children from one to three and a half with a parent – well prepared for Kita.",
                    "A KiEZ educator leads the group through a short morning with a welcome circle, free play, crafts and a shared breakfast. Children get used to other children and to routines, and parents take home ideas for play.\n\n" +
                    "The group works closely with the Kitas in the neighbourhood and so eases the move into Kita.")
                { RegistrationNote = "Register at the KiEZ; at most ten children per group." },
            ],
        },
        new("WI-BABYTREFF", ProgrammeType.EarlyHelp, "baby-groups", ChildrenAndParents, 0, 12)
        {
            Languages = ["de", "tr", "ar"], Partners = [Health], LastCheckedOn = new(2026, 10, 5), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Babytreff mit Familienhebamme",
                    "Wöchentlicher Treff für Eltern mit Babys im ersten Lebensjahr, begleitet von einer Familienhebamme des Gesundheitsamts.",
                    "Im Babytreff lernen sich Eltern mit Babys bis zwölf Monate kennen. Eine Familienhebamme des Gesundheitsamts Wiesbaden beantwortet Fragen zu Stillen, Schlafen, Entwicklung und Vorsorgeuntersuchungen; manchmal gibt es kurze Impulse zu Babymassage oder Beikost.\n\n" +
                    "Der Babytreff gehört zu den Frühen Hilfen in Wiesbaden und ist kostenlos.")
                { RegistrationNote = "Einfach vorbeikommen. Für die Statistik der Frühen Hilfen wird die Teilnahme der Babys erfasst." },
                new("en", "Baby group with a family midwife",
                    "A weekly group for parents with babies in their first year, with a family midwife from the public health office.",
                    "Parents with babies up to twelve months get to know each other. A family midwife from the Wiesbaden public health office answers questions about feeding, sleep, development and check-ups, sometimes with a short introduction to baby massage or first foods.\n\n" +
                    "The baby group is part of early help in Wiesbaden and free of charge.")
                { RegistrationNote = "Just come along. Babies' attendance is recorded for the early-help statistics." },
            ],
        },
        new("WI-GRIFFBEREIT", ProgrammeType.LearningSupport, "language-support", ChildrenAndParents, 12, 36)
        {
            Languages = ["de", "tr", "ar", "ru"], Partners = [Library, "WI-KITAS"], LastCheckedOn = new(2026, 9, 14),
            Texts =
            [
                new("de", "Griffbereit – mehrsprachige Eltern-Kind-Gruppe",
                    "Spielen, Singen und Vorlesen in der Familiensprache und auf Deutsch – für Kinder von einem bis drei Jahren mit ihren Eltern.",
                    "Griffbereit stärkt die Sprachentwicklung von Anfang an. Eltern und Kinder treffen sich wöchentlich, lernen Fingerspiele, Lieder und Bilderbücher kennen und bekommen Material mit nach Hause, mit dem sie in ihrer Familiensprache weiterspielen können.\n\n" +
                    "Die Gruppen leiten geschulte Elternbegleiterinnen, die oft selbst mehrsprachig sind. Eine Gruppe trifft sich in der Kinderbibliothek der Mauritius-Mediathek.")
                { RegistrationNote = "Anmeldung im KiEZ oder in der Bibliothek; zehn Kinder pro Gruppe." },
                new("en", "Griffbereit – multilingual parent and child group",
                    "Play, songs and stories in the family language and in German – for children from one to three with their parents.",
                    "Griffbereit supports language development from the start. Parents and children meet weekly, learn finger games, songs and picture books, and take materials home to keep playing in their family language.\n\n" +
                    "Groups are led by trained parent facilitators, many of them multilingual. One group meets in the children's library of the Mauritius-Mediathek.")
                { RegistrationNote = "Register at the KiEZ or the library; ten children per group." },
            ],
        },
        new("WI-LERNWERKSTATT", ProgrammeType.LearningSupport, "homework-help", Audience.Children, 72, 144)
        {
            Languages = ["de"], Partners = ["WI-SCHULAMT"], LastCheckedOn = new(2026, 9, 14),
            Texts =
            [
                new("de", "Lernwerkstatt und Hausaufgabenhilfe",
                    "Zweimal pro Woche nachmittags: Hausaufgaben machen, lesen üben und Lernspiele für Grundschulkinder.",
                    "In der Lernwerkstatt erledigen Grundschulkinder ihre Hausaufgaben mit Unterstützung von pädagogischen Fachkräften und ehrenamtlichen Lernpaten. Danach wird gelesen, gerechnet und gespielt – in kleinen Gruppen und im eigenen Tempo.\n\n" +
                    "Die Lernwerkstatt hält Kontakt zu den Grundschulen im Stadtteil. In den Schulferien findet sie nicht statt.")
                { RegistrationNote = "Anmeldung im KiEZ; zwölf Plätze pro Gruppe." },
                new("en", "Learning workshop and homework help",
                    "Twice a week in the afternoon: homework, reading practice and learning games for primary school children.",
                    "Primary school children do their homework with the help of educators and volunteer learning mentors. Afterwards they read, do sums and play – in small groups and at their own pace.\n\n" +
                    "The workshop keeps in touch with the primary schools in the neighbourhood. It does not meet in the school holidays.")
                { RegistrationNote = "Register at the KiEZ; twelve places per group." },
            ],
        },
        new("WI-BEWEGUNG", ProgrammeType.MovementAndSport, "movement", ChildrenAndParents, 18, 72)
        {
            Languages = ["de"], Partners = ["SPORTKREIS-WI"], LastCheckedOn = new(2026, 9, 28), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Bewegungsbaustelle für Eltern und Kinder",
                    "Klettern, balancieren, toben: eine Stunde Bewegung pro Woche für Kinder von anderthalb bis sechs Jahren mit Mama, Papa oder Oma.",
                    "Übungsleitungen aus Wiesbadener Sportvereinen bauen im Bewegungsraum des KiEZ eine Landschaft aus Matten, Kästen und Rollbrettern auf. Kinder und Erwachsene klettern, balancieren und rutschen gemeinsam.\n\n" +
                    "Wo das KiEZ samstags geöffnet hat, findet die Bewegungsbaustelle am Samstagvormittag statt. Bitte bequeme Kleidung und Stoppersocken mitbringen.")
                { RegistrationNote = "Ohne Anmeldung – bis zu 15 Kinder pro Stunde." },
                new("en", "Movement playground for parents and children",
                    "Climbing, balancing, running about: an hour of movement a week for children from one and a half to six with mum, dad or grandma.",
                    "Coaches from Wiesbaden sports clubs set up a landscape of mats, boxes and scooter boards in the KiEZ movement room. Children and adults climb, balance and slide together.\n\n" +
                    "Where the KiEZ opens on Saturday, the movement playground is on Saturday morning. Please bring comfortable clothes and non-slip socks.")
                { RegistrationNote = "No registration – up to 15 children per hour." },
            ],
        },
        new("WI-STARKE-ELTERN", ProgrammeType.ParentEducation, "parenting-courses", Audience.Parents, 0, 216)
        {
            Price = 20.00m, Languages = ["de"], Partners = [ChildProtection], LastCheckedOn = new(2026, 11, 2),
            Registration = RegistrationMode.ByPhone,
            Texts =
            [
                new("de", "Starke Eltern – Starke Kinder®",
                    "Der Elternkurs des Kinderschutzbundes: zehn Abende zu Erziehung ohne Gewalt, Grenzen setzen und Konflikte lösen.",
                    "Der Kurs stärkt Eltern im Familienalltag. An zehn Abenden geht es um Werte und Ziele in der Erziehung, um Kommunikation in der Familie, um Grenzen und Wege aus Konflikten – mit vielen Übungen und Zeit für den Austausch.\n\n" +
                    "Die Kursleitungen sind vom Deutschen Kinderschutzbund ausgebildet. Während des Kurses ist auf Wunsch eine Kinderbetreuung im KiEZ möglich.")
                {
                    CostNote = "20,00 € für den ganzen Kurs. Mit dem Wiesbadener Sozialausweis oder Leistungen aus dem Bildungs- und Teilhabepaket kostenlos.",
                    RegistrationNote = "Anmeldung telefonisch im KiEZ oder in der Familienbildungsstätte; höchstens 12 Teilnehmende.",
                },
                new("en", "Strong parents – strong children®",
                    "The parenting course of the German Child Protection Association: ten evenings on non-violent parenting, setting limits and solving conflicts.",
                    "The course supports parents in everyday family life. Ten evenings cover values and goals in parenting, communication in the family, limits and ways out of conflict, with plenty of exercises and time to share experiences.\n\n" +
                    "Course leaders are trained by the Child Protection Association. Childcare at the KiEZ is available on request during the sessions.")
                {
                    CostNote = "€20.00 for the whole course. Free with the Wiesbaden social pass or education and participation benefits (BuT).",
                    RegistrationNote = "Register by phone at the KiEZ or the family education centre; at most 12 participants.",
                },
            ],
        },
        new("WI-MAMA-DEUTSCH", ProgrammeType.ParentEducation, "language-courses", Audience.Parents, 0, 72)
        {
            Languages = ["de"], Partners = [AdultEducation], LastCheckedOn = new(2026, 8, 24),
            Texts =
            [
                new("de", "Mama lernt Deutsch",
                    "Deutschkurs für Mütter im KiEZ, zweimal pro Woche vormittags – mit Kinderbetreuung nebenan.",
                    "Im Kurs lernen Mütter Deutsch für den Alltag: beim Kinderarzt, in der Kita, in der Schule und beim Einkaufen. Der Unterricht orientiert sich an den Themen der Teilnehmerinnen und wird von Lehrkräften der Volkshochschule Wiesbaden gehalten.\n\n" +
                    "Während des Kurses werden die kleinen Kinder im Spielraum betreut. Der Kurs folgt den Semestern der Volkshochschule und pausiert in den Schulferien.")
                { RegistrationNote = "Anmeldung im KiEZ; eine kurze Einstufung klärt, welcher Kurs passt." },
                new("en", "Mum learns German",
                    "A German course for mothers at the KiEZ, two mornings a week – with childcare next door.",
                    "Mothers learn everyday German: at the paediatrician's, at Kita and school, and when shopping. Lessons follow the participants' topics and are taught by teachers of the Volkshochschule Wiesbaden.\n\n" +
                    "Young children are looked after in the playroom during the lessons. The course follows the adult education centre's semesters and pauses in the school holidays.")
                { RegistrationNote = "Register at the KiEZ; a short placement talk shows which course fits." },
            ],
        },
        new("WI-ERSTE-HILFE", ProgrammeType.ParentEducation, "first-aid", Audience.Parents, 0, 144)
        {
            Price = 25.00m, Languages = ["de"], Partners = ["DRK-WI"], LastCheckedOn = new(2026, 11, 9),
            Registration = RegistrationMode.Online, RegistrationUrl = "https://www.wiesbaden.de/kiez/erste-hilfe",
            Texts =
            [
                new("de", "Erste Hilfe am Kind",
                    "Samstagskurs für Eltern und Großeltern mit dem DRK: richtig handeln bei Unfällen und Notfällen mit Babys und Kindern.",
                    "An einem Samstag lernen Eltern, Großeltern und Tagespflegepersonen, was bei Verschlucken, Verbrennungen, Stürzen oder Fieberkrämpfen zu tun ist, und üben die Wiederbelebung an Übungspuppen.\n\n" +
                    "Der Kurs wird von Ausbilderinnen und Ausbildern des DRK-Kreisverbands Wiesbaden in der Familienbildungsstätte gegeben.")
                {
                    CostNote = "25,00 € pro Person, Paare 40,00 €. Mit dem Wiesbadener Sozialausweis kostenlos.",
                    RegistrationNote = "Anmeldung online; höchstens 16 Plätze.",
                },
                new("en", "First aid for children",
                    "A Saturday course for parents and grandparents with the Red Cross: what to do in accidents and emergencies with babies and children.",
                    "On a Saturday parents, grandparents and childminders learn what to do when a child chokes, is burned, falls or has a febrile seizure, and practise resuscitation on manikins.\n\n" +
                    "The course is given by trainers of the Wiesbaden Red Cross at the family education centre.")
                {
                    CostNote = "€25.00 per person, €40.00 for a couple. Free with the Wiesbaden social pass.",
                    RegistrationNote = "Register online; at most 16 places.",
                },
            ],
        },
        new("WI-ERZIEHUNGSBERATUNG", ProgrammeType.Counselling, "parenting-advice", Audience.Parents, 0, 216)
        {
            Languages = ["de", "tr", "en"], LastCheckedOn = new(2026, 10, 19), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Offene Sprechstunde der Erziehungsberatung",
                    "Montagnachmittags im KiEZ ohne Termin mit einer Fachkraft der Erziehungsberatung sprechen – vertraulich und kostenlos.",
                    "Wenn es in der Familie schwierig wird, hilft ein erstes Gespräch oft weiter: bei Trotz, Schlafproblemen, Streit unter Geschwistern, Trennung oder Sorgen um die Schule. Fachkräfte der Erziehungsberatungsstelle der Stadt kommen dafür jede Woche ins KiEZ.\n\n" +
                    "Alles bleibt vertraulich. Wenn mehr Beratung nötig ist, wird ein Termin in der Beratungsstelle in der Konradinerallee vereinbart.")
                { RegistrationNote = "Ohne Anmeldung." },
                new("en", "Drop-in parenting advice",
                    "Monday afternoons at the KiEZ: talk to a parenting advisor without an appointment – confidential and free.",
                    "When things get difficult at home, a first conversation often helps: with tantrums, sleep problems, sibling rivalry, separation or worries about school. Advisors from the city's parenting advice centre come to the KiEZ every week.\n\n" +
                    "Everything stays confidential. If more advice is needed, an appointment at the advice centre in Konradinerallee is arranged.")
                { RegistrationNote = "No registration." },
            ],
        },
        new("WI-SOZIALBERATUNG", ProgrammeType.Counselling, "social-advice", Audience.Parents, 0, 216)
        {
            Languages = ["de", "tr", "ar"], LastCheckedOn = new(2026, 10, 19), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Sozialberatung im KiEZ",
                    "Hilfe bei Anträgen, Behördenbriefen und Geldsorgen: Kindergeld, Kinderzuschlag, Wohngeld, Bildungs- und Teilhabepaket.",
                    "In der Sozialberatung helfen Fachkräfte beim Ausfüllen von Anträgen, erklären Bescheide und schauen gemeinsam, welche Leistungen einer Familie zustehen. Bei Bedarf vermitteln sie an Schuldnerberatung, Jobcenter oder Migrationsberatung.\n\n" +
                    "Bitte bringen Sie die Briefe und Unterlagen mit, um die es geht.")
                { RegistrationNote = "Ohne Anmeldung; bei längeren Anliegen wird ein Termin vereinbart." },
                new("en", "Social advice at the KiEZ",
                    "Help with applications, letters from public offices and money worries: child benefit, child supplement, housing benefit, education and participation.",
                    "Advisors help fill in applications, explain decisions and look together at which benefits a family is entitled to. Where needed they refer families to debt counselling, the job centre or migration advice.\n\n" +
                    "Please bring the letters and documents your question is about.")
                { RegistrationNote = "No registration; for longer matters an appointment is made." },
            ],
        },
        new("WI-ONLINE-BERATUNG", ProgrammeType.Counselling, "online-counselling", Audience.Parents, 0, 216)
        {
            Languages = ["de", "en"], LastCheckedOn = new(2026, 11, 2), Registration = RegistrationMode.Online,
            RegistrationUrl = OnlineUrl,
            Texts =
            [
                new("de", "Digitale Sprechstunde",
                    "Mittwochabends per Video: Fragen zu Erziehung und Familienalltag mit einer Fachkraft besprechen – von zu Hause aus.",
                    "Entstanden ist die digitale Sprechstunde in der Corona-Pandemie, als die KiEZe auf kreative Weise Kontakt zu den Familien hielten. Heute nutzen sie vor allem berufstätige Eltern und Familien, die nicht gut ins KiEZ kommen können.\n\n" +
                    "Sie brauchen nur ein Smartphone oder einen Computer mit Kamera. Den Link zum Videoraum bekommen Sie nach der Anmeldung.")
                { RegistrationNote = "Anmeldung online bis Mittwoch 12 Uhr." },
                new("en", "Online consultation",
                    "Wednesday evenings by video: talk about parenting and family life with an advisor – from home.",
                    "The online consultation started during the pandemic, when the KiEZ kept in touch with families in creative ways. Today it is used above all by working parents and families who cannot easily come to the KiEZ.\n\n" +
                    "All you need is a smartphone or a computer with a camera. You receive the link to the video room after registering.")
                { RegistrationNote = "Register online by Wednesday noon." },
            ],
        },
        new("WI-ONLINE-ELTERNABEND", ProgrammeType.ParentEducation, "online-parents-evenings", Audience.Parents, 0, 216)
        {
            Languages = ["de"], Partners = [Health, Library], LastCheckedOn = new(2026, 11, 2), Registration = RegistrationMode.Online,
            RegistrationUrl = OnlineUrl,
            Texts =
            [
                new("de", "Online-Elternabend",
                    "Einmal im Monat dienstags um 19:30 Uhr: ein Thema, eine Expertin, Ihre Fragen – per Video.",
                    "Medienzeit, Schlaf, Trotzphase, Sprachentwicklung, gesunde Ernährung oder der Übergang in die Schule: An jedem Elternabend führt eine Fachkraft – etwa vom Gesundheitsamt oder von den Stadtbibliotheken – kurz in ein Thema ein, danach ist Zeit für Fragen.\n\n" +
                    "Die Kamera kann ausgeschaltet bleiben, Fragen können auch im Chat gestellt werden. Den Link bekommen Sie nach der Anmeldung.")
                { RegistrationNote = "Anmeldung online; bis zu 40 Familien pro Abend." },
                new("en", "Online parents' evening",
                    "Once a month on Tuesday at 7.30 pm: one topic, one expert, your questions – by video.",
                    "Screen time, sleep, tantrums, language development, healthy food or starting school: at each evening an expert – for example from the public health office or the city libraries – introduces a topic, and then there is time for questions.\n\n" +
                    "Your camera can stay off, and questions can also be asked in the chat. You receive the link after registering.")
                { RegistrationNote = "Register online; up to 40 families per evening." },
            ],
        },
        new("WI-SOMMERFERIEN", ProgrammeType.Course, "meeting-places", Audience.Families | Audience.Children, 36, 144)
        {
            Languages = ["de"], State = PublicationState.Draft, LastCheckedOn = new(2026, 11, 23),
            Texts =
            [
                new("de", "KiEZ-Sommerferienprogramm 2027",
                    "Ausflüge, Spiele und Familienfeste in den Sommerferien 2027 – in Planung.",
                    "Entwurf: Die KiEZe planen gemeinsam ein Programm für die Familien, die in den Ferien nicht verreisen.\n\n" +
                    "Orte, Termine und Anmeldung stehen noch nicht fest."),
                new("en", "KiEZ summer holiday programme 2027",
                    "Trips, games and family parties in the 2027 summer holidays – being planned.",
                    "Draft: the KiEZ are planning a programme together for families who do not go away in the holidays.\n\n" +
                    "Places, dates and registration are not fixed yet."),
            ],
        },
        new("WI-BASTELPOST", ProgrammeType.OpenMeeting, "neighbourhood-help", Audience.Families, 24, 144)
        {
            Languages = ["de"], State = PublicationState.Archived, LastCheckedOn = new(2021, 6, 30), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "KiEZ-Bastelpost",
                    "In der Corona-Pandemie hängten die KiEZe Bastelmaterial an die Haustüren der Familien im Stadtteil.",
                    "Als die Treffpunkte geschlossen waren, brachten die KiEZ-Teams jede Woche Tüten mit Bastelmaterial, Anleitungen und Spielideen an die Haustüren der Familien.\n\n" +
                    "Das Angebot endete im Sommer 2021, als die KiEZe wieder öffnen konnten."),
                new("en", "KiEZ craft post",
                    "During the pandemic the KiEZ hung craft kits on the front doors of families in the neighbourhood.",
                    "While the meeting places were closed, the KiEZ teams brought bags of craft materials, instructions and game ideas to families' front doors every week.\n\n" +
                    "The offer ended in summer 2021, when the KiEZ could open again."),
            ],
        },
    ];
}
