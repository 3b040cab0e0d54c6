using FamilyServices.Web.Domain;
using static FamilyServices.Web.Data.Demo.DemoPlaces;
using static FamilyServices.Web.Domain.AccessibilityFeatures;

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
        var centres = CentreTable.Select(row => Centre(row, districts, catalogue, today)).ToList();
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = "leeuwarden", Name = "Leeuwarden", DefaultLanguage = Languages.Dutch, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 53.2012, MapLongitude = 5.7999,
            },
            Catalogue = catalogue,
            Districts = districts,
            Centres = centres,
            Offerings = Offerings(centres, catalogue, today),
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

    // ---- Organisations and centres -----------------------------------------------------------------------

    private const string City = "LWD-GEMEENTE";
    private const string Proloog = "PROLOOG";
    private const string Christian = "PCBO-LWD";
    private const string Catholic = "SKOL";
    private const string Library = "DBIEB";
    private const string Ggd = "GGD-FRYSLAN";

    private static Organisation[] Organisations() =>
    [
        new() { Code = City, Name = "Gemeente Leeuwarden – Kansen voor Kinderen", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.leeuwarden.nl" },
        new() { Code = Proloog, Name = "Stichting Proloog – openbaar primair onderwijs", Kind = OrganisationKind.School },
        new() { Code = Christian, Name = "PCBO Leeuwarden – christelijk primair onderwijs", Kind = OrganisationKind.School },
        new() { Code = Catholic, Name = "Stichting Katholiek Onderwijs Leeuwarden", Kind = OrganisationKind.School },
        new() { Code = "KINDERWOUD", Name = "Kinderwoud kinderopvang", Kind = OrganisationKind.ChildcareProvider },
        new() { Code = "DOOMIJN", Name = "Doomijn kinderopvang", Kind = OrganisationKind.ChildcareProvider },
        new() { Code = Ggd, Name = "GGD Fryslân – Jeugdgezondheidszorg", Kind = OrganisationKind.HealthService, Website = "https://www.ggdfryslan.nl" },
        new() { Code = Library, Name = "DBieb – Bibliotheek Leeuwarden", Kind = OrganisationKind.Library, Website = "https://www.dbieb.nl" },
        new() { Code = "SPORT-BV", Name = "Sport BV Leeuwarden – buurtsportcoaches", Kind = OrganisationKind.SportsClub },
        new() { Code = "SPORT-FRYSLAN", Name = "Sport Fryslân", Kind = OrganisationKind.Other },
        new() { Code = "LAC-FRISIA", Name = "LAC Frisia 1883", Kind = OrganisationKind.SportsClub },
        new() { Code = "KUNSTKADE", Name = "Kunstkade", Kind = OrganisationKind.CulturalInstitution },
        new() { Code = "KEUNSTWURK", Name = "Keunstwurk", Kind = OrganisationKind.CulturalInstitution },
        new() { Code = "NATUURMUSEUM", Name = "Natuurmuseum Fryslân", Kind = OrganisationKind.CulturalInstitution },
        new() { Code = "AMARYLLIS", Name = "Amaryllis – welzijn en wijkteams", Kind = OrganisationKind.WelfareAssociation },
    ];

    /// <summary>How each operator's mail addresses end.</summary>
    private static readonly Dictionary<string, string> Domains = new()
    {
        [Proloog] = "proloog.nl", [Christian] = "pcbo-leeuwarden.nl", [Catholic] = "skol-leeuwarden.nl", [Library] = "dbieb.nl",
    };

    private sealed record CentreRow(
        string Code, string Name, CentreType Type, string Operator, string District, string Street, string Postcode,
        double Latitude, double Longitude, string Phone, string[] Accessibility, string[] Languages);

    /// <summary>
    /// Nine IKCs in the focus areas (two each in Vrijheidswijk and Camminghaburen), three elsewhere in the city and
    /// its villages, two primary schools that offer extra learning time without being an IKC yet, and the central
    /// library in the Blokhuispoort.
    /// </summary>
    private static readonly CentreRow[] CentreTable =
    [
        new("LARIX", "IKC De Larix", CentreType.ChildCentre, Proloog, "HEECHTERP-SCHIERINGEN", "Larixstraat 20", "8924 BK",
            53.2031, 5.8296, "058 213 40 10", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["nl", "fy", "ar", "so"]),
        new("TWIRRE", "IKC De Twirre", CentreType.ChildCentre, Christian, "OOSTERPARKWIJK", "Hollanderdijk 45", "8921 GJ",
            53.2049, 5.8147, "058 213 51 22", [StepFree, AccessibleToilet, BabyChanging], ["nl", "fy", "pl"]),
        new("FLIER", "IKC De Flier", CentreType.ChildCentre, Proloog, "VRIJHEIDSWIJK", "Jan Ligthartstraat 12", "8917 CR",
            53.1879, 5.7718, "058 266 18 30", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["nl", "fy", "ar", "tr"]),
        new("SKIP", "IKC It Skip", CentreType.ChildCentre, Catholic, "VRIJHEIDSWIJK", "Verzetsplein 3", "8917 DE",
            53.1902, 5.7772, "058 266 42 05", [StepFree, PramParking, BabyChanging], ["nl", "en"]),
        new("WESTWIKE", "IKC De Westwike", CentreType.ChildCentre, Proloog, "WESTEINDE", "Spanjaardslaan 130", "8916 AK",
            53.1983, 5.7702, "058 212 77 40", [StepFree, AccessibleToilet, PramParking], ["nl", "fy", "pl"]),
        new("FUGELSANG", "IKC De Fûgelsang", CentreType.ChildCentre, Christian, "BILGAARD", "Pieter Stuyvesantweg 60", "8918 CA",
            53.2196, 5.8004, "058 215 60 60", [StepFree, AccessibleToilet, BabyChanging, HearingLoop], ["nl", "fy", "ar"]),
        new("SINNE", "IKC De Sinnestriel", CentreType.ChildCentre, Proloog, "CAMMINGHABUREN", "Hoekstersingel 40", "8925 HB",
            53.2118, 5.8398, "058 288 13 13", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["nl", "fy", "en", "so"]),
        new("KOMPAS", "IKC Het Kompas", CentreType.ChildCentre, Christian, "CAMMINGHABUREN", "Stoombootkade 7", "8926 PV",
            53.2071, 5.8489, "058 288 25 70", [StepFree, PramParking, BabyChanging], ["nl", "fy"]),
        new("HOVEN", "IKC De Hoven", CentreType.ChildCentre, Catholic, "ACHTER-DE-HOVEN", "Achter de Hoven 150", "8922 AS",
            53.1969, 5.8101, "058 212 09 90", [StepFree, AccessibleToilet], ["nl", "en"]),
        new("KLIMOP", "IKC De Klimop", CentreType.ChildCentre, Christian, "HUIZUM", "Huizumerlaan 110", "8932 BC",
            53.1902, 5.8033, "058 212 36 80", [StepFree, AccessibleToilet, PramParking, BabyChanging], ["nl", "fy"]),
        new("MARREN", "IKC De Marren", CentreType.ChildCentre, Proloog, "ZUIDERBUREN", "Lytse Mar 10", "8936 AR",
            53.1738, 5.8012, "058 288 90 44", [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["nl", "fy", "en"]),
        new("TERP", "IKC De Terp", CentreType.ChildCentre, Proloog, "STIENS", "Haadwei 30", "9051 BG",
            53.2626, 5.7601, "058 257 14 20", [StepFree, PramParking, BabyChanging], ["nl", "fy"]),
        new("WALDEN", "Obs De Wâlden", CentreType.School, Proloog, "ALDLAN-NIJLAN", "Nijlânsdyk 8", "8935 KN",
            53.1826, 5.7952, "058 280 11 50", [StepFree, AccessibleToilet], ["nl", "fy"]),
        new("FEANSTER", "Cbs De Feanster", CentreType.School, Christian, "GROU", "Stasjonsstrjitte 12", "9001 HK",
            53.0948, 5.8355, "0566 62 14 30", [StepFree], ["nl", "fy"]),
        new("BLOKHUIS", "DBieb Blokhuispoort", CentreType.Library, Library, "BINNENSTAD", "Blokhuisplein 40", "8911 LJ",
            53.2006, 5.7890, "058 234 77 77", [StepFree, AccessibleToilet, Lift, HearingLoop, PramParking, BabyChanging], ["nl", "fy", "en", "ar"]),
    ];

    /// <summary>The IKC in Heechterp moves to temporary classrooms while its building is renovated (Heechterp vernieuwt).</summary>
    private const string ClosedCentre = "LARIX";

    private static (DateOnly From, DateOnly Until) Closure(DateOnly today) => (today.AddDays(-10), today.AddDays(25));

    private const string Hall = "Speellokaal";
    private const string LearningRoom = "Leerplein";
    private const string Studio = "Atelier";
    private const string ParentRoom = "Ouderkamer";
    private const string Gym = "Gymzaal";
    private const string Classroom = "Lokaal groep 7/8";
    private const string YouthFloor = "Jeugdafdeling";
    private const string MakerSpace = "Makersplaats";
    private const Weekdays MondayToFriday = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

    private static Centre Centre(CentreRow row, List<District> districts, DemoCatalogue catalogue, DateOnly today)
    {
        var closed = row.Code == ClosedCentre;
        var locality = PostcodeTable.Single(p => p.Code == row.Postcode[..4]).Locality;
        var centre = new Centre
        {
            Code = row.Code,
            Name = row.Name,
            Type = row.Type,
            Operator = catalogue.Organisation(row.Operator),
            District = districts.Single(d => d.Code == row.District),
            Street = row.Street,
            Postcode = row.Postcode,
            Locality = locality,
            Latitude = row.Latitude,
            Longitude = row.Longitude,
            Phone = row.Phone,
            Email = $"{DemoCatalogue.Slug(row.Name, Languages.Dutch)}@{Domains[row.Operator]}",
            Website = row.Operator == Library ? "https://www.dbieb.nl" : "https://www.leeuwarden.nl",
            TimeZone = TimeZone,
            AccessibilityFeatures = row.Accessibility,
            LanguagesSpoken = row.Languages,
            Status = closed ? CentreStatus.TemporarilyClosed : CentreStatus.Open,
            StatusReason = closed ? "Verbouwing: de activiteiten zijn tijdelijk in De Twirre, Hollanderdijk 45." : null,
            ClosedUntil = closed ? Closure(today).Until : null,
        };
        switch (row.Type)
        {
            case CentreType.ChildCentre:
                // Child care in the IKC opens early and closes late; school and extra learning time are in between.
                centre.OpeningHours = [.. Hours(MondayToFriday, At(7, 30), At(18, 30))];
                centre.Rooms =
                [
                    new Room { Name = Hall, Kind = RoomKind.Hall, Capacity = 30 },
                    new Room { Name = LearningRoom, Kind = RoomKind.Classroom, Capacity = 24 },
                    new Room { Name = Studio, Kind = RoomKind.WorkshopRoom, Capacity = 16 },
                    new Room { Name = ParentRoom, Kind = RoomKind.MeetingRoom, Capacity = 14 },
                ];
                break;
            case CentreType.School:
                centre.OpeningHours = [.. Hours(MondayToFriday, At(8), At(17))];
                centre.Rooms =
                [
                    new Room { Name = Gym, Kind = RoomKind.Hall, Capacity = 30 },
                    new Room { Name = Classroom, Kind = RoomKind.Classroom, Capacity = 28 },
                ];
                break;
            default:
                centre.OpeningHours =
                [
                    .. Hours(Weekdays.Monday, At(13), At(18)),
                    .. Hours(Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday, At(10), At(18)),
                    .. Hours(Weekdays.Saturday, At(10), At(17)),
                ];
                centre.Rooms =
                [
                    new Room { Name = YouthFloor, Kind = RoomKind.Playroom, Capacity = 20 },
                    new Room { Name = MakerSpace, Kind = RoomKind.WorkshopRoom, Capacity = 14 },
                ];
                break;
        }
        return centre;
    }

    // ---- Offerings ---------------------------------------------------------------------------------------

    private sealed record Term(string Tag, DateOnly Start, DateOnly End);

    /// <summary>
    /// Extra learning time follows the school year of region Noord; it starts a week after the summer holidays
    /// and stops a week before the next. The demo starts in January 2024, halfway through 2023/24.
    /// </summary>
    private static readonly Term[] Years =
    [
        new("23", new(2024, 1, 8), new(2024, 6, 28)),
        new("24", new(2024, 8, 26), new(2025, 7, 4)),
        new("25", new(2025, 9, 1), new(2026, 7, 10)),
        new("26", new(2026, 9, 7), new(2027, 7, 2)),
    ];

    /// <summary>Parenting courses run in autumn (N, najaar) and spring (V, voorjaar).</summary>
    private static readonly Term[] CourseTerms =
    [
        new("24V", new(2024, 3, 4), new(2024, 4, 22)),
        new("24N", new(2024, 9, 23), new(2024, 11, 25)),
        new("25V", new(2025, 3, 3), new(2025, 4, 14)),
        new("25N", new(2025, 9, 22), new(2025, 11, 24)),
        new("26V", new(2026, 3, 2), new(2026, 4, 20)),
        new("26N", new(2026, 9, 21), new(2026, 11, 23)),
        new("27V", new(2027, 3, 1), new(2027, 4, 19)),
    ];

    /// <summary>School holidays of region Noord and public holidays: no extra learning time.</summary>
    private static readonly DateOnly[] Holidays =
    [
        .. DemoCalendar.Days(
        [
            (new(2024, 2, 17), new(2024, 2, 25)), (new(2024, 3, 29), new(2024, 4, 1)), (new(2024, 4, 27), new(2024, 5, 5)),
            (new(2024, 5, 9), new(2024, 5, 10)), (new(2024, 5, 20), new(2024, 5, 20)),
            (new(2024, 10, 19), new(2024, 10, 27)), (new(2024, 12, 21), new(2025, 1, 5)),
            (new(2025, 2, 15), new(2025, 2, 23)), (new(2025, 4, 18), new(2025, 4, 21)), (new(2025, 4, 26), new(2025, 5, 5)),
            (new(2025, 5, 29), new(2025, 5, 30)), (new(2025, 6, 9), new(2025, 6, 9)),
            (new(2025, 10, 18), new(2025, 10, 26)), (new(2025, 12, 20), new(2026, 1, 4)),
            (new(2026, 2, 14), new(2026, 2, 22)), (new(2026, 4, 3), new(2026, 4, 6)), (new(2026, 4, 25), new(2026, 5, 5)),
            (new(2026, 5, 14), new(2026, 5, 15)), (new(2026, 5, 25), new(2026, 5, 25)),
            (new(2026, 10, 17), new(2026, 10, 25)), (new(2026, 12, 19), new(2027, 1, 3)),
            (new(2027, 2, 20), new(2027, 2, 28)), (new(2027, 3, 26), new(2027, 3, 29)), (new(2027, 4, 24), new(2027, 5, 5)),
            (new(2027, 5, 6), new(2027, 5, 7)), (new(2027, 5, 17), new(2027, 5, 17)),
        ]),
    ];

    private const string LanguageLab = "LWD-TAALLAB";
    private const string Homework = "LWD-HUISWERKKLAS";
    private const string StudySkills = "LWD-LEREN-LEREN";
    private const string Technology = "LWD-TECHNIEKWERKPLAATS";
    private const string Coding = "LWD-CODEERCLUB";
    private const string Culture = "LWD-CULTUURLAB";
    private const string NatureLab = "LWD-NATUURLAB";
    private const string SportAfterSchool = "LWD-SPORT-NA-SCHOOL";
    private const string Toddlers = "LWD-BEWEEGPRET";
    private const string BookStart = "LWD-BOEKSTART";
    private const string YouthHealth = "LWD-JGZ-SPREEKUUR";
    private const string Parenting = "LWD-OPVOEDCURSUS";
    private const string ParentRoomProgramme = "LWD-OUDERKAMER";

    /// <summary>Short tags for offering codes, which have at most 20 characters.</summary>
    private static readonly Dictionary<string, string> Tags = new()
    {
        [LanguageLab] = "TAAL", [Homework] = "HUISW", [StudySkills] = "LEREN", [Technology] = "TECH", [Coding] = "CODE",
        [Culture] = "CULT", [NatureLab] = "NATUUR", [SportAfterSchool] = "SPORT", [Toddlers] = "BEWEEG", [BookStart] = "BOEK",
        [YouthHealth] = "JGZ", [Parenting] = "OPVOED", [ParentRoomProgramme] = "OUDER",
    };

    private static List<Offering> Offerings(List<Centre> centres, DemoCatalogue catalogue, DateOnly today)
    {
        var focus = centres.Where(c => c.District.IsFocusArea).ToList();
        var others = centres.Where(c => !c.District.IsFocusArea && c.Type != CentreType.Library).ToList();
        var library = centres.Single(c => c.Type == CentreType.Library);
        var (closedFrom, closedUntil) = Closure(today);
        var closure = DemoCalendar.Days(closedFrom, closedUntil).ToArray();

        var offerings = new List<Offering>();
        void Add(string programme, Centre centre, string room, Term term, Schedule schedule, int? capacity, string? tag)
        {
            var excluded = Holidays.Concat(centre.Code == ClosedCentre ? closure : []);
            offerings.Add(new Offering
            {
                Code = $"{tag ?? Tags[programme]}-{centre.Code}-{term.Tag}",
                Programme = catalogue.Programme(programme),
                Centre = centre,
                Room = centre.Rooms.Single(r => r.Name == room),
                Schedule = schedule with { ExcludedDates = DemoCalendar.Within(excluded, term.Start, term.End) },
                Capacity = capacity,
                Status = OfferingStatus.Scheduled,
                PublicationState = term.End < today ? PublicationState.Archived : PublicationState.Published,
            });
        }
        // A second offering of a programme at the same centre in the same term needs its own tag.
        void Weekly(string programme, Centre centre, string room, Term term, Weekdays days, TimeOnly start, TimeOnly end, int? capacity, string? tag = null) =>
            Add(programme, centre, room, term, Schedule.Weekly(term.Start, term.End, days, start, end), capacity, tag);
        Weekdays Day(int i) => (Weekdays)(1 << i);
        // After school on Monday, Tuesday, Thursday or Friday; Wednesday is a short school day, so afternoons are free.
        Weekdays AfterSchool(int i) => (i % 4) switch { 0 => Weekdays.Monday, 1 => Weekdays.Tuesday, 2 => Weekdays.Thursday, _ => Weekdays.Friday };

        for (var y = 0; y < Years.Length; y++)
        {
            var year = Years[y];
            // Focus areas: language, homework or study skills, sport, and a workshop that changes every school year.
            for (var i = 0; i < focus.Count; i++)
            {
                var centre = focus[i];
                Weekly(LanguageLab, centre, LearningRoom, year, AfterSchool(i), At(14, 30), At(15, 30), 12);
                Weekly(i % 2 == 0 ? Homework : StudySkills, centre, LearningRoom, year, AfterSchool(i + 1), At(14, 45), At(16, 15), 14);
                Weekly(SportAfterSchool, centre, Hall, year, Weekdays.Wednesday, At(13), At(14, 30), 20);
                string[] workshops = [Technology, Culture, NatureLab];
                Weekly(workshops[(i + y) % workshops.Length], centre, Studio, year, AfterSchool(i + 2), At(14, 30), At(16), 14);
                if (i % 3 == 0) Weekly(Culture, centre, Hall, year, Weekdays.Wednesday, At(14, 45), At(16, 15), 16, "DANS");
                Weekly(Toddlers, centre, Hall, year, Day(i % 5), At(10), At(10, 45), 14);
                Weekly(ParentRoomProgramme, centre, ParentRoom, year, i % 2 == 0 ? Weekdays.Tuesday : Weekdays.Thursday, At(8, 30), At(10), null);
                if (i % 3 == 1) Weekly(YouthHealth, centre, ParentRoom, year, Weekdays.Wednesday, At(9), At(11), null);
            }
            // Elsewhere: sport and one rotating activity.
            for (var i = 0; i < others.Count; i++)
            {
                var centre = others[i];
                var hall = centre.Type == CentreType.School ? Gym : Hall;
                var room = centre.Type == CentreType.School ? Classroom : Studio;
                Weekly(SportAfterSchool, centre, hall, year, Weekdays.Wednesday, At(13, 15), At(14, 30), 20);
                string[] rotating = [Technology, LanguageLab, Culture];
                var programme = rotating[(i + y) % rotating.Length];
                Weekly(programme, centre, room, year, AfterSchool(i), At(14, 30), At(15, 45), programme == LanguageLab ? 12 : 14);
                if (centre.Type == CentreType.School) Weekly(StudySkills, centre, Classroom, year, AfterSchool(i + 2), At(14, 45), At(16), 16);
            }
            Weekly(BookStart, library, YouthFloor, year, Weekdays.Wednesday, At(10), At(10, 45), 12);
            Weekly(BookStart, library, YouthFloor, year, Weekdays.Saturday, At(10, 30), At(11, 15), 12, "BOEKZ");
            Weekly(Coding, library, MakerSpace, year, Weekdays.Wednesday, At(14), At(15, 30), 12);
            Weekly(LanguageLab, library, YouthFloor, year, Weekdays.Saturday, At(13, 30), At(14, 30), 12);
            Weekly(Coding, focus.Single(c => c.Code == "SINNE"), Studio, year, Weekdays.Thursday, At(14, 45), At(16, 15), 12);
        }

        for (var t = 0; t < CourseTerms.Length; t++)
        {
            var term = CourseTerms[t];
            for (var j = 0; j < 2; j++)
            {
                var centre = focus[(t * 2 + j * 5) % focus.Count];
                Weekly(Parenting, centre, ParentRoom, term, Weekdays.Monday, At(19), At(21), 12);
            }
        }

        var full = offerings.Single(o => o.Code == "CODE-BLOKHUIS-26");
        full.Status = OfferingStatus.Full;
        full.StatusNote = "Vol. Meld je kind aan voor de wachtlijst bij de balie van de jeugdafdeling.";
        var cancelled = offerings.Single(o => o.Code == "OPVOED-" + focus[(6 * 2 + 5) % focus.Count].Code + "-27V");
        cancelled.Status = OfferingStatus.Cancelled;
        cancelled.StatusNote = "Gaat niet door: er waren te weinig aanmeldingen. De cursus start opnieuw in het najaar.";
        return offerings;
    }

    // ---- Categories and programmes -----------------------------------------------------------------------

    private static readonly string[] CategoryLanguages = [Languages.Dutch, Languages.English];

    private static readonly CategoryRow[] Categories =
    [
        new("taal", null, "Taal en lezen", "Language and reading"),
        new("taalactiviteiten", "taal", "Taalactiviteiten", "Language activities"),
        new("voorlezen", "taal", "Voorlezen en boeken", "Reading aloud and books"),
        new("leren", null, "Leren en huiswerk", "Learning and homework"),
        new("huiswerkbegeleiding", "leren", "Huiswerkbegeleiding", "Homework support"),
        new("studievaardigheden", "leren", "Studievaardigheden", "Study skills"),
        new("techniek", null, "Techniek en ICT", "Technology and ICT"),
        new("techniek-natuur", "techniek", "Techniek en natuur", "Technology and nature"),
        new("ict", "techniek", "ICT en programmeren", "ICT and coding"),
        new("cultuur", null, "Cultuur", "Culture"),
        new("muziek-dans-theater", "cultuur", "Muziek, dans en theater", "Music, dance and theatre"),
        new("sport", null, "Sport en bewegen", "Sport and movement"),
        new("sport-na-school", "sport", "Sport na school", "Sport after school"),
        new("bewegen-jonge-kinderen", "sport", "Bewegen voor jonge kinderen", "Movement for young children"),
        new("ouders", null, "Ouders en gezin", "Parents and family"),
        new("opvoeden", "ouders", "Opvoeden", "Parenting"),
        new("gezond-opgroeien", "ouders", "Gezond opgroeien", "Healthy growing up"),
        new("ontmoeten", "ouders", "Ontmoeten", "Meeting other parents"),
    ];

    private const Audience ChildrenAndParents = Audience.Children | Audience.Parents;
    private const string KindpakketNl = "Het Kindpakket van de gemeente Leeuwarden vergoedt de eigen bijdrage; vraag ernaar bij het IKC.";
    private const string KindpakketEn = "The City of Leeuwarden's Kindpakket (children's package) covers the contribution; ask at the IKC.";

    private static readonly ProgrammeRow[] Programmes =
    [
        new(LanguageLab, ProgrammeType.LearningSupport, "taalactiviteiten", Audience.Children, 48, 107)
        {
            Languages = ["nl"], Partners = [Library], LastCheckedOn = new(2026, 9, 14),
            Texts =
            [
                new("nl", "Taallab: spelen met woorden",
                    "Een uur per week extra taal op het IKC: verhalen, woordspelletjes en samen praten, voor kinderen van 4 tot 9 jaar.",
                    "In het Taallab werken kinderen in kleine groepjes aan hun woordenschat en aan vertellen. Ze spelen woordspellen, maken samen een verhaal en lezen prentenboeken en informatieve boeken uit de collectie van DBieb. De leesconsulent van de bibliotheek komt regelmatig langs.\n\n" +
                    "Het Taallab hoort bij de extra leertijd van Kansen voor Kinderen. Het IKC nodigt vooral kinderen uit die thuis weinig Nederlands spreken of die een steuntje in de rug kunnen gebruiken, maar ieder kind mag meedoen.")
                { RegistrationNote = "Aanmelden bij de leerkracht of de pedagogisch medewerker van het IKC." },
                new("en", "Language lab: playing with words",
                    "One extra hour of language a week at the IKC: stories, word games and talking together, for children aged 4 to 9.",
                    "In the language lab children work in small groups on their vocabulary and on telling stories. They play word games, make up a story together and read picture books and non-fiction from the DBieb library collection. The library's reading consultant visits regularly.\n\n" +
                    "The language lab is part of the extra learning time of Kansen voor Kinderen (Chances for Children). The IKC especially invites children who speak little Dutch at home or who could use some support, but every child may join.")
                { RegistrationNote = "Register with the teacher or the childcare worker at the IKC." },
            ],
        },
        new(Homework, ProgrammeType.LearningSupport, "huiswerkbegeleiding", Audience.Children, 96, 155)
        {
            Languages = ["nl"], Partners = ["AMARYLLIS"], LastCheckedOn = new(2026, 9, 14),
            Texts =
            [
                new("nl", "Huiswerkklas",
                    "Na school rustig werken aan huiswerk en spreekbeurten, met hulp van een begeleider – voor groep 5 tot en met 8.",
                    "In de huiswerkklas maken kinderen hun huiswerk, oefenen ze voor een toets of bereiden ze een spreekbeurt of werkstuk voor. Een begeleider en vrijwilligers van Amaryllis helpen waar nodig en leren kinderen hoe ze hun werk plannen.\n\n" +
                    "Er is een rustige plek, er zijn laptops en er is iets te drinken. Zo kunnen ook kinderen die thuis weinig ruimte hebben hun werk goed afmaken.")
                { RegistrationNote = "Aanmelden via de leerkracht; de groep heeft plaats voor 14 kinderen." },
                new("en", "Homework club",
                    "Quiet time after school for homework and presentations, with help from a supervisor – for years 5 to 8 of primary school.",
                    "At the homework club children do their homework, practise for a test or prepare a presentation or project. A supervisor and volunteers from Amaryllis help where needed and teach children how to plan their work.\n\n" +
                    "There is a quiet place, there are laptops and something to drink. That way children who have little room at home can finish their work too.")
                { RegistrationNote = "Register through the teacher; the group has room for 14 children." },
            ],
        },
        new(StudySkills, ProgrammeType.LearningSupport, "studievaardigheden", Audience.Children, 108, 155)
        {
            Languages = ["nl"], LastCheckedOn = new(2026, 9, 21),
            Texts =
            [
                new("nl", "Leren leren in groep 7 en 8",
                    "Plannen, samenvatten en leren voor een toets: een training studievaardigheden als voorbereiding op het voortgezet onderwijs.",
                    "Kinderen in groep 7 en 8 oefenen wekelijks met vaardigheden die ze op de middelbare school nodig hebben: een agenda bijhouden, een tekst samenvatten, informatie opzoeken en beoordelen, en slim leren voor een toets.\n\n" +
                    "De training wordt gegeven door leerkrachten van het IKC samen met studenten van de pabo en NHL Stenden. Aan het eind van het jaar presenteren de kinderen een eigen onderzoek.")
                { RegistrationNote = "Aanmelden bij de leerkracht van groep 7 of 8." },
                new("en", "Learning to learn in years 7 and 8",
                    "Planning, summarising and revising for a test: a study-skills course that prepares children for secondary school.",
                    "Children in the last two years of primary school practise every week the skills they will need at secondary school: keeping a planner, summarising a text, finding and judging information, and revising smartly for a test.\n\n" +
                    "The course is taught by the IKC's teachers together with student teachers. At the end of the year the children present a research project of their own.")
                { RegistrationNote = "Register with the teacher of year 7 or 8." },
            ],
        },
        new(Technology, ProgrammeType.Workshop, "techniek-natuur", Audience.Children, 72, 155)
        {
            Languages = ["nl"], LastCheckedOn = new(2026, 9, 7),
            Texts =
            [
                new("nl", "Techniekwerkplaats",
                    "Bouwen, solderen en uitvinden: elke week een nieuwe technische uitdaging voor kinderen van 6 tot 12 jaar.",
                    "In de techniekwerkplaats ontwerpen en bouwen kinderen zelf: een knikkerbaan, een windmolen die een lampje laat branden, een brug die zo veel mogelijk gewicht draagt. Ze werken met echt gereedschap, onder begeleiding van een techniekcoach.\n\n" +
                    "Kinderen leren zo hoe dingen werken en ontdekken of techniek iets voor hen is. De werkplaats draait per schooljaar op een ander IKC, zodat elke wijk aan de beurt komt.")
                { RegistrationNote = "Aanmelden bij het IKC; vol is vol." },
                new("en", "Technology workshop",
                    "Building, soldering and inventing: a new technical challenge every week for children aged 6 to 12.",
                    "In the technology workshop children design and build things themselves: a marble run, a windmill that lights a lamp, a bridge that carries as much weight as possible. They use real tools, guided by a technology coach.\n\n" +
                    "Children learn how things work and find out whether technology suits them. The workshop moves to a different IKC every school year, so every neighbourhood gets its turn.")
                { RegistrationNote = "Register at the IKC; places are limited." },
            ],
        },
        new(Coding, ProgrammeType.Workshop, "ict", Audience.Children, 96, 155)
        {
            Languages = ["nl", "en"], Partners = [Library], LastCheckedOn = new(2026, 10, 5),
            Registration = RegistrationMode.Online, RegistrationUrl = "https://www.dbieb.nl",
            Texts =
            [
                new("nl", "Codeerclub",
                    "Programmeren met Scratch, robots en micro:bits in de Makersplaats van DBieb en op IKC De Sinnestriel, voor kinderen van 8 tot 12.",
                    "In de Codeerclub leren kinderen programmeren: ze maken een eigen spel in Scratch, laten een robot een parcours rijden en bouwen met een micro:bit een alarm of een stappenteller. Ze praten ook over mediawijsheid: wat gebeurt er met wat je online zet?\n\n" +
                    "Laptops en materialen zijn aanwezig. De club wordt begeleid door de mediacoaches van DBieb en vrijwilligers uit de ICT-wereld.")
                { RegistrationNote = "Aanmelden via de website van DBieb; per blok van tien weken." },
                new("en", "Coding club",
                    "Programming with Scratch, robots and micro:bits in DBieb's maker space and at IKC De Sinnestriel, for children aged 8 to 12.",
                    "At the coding club children learn to program: they make their own game in Scratch, drive a robot round a course and build an alarm or a pedometer with a micro:bit. They also talk about media literacy: what happens to what you post online?\n\n" +
                    "Laptops and materials are provided. The club is run by DBieb's media coaches and volunteers from the IT sector.")
                { RegistrationNote = "Register on the DBieb website; in blocks of ten weeks." },
            ],
        },
        new(Culture, ProgrammeType.Workshop, "muziek-dans-theater", Audience.Children, 48, 155)
        {
            Price = 2.50m, Languages = ["nl", "fy"], Partners = ["KUNSTKADE", "KEUNSTWURK"], LastCheckedOn = new(2026, 9, 28),
            Texts =
            [
                new("nl", "Cultuurlab: muziek, dans en theater",
                    "Met docenten van Kunstkade ontdekken kinderen van 4 tot 12 jaar muziek, dans en theater, en sluiten af met een voorstelling.",
                    "Elk blok staat een andere kunstvorm centraal: slagwerk en zingen, hiphop en moderne dans, of theater maken met eigen verhalen. De lessen worden gegeven door vakdocenten van Kunstkade; Keunstwurk helpt de IKC's het aanbod af te stemmen op hun kinderen.\n\n" +
                    "Aan het eind van elk blok laten de kinderen zien wat ze gemaakt hebben, voor ouders en de wijk. Zo ontdekken kinderen talenten die in de klas niet altijd zichtbaar worden.")
                {
                    CostNote = "€ 2,50 per keer als eigen bijdrage. " + KindpakketNl,
                    RegistrationNote = "Aanmelden bij het IKC, per blok van acht weken.",
                },
                new("en", "Culture lab: music, dance and theatre",
                    "With teachers from Kunstkade, children aged 4 to 12 discover music, dance and theatre, ending with a performance.",
                    "Each block focuses on a different art form: percussion and singing, hip hop and modern dance, or making theatre from their own stories. The lessons are taught by specialist teachers from Kunstkade, the city's centre for arts education; Keunstwurk helps the IKCs match the offer to their children.\n\n" +
                    "At the end of each block the children show what they made to parents and the neighbourhood. That way children discover talents that do not always show in class.")
                {
                    CostNote = "€2.50 per session as a contribution. " + KindpakketEn,
                    RegistrationNote = "Register at the IKC, per block of eight weeks.",
                },
            ],
        },
        new(NatureLab, ProgrammeType.Workshop, "techniek-natuur", Audience.Children, 72, 143)
        {
            Languages = ["nl"], Partners = ["NATUURMUSEUM"], LastCheckedOn = new(2026, 8, 31),
            Texts =
            [
                new("nl", "Natuurlab met het Natuurmuseum",
                    "Onderzoeken als een echte bioloog: waterdiertjes, vogels en weidebloemen, samen met educatoren van Natuurmuseum Fryslân.",
                    "In het Natuurlab gaan kinderen van 6 tot 12 jaar op onderzoek uit in de wijk en op het schoolplein. Ze vangen waterdiertjes in de sloot, bekijken ze onder de microscoop, tellen vogels en leren waarom de grutto zo belangrijk is voor Fryslân.\n\n" +
                    "Een keer per blok gaat de groep naar het Natuurmuseum aan de Schoenmakersperk. Het lab wisselt per schooljaar van IKC.")
                { RegistrationNote = "Aanmelden bij het IKC." },
                new("en", "Nature lab with the Natural History Museum",
                    "Investigating like a real biologist: pond creatures, birds and meadow flowers, with educators from the Natuurmuseum Fryslân.",
                    "In the nature lab children aged 6 to 12 go exploring in the neighbourhood and the school grounds. They catch pond creatures in the ditch, look at them under the microscope, count birds and learn why the black-tailed godwit matters so much to Friesland.\n\n" +
                    "Once per block the group visits the Natuurmuseum Fryslân in the city centre. The lab moves to another IKC each school year.")
                { RegistrationNote = "Register at the IKC." },
            ],
        },
        new(SportAfterSchool, ProgrammeType.MovementAndSport, "sport-na-school", Audience.Children, 72, 155)
        {
            Languages = ["nl"], Partners = ["SPORT-BV", "SPORT-FRYSLAN", "LAC-FRISIA"], LastCheckedOn = new(2026, 9, 7),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("nl", "Sport na school met de buurtsportcoach",
                    "Woensdagmiddag sporten in de gymzaal van het IKC: elke periode een andere sport, met de buurtsportcoaches van Sport BV.",
                    "De buurtsportcoaches van Sport BV Leeuwarden laten kinderen van 6 tot 12 jaar kennismaken met steeds een andere sport: atletiek met LAC Frisia, korfbal, judo, hockey of freerunnen. Sportverenigingen uit de wijk geven gastlessen.\n\n" +
                    "Wie een sport leuk vindt, kan daarna bij een club proeftrainen. Sport Fryslân en het Jeugdfonds Sport & Cultuur helpen als het lidmaatschap te duur is.")
                { RegistrationNote = "Geen aanmelding nodig: sportkleding aan en meedoen." },
                new("en", "Sport after school with the neighbourhood sports coach",
                    "Wednesday afternoon sport in the IKC's gym: a different sport each term, with Sport BV's neighbourhood sports coaches.",
                    "The neighbourhood sports coaches of Sport BV Leeuwarden introduce children aged 6 to 12 to a different sport each time: athletics with LAC Frisia, korfball, judo, hockey or free running. Local sports clubs give guest lessons.\n\n" +
                    "Children who enjoy a sport can then try a training session at a club. Sport Fryslân and the Youth Fund for Sport and Culture help when membership costs too much.")
                { RegistrationNote = "No registration: put on sports clothes and join in." },
            ],
        },
        new(Toddlers, ProgrammeType.MovementAndSport, "bewegen-jonge-kinderen", ChildrenAndParents, 30, 71)
        {
            Languages = ["nl", "fy"], Partners = ["SPORT-BV"], LastCheckedOn = new(2026, 10, 12),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("nl", "Beweegpret voor peuters en kleuters",
                    "Klimmen, rollen en dansen in het speellokaal: een ochtend per week bewegen voor kinderen van 2,5 tot 6 jaar, ouders doen mee.",
                    "De buurtsportcoach bouwt in het speellokaal van het IKC een beweeglandschap met banken, matten en ballen. Peuters en kleuters klimmen, rollen, springen en dansen, en hun ouders of grootouders doen mee.\n\n" +
                    "Jonge kinderen die veel bewegen leren beter: ze ontwikkelen hun motoriek, hun evenwicht en hun zelfvertrouwen. Ouders krijgen ideeën mee om thuis en buiten te bewegen.")
                { RegistrationNote = "Zonder aanmelding; neem gemakkelijke kleding en antislipsokken mee." },
                new("en", "Movement fun for toddlers and preschoolers",
                    "Climbing, rolling and dancing in the playroom: one morning a week of movement for children aged 2½ to 6, with their parents.",
                    "The neighbourhood sports coach builds a movement landscape of benches, mats and balls in the IKC's playroom. Toddlers and preschoolers climb, roll, jump and dance, and their parents or grandparents join in.\n\n" +
                    "Young children who move a lot learn better: they develop their motor skills, balance and confidence. Parents take home ideas for moving indoors and outdoors.")
                { RegistrationNote = "No registration; bring comfortable clothes and non-slip socks." },
            ],
        },
        new(BookStart, ProgrammeType.EarlyHelp, "voorlezen", ChildrenAndParents, 0, 47)
        {
            Languages = ["nl", "fy", "ar"], Partners = [Library, Ggd], LastCheckedOn = new(2026, 10, 19),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("nl", "BoekStart: voorlezen met je baby of peuter",
                    "Samen liedjes zingen, rijmpjes doen en prentenboeken lezen in de jeugdafdeling van DBieb, voor ouders met kinderen tot 4 jaar.",
                    "Voorlezen is goed voor de taalontwikkeling, al vanaf de eerste maanden. Tijdens de BoekStart-ochtenden laat een voorleescoach van DBieb zien hoe je voorleest aan een baby of peuter, en ouders leren van elkaar. Er wordt ook in het Fries en Arabisch voorgelezen.\n\n" +
                    "Via het consultatiebureau van de GGD krijgt elke baby een uitnodiging voor een gratis lidmaatschap en een BoekStart-koffertje.")
                { RegistrationNote = "Gewoon binnenlopen; voor kinderen tot 4 jaar met hun ouder of verzorger." },
                new("en", "BookStart: reading with your baby or toddler",
                    "Singing songs, doing rhymes and reading picture books together in DBieb's children's library, for parents with children up to 4.",
                    "Reading aloud supports language development from the first months. At the BookStart mornings a reading coach from DBieb shows how to read to a baby or toddler, and parents learn from each other. Stories are also read in Frisian and Arabic.\n\n" +
                    "Through the GGD's baby clinic every baby gets an invitation for free library membership and a BookStart case of books.")
                { RegistrationNote = "Just drop in; for children up to 4 with their parent or carer." },
            ],
        },
        new(YouthHealth, ProgrammeType.Counselling, "gezond-opgroeien", Audience.Parents, 0, 215)
        {
            Languages = ["nl", "fy", "en"], Partners = [Ggd], LastCheckedOn = new(2026, 10, 19),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("nl", "Inloopspreekuur jeugdgezondheidszorg",
                    "Vragen over groei, eten, slapen of gedrag? Loop zonder afspraak binnen bij de jeugdverpleegkundige van GGD Fryslân op het IKC.",
                    "Elke week is de jeugdverpleegkundige van GGD Fryslân een ochtend op het IKC. Ouders kunnen zonder afspraak langskomen met vragen over de gezondheid, groei en ontwikkeling van hun kind, over eten en slapen, of over opvoeden.\n\n" +
                    "Het gesprek is vertrouwelijk en gratis. Als dat nodig is, maakt de verpleegkundige een afspraak op het consultatiebureau of verwijst ze door naar het wijkteam.")
                { RegistrationNote = "Geen afspraak nodig." },
                new("en", "Drop-in hour of the youth health service",
                    "Questions about growth, food, sleep or behaviour? Drop in without an appointment at the GGD Fryslân youth nurse at the IKC.",
                    "Every week the youth health nurse of GGD Fryslân spends a morning at the IKC. Parents can drop in without an appointment with questions about their child's health, growth and development, about food and sleep, or about parenting.\n\n" +
                    "The conversation is confidential and free. If needed, the nurse makes an appointment at the child health clinic or refers the family to the neighbourhood team.")
                { RegistrationNote = "No appointment needed." },
            ],
        },
        new(Parenting, ProgrammeType.ParentEducation, "opvoeden", Audience.Parents, 24, 155)
        {
            Languages = ["nl"], Partners = ["AMARYLLIS"], LastCheckedOn = new(2026, 8, 24),
            Registration = RegistrationMode.ByPhone,
            Texts =
            [
                new("nl", "Opvoedcursus Positief Opvoeden",
                    "Zes avonden voor ouders van kinderen van 2 tot 12 jaar: minder ruzie, meer plezier, met de opvoedadviseurs van Amaryllis.",
                    "In de cursus Positief Opvoeden (Triple P) leren ouders hoe ze goed gedrag van hun kind stimuleren, duidelijke grenzen stellen en rustig blijven als het lastig wordt. Er is veel ruimte voor eigen vragen en voor ervaringen van andere ouders.\n\n" +
                    "De cursus wordt gegeven door opvoedadviseurs van Amaryllis in de ouderkamer van het IKC. Kinderopvang tijdens de avonden kan in overleg worden geregeld.")
                { RegistrationNote = "Aanmelden telefonisch bij Amaryllis of bij de intern begeleider van het IKC; maximaal 12 ouders." },
                new("en", "Positive Parenting course",
                    "Six evenings for parents of children aged 2 to 12: fewer quarrels, more fun, with Amaryllis's parenting advisors.",
                    "In the Positive Parenting course (Triple P) parents learn how to encourage their child's good behaviour, set clear limits and stay calm when things get difficult. There is plenty of room for their own questions and for other parents' experiences.\n\n" +
                    "The course is given by parenting advisors from Amaryllis, the city's welfare organisation, in the IKC's parents' room. Childcare during the evenings can be arranged.")
                { RegistrationNote = "Register by phone with Amaryllis or with the IKC's special needs coordinator; at most 12 parents." },
            ],
        },
        new(ParentRoomProgramme, ProgrammeType.OpenMeeting, "ontmoeten", ChildrenAndParents, 0, 155)
        {
            Languages = ["nl", "fy", "ar", "so"], Partners = ["AMARYLLIS"], LastCheckedOn = new(2026, 10, 26),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("nl", "Koffieochtend in de ouderkamer",
                    "Elke week koffie, thee en een praatje in de ouderkamer van het IKC, met informatie over school, opvang en de wijk.",
                    "In de ouderkamer ontmoeten ouders elkaar na het brengen van de kinderen. De ouderconsulent van het IKC en de wijkwerker van Amaryllis schuiven aan en helpen met vragen over school, kinderopvang, toeslagen of de buurt.\n\n" +
                    "Soms is er een thema, zoals voorlezen, gezond trakteren of de overstap naar de middelbare school. Jongere broertjes en zusjes zijn welkom. Er wordt alleen geteld hoeveel ouders en kinderen er waren.")
                { RegistrationNote = "Zonder aanmelding; gewoon binnenlopen." },
                new("en", "Coffee morning in the parents' room",
                    "Coffee, tea and a chat in the IKC's parents' room every week, with information about school, childcare and the neighbourhood.",
                    "In the parents' room parents meet after dropping off their children. The IKC's parent liaison and a community worker from Amaryllis join them and help with questions about school, childcare, benefits or the neighbourhood.\n\n" +
                    "Sometimes there is a theme, such as reading aloud, healthy treats or the move to secondary school. Younger brothers and sisters are welcome. Only the number of parents and children is counted.")
                { RegistrationNote = "No registration; just drop in." },
            ],
        },
        new("LWD-ZOMERSCHOOL", ProgrammeType.LearningSupport, "studievaardigheden", Audience.Children, 108, 155)
        {
            Languages = ["nl"], State = PublicationState.Draft, LastCheckedOn = new(2026, 11, 16),
            Texts =
            [
                new("nl", "Zomerschool 2027",
                    "Twee weken in de zomervakantie leren, spelen en op pad voor kinderen van groep 6 tot en met 8 – in voorbereiding.",
                    "Concept: locaties, data en aanmelding zijn nog niet bekend."),
                new("en", "Summer school 2027",
                    "Two weeks of learning, play and trips in the summer holidays for children in years 6 to 8 – being planned.",
                    "Draft: places, dates and registration are not fixed yet."),
            ],
        },
        new("LWD-FRYSK", ProgrammeType.LearningSupport, "taalactiviteiten", Audience.Children, 48, 95)
        {
            Languages = ["fy", "nl"], Partners = ["KEUNSTWURK"], State = PublicationState.InReview, LastCheckedOn = new(2026, 11, 30),
            Texts =
            [
                new("nl", "Frysk foar bern: spelen in het Fries",
                    "Liedjes, verhalen en spelletjes in het Fries voor kinderen van 4 tot 8 jaar – wacht op goedkeuring.",
                    "Het IKC biedt een uur per week Fries aan voor kinderen die de taal thuis spreken en voor kinderen die haar willen leren.\n\n" +
                    "Het aanbod wordt samen met Keunstwurk ontwikkeld en start na goedkeuring."),
                new("en", "Frisian for children: playing in Frisian",
                    "Songs, stories and games in Frisian for children aged 4 to 8 – awaiting approval.",
                    "The IKC offers an hour of Frisian a week for children who speak it at home and for children who want to learn it.\n\n" +
                    "The offer is being developed with Keunstwurk and starts once approved."),
            ],
        },
        new("LWD-SCHAAKCLUB", ProgrammeType.Workshop, "studievaardigheden", Audience.Children, 84, 155)
        {
            Languages = ["nl"], State = PublicationState.Archived, LastCheckedOn = new(2024, 6, 3),
            Texts =
            [
                new("nl", "Schaakclub op school",
                    "Schaken na schooltijd voor groep 4 tot en met 8. Gestopt na het schooljaar 2023/24.",
                    "De schaakclub leerde kinderen vooruit denken en geconcentreerd werken.\n\n" +
                    "Het aanbod is opgegaan in Leren leren in groep 7 en 8."),
                new("en", "School chess club",
                    "Chess after school for years 4 to 8. Ended after the 2023/24 school year.",
                    "The chess club taught children to think ahead and work with concentration.\n\n" +
                    "It has become part of Learning to learn in years 7 and 8."),
            ],
        },
    ];
}
