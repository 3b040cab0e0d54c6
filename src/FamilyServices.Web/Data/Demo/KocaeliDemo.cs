using FamilyServices.Web.Domain;
using static FamilyServices.Web.Data.Demo.DemoPlaces;
using static FamilyServices.Web.Domain.AccessibilityFeatures;

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

    public static Task<string> LoadAsync(FamilyServicesDb db, TimeProvider clock)
    {
        var today = DemoCalendar.Today(clock, TimeZone);
        if (today.Year < 2026)
        {
            throw new InvalidOperationException("The Kocaeli demo reproduces the whole of 2025, so it needs a clock in 2026 or later.");
        }
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
                Code = "kocaeli", Name = "Kocaeli", DefaultLanguage = Languages.Turkish, TimeZone = TimeZone,
                Currency = "TRY", MapLatitude = 40.7654, MapLongitude = 29.9408,
            },
            Catalogue = catalogue,
            Districts = districts,
            Centres = centres,
            Offerings = Offerings(centres, catalogue, today),
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

    // ---- Organisations and centres -----------------------------------------------------------------------

    private const string Operator = "KBB-KAHDB";

    private static Organisation[] Organisations() =>
    [
        new() { Code = Operator, Name = "Kocaeli Büyükşehir Belediyesi Kadın ve Aile Hizmetleri Dairesi Başkanlığı", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.kocaeli.bel.tr" },
        new() { Code = "KBB-COCUK", Name = "Kocaeli Büyükşehir Belediyesi Çocuk Hizmetleri Şube Müdürlüğü", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.kocaeli.bel.tr" },
        new() { Code = "KOCAELI-MEM", Name = "Kocaeli İl Milli Eğitim Müdürlüğü", Kind = OrganisationKind.Other, Website = "https://kocaeli.meb.gov.tr" },
        new() { Code = "KOCAELI-KUTUPHANE", Name = "Kocaeli İl Halk Kütüphanesi", Kind = OrganisationKind.Library },
        new() { Code = "KBB-SPOR", Name = "Kocaeli Büyükşehir Belediyespor Kulübü", Kind = OrganisationKind.SportsClub },
        new() { Code = "KOCAELI-SAGLIK", Name = "Kocaeli İl Sağlık Müdürlüğü", Kind = OrganisationKind.HealthService, Website = "https://kocaeliism.saglik.gov.tr" },
        new() { Code = "KOU-EGITIM", Name = "Kocaeli Üniversitesi Eğitim Fakültesi", Kind = OrganisationKind.Other, Website = "https://www.kocaeli.edu.tr" },
    ];

    private sealed record CentreRow(
        string Code, string District, string Street, string Postcode, double Latitude, double Longitude, string Phone,
        string[] Accessibility, string[] Languages, bool OpenOnSaturday, int Workshops);

    /// <summary>One Anne Şehir per district. 6 centres run five workshops a year and 6 run four: 54 in all.</summary>
    private static readonly CentreRow[] CentreTable =
    [
        new("IZM", "IZMIT", "Yahya Kaptan Mah. Ahmet Yesevi Cad. No: 12", "41050", 40.7685, 29.9580, "+90 262 318 50 10",
            [StepFree, AccessibleToilet, Lift, PramParking, BabyChanging], ["tr", "en", "ar"], true, 5),
        new("GEB", "GEBZE", "Hacı Halil Mah. Güzeller Cad. No: 45", "41400", 40.8027, 29.4307, "+90 262 642 18 20",
            [StepFree, AccessibleToilet, Lift, HearingLoop, BabyChanging], ["tr", "en", "ku", "ar"], true, 5),
        new("DAR", "DARICA", "Osmangazi Mah. İstasyon Cad. No: 88", "41700", 40.7694, 29.3753, "+90 262 653 40 30",
            [StepFree, PramParking, BabyChanging], ["tr", "ku"], true, 5),
        new("CAY", "CAYIROVA", "Özgürlük Mah. Fatih Cad. No: 21", "41420", 40.8262, 29.3745, "+90 262 743 22 40",
            [StepFree, AccessibleToilet, BabyChanging], ["tr", "ar", "ku"], false, 5),
        new("DIL", "DILOVASI", "Orhangazi Mah. Cumhuriyet Cad. No: 7", "41455", 40.7797, 29.5440, "+90 262 754 61 50",
            [StepFree, BabyChanging], ["tr", "ku", "ar"], false, 4),
        new("KOR", "KORFEZ", "Yavuz Sultan Selim Mah. Atatürk Cad. No: 102", "41780", 40.7761, 29.7369, "+90 262 527 33 60",
            [StepFree, AccessibleToilet, Lift, PramParking], ["tr", "en"], true, 5),
        new("DER", "DERINCE", "Çenedağ Mah. Şehit Ahmet Çetin Cad. No: 5", "41900", 40.7553, 29.8318, "+90 262 233 14 70",
            [StepFree, AccessibleToilet, PramParking, BabyChanging], ["tr"], false, 4),
        new("KRT", "KARTEPE", "Ataevler Mah. Kartepe Cad. No: 34", "41180", 40.7535, 30.0240, "+90 262 371 09 80",
            [StepFree, PramParking], ["tr", "en"], true, 4),
        new("BAS", "BASISKELE", "Yeniköy Merkez Mah. Vezir Cad. No: 16", "41090", 40.7150, 29.9290, "+90 262 344 27 90",
            [StepFree, AccessibleToilet, Lift, BabyChanging], ["tr"], false, 4),
        new("GOL", "GOLCUK", "Merkez Mah. Anafartalar Cad. No: 60", "41650", 40.7170, 29.8200, "+90 262 414 52 15",
            [StepFree, AccessibleToilet, HearingLoop, PramParking, BabyChanging], ["tr", "en"], true, 5),
        new("KRM", "KARAMURSEL", "4 Temmuz Mah. Cumhuriyet Cad. No: 14", "41500", 40.6920, 29.6160, "+90 262 452 30 25",
            [PramParking], ["tr"], false, 4),
        new("KAN", "KANDIRA", "Orhan Mah. Atatürk Cad. No: 27", "41600", 41.0710, 30.1530, "+90 262 511 46 35",
            [StepFree, BabyChanging], ["tr"], false, 4),
    ];

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

    /// <summary>Karamürsel is being repaired this autumn: no sessions there until it reopens.</summary>
    private const string ClosedCentre = "KRM";
    private static readonly DateOnly ClosedFrom = new(2026, 11, 9);
    private static readonly DateOnly ClosedUntil = new(2026, 12, 11);

    private const string WorkshopRoom = "Atölye Salonu";
    private const string Hall = "Çok Amaçlı Salon";
    private const int Classrooms = 6;

    private static Centre Centre(CentreRow row, List<District> districts, DemoCatalogue catalogue)
    {
        var district = districts.Single(d => d.Code == row.District);
        var closed = row.Code == ClosedCentre;
        var weekdays = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;
        return new Centre
        {
            Code = row.Code,
            Name = $"Anne Şehir {district.Name}",
            Type = CentreType.FamilyCentre,
            Operator = catalogue.Organisation(Operator),
            District = district,
            Street = row.Street,
            Postcode = row.Postcode,
            Locality = district.Name,
            Latitude = row.Latitude,
            Longitude = row.Longitude,
            Phone = row.Phone,
            Email = $"annesehir.{row.District.ToLowerInvariant()}@kocaeli.bel.tr",
            Website = "https://www.kocaeli.bel.tr",
            TimeZone = TimeZone,
            AccessibilityFeatures = row.Accessibility,
            LanguagesSpoken = row.Languages,
            Status = closed ? CentreStatus.TemporarilyClosed : CentreStatus.Open,
            StatusReason = closed ? "Bakım onarım çalışması" : null,
            ClosedUntil = closed ? ClosedUntil : null,
            OpeningHours =
            [
                .. Hours(weekdays, At(8, 30), At(17, 30)),
                .. row.OpenOnSaturday ? Hours(Weekdays.Saturday, At(9), At(13)) : Enumerable.Empty<OpeningHours>(),
            ],
            Rooms =
            [
                .. Enumerable.Range(1, Classrooms).Select(n => new Room { Name = $"Sınıf {n}", Kind = RoomKind.Classroom, Capacity = 25 }),
                new Room { Name = WorkshopRoom, Kind = RoomKind.WorkshopRoom, Capacity = 20 },
                new Room { Name = Hall, Kind = RoomKind.Hall, Capacity = 60 },
            ],
        };
    }

    // ---- Offerings ---------------------------------------------------------------------------------------

    private sealed record Term(string Tag, DateOnly Start, DateOnly End);

    /// <summary>Anne yanı and workshops follow the school year; the first one in the demo starts in January 2024.</summary>
    private static readonly Term[] SchoolYears =
    [
        new("23", new(2024, 1, 8), new(2024, 6, 14)),
        new("24", new(2024, 9, 9), new(2025, 6, 20)),
        new("25", new(2025, 9, 8), new(2026, 6, 19)),
        new("26", new(2026, 9, 14), new(2027, 6, 18)),
    ];

    /// <summary>Summer workshops, mornings Monday to Thursday, when school children are free.</summary>
    private static readonly Term[] Summers =
    [
        new("24Y", new(2024, 7, 1), new(2024, 8, 23)),
        new("25Y", new(2025, 6, 30), new(2025, 8, 22)),
        new("26Y", new(2026, 6, 29), new(2026, 8, 21)),
    ];

    /// <summary>Public holidays on weekdays; the centres are closed (Ramazan and Kurban Bayramı move every year).</summary>
    private static readonly DateOnly[] Holidays =
    [
        new(2024, 4, 10), new(2024, 4, 11), new(2024, 4, 12), new(2024, 4, 23), new(2024, 5, 1), new(2024, 7, 15), new(2024, 10, 29),
        new(2025, 1, 1), new(2025, 3, 31), new(2025, 4, 1), new(2025, 4, 23), new(2025, 5, 1), new(2025, 5, 19), new(2025, 6, 6),
        new(2025, 6, 9), new(2025, 7, 15), new(2025, 10, 29),
        new(2026, 1, 1), new(2026, 3, 20), new(2026, 4, 23), new(2026, 5, 1), new(2026, 5, 19), new(2026, 5, 27), new(2026, 5, 28),
        new(2026, 5, 29), new(2026, 7, 15), new(2026, 10, 29),
        new(2027, 1, 1), new(2027, 3, 10), new(2027, 3, 11), new(2027, 3, 12), new(2027, 4, 23), new(2027, 5, 17), new(2027, 5, 18),
        new(2027, 5, 19),
    ];

    /// <summary>Workshop programmes in the order the centres rotate through them, with their short tag for offering codes.</summary>
    private static readonly (string Programme, string Tag)[] Workshops =
    [
        ("KOC-ZUMBA", "ZUM"), ("KOC-DRAMA", "DRA"), ("KOC-MENTAL", "MEN"), ("KOC-SAYILAR", "SAY"), ("KOC-SATRANC", "SAT"),
        ("KOC-RESIM", "RES"), ("KOC-MUZIK", "MUZ"), ("KOC-ROBOTIK", "ROB"), ("KOC-MASAL", "MAS"), ("KOC-HAMUR", "HAM"),
    ];

    private sealed record Slot(string Room, Weekdays Days, TimeOnly Start, TimeOnly End);

    /// <summary>A centre's workshops in a school year take these slots in turn, so no room is double-booked.</summary>
    private static readonly Slot[] WorkshopSlots =
    [
        new(WorkshopRoom, Weekdays.Monday | Weekdays.Wednesday, At(15, 45), At(17, 15)),
        new(WorkshopRoom, Weekdays.Tuesday | Weekdays.Thursday, At(15, 45), At(17, 15)),
        new(Hall, Weekdays.Monday | Weekdays.Wednesday, At(15, 45), At(17, 15)),
        new(Hall, Weekdays.Tuesday | Weekdays.Thursday, At(15, 45), At(17, 15)),
        new(WorkshopRoom, Weekdays.Monday | Weekdays.Wednesday, At(14), At(15, 30)),
    ];

    private static readonly Slot[] SummerSlots =
    [
        new(WorkshopRoom, Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, At(10), At(11, 30)),
        new(WorkshopRoom, Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, At(13, 30), At(15)),
        new(Hall, Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, At(10), At(11, 30)),
    ];

    private static List<Offering> Offerings(List<Centre> centres, DemoCatalogue catalogue, DateOnly today)
    {
        var offerings = new List<Offering>();
        var weekdays = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;
        for (var year = 0; year < SchoolYears.Length; year++)
        {
            var term = SchoolYears[year];
            for (var c = 0; c < centres.Count; c++)
            {
                var centre = centres[c];
                for (var n = 1; n <= Classrooms; n++)
                {
                    // Four morning groups and two afternoon groups per centre.
                    var (start, end) = n <= 4 ? (At(9, 30), At(11, 30)) : (At(13, 30), At(15, 30));
                    offerings.Add(Offering(catalogue.Programme("KOC-ANNEYANI"), centre, $"Sınıf {n}", $"{centre.Code}-AY-{term.Tag}-{n}",
                        term, weekdays, start, end, capacity: 20 + (c + n) % 6, today));
                }
                for (var n = 0; n < CentreTable[c].Workshops; n++)
                {
                    var (programme, tag) = Workshops[(c * 3 + year * 2 + n) % Workshops.Length];
                    var slot = WorkshopSlots[n];
                    offerings.Add(Offering(catalogue.Programme(programme), centre, slot.Room, $"{centre.Code}-{tag}-{term.Tag}",
                        term, slot.Days, slot.Start, slot.End, capacity: 16 + (c + n) % 5, today));
                }
                var saturday = CentreTable[c].OpenOnSaturday;
                offerings.Add(Offering(catalogue.Programme("KOC-BULUSMA"), centre, Hall, $"{centre.Code}-BS-{term.Tag}",
                    term, saturday ? Weekdays.Saturday : Weekdays.Thursday, At(10), At(11, 30), capacity: null, today));
            }
        }
        for (var summer = 0; summer < Summers.Length; summer++)
        {
            var term = Summers[summer];
            for (var c = 0; c < centres.Count; c++)
            {
                for (var n = 0; n < SummerSlots.Length; n++)
                {
                    var (programme, tag) = Workshops[(c + summer * 4 + n * 3) % Workshops.Length];
                    var slot = SummerSlots[n];
                    offerings.Add(Offering(catalogue.Programme(programme), centres[c], slot.Room, $"{centres[c].Code}-{tag}-{term.Tag}",
                        term, slot.Days, slot.Start, slot.End, capacity: 20, today));
                }
            }
        }

        // One current workshop never started and one Anne yanı class is full, so both states show in the portal.
        var cancelled = offerings.First(o => o.Code.StartsWith("DIL-", StringComparison.Ordinal)
            && o.Code.EndsWith("-26", StringComparison.Ordinal) && o.Programme.Type == ProgrammeType.Workshop);
        cancelled.Status = OfferingStatus.Cancelled;
        cancelled.StatusNote = "Eğitmen temin edilemediği için bu dönem açılamadı.";
        var full = offerings.Single(o => o.Code == "GEB-AY-26-1");
        full.Status = OfferingStatus.Full;
        full.StatusNote = "Kontenjan doldu. Bekleme listesine yazılmak için merkezi arayın.";
        return offerings;
    }

    private static Offering Offering(
        Programme programme, Centre centre, string room, string code, Term term,
        Weekdays days, TimeOnly start, TimeOnly end, int? capacity, DateOnly today)
    {
        var closure = centre.Code == ClosedCentre ? DemoCalendar.Days(ClosedFrom, ClosedUntil) : Enumerable.Empty<DateOnly>();
        return new Offering
        {
            Code = code,
            Programme = programme,
            Centre = centre,
            Room = centre.Rooms.Single(r => r.Name == room),
            Schedule = Schedule.Weekly(term.Start, term.End, days, start, end) with
            {
                ExcludedDates = DemoCalendar.Within(Holidays.Concat(closure), term.Start, term.End),
            },
            Capacity = capacity,
            Status = OfferingStatus.Scheduled,
            PublicationState = term.End < today ? PublicationState.Archived : PublicationState.Published,
        };
    }

    // ---- Categories and programmes -----------------------------------------------------------------------

    private static readonly string[] CategoryLanguages = [Languages.Turkish, Languages.English, Languages.German];

    private static readonly CategoryRow[] Categories =
    [
        new("early-learning", null, "Erken öğrenme", "Early learning", "Frühe Bildung"),
        new("anne-yani", "early-learning", "Anne yanı sınıfları", "Anne yanı classes"),
        new("workshops", null, "Atölyeler", "Workshops", "Workshops"),
        new("movement", "workshops", "Hareket ve dans", "Movement and dance"),
        new("zumba", "movement", "Zumba", "Zumba"),
        new("arts", "workshops", "Sanat", "Arts"),
        new("drama", "arts", "Drama", "Drama"),
        new("painting", "arts", "Resim", "Painting"),
        new("music", "arts", "Müzik ve ritim", "Music and rhythm"),
        new("play-dough", "arts", "Oyun hamuru ve el sanatları", "Play dough and crafts"),
        new("numbers", "workshops", "Sayılar ve zekâ oyunları", "Numbers and mind games"),
        new("mental-arithmetic", "numbers", "Mental aritmetik", "Mental arithmetic"),
        new("fun-numbers", "numbers", "Eğlenceli sayılar", "Fun with numbers"),
        new("chess", "numbers", "Satranç", "Chess"),
        new("science", "workshops", "Bilim ve teknoloji", "Science and technology"),
        new("robotics", "science", "Robotik kodlama", "Robotics and coding"),
        new("stories", "workshops", "Dil ve masal", "Language and stories"),
        new("storytelling", "stories", "Masal atölyesi", "Storytelling"),
        new("parents", null, "Anne ve babalar", "Parents", "Eltern"),
        new("meetups", "parents", "Anne-çocuk buluşmaları", "Parent and child meet-ups"),
    ];

    private const string Free = "Ücretsizdir.";
    private const string FreeEn = "Free of charge.";
    private const string AtCentre = "Kayıt, Anne Şehir merkezlerinde yüz yüze yapılır.";
    private const string AtCentreEn = "Register in person at an Anne Şehir centre.";
    private const Audience ChildrenAndParents = Audience.Children | Audience.Parents;

    private static readonly ProgrammeRow[] Programmes =
    [
        new("KOC-ANNEYANI", ProgrammeType.ChildClass, "anne-yani", ChildrenAndParents, 36, 72)
        {
            Languages = ["tr"], Partners = ["KBB-COCUK", "KOCAELI-MEM"], LastCheckedOn = new(2026, 9, 1),
            Texts =
            [
                new("tr", "Anne yanı sınıfları",
                    "Anneler Anne Şehir'deki kurs ve etkinliklere katılırken 3-6 yaş arası çocukları aynı binada, okul öncesi öğretmenleriyle oyun temelli eğitim alır.",
                    "Anne yanı sınıfları, Anne Şehir merkezlerindeki kurslara ve etkinliklere katılan annelerin 36-72 aylık çocukları içindir. Anneler aynı binadayken çocuklar okul öncesi öğretmenleri eşliğinde oyun, sanat, müzik ve hareket etkinliklerine katılır.\n\n" +
                    "12 Anne Şehir merkezinde toplam 72 sınıf vardır. Sınıflar hafta içi her gün sabah ve öğleden sonra grupları hâlinde çalışır; bir grupta en fazla 25 çocuk bulunur.\n\n" +
                    "Çocuğunuzu kaydettirmek için kimlik bilgileri ve aşı kartıyla size en yakın Anne Şehir merkezine başvurabilirsiniz.")
                {
                    CostNote = Free,
                    RegistrationNote = "Kayıt, Anne Şehir merkezlerinde yüz yüze yapılır. Sınıf dolduğunda bekleme listesine alınırsınız.",
                },
                new("en", "Anne yanı classes",
                    "While mothers take part in courses and activities at an Anne Şehir centre, their children aged 3 to 6 learn through play with pre-school teachers in the same building.",
                    "Anne yanı (\"next to mum\") classes are for children aged 36 to 72 months whose mothers attend a course or activity at an Anne Şehir centre. While their mothers are in the building, the children play, paint, sing and move with qualified pre-school teachers.\n\n" +
                    "The 12 Anne Şehir centres have 72 classrooms between them. Classes run every weekday in morning and afternoon groups of at most 25 children.\n\n" +
                    "To register, bring your child's identity details and vaccination card to your nearest Anne Şehir centre.")
                {
                    CostNote = FreeEn,
                    RegistrationNote = "Register in person at an Anne Şehir centre. When a class is full you can join the waiting list.",
                },
            ],
        },
        new("KOC-ZUMBA", ProgrammeType.Workshop, "zumba", Audience.Children, 60, 144)
        {
            Languages = ["tr", "en"], Partners = ["KBB-SPOR"], LastCheckedOn = new(2026, 9, 15),
            Texts =
            [
                new("tr", "Zumba Kids",
                    "Latin ritimleriyle dans ederek enerji atan, koordinasyonunu ve özgüvenini geliştiren çocuklar için hareket atölyesi.",
                    "Zumba Kids atölyesinde 5-12 yaş arası çocuklar yaşlarına uygun koreografilerle dans eder; eğlenirken kas gücünü, dengesini ve ritim duygusunu geliştirir.\n\n" +
                    "Atölyeler Kocaeli Büyükşehir Belediyespor antrenörleriyle haftada iki gün 90 dakika yapılır. Rahat kıyafet ve spor ayakkabı yeterlidir.")
                { RegistrationNote = AtCentre },
                new("en", "Zumba Kids",
                    "A lively movement workshop where children dance to Latin rhythms and build coordination, stamina and confidence.",
                    "Children aged 5 to 12 dance to choreographies made for their age, having fun while building strength, balance and a sense of rhythm.\n\n" +
                    "Sessions are led with coaches from Kocaeli Büyükşehir Belediyespor, twice a week for 90 minutes. Comfortable clothes and trainers are all your child needs.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-DRAMA", ProgrammeType.Workshop, "drama", Audience.Children, 60, 144)
        {
            Languages = ["tr"], LastCheckedOn = new(2026, 9, 15),
            Texts =
            [
                new("tr", "Drama Atölyesi",
                    "Oyun, doğaçlama ve canlandırmayla çocukların kendini ifade etme ve iletişim becerilerini güçlendiren atölye.",
                    "Drama atölyesinde çocuklar hikâyeleri canlandırır, doğaçlama oyunlar oynar ve duygularını güvenli bir ortamda ifade etmeyi öğrenir.\n\n" +
                    "Atölye; topluluk önünde konuşma, empati ve takım çalışması becerilerini destekler. Dönem sonunda çocuklar ailelerine kısa bir gösteri sunar.")
                { RegistrationNote = AtCentre },
                new("en", "Drama workshop",
                    "Play, improvisation and role-play that help children express themselves and communicate with confidence.",
                    "Children act out stories, play improvisation games and learn to express their feelings in a safe setting.\n\n" +
                    "The workshop builds confidence in speaking up, empathy and teamwork. At the end of each term the children put on a short show for their families.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-MENTAL", ProgrammeType.Workshop, "mental-arithmetic", Audience.Children, 72, 144)
        {
            Languages = ["tr"], Partners = ["KOCAELI-MEM"], LastCheckedOn = new(2026, 10, 1),
            Texts =
            [
                new("tr", "Mental Aritmetik",
                    "Abaküsle başlayıp zihinden hızlı ve doğru hesap yapmayı öğreten, dikkat ve hafızayı güçlendiren atölye.",
                    "Çocuklar önce abaküsle toplama ve çıkarma yapmayı öğrenir, ardından abaküsü zihinlerinde canlandırarak hesap yapar.\n\n" +
                    "Çalışmalar dikkat, odaklanma ve hafızayı güçlendirir. Program, İl Milli Eğitim Müdürlüğü ile uyumlu bir müfredatla 6-12 yaş arası çocuklara yöneliktir.")
                { RegistrationNote = "Okuma yazma bilmek gerekmez; seviye belirleme ilk derste yapılır." },
                new("en", "Mental arithmetic",
                    "Starting with the abacus, children learn to calculate quickly and accurately in their heads, training attention and memory.",
                    "Children first learn to add and subtract on an abacus, then picture the abacus in their minds and calculate without it.\n\n" +
                    "The exercises train attention, concentration and memory. The curriculum follows the provincial education directorate's and is meant for children aged 6 to 12.")
                { RegistrationNote = "Children do not need to read or write to join; their level is checked in the first session." },
            ],
        },
        new("KOC-SAYILAR", ProgrammeType.Workshop, "fun-numbers", Audience.Children, 48, 96)
        {
            Languages = ["tr"], Partners = ["KOU-EGITIM"], LastCheckedOn = new(2026, 10, 1),
            Texts =
            [
                new("tr", "Eğlenceli Sayılar",
                    "Oyunlar, bloklar ve şarkılarla sayılarla tanışan 4-8 yaş arası çocuklar için matematik atölyesi.",
                    "Çocuklar saymayı, karşılaştırmayı ve küçük sayılarla toplamayı oyunlar, bloklar ve şarkılarla öğrenir.\n\n" +
                    "Amaç, matematiği okul öncesinde sevdirmek ve ilkokula hazırlığı desteklemektir. Etkinlikler Kocaeli Üniversitesi Eğitim Fakültesi ile birlikte hazırlanmıştır.")
                { RegistrationNote = AtCentre },
                new("en", "Fun with numbers",
                    "A maths workshop for children aged 4 to 8 who discover numbers through games, blocks and songs.",
                    "Children learn to count, compare and add small numbers through games, building blocks and songs.\n\n" +
                    "The aim is to make maths something children enjoy before they start school. The activities were designed with the Faculty of Education of Kocaeli University.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-SATRANC", ProgrammeType.Workshop, "chess", Audience.Children, 72, 144)
        {
            Languages = ["tr", "en"], Partners = ["KBB-SPOR"], LastCheckedOn = new(2026, 9, 20),
            Texts =
            [
                new("tr", "Satranç",
                    "Taşların hareketinden basit stratejilere, ileriyi düşünmeyi ve sabrı öğreten satranç atölyesi.",
                    "Çocuklar taşların hareketlerini, temel kuralları ve basit stratejileri öğrenir; her derste eğitmen eşliğinde oyun oynar.\n\n" +
                    "Satranç planlama, problem çözme ve sabır gibi becerileri destekler. Her dönemin sonunda merkezler arasında dostluk turnuvası düzenlenir.")
                { RegistrationNote = AtCentre },
                new("en", "Chess",
                    "From how the pieces move to simple strategies: a chess workshop that teaches thinking ahead and patience.",
                    "Children learn how the pieces move, the basic rules and simple strategies, and play games with a coach in every session.\n\n" +
                    "Chess supports planning, problem solving and patience. Each term ends with a friendly tournament between the centres.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-RESIM", ProgrammeType.Workshop, "painting", Audience.Children, 48, 144)
        {
            Languages = ["tr"], LastCheckedOn = new(2026, 9, 20),
            Texts =
            [
                new("tr", "Resim Atölyesi",
                    "Pastel boya, suluboya ve kolajla çocukların hayal gücünü ve el becerilerini geliştiren sanat atölyesi.",
                    "Çocuklar farklı malzemeleri tanır; pastel boya, suluboya ve kolaj teknikleriyle kendi eserlerini üretir.\n\n" +
                    "Çalışmalar ince motor becerilerini ve hayal gücünü destekler. Dönem sonunda çocukların eserleri merkezde sergilenir.")
                { CostNote = "Ücretsizdir; tüm malzemeler merkez tarafından sağlanır.", RegistrationNote = AtCentre },
                new("en", "Painting workshop",
                    "Pastels, watercolours and collage: an art workshop that develops children's imagination and fine motor skills.",
                    "Children get to know different materials and make their own pictures with pastels, watercolours and collage.\n\n" +
                    "The work supports fine motor skills and imagination. At the end of term the children's pictures are exhibited at the centre.")
                { CostNote = "Free of charge; all materials are provided.", RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-MUZIK", ProgrammeType.Workshop, "music", Audience.Children, 48, 120)
        {
            Languages = ["tr"], LastCheckedOn = new(2026, 10, 5),
            Texts =
            [
                new("tr", "Müzik ve Ritim",
                    "Şarkılar, ritim çalgıları ve hareketle çocukların müzik kulağını ve ritim duygusunu geliştiren atölye.",
                    "Çocuklar şarkı söyler, Orff ve ritim çalgılarıyla tanışır, müziğe hareketle eşlik eder.\n\n" +
                    "Atölye dinleme, dikkat ve birlikte üretme becerilerini destekler.")
                { RegistrationNote = AtCentre },
                new("en", "Music and rhythm",
                    "Songs, percussion and movement that develop children's musical ear and sense of rhythm.",
                    "Children sing, get to know Orff and percussion instruments and move to the music.\n\n" +
                    "The workshop trains listening, attention and making something together.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-ROBOTIK", ProgrammeType.Workshop, "robotics", Audience.Children, 84, 144)
        {
            Languages = ["tr", "en"], Partners = ["KOCAELI-MEM", "KOU-EGITIM"], LastCheckedOn = new(2026, 10, 12),
            Registration = RegistrationMode.Online, RegistrationUrl = "https://www.kocaeli.bel.tr",
            Texts =
            [
                new("tr", "Robotik Kodlama",
                    "Blok tabanlı kodlama ve eğitim robotlarıyla algoritmik düşünmeyi öğreten atölye.",
                    "Çocuklar blok tabanlı programlamayla eğitim robotlarını hareket ettirir ve sensörlerle basit projeler geliştirir.\n\n" +
                    "Atölye algoritmik düşünmeyi, problem çözmeyi ve takım çalışmasını destekler. Çalışmalar 7-12 yaş arası çocuklar için iki seviyede yürütülür.")
                { RegistrationNote = "Kontenjan sınırlı olduğundan ön kayıt internetten alınır; kesin kayıt merkezde yapılır." },
                new("en", "Robotics and coding",
                    "Block-based coding and educational robots that teach children to think in algorithms.",
                    "Children program educational robots with blocks and build simple projects with sensors.\n\n" +
                    "The workshop trains algorithmic thinking, problem solving and teamwork. It runs at two levels for children aged 7 to 12.")
                { RegistrationNote = "Places are limited: pre-register online, then confirm at the centre." },
            ],
        },
        new("KOC-MASAL", ProgrammeType.Workshop, "storytelling", Audience.Children, 48, 96)
        {
            Languages = ["tr"], Partners = ["KOCAELI-KUTUPHANE"], LastCheckedOn = new(2026, 10, 12),
            Texts =
            [
                new("tr", "Masal Atölyesi",
                    "Masal dinleyip anlatarak dil gelişimini, dinleme becerisini ve okuma sevgisini destekleyen atölye.",
                    "Çocuklar Kocaeli İl Halk Kütüphanesi'nin seçtiği kitaplardan masallar dinler, kuklalarla canlandırır ve kendi masallarını oluşturur.\n\n" +
                    "Atölye kelime dağarcığını ve dinleme becerisini geliştirir. Ailelere evde birlikte okumak için kitap önerileri verilir.")
                { RegistrationNote = AtCentre },
                new("en", "Storytelling workshop",
                    "Listening to and telling stories to support language, listening skills and a love of reading.",
                    "Children listen to stories from books chosen by the Kocaeli Provincial Public Library, act them out with puppets and make up their own.\n\n" +
                    "The workshop builds vocabulary and listening skills. Families get book suggestions for reading together at home.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-HAMUR", ProgrammeType.Workshop, "play-dough", Audience.Children, 48, 84)
        {
            Languages = ["tr"], LastCheckedOn = new(2026, 10, 20),
            Texts =
            [
                new("tr", "Oyun Hamuru ve Sanat",
                    "Oyun hamuru, kil ve doğal malzemelerle şekil vererek el becerisini ve yaratıcılığı geliştiren atölye.",
                    "4-7 yaş arası çocuklar oyun hamuru, kil ve doğal malzemelerle şekiller, hayvanlar ve küçük maketler yapar.\n\n" +
                    "Çalışmalar ince motor becerilerini, renk ve doku algısını destekler. Oyun hamuru merkezde doğal malzemelerle hazırlanır.")
                { RegistrationNote = AtCentre },
                new("en", "Play dough and art",
                    "Shaping play dough, clay and natural materials to develop dexterity and creativity.",
                    "Children aged 4 to 7 make shapes, animals and small models from play dough, clay and natural materials.\n\n" +
                    "The work supports fine motor skills and a feel for colour and texture. The play dough is made at the centre from natural ingredients.")
                { RegistrationNote = AtCentreEn },
            ],
        },
        new("KOC-BULUSMA", ProgrammeType.OpenMeeting, "meetups", ChildrenAndParents, 0, 72)
        {
            Languages = ["tr", "ar"], Partners = ["KOCAELI-SAGLIK"], LastCheckedOn = new(2026, 11, 2),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("tr", "Anne-Çocuk Buluşma Saati",
                    "Anneler ve küçük çocukları için haftalık açık buluşma: oyun, sohbet ve uzmana soru sorma fırsatı.",
                    "Anne-Çocuk Buluşma Saati, 0-6 yaş arası çocuklar ve anneleri için kayıt gerektirmeyen haftalık bir buluşmadır. Çocuklar oyun köşesinde oynarken anneler birbirleriyle ve merkez çalışanlarıyla sohbet eder.\n\n" +
                    "Ayda bir, İl Sağlık Müdürlüğü'nden bir uzman beslenme, uyku ve gelişim konularındaki soruları yanıtlar.\n\n" +
                    "Katılım yalnızca isimsiz olarak sayılır; çocuklar için kayıt tutulmaz.")
                { RegistrationNote = "Kayıt gerekmez; dilediğiniz hafta gelebilirsiniz." },
                new("en", "Mother and child meet-up",
                    "A weekly open meeting for mothers and young children: play, a chat and a chance to ask an expert.",
                    "The meet-up is a weekly drop-in for children up to 6 and their mothers; no registration needed. Children play in the play corner while mothers talk with each other and with the centre's staff.\n\n" +
                    "Once a month a specialist from the Provincial Health Directorate answers questions about nutrition, sleep and development.\n\n" +
                    "Only an anonymous headcount is taken; no records are kept about the children.")
                { RegistrationNote = "No registration needed; come any week you like." },
            ],
        },
        new("KOC-BILIMKAMP", ProgrammeType.Workshop, "science", Audience.Children, 96, 144)
        {
            Languages = ["tr"], State = PublicationState.Draft, LastCheckedOn = new(2026, 11, 16),
            Texts =
            [
                new("tr", "Yaz Bilim Kampı",
                    "2027 yazı için hazırlanan, deney ve gözlemlerle dolu bir haftalık bilim kampı.",
                    "Taslak: program içeriği ve merkezler henüz kesinleşmedi."),
                new("en", "Summer science camp",
                    "A week of experiments and observation, being prepared for summer 2027.",
                    "Draft: the content and the centres are not final yet."),
            ],
        },
        new("KOC-ORIGAMI", ProgrammeType.Workshop, "arts", Audience.Children, 60, 120)
        {
            Languages = ["tr"], State = PublicationState.Archived, LastCheckedOn = new(2023, 12, 29),
            Texts =
            [
                new("tr", "Origami Atölyesi",
                    "Kâğıt katlama sanatıyla dikkat ve el becerisini geliştiren atölye. 2023 sonunda sona erdi.",
                    "Bu atölye artık düzenlenmiyor; benzer etkinlikler için Resim Atölyesi'ne bakabilirsiniz."),
                new("en", "Origami workshop",
                    "Paper folding to train attention and dexterity. Ended in late 2023.",
                    "This workshop no longer runs; see the painting workshop for similar activities."),
            ],
        },
    ];
}
