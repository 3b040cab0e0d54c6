using FamilyServices.Web.Domain;
using static FamilyServices.Web.Data.Demo.DemoPlaces;

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

    public static Task<string> LoadAsync(FamilyServicesDb db, TimeProvider clock)
    {
        var today = DemoCalendar.Today(clock, TimeZone);
        return DemoLoader.LoadAsync(db, Build(today), today, new Random(Seed));
    }

    internal static DemoCity Build(DateOnly today)
    {
        // Its own random source, so changing a table here does not reshuffle the attendance.
        var random = new Random(Seed + 1);
        var catalogue = new DemoCatalogue(Organisations(), CategoryLanguages, Categories, Programmes);
        var districts = DistrictTable
            .Select(d => DemoPlaces.District(d.Code, d.Name, d.IsFocusArea, d.Children2025, BandShares, YearlyChange)).ToList();
        var centres = Centres(districts, catalogue, random);
        return new DemoCity
        {
            Profile = new CityProfile
            {
                Code = "herne", Name = "Herne", DefaultLanguage = Languages.German, TimeZone = TimeZone,
                Currency = "EUR", MapLatitude = 51.5388, MapLongitude = 7.2257,
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

    // ---- Organisations and centres -----------------------------------------------------------------------

    private const string City = "HERNE-FB-KJF";

    private static Organisation[] Organisations() =>
    [
        new() { Code = City, Name = "Stadt Herne – Fachbereich Kinder, Jugend und Familie", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.herne.de" },
        new() { Code = "HERNE-FB-SCHULE", Name = "Stadt Herne – Fachbereich Schule und Weiterbildung", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.herne.de" },
        new() { Code = "HERNE-GESUNDHEIT", Name = "Stadt Herne – Fachbereich Gesundheit", Kind = OrganisationKind.HealthService, Website = "https://www.herne.de" },
        new() { Code = "HERNE-KI", Name = "Kommunales Integrationszentrum Herne", Kind = OrganisationKind.MunicipalDepartment, Website = "https://www.herne.de" },
        new() { Code = "SYMBIOUN", Name = "symbioun", Kind = OrganisationKind.Other },
        new() { Code = "SSB-HERNE", Name = "Stadtsportbund Herne e. V.", Kind = OrganisationKind.SportsClub },
        new() { Code = "DKSB-HERNE", Name = "Deutscher Kinderschutzbund Ortsverband Herne", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "AWO", Name = "AWO Unterbezirk Ruhr-Mitte", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "DRK", Name = "DRK-Kreisverband Herne und Wanne-Eickel e. V.", Kind = OrganisationKind.WelfareAssociation },
        new() { Code = "KATH", Name = "Kita Zweckverband im Bistum Essen", Kind = OrganisationKind.ChildcareProvider },
        new() { Code = "EV", Name = "Ev. Kindertageseinrichtungen im Kirchenkreis Herne", Kind = OrganisationKind.ChildcareProvider },
        new() { Code = "STADTBIBLIOTHEK", Name = "Stadtbibliothek Herne", Kind = OrganisationKind.Library, Website = "https://www.herne.de" },
    ];

    /// <summary>How each Kita operator writes its name in front of the Kita's, and its mail domain.</summary>
    private static readonly Dictionary<string, (string Prefix, string Domain)> Operators = new()
    {
        [City] = ("Städtische Kita", "herne.de"),
        ["AWO"] = ("AWO-Kita", "awo-rm.de"),
        ["DRK"] = ("DRK-Kita", "drk-herne.de"),
        ["KATH"] = ("Kath. Kita", "kita-zweckverband.de"),
        ["EV"] = ("Ev. Kita", "ev-kitas-herne.de"),
    };

    private sealed record FamilyCentreRow(string Name, string District, string Street, string Postcode, string Operator, bool OpenOnSaturday);

    private static readonly FamilyCentreRow[] FamilyCentreTable =
    [
        new("Familienzentrum Bickern", "WANNE", "Bickernstraße 58", "44649", City, true),
        new("Familienzentrum Crange", "WANNE", "Cranger Straße 210", "44653", "AWO", false),
        new("Familienzentrum Unser Fritz", "WANNE", "Unser-Fritz-Straße 92", "44653", "KATH", false),
        new("Familienzentrum Eickel", "EICKEL", "Eickeler Straße 41", "44651", "EV", true),
        new("Familienzentrum Röhlinghausen", "EICKEL", "Edmund-Weber-Straße 17", "44651", City, false),
        new("Familienzentrum Holsterhausen", "EICKEL", "Holsterhauser Straße 120", "44652", "DRK", false),
        new("Familienzentrum Hölkeskampring", "HERNE-MITTE", "Hölkeskampring 80", "44625", City, true),
        new("Familienzentrum Baukau", "HERNE-MITTE", "Bebelstraße 65", "44623", "AWO", false),
        new("Familienzentrum Horsthausen", "HERNE-MITTE", "Shamrockstraße 34", "44623", "KATH", false),
        new("Familienzentrum Sodingen", "SODINGEN", "Mont-Cenis-Straße 205", "44627", City, true),
        new("Familienzentrum Börnig", "SODINGEN", "Börniger Straße 22", "44628", "EV", false),
        new("Familienzentrum Herne-Süd", "HERNE-SUED", "Wiescherstraße 38", "44629", City, true),
    ];

    /// <summary>The 56 Kitas taking part in "Olympia ruft", by district and operator.</summary>
    private static readonly (string Name, string District, string Operator)[] KitaTable =
    [
        ("Sonnenschein", "WANNE", City), ("Regenbogen", "WANNE", "AWO"), ("Pusteblume", "WANNE", City),
        ("St. Laurentius", "WANNE", "KATH"), ("Arche Noah", "WANNE", "EV"), ("Zwergenland", "WANNE", "DRK"),
        ("Cranger Kinderhaus", "WANNE", "AWO"), ("Kunterbunt", "WANNE", City), ("St. Joseph", "WANNE", "KATH"),
        ("Spatzennest", "WANNE", City), ("Lutherhaus", "WANNE", "EV"), ("Löwenzahn", "WANNE", "AWO"),
        ("Wirbelwind", "WANNE", "DRK"), ("Am Wanner Markt", "WANNE", City),
        ("Schatzkiste", "EICKEL", City), ("St. Marien", "EICKEL", "KATH"), ("Sternschnuppe", "EICKEL", "AWO"),
        ("Marienkäfer", "EICKEL", City), ("Christuskirche", "EICKEL", "EV"), ("Abenteuerland", "EICKEL", "DRK"),
        ("Purzelbaum", "EICKEL", City), ("Villa Kunterbunt", "EICKEL", "AWO"), ("St. Bonifatius", "EICKEL", "KATH"),
        ("Rappelkiste", "EICKEL", City), ("Farbklecks", "EICKEL", "EV"),
        ("Sonnenblume", "HERNE-MITTE", City), ("Kleine Strolche", "HERNE-MITTE", "AWO"), ("Schmetterling", "HERNE-MITTE", City),
        ("Baumhaus", "HERNE-MITTE", "DRK"), ("Am Stadtgarten", "HERNE-MITTE", City), ("St. Dionysius", "HERNE-MITTE", "KATH"),
        ("Kreuzkirche", "HERNE-MITTE", "EV"), ("Johannes", "HERNE-MITTE", "EV"), ("Hollerbusch", "HERNE-MITTE", "AWO"),
        ("Pfiffikus", "HERNE-MITTE", City), ("Mullewapp", "HERNE-MITTE", City), ("Entdeckerland", "HERNE-MITTE", "DRK"),
        ("Am Flottmann", "HERNE-MITTE", City), ("Shamrock", "HERNE-MITTE", "AWO"), ("Schloss Strünkede", "HERNE-MITTE", City),
        ("Emmaus", "HERNE-MITTE", "EV"),
        ("Traumland", "SODINGEN", City), ("Wichtelhaus", "SODINGEN", "AWO"), ("Zauberwald", "SODINGEN", City),
        ("St. Peter und Paul", "SODINGEN", "KATH"), ("Friedenskirche", "SODINGEN", "EV"), ("Mont Cenis", "SODINGEN", City),
        ("Bärenhöhle", "SODINGEN", "DRK"), ("Glühwürmchen", "SODINGEN", "AWO"),
        ("Sausewind", "HERNE-SUED", City), ("Flohkiste", "HERNE-SUED", "AWO"), ("Wolkenland", "HERNE-SUED", City),
        ("Kleine Hände", "HERNE-SUED", "EV"), ("Vogelnest", "HERNE-SUED", "DRK"), ("Rottbruch", "HERNE-SUED", City),
        ("St. Elisabeth", "HERNE-SUED", "KATH"),
    ];

    /// <summary>The 19 primary schools taking part in "Olympia ruft".</summary>
    private static readonly (string Name, string District)[] SchoolTable =
    [
        ("Grundschule Bickern", "WANNE"), ("Grundschule Crange", "WANNE"), ("Grundschule Unser Fritz", "WANNE"),
        ("Grundschule am Wanner Markt", "WANNE"), ("Grundschule Wanne-Süd", "WANNE"),
        ("Grundschule Eickel", "EICKEL"), ("Grundschule Röhlinghausen", "EICKEL"), ("Grundschule Holsterhausen", "EICKEL"),
        ("Josefschule Eickel", "EICKEL"),
        ("Grundschule Baukau", "HERNE-MITTE"), ("Grundschule Horsthausen", "HERNE-MITTE"), ("Grundschule am Stadtgarten", "HERNE-MITTE"),
        ("Schillerschule", "HERNE-MITTE"), ("Grundschule Strünkede", "HERNE-MITTE"),
        ("Grundschule Sodingen", "SODINGEN"), ("Grundschule Börnig", "SODINGEN"), ("Grundschule Holthausen", "SODINGEN"),
        ("Grundschule Herne-Süd", "HERNE-SUED"), ("Grundschule an der Wiescherstraße", "HERNE-SUED"),
    ];

    private const string MovementRoom = "Bewegungsraum";
    private const string CafeRoom = "Elterncafé";
    private const string GroupRoom = "Gruppenraum";
    private const string ParentRoom = "Elternraum";
    private const string Gym = "Turnhalle";
    private const string CounsellingRoom = "Beratungsraum";
    private const string FamilyOffice = "FAMILIENBUERO";
    private const Weekdays MondayToFriday = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday;

    private static List<Centre> Centres(List<District> districts, DemoCatalogue catalogue, Random random)
    {
        var centres = new List<Centre>();
        for (var i = 0; i < FamilyCentreTable.Length; i++)
        {
            var row = FamilyCentreTable[i];
            var centre = Centre($"FZ-{i + 1:00}", row.Name, CentreType.FamilyCentre, row.Operator, row.District, districts, catalogue, random);
            centre.Street = row.Street;
            centre.Postcode = row.Postcode;
            centre.Email = $"{DemoCatalogue.Slug(row.Name, Languages.German)}@{Operators[row.Operator].Domain}";
            centre.OpeningHours = [.. Hours(MondayToFriday, At(7), At(16, 30))];
            if (row.OpenOnSaturday) centre.OpeningHours.AddRange(Hours(Weekdays.Saturday, At(9, 30), At(13, 30)));
            centre.Rooms =
            [
                new Room { Name = MovementRoom, Kind = RoomKind.Hall, Capacity = 30 },
                new Room { Name = CafeRoom, Kind = RoomKind.MeetingRoom, Capacity = 20 },
                new Room { Name = GroupRoom, Kind = RoomKind.Playroom, Capacity = 15 },
            ];
            centres.Add(centre);
        }
        for (var i = 0; i < KitaTable.Length; i++)
        {
            var (name, district, operatorCode) = KitaTable[i];
            var centre = Centre($"KITA-{i + 1:00}", $"{Operators[operatorCode].Prefix} {name}", CentreType.Kita, operatorCode, district, districts, catalogue, random);
            centre.OpeningHours = [.. Hours(MondayToFriday, At(7), At(16, 30))];
            centre.Rooms =
            [
                new Room { Name = MovementRoom, Kind = RoomKind.Hall, Capacity = 20 },
                new Room { Name = ParentRoom, Kind = RoomKind.MeetingRoom, Capacity = 12 },
            ];
            centres.Add(centre);
        }
        for (var i = 0; i < SchoolTable.Length; i++)
        {
            var (name, district) = SchoolTable[i];
            var centre = Centre($"GS-{i + 1:00}", name, CentreType.School, "HERNE-FB-SCHULE", district, districts, catalogue, random);
            centre.Email = $"{DemoCatalogue.Slug(name, Languages.German)}@schule.herne.de";
            centre.OpeningHours = [.. Hours(MondayToFriday, At(7, 30), At(16))];
            centre.Rooms = [new Room { Name = Gym, Kind = RoomKind.Hall, Capacity = 30 }];
            centres.Add(centre);
        }

        var office = Centre(FamilyOffice, "Familienbüro Herne", CentreType.CommunityCentre, City, "HERNE-MITTE", districts, catalogue, random);
        office.Street = "Friedrich-Ebert-Platz 2";
        office.Postcode = "44623";
        office.Email = "familienbuero@herne.de";
        office.AccessibilityFeatures = [AccessibilityFeatures.StepFree, AccessibilityFeatures.Lift, AccessibilityFeatures.AccessibleToilet, AccessibilityFeatures.HearingLoop];
        office.LanguagesSpoken = ["de", "tr", "ar", "en"];
        office.OpeningHours = [.. Hours(Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday, At(8), At(16)), .. Hours(Weekdays.Friday, At(8), At(12))];
        office.Rooms = [new Room { Name = CounsellingRoom, Kind = RoomKind.MeetingRoom, Capacity = 6 }];
        centres.Add(office);
        return centres;
    }

    /// <summary>Besides German, how often a centre's staff speak each of Herne's larger community languages.</summary>
    private static readonly (string Language, double Share)[] SpokenLanguages = [("tr", 0.5), ("ar", 0.3), ("pl", 0.15), ("ru", 0.15), ("en", 0.4)];

    /// <summary>How often a centre has each accessibility feature; schools rarely have baby changing or pram parking.</summary>
    private static (string Feature, double Share)[] Features(CentreType type) =>
    [
        (AccessibilityFeatures.StepFree, 0.8), (AccessibilityFeatures.AccessibleToilet, 0.6), (AccessibilityFeatures.Lift, 0.2),
        (AccessibilityFeatures.HearingLoop, 0.1), (AccessibilityFeatures.PramParking, type == CentreType.School ? 0.3 : 0.8),
        (AccessibilityFeatures.BabyChanging, type == CentreType.School ? 0.1 : 0.7),
    ];

    /// <summary>A centre somewhere in its district, with an address, features and languages drawn at random.</summary>
    private static Centre Centre(
        string code, string name, CentreType type, string operatorCode, string districtCode,
        List<District> districts, DemoCatalogue catalogue, Random random)
    {
        var row = DistrictTable.Single(d => d.Code == districtCode);
        string[] languages = ["de", .. SpokenLanguages.Where(l => random.NextDouble() < l.Share).Select(l => l.Language)];
        string[] features = [.. Features(type).Where(f => random.NextDouble() < f.Share).Select(f => f.Feature)];
        return new Centre
        {
            Code = code,
            Name = name,
            Type = type,
            Operator = catalogue.Organisation(operatorCode),
            District = districts.Single(d => d.Code == districtCode),
            Street = $"{row.Streets[random.Next(row.Streets.Length)]} {random.Next(1, 180)}",
            Postcode = row.Postcodes[random.Next(row.Postcodes.Length)],
            Locality = "Herne",
            Latitude = Math.Round(row.Latitude + (random.NextDouble() - 0.5) * 0.016, 5),
            Longitude = Math.Round(row.Longitude + (random.NextDouble() - 0.5) * 0.024, 5),
            Phone = $"{row.Phone} {random.Next(10, 99)} {random.Next(100, 999)}",
            Email = Operators.TryGetValue(operatorCode, out var op) ? $"{DemoCatalogue.Slug(name, Languages.German)}@{op.Domain}" : null,
            Website = "https://www.herne.de",
            TimeZone = TimeZone,
            AccessibilityFeatures = features,
            LanguagesSpoken = languages,
            Status = CentreStatus.Open,
        };
    }

    // ---- Offerings ---------------------------------------------------------------------------------------

    private sealed record Term(string Tag, DateOnly Start, DateOnly End);

    /// <summary>Kita and school years, from the end of the summer holidays in NRW; the demo starts in January 2025.</summary>
    private static readonly Term[] Years =
    [
        new("24", new(2025, 1, 7), new(2025, 7, 11)),
        new("25", new(2025, 8, 27), new(2026, 7, 17)),
        new("26", new(2026, 9, 2), new(2027, 7, 16)),
    ];

    /// <summary>Family education courses run twice a year, in spring (F) and autumn (H).</summary>
    private static readonly Term[] CourseTerms =
    [
        new("25F", new(2025, 2, 27), new(2025, 5, 15)),
        new("25H", new(2025, 9, 4), new(2025, 11, 20)),
        new("26F", new(2026, 2, 26), new(2026, 5, 7)),
        new("26H", new(2026, 9, 10), new(2026, 11, 26)),
        new("27F", new(2027, 2, 25), new(2027, 5, 6)),
    ];

    /// <summary>The Saturday first-aid course of each course term (never a first Saturday, which is Familiensamstag).</summary>
    private static readonly DateOnly[] FirstAidSaturdays =
        [new(2025, 3, 15), new(2025, 10, 18), new(2026, 3, 21), new(2026, 10, 17), new(2027, 3, 20)];

    /// <summary>Public holidays in NRW and the Christmas closure: no family service meets.</summary>
    private static readonly DateOnly[] Holidays =
    [
        new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 1), new(2025, 5, 29), new(2025, 6, 9), new(2025, 6, 19),
        new(2025, 10, 3), new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 14), new(2026, 5, 25),
        new(2026, 6, 4), new(2027, 1, 1), new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 6), new(2027, 5, 17), new(2027, 5, 27),
        .. DemoCalendar.Days([(new(2025, 12, 22), new(2026, 1, 6)), (new(2026, 12, 23), new(2027, 1, 6))]),
    ];

    /// <summary>School holidays in NRW besides Christmas: school offerings pause, Kitas stay open.</summary>
    private static readonly DateOnly[] SchoolHolidays =
    [
        .. DemoCalendar.Days(
        [
            (new(2025, 4, 14), new(2025, 4, 26)), (new(2025, 6, 10), new(2025, 6, 10)), (new(2025, 10, 13), new(2025, 10, 25)),
            (new(2026, 3, 30), new(2026, 4, 11)), (new(2026, 5, 26), new(2026, 5, 26)), (new(2026, 10, 17), new(2026, 10, 31)),
            (new(2027, 3, 22), new(2027, 4, 3)),
        ]),
    ];

    private const string Olympia = "HER-OLYMPIA";

    private static List<Offering> Offerings(List<Centre> centres, DemoCatalogue catalogue, DateOnly today)
    {
        var familyCentres = centres.Where(c => c.Type == CentreType.FamilyCentre).ToList();
        var kitas = centres.Where(c => c.Type == CentreType.Kita).ToList();
        var schools = centres.Where(c => c.Type == CentreType.School).ToList();
        var office = centres.Single(c => c.Code == FamilyOffice);
        var saturdays = familyCentres.Where(c => c.OpeningHours.Exists(h => h.Day == DayOfWeek.Saturday)).ToList();
        Weekdays Day(int i) => (Weekdays)(1 << i);

        var offerings = new List<Offering>();
        Offering Add(string programme, Centre centre, string room, string code, Term term, Schedule schedule, int? capacity)
        {
            var offering = new Offering
            {
                Code = code,
                Programme = catalogue.Programme(programme),
                Centre = centre,
                Room = centre.Rooms.Single(r => r.Name == room),
                Schedule = schedule with { ExcludedDates = DemoCalendar.Within(
                    centre.Type == CentreType.School ? Holidays.Concat(SchoolHolidays) : Holidays, term.Start, term.End) },
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
            for (var i = 0; i < kitas.Count; i++)
            {
                Add(Olympia, kitas[i], MovementRoom, $"OLY-{kitas[i].Code}-{year.Tag}", year, Weekly(year, Day(i % 5), At(9, 30), At(10, 30)), 15);
            }
            for (var i = 0; i < schools.Count; i++)
            {
                Add(Olympia, schools[i], Gym, $"OLY-{schools[i].Code}-{year.Tag}", year, Weekly(year, Day(i % 4), At(14), At(15)), 20);
            }
            for (var i = 0; i < kitas.Count; i += 7)
            {
                Add("HER-RUCKSACK", kitas[i], ParentRoom, $"RUCK-{kitas[i].Code}-{year.Tag}", year, Weekly(year, Weekdays.Wednesday, At(8, 30), At(10)), 12);
            }
            for (var i = 0; i < familyCentres.Count; i++)
            {
                var centre = familyCentres[i];
                Add("HER-ELTERNCAFE", centre, CafeRoom, $"CAFE-{centre.Code}-{year.Tag}", year,
                    Weekly(year, i % 2 == 0 ? Weekdays.Wednesday : Weekdays.Friday, At(9), At(11)), null);
                if (i % 2 == 0)
                {
                    Add("HER-BABYTREFF", centre, GroupRoom, $"BABY-{centre.Code}-{year.Tag}", year, Weekly(year, Weekdays.Tuesday, At(10), At(11, 30)), 12);
                }
                if (i % 3 == 1)
                {
                    Add("HER-BERATUNG", centre, GroupRoom, $"EB-{centre.Code}-{year.Tag}", year, Weekly(year, Weekdays.Monday, At(14), At(16)), null);
                }
            }
            Add("HER-WILLKOMMEN", office, CounsellingRoom, $"WB-FB-{year.Tag}", year, Weekly(year, Weekdays.Monday, At(9), At(12)), null);

            // Saturdays for families: a monthly Familiensamstag, and weekly parent-and-child gym where there is none.
            for (var i = 0; i < saturdays.Count; i++)
            {
                var centre = saturdays[i];
                if (i % 2 == 1)
                {
                    var dates = DemoCalendar.FirstOfEachMonth(DayOfWeek.Saturday, year.Start, year.End).Except(Holidays).ToList();
                    Add("HER-FAMILIENSAMSTAG", centre, MovementRoom, $"FS-{centre.Code}-{year.Tag}", year, Schedule.OnDates(dates, At(10), At(13)), null);
                }
                else
                {
                    Add("HER-ELTERN-KIND-TURNEN", centre, MovementRoom, $"EKT-{centre.Code}-{year.Tag}", year, Weekly(year, Weekdays.Saturday, At(10), At(11)), 15);
                }
            }
        }

        for (var t = 0; t < CourseTerms.Length; t++)
        {
            var term = CourseTerms[t];
            for (var j = 0; j < 3; j++)
            {
                var centre = familyCentres[(t * 3 + j * 4) % familyCentres.Count];
                Add("HER-STARKE-ELTERN", centre, CafeRoom, $"SESK-{centre.Code}-{term.Tag}", term, Weekly(term, Weekdays.Thursday, At(9), At(11)), 12);
            }
            for (var j = 0; j < 2; j++)
            {
                var centre = familyCentres[(t * 5 + j * 6 + 1) % familyCentres.Count];
                var kess = term with { End = term.Start.AddDays(33) };
                Add("HER-KESS", centre, GroupRoom, $"KESS-{centre.Code}-{term.Tag}", kess, Weekly(kess, Weekdays.Tuesday, At(14), At(16)), 12);
            }
            var firstAid = saturdays[0];
            var day = FirstAidSaturdays[t];
            Add("HER-ERSTE-HILFE", firstAid, GroupRoom, $"EHK-{firstAid.Code}-{term.Tag}", term with { Start = day, End = day },
                Schedule.OnDates([day], At(9, 30), At(13, 30)), 16);
        }

        var full = offerings.First(o => o.Programme.Code == "HER-STARKE-ELTERN" && o.Code.EndsWith("-26H", StringComparison.Ordinal));
        full.Status = OfferingStatus.Full;
        full.StatusNote = "Ausgebucht. Eine Warteliste führt das Familienbüro.";
        return offerings;
    }

    // ---- Categories and programmes -----------------------------------------------------------------------

    private static readonly string[] CategoryLanguages = [Languages.German, Languages.English, Languages.Turkish];

    private static readonly CategoryRow[] Categories =
    [
        new("early-help", null, "Frühe Hilfen", "Early help", "Erken destek"),
        new("baby-groups", "early-help", "Babytreffs", "Baby groups", "Bebek buluşmaları"),
        new("welcome-visits", "early-help", "Willkommensbesuche", "Welcome visits", "Hoş geldin ziyaretleri"),
        new("family-education", null, "Familienbildung", "Family education", "Aile eğitimi"),
        new("parenting-courses", "family-education", "Elternkurse", "Parenting courses", "Ebeveyn kursları"),
        new("first-aid", "family-education", "Erste Hilfe", "First aid", "İlk yardım"),
        new("movement", null, "Bewegung und Sport", "Movement and sport", "Hareket ve spor"),
        new("olympia-ruft", "movement", "Olympia ruft – Mach mit!", "Olympia ruft – Mach mit!", "Olympia ruft – Mach mit!"),
        new("parent-child-sport", "movement", "Eltern-Kind-Sport", "Parent and child sport", "Ebeveyn-çocuk sporu"),
        new("language", null, "Sprache und Lernen", "Language and learning", "Dil ve öğrenme"),
        new("language-support", "language", "Sprachförderung", "Language support", "Dil desteği"),
        new("counselling", null, "Beratung", "Counselling", "Danışmanlık"),
        new("parenting-advice", "counselling", "Erziehungsberatung", "Parenting advice", "Ebeveyn danışmanlığı"),
        new("meeting-places", null, "Treffpunkte", "Meeting places", "Buluşma yerleri"),
        new("parent-cafes", "meeting-places", "Elterncafés", "Parent cafés", "Veli kafeleri"),
        new("family-saturdays", "meeting-places", "Familiensamstage", "Family Saturdays", "Aile cumartesileri"),
    ];

    private const string Free = "Kostenlos.";
    private const Audience ChildrenAndParents = Audience.Children | Audience.Parents;

    private static readonly ProgrammeRow[] Programmes =
    [
        new(Olympia, ProgrammeType.MovementAndSport, "olympia-ruft", Audience.Children, 36, 120)
        {
            Languages = ["de"], Partners = ["SYMBIOUN", "SSB-HERNE"], LastCheckedOn = new(2026, 9, 8),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Olympia ruft – Mach mit!",
                    "Das Lern- und Bewegungsprogramm des Projektträgers symbioun bringt Kinder in 56 Herner Kitas und 19 Schulen in Bewegung.",
                    "„Olympia ruft – Mach mit!“ verbindet Bewegung und Lernen: Die Kinder entdecken olympische Sportarten, üben Koordination, Ausdauer und Gleichgewicht und erfahren spielerisch etwas über Gesundheit und Fairness.\n\n" +
                    "Das Programm des Projektträgers symbioun unterstützt pädagogische Fachkräfte dabei, Bewegungs- und Gesundheitsförderung fest in ihren Alltag einzubauen. In Herne machen 56 Kindertageseinrichtungen und 19 Schulen mit.\n\n" +
                    "Die Bewegungsstunde findet einmal pro Woche in der Kita oder Schule Ihres Kindes statt.")
                { RegistrationNote = "Keine Anmeldung nötig: Alle Kinder der teilnehmenden Kitas und Schulen machen mit." },
                new("en", "Olympia ruft – Mach mit! (The Olympics are calling – join in!)",
                    "The learning and movement programme of the project sponsor symbioun gets children moving in 56 Kitas and 19 schools in Herne.",
                    "The programme combines movement and learning: children discover Olympic sports, practise coordination, stamina and balance, and learn about health and fair play along the way.\n\n" +
                    "symbioun supports early-years and school staff in making movement and health part of every day. In Herne, 56 Kitas and 19 schools take part.\n\n" +
                    "The movement session takes place once a week at your child's Kita or school.")
                { RegistrationNote = "No registration: every child at a participating Kita or school joins in." },
                new("tr", "Olympia ruft – Mach mit! (Olimpiyatlar çağırıyor – Sen de katıl!)",
                    "Proje yürütücüsü symbioun'un öğrenme ve hareket programı, Herne'deki 56 kreş ve 19 okulda çocukları harekete geçiriyor.",
                    "Program hareketi ve öğrenmeyi birleştirir: Çocuklar olimpik sporları tanır, koordinasyon, dayanıklılık ve denge çalışır, oyun içinde sağlık ve centilmenlik hakkında bilgi edinir.\n\n" +
                    "symbioun, eğitimcilerin hareket ve sağlığı günlük çalışmalarının bir parçası yapmasını destekler. Herne'de 56 kreş ve 19 okul programa katılıyor.\n\n" +
                    "Hareket saati haftada bir kez çocuğunuzun kreşinde veya okulunda yapılır.")
                { RegistrationNote = "Kayıt gerekmez: Katılan kreş ve okullardaki tüm çocuklar programa dahildir." },
            ],
        },
        new("HER-ELTERNCAFE", ProgrammeType.OpenMeeting, "parent-cafes", ChildrenAndParents, 0, 72)
        {
            Languages = ["de", "tr", "ar"], LastCheckedOn = new(2026, 10, 1), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Elterncafé",
                    "Offener Treffpunkt für Eltern mit Kindern: Frühstück, Austausch und Fragen an die Fachkräfte des Familienzentrums.",
                    "Im Elterncafé treffen sich Mütter, Väter und andere Bezugspersonen mit ihren Kindern zu Frühstück und Gespräch. Fachkräfte des Familienzentrums sind dabei und helfen bei Fragen rund um Erziehung, Kita, Schule und Ämter.\n\n" +
                    "Das Elterncafé ist offen für alle, ohne Anmeldung. Gezählt wird nur, wie viele Erwachsene und Kinder gekommen sind.")
                { RegistrationNote = "Ohne Anmeldung – einfach vorbeikommen." },
                new("en", "Parent café",
                    "An open meeting place for parents and children: breakfast, a chat and questions for the family centre's staff.",
                    "Mothers, fathers and other carers meet with their children for breakfast and conversation. Staff of the family centre join in and help with questions about parenting, Kita, school and public offices.\n\n" +
                    "The café is open to everyone, without registration. Only the number of adults and children is counted.")
                { RegistrationNote = "No registration – just drop in." },
                new("tr", "Veli Kafesi",
                    "Çocuklu aileler için açık buluşma: kahvaltı, sohbet ve aile merkezi uzmanlarına soru sorma fırsatı.",
                    "Anneler, babalar ve çocuklara bakan diğer kişiler çocuklarıyla birlikte kahvaltı ve sohbet için buluşur. Aile merkezinin uzmanları da katılır; eğitim, kreş, okul ve resmî işlerle ilgili sorulara yardımcı olur.\n\n" +
                    "Veli kafesi herkese açıktır ve kayıt gerektirmez. Yalnızca kaç yetişkin ve çocuğun geldiği sayılır.")
                { RegistrationNote = "Kayıt gerekmez; uğramanız yeterli." },
            ],
        },
        new("HER-BABYTREFF", ProgrammeType.EarlyHelp, "baby-groups", ChildrenAndParents, 0, 12)
        {
            Languages = ["de", "tr"], Partners = ["HERNE-GESUNDHEIT"], LastCheckedOn = new(2026, 10, 6),
            Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Frühe Hilfen – Babytreff",
                    "Wöchentlicher Treff für Eltern mit Babys im ersten Lebensjahr, begleitet von einer Familienhebamme.",
                    "Im Babytreff lernen sich Eltern mit Babys bis zwölf Monate kennen. Eine Familienhebamme beantwortet Fragen zu Stillen, Schlafen, Entwicklung und Alltag mit Baby.\n\n" +
                    "Der Babytreff gehört zu den Frühen Hilfen der Stadt Herne: Sie sind der Anfang der Präventionskette, die Familien von der Geburt an begleitet.")
                { RegistrationNote = "Einfach vorbeikommen. Für die Statistik der Frühen Hilfen wird die Teilnahme der Babys erfasst." },
                new("en", "Early help – baby group",
                    "A weekly group for parents with babies in their first year, with a family midwife.",
                    "Parents with babies up to twelve months get to know each other. A family midwife answers questions about feeding, sleep, development and everyday life with a baby.\n\n" +
                    "The baby group is part of Herne's early help, the start of the chain of support that accompanies families from birth.")
                { RegistrationNote = "Just come along. Babies' attendance is recorded for the early-help statistics." },
                new("tr", "Erken Destek – Bebek Buluşması",
                    "Bir yaşından küçük bebeği olan ebeveynler için aile ebesi eşliğinde haftalık buluşma.",
                    "On iki aydan küçük bebeği olan ebeveynler burada tanışır. Bir aile ebesi emzirme, uyku, gelişim ve bebekle günlük yaşam hakkındaki soruları yanıtlar.\n\n" +
                    "Bebek buluşması, aileleri doğumdan itibaren destekleyen Herne önleme zincirinin ilk halkası olan erken destek hizmetlerine aittir.")
                { RegistrationNote = "Kayıt gerekmez. Bebeklerin katılımı erken destek istatistikleri için kaydedilir." },
            ],
        },
        new("HER-WILLKOMMEN", ProgrammeType.EarlyHelp, "welcome-visits", Audience.Parents, 0, 12)
        {
            Languages = ["de", "tr", "ar", "en"], Partners = ["HERNE-GESUNDHEIT"], LastCheckedOn = new(2026, 8, 20),
            Registration = RegistrationMode.ByPhone,
            Texts =
            [
                new("de", "Willkommensbesuch für Neugeborene",
                    "Nach der Geburt besucht das Familienbüro Familien zu Hause – mit Informationen, einem Willkommenspaket und einem offenen Ohr.",
                    "Jede Herner Familie mit einem neugeborenen Kind bekommt einen Besuch angeboten. Die Mitarbeiterinnen des Familienbüros bringen ein Willkommenspaket mit und informieren über Angebote, Beratung und finanzielle Hilfen.\n\n" +
                    "Der Besuch ist freiwillig. Einen Termin vereinbaren Sie telefonisch oder in der Sprechstunde des Familienbüros.")
                { RegistrationNote = "Termin telefonisch oder in der Sprechstunde im Familienbüro vereinbaren." },
                new("en", "Welcome visit for newborns",
                    "After a birth, the Family Office visits families at home with information, a welcome pack and time to listen.",
                    "Every family in Herne with a newborn child is offered a visit. Staff of the Family Office bring a welcome pack and explain services, advice and financial support.\n\n" +
                    "The visit is voluntary. Make an appointment by phone or at the Family Office's consultation hours.")
                { RegistrationNote = "Make an appointment by phone or at the Family Office." },
                new("tr", "Yeni doğanlar için hoş geldin ziyareti",
                    "Doğumdan sonra Aile Bürosu aileleri evlerinde ziyaret eder: bilgi, hoş geldin paketi ve dinleyen bir kulak.",
                    "Herne'de yeni doğmuş çocuğu olan her aileye bir ziyaret önerilir. Aile Bürosu çalışanları bir hoş geldin paketi getirir; hizmetler, danışmanlık ve maddi destekler hakkında bilgi verir.\n\n" +
                    "Ziyaret isteğe bağlıdır. Randevuyu telefonla ya da Aile Bürosu'nun görüşme saatlerinde alabilirsiniz.")
                { RegistrationNote = "Randevu telefonla veya Aile Bürosu'nda alınır." },
            ],
        },
        new("HER-STARKE-ELTERN", ProgrammeType.ParentEducation, "parenting-courses", Audience.Parents, 0, 216)
        {
            Price = 25.00m, Languages = ["de"], Partners = ["DKSB-HERNE"], LastCheckedOn = new(2026, 9, 1),
            Registration = RegistrationMode.Online, RegistrationUrl = "https://www.herne.de",
            Texts =
            [
                new("de", "Starke Eltern – Starke Kinder®",
                    "Elternkurs des Kinderschutzbundes in zehn Treffen: gelassener erziehen, Grenzen setzen, Konflikte lösen.",
                    "Der Kurs stärkt Eltern im Erziehungsalltag. In zehn Treffen geht es um Werte und Ziele in der Erziehung, um Kommunikation in der Familie, um Grenzen und um Wege aus Konflikten – mit vielen Übungen und Zeit für Austausch.\n\n" +
                    "Der Kurs findet vormittags im Familienzentrum statt, während die Kinder in der Kita oder Schule sind.")
                {
                    CostNote = "25,00 € für den ganzen Kurs. Mit Herne-Pass oder Leistungen aus dem Bildungs- und Teilhabepaket ist er kostenlos; weitere Ermäßigung auf Anfrage.",
                    RegistrationNote = "Anmeldung online oder im Familienzentrum; höchstens 12 Teilnehmende.",
                },
                new("en", "Strong parents – strong children®",
                    "A ten-session parenting course by the child protection association: calmer parenting, setting limits, solving conflicts.",
                    "The course supports parents in everyday family life. Ten sessions cover values and goals in parenting, communication in the family, limits and ways out of conflict, with plenty of exercises and time to share experiences.\n\n" +
                    "It takes place in the morning at the family centre while the children are at Kita or school.")
                {
                    CostNote = "€25.00 for the whole course. Free with a Herne-Pass or education and participation benefits (BuT); other reductions on request.",
                    RegistrationNote = "Register online or at the family centre; at most 12 participants.",
                },
                new("tr", "Güçlü Ebeveynler – Güçlü Çocuklar®",
                    "Çocuk Koruma Derneği'nin on buluşmalık ebeveyn kursu: daha sakin eğitim, sınır koyma, çatışma çözme.",
                    "Kurs, ebeveynleri günlük aile yaşamında destekler. On buluşmada eğitimde değerler ve hedefler, aile içi iletişim, sınırlar ve çatışmalardan çıkış yolları ele alınır; bol alıştırma ve deneyim paylaşımı için zaman vardır.\n\n" +
                    "Kurs, çocuklar kreşte veya okuldayken sabah saatlerinde aile merkezinde yapılır.")
                {
                    CostNote = "Kursun tamamı 25,00 €. Herne-Pass veya Eğitim ve Katılım Paketi (BuT) hakkı olanlar için ücretsizdir; başka indirimler için sorabilirsiniz.",
                    RegistrationNote = "Kayıt internetten veya aile merkezinde; en fazla 12 katılımcı.",
                },
            ],
        },
        new("HER-KESS", ProgrammeType.ParentEducation, "parenting-courses", Audience.Parents, 0, 36)
        {
            Price = 15.00m, Languages = ["de"], LastCheckedOn = new(2026, 9, 1),
            Texts =
            [
                new("de", "Kess-erziehen: Von Anfang an",
                    "Fünf Treffen für Eltern von Kindern bis drei Jahre: Bedürfnisse verstehen, Sicherheit geben, Grenzen setzen.",
                    "Der Kurs begleitet Eltern in den ersten Lebensjahren ihres Kindes. In fünf Treffen geht es darum, Signale des Kindes zu verstehen, ihm Sicherheit zu geben und liebevoll Grenzen zu setzen.\n\n" +
                    "Während des Kurses ist eine Kinderbetreuung im Familienzentrum möglich.")
                { CostNote = "15,00 € für fünf Treffen; mit Herne-Pass kostenlos.", RegistrationNote = "Anmeldung im Familienzentrum." },
                new("en", "Kess parenting: from the start",
                    "Five sessions for parents of children up to three: understanding needs, giving security, setting limits.",
                    "The course accompanies parents through their child's first years. Five sessions are about understanding the child's signals, giving security and setting limits with warmth.\n\n" +
                    "Childcare at the family centre is available during the sessions.")
                { CostNote = "€15.00 for five sessions; free with a Herne-Pass.", RegistrationNote = "Register at the family centre." },
                new("tr", "Kess eğitim: En baştan",
                    "Üç yaşına kadar çocuğu olan ebeveynler için beş buluşma: ihtiyaçları anlamak, güven vermek, sınır koymak.",
                    "Kurs, ebeveynlere çocuklarının ilk yıllarında eşlik eder. Beş buluşmada çocuğun sinyallerini anlamak, ona güven vermek ve sevgiyle sınır koymak konuşulur.\n\n" +
                    "Kurs sırasında aile merkezinde çocuk bakımı sağlanabilir.")
                { CostNote = "Beş buluşma 15,00 €; Herne-Pass ile ücretsiz.", RegistrationNote = "Kayıt aile merkezinde yapılır." },
            ],
        },
        new("HER-ERSTE-HILFE", ProgrammeType.ParentEducation, "first-aid", Audience.Parents, 0, 144)
        {
            Languages = ["de"], LastCheckedOn = new(2026, 9, 22), Registration = RegistrationMode.Online, RegistrationUrl = "https://www.herne.de",
            Texts =
            [
                new("de", "Erste Hilfe am Kind",
                    "Samstagskurs für Eltern und Großeltern: richtig handeln bei Unfällen und Notfällen mit Babys und Kindern.",
                    "An einem Samstagvormittag lernen Eltern, Großeltern und Tageseltern, was bei Verschlucken, Verbrennungen, Stürzen oder Fieberkrämpfen zu tun ist, und üben die Wiederbelebung an Puppen.\n\n" +
                    "Der Kurs wird von der Stadt Herne gefördert und ist deshalb kostenlos.")
                { CostNote = "Kostenlos, gefördert von der Stadt Herne.", RegistrationNote = "Anmeldung erforderlich; höchstens 16 Plätze." },
                new("en", "First aid for children",
                    "A Saturday course for parents and grandparents: what to do in accidents and emergencies with babies and children.",
                    "On a Saturday morning parents, grandparents and childminders learn what to do when a child chokes, is burned, falls or has a febrile seizure, and practise resuscitation on manikins.\n\n" +
                    "The course is funded by the City of Herne and free of charge.")
                { CostNote = "Free of charge, funded by the City of Herne.", RegistrationNote = "Registration required; at most 16 places." },
                new("tr", "Çocuklarda İlk Yardım",
                    "Ebeveynler ve büyükanne-büyükbabalar için cumartesi kursu: bebek ve çocuklarda kaza ve acil durumlarda doğru davranmak.",
                    "Bir cumartesi sabahı ebeveynler ve büyükler, çocuk boğulduğunda, yandığında, düştüğünde veya ateşli havale geçirdiğinde ne yapılacağını öğrenir ve mankenler üzerinde canlandırma çalışır.\n\n" +
                    "Kurs Herne Belediyesi tarafından desteklendiği için ücretsizdir.")
                { CostNote = "Ücretsizdir; Herne Belediyesi tarafından desteklenir.", RegistrationNote = "Kayıt gereklidir; en fazla 16 kişi." },
            ],
        },
        new("HER-RUCKSACK", ProgrammeType.LearningSupport, "language-support", ChildrenAndParents, 36, 72)
        {
            Languages = ["de", "tr", "ar"], Partners = ["HERNE-KI", "STADTBIBLIOTHEK"], LastCheckedOn = new(2026, 10, 14),
            Texts =
            [
                new("de", "Rucksack KiTa – Sprachförderung mit Eltern",
                    "Eltern und Kinder stärken gemeinsam Deutsch und die Familiensprache – wöchentlich in der Kita.",
                    "Rucksack KiTa ist ein Programm der Kommunalen Integrationszentren in NRW. Eltern treffen sich wöchentlich in der Kita, lernen Spiele, Lieder und Bücher kennen und nutzen sie zu Hause in ihrer Familiensprache; die Kinder arbeiten in der Kita zum selben Thema auf Deutsch.\n\n" +
                    "So wachsen beide Sprachen gemeinsam. Die Gruppen leiten geschulte Elternbegleiterinnen, die oft selbst mehrsprachig sind.")
                { RegistrationNote = "Anmeldung über die Kita." },
                new("en", "Rucksack KiTa – language support with parents",
                    "Parents and children build German and their family language together, every week at the Kita.",
                    "Rucksack KiTa is a programme of the municipal integration centres in North Rhine-Westphalia. Parents meet weekly at the Kita, get to know games, songs and books and use them at home in their family language, while the children work on the same topic in German at the Kita.\n\n" +
                    "That way both languages grow together. Groups are led by trained parent facilitators, many of them multilingual.")
                { RegistrationNote = "Register through the Kita." },
                new("tr", "Rucksack KiTa – Ebeveynlerle dil desteği",
                    "Ebeveynler ve çocuklar Almancayı ve ailenin dilini birlikte güçlendirir; her hafta kreşte.",
                    "Rucksack KiTa, Kuzey Ren-Vestfalya'daki belediye uyum merkezlerinin bir programıdır. Ebeveynler her hafta kreşte buluşur, oyunlar, şarkılar ve kitaplar tanır ve bunları evde kendi dillerinde kullanır; çocuklar aynı konuyu kreşte Almanca çalışır.\n\n" +
                    "Böylece iki dil birlikte gelişir. Grupları çoğu kendisi de çok dilli olan eğitimli ebeveyn rehberleri yönetir.")
                { RegistrationNote = "Kayıt kreş üzerinden yapılır." },
            ],
        },
        new("HER-BERATUNG", ProgrammeType.Counselling, "parenting-advice", Audience.Parents, 0, 216)
        {
            Languages = ["de", "tr"], LastCheckedOn = new(2026, 10, 14), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Offene Sprechstunde der Erziehungsberatung",
                    "Ohne Termin mit einer Fachkraft der Erziehungsberatung sprechen – vertraulich und kostenlos.",
                    "Wenn es in der Familie schwierig wird, hilft ein erstes Gespräch oft weiter. In der offenen Sprechstunde im Familienzentrum können Eltern ohne Termin mit einer Fachkraft der Erziehungsberatung sprechen, auch auf Türkisch.\n\n" +
                    "Alles bleibt vertraulich. Wenn mehr Beratung nötig ist, wird ein Termin in der Beratungsstelle vereinbart.")
                { RegistrationNote = "Ohne Anmeldung." },
                new("en", "Drop-in parenting advice",
                    "Talk to a parenting advisor without an appointment – confidential and free.",
                    "When things get difficult at home, a first conversation often helps. At the drop-in hour in the family centre parents can talk to a parenting advisor without an appointment, in German or Turkish.\n\n" +
                    "Everything stays confidential. If more advice is needed, an appointment at the counselling service is arranged.")
                { RegistrationNote = "No registration." },
                new("tr", "Ebeveyn danışmanlığı – açık görüşme saati",
                    "Randevusuz olarak bir aile danışmanıyla görüşün; gizli ve ücretsiz.",
                    "Ailede işler zorlaştığında ilk bir görüşme çoğu zaman yardımcı olur. Aile merkezindeki açık görüşme saatinde ebeveynler randevusuz, Türkçe de dahil olmak üzere bir danışmanla konuşabilir.\n\n" +
                    "Her şey gizli kalır. Daha fazla destek gerekirse danışma merkezinde randevu verilir.")
                { RegistrationNote = "Kayıt gerekmez." },
            ],
        },
        new("HER-FAMILIENSAMSTAG", ProgrammeType.OpenMeeting, "family-saturdays", Audience.Families | Audience.Children, 0, 144)
        {
            Languages = ["de"], LastCheckedOn = new(2026, 11, 3), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Familiensamstag",
                    "Einmal im Monat samstags: Spielen, Basteln, Bewegen und ein gemeinsames Frühstück für die ganze Familie.",
                    "Am ersten Samstag im Monat öffnet das Familienzentrum für alle Familien aus dem Stadtteil. Es gibt Spiel- und Bastelangebote, eine Bewegungsbaustelle und ein Frühstück, zu dem jede Familie etwas mitbringen kann.\n\n" +
                    "Der Familiensamstag ist kostenlos und ohne Anmeldung. Gezählt wird nur, wie viele Kinder und Erwachsene gekommen sind.")
                { RegistrationNote = "Ohne Anmeldung." },
                new("en", "Family Saturday",
                    "Once a month on Saturday: play, crafts, movement and a shared breakfast for the whole family.",
                    "On the first Saturday of the month the family centre opens its doors to every family in the neighbourhood, with games, crafts, an indoor obstacle course and a breakfast to which each family can bring something.\n\n" +
                    "Family Saturday is free and needs no registration. Only the number of children and adults is counted.")
                { RegistrationNote = "No registration." },
                new("tr", "Aile Cumartesisi",
                    "Ayda bir cumartesi: tüm aile için oyun, el işi, hareket ve ortak kahvaltı.",
                    "Her ayın ilk cumartesi günü aile merkezi mahalledeki tüm ailelere kapılarını açar. Oyun ve el işi etkinlikleri, hareket parkuru ve her ailenin bir şey getirebileceği ortak bir kahvaltı vardır.\n\n" +
                    "Aile cumartesisi ücretsizdir ve kayıt gerektirmez. Yalnızca kaç çocuk ve yetişkinin geldiği sayılır.")
                { RegistrationNote = "Kayıt gerekmez." },
            ],
        },
        new("HER-ELTERN-KIND-TURNEN", ProgrammeType.MovementAndSport, "parent-child-sport", ChildrenAndParents, 18, 72)
        {
            Languages = ["de"], Partners = ["SSB-HERNE"], LastCheckedOn = new(2026, 11, 3), Registration = RegistrationMode.NotNeeded,
            Texts =
            [
                new("de", "Eltern-Kind-Turnen am Samstag",
                    "Samstagvormittags turnen, klettern und toben – für Kinder von anderthalb bis sechs Jahren mit Mama, Papa oder Oma.",
                    "Übungsleitungen des Stadtsportbundes bauen im Bewegungsraum des Familienzentrums Geräte- und Spiellandschaften auf. Kinder und Erwachsene turnen, klettern und balancieren gemeinsam.\n\n" +
                    "Bitte bequeme Kleidung und Stoppersocken mitbringen.")
                { RegistrationNote = "Ohne Anmeldung – einfach vorbeikommen." },
                new("en", "Parent and child gym on Saturday",
                    "Saturday mornings of climbing, tumbling and running about – for children from one and a half to six with mum, dad or grandma.",
                    "Coaches from the city sports federation set up equipment and play landscapes in the family centre's gym. Children and adults climb, balance and tumble together.\n\n" +
                    "Please bring comfortable clothes and non-slip socks.")
                { RegistrationNote = "No registration – just come along." },
                new("tr", "Cumartesi Ebeveyn-Çocuk Jimnastiği",
                    "Cumartesi sabahları jimnastik, tırmanma ve oyun: bir buçuk ile altı yaş arası çocuklar anne, baba veya büyükanneleriyle.",
                    "Şehir spor birliğinin antrenörleri aile merkezinin hareket salonunda alet ve oyun parkurları kurar. Çocuklar ve yetişkinler birlikte tırmanır, denge çalışır ve oynar.\n\n" +
                    "Lütfen rahat kıyafet ve kaydırmaz çorap getirin.")
                { RegistrationNote = "Kayıt gerekmez; gelmeniz yeterli." },
            ],
        },
        new("HER-FERIENSPIELE", ProgrammeType.Course, "movement", Audience.Children, 72, 144)
        {
            Languages = ["de"], State = PublicationState.Draft, LastCheckedOn = new(2026, 11, 18),
            Texts =
            [
                new("de", "Ferienspiele 2027",
                    "Zwei Wochen Sport, Spiel und Ausflüge in den Sommerferien 2027 – in Planung.",
                    "Entwurf: Orte, Termine und Anmeldung stehen noch nicht fest."),
                new("en", "Holiday games 2027",
                    "Two weeks of sport, games and trips in the 2027 summer holidays – being planned.",
                    "Draft: places, dates and registration are not fixed yet."),
            ],
        },
    ];
}
