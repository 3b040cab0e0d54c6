using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// A small city made by hand, so that every reach figure can be worked out on paper. The tests derive their expected
/// numbers from the tables below; nothing is copied from a run.
///
/// Districts: NORTH (focus area), SOUTH, EAST (focus area). Centres: IZM (Europe/Istanbul, UTC+3 all year) and BER
/// (Europe/Berlin, UTC+1 in winter, UTC+2 in summer).
///
/// Programmes (type, category): CLASS (ChildClass, classes), ROBOT and CHESS (Workshop, workshops), SWIM (Course,
/// courses), CAFE (OpenMeeting, meetings). Offerings: CLASS@IZM, ROBOT@IZM, ROBOT@BER, CHESS@BER, CHESS@IZM, SWIM@BER,
/// CAFE@BER.
///
/// Sessions, in the centre's local time:
/// <code>
/// S_A  CLASS@IZM 2024-03-05 10:00 Held       present K15 K16          absent K17
/// S_B  ROBOT@IZM 2024-10-10 14:00 Held       present K15
/// S01  CLASS@IZM 2025-01-01 01:30 Held       present K01 K06          (UTC 2024-12-31 22:30: the local year decides)
/// S02  CLASS@IZM 2025-02-10 10:00 Held       present K01 K02 K15      excused K03
/// S03  CLASS@IZM 2025-03-10 10:00 Held       present K02 K03 K11
/// S04  CLASS@IZM 2025-07-31 16:00 Held       present K03 K04          (last day of school year 2024/25)
/// S05  CLASS@IZM 2025-08-01 01:00 Held       present K04 K05          (UTC 2025-07-31 22:00: school year 2025/26 locally)
/// S06  ROBOT@IZM 2025-04-15 14:00 Held       present K01 K07          absent K02
/// S07  ROBOT@BER 2025-04-16 14:00 Held       present K02 K07 K08
/// S08  CHESS@BER 2025-05-20 15:00 Held       present K01 K08 K09      absent K10
/// S09  CHESS@IZM 2025-06-03 15:00 Cancelled  present K09 K10          (recorded, but a cancelled session never counts)
/// S10  SWIM@BER  2025-09-09 09:00 Held       present K11 K12          excused K13
/// S11  SWIM@BER  2025-12-15 09:00 Scheduled  present K11 K13          (not held: never counts)
/// S12  CAFE@BER  2025-03-01 10:00 Held       headcount 7 children, 5 adults
/// S13  CAFE@BER  2025-11-08 10:00 Held       headcount 4 children, 3 adults
/// S14  CAFE@BER  2025-12-06 10:00 Cancelled  headcount 9 children, 9 adults (not held: not counted)
/// S15  ROBOT@IZM 2026-01-01 00:30 Held       present K14              (UTC 2025-12-31 21:30: counts in 2026)
/// S16  ROBOT@BER 2025-12-31 23:30 Held       present K07              (UTC 22:30, the same day)
/// </code>
///
/// Children (district, born): K01 NORTH 2022-03, K02 NORTH 2021-05, K03 NORTH 2020-01, K04 SOUTH 2019-06,
/// K05 SOUTH 2021-09, K06 EAST 2020-10, K07 NORTH 2018-02, K08 SOUTH 2017-11, K09 SOUTH 2016-04, K10 EAST 2015-12,
/// K11 NORTH 2020-06, K12 SOUTH 2019-01, K13 NORTH 2022-01, K14 NORTH 2021-02, K15 NORTH 2020-04, K16 EAST 2019-09,
/// K17 SOUTH 2020-02.
///
/// Child population: NORTH 2025 0-2: 30, 3-5: 40, 6-9: 50; SOUTH 2025 3-5: 20, 6-9: 30; EAST 2025 3-5: 10;
/// NORTH 2024 3-5: 999 (only there to show that the period's year is the one used).
/// </summary>
public sealed class ReachCity
{
    public const string Istanbul = "Europe/Istanbul";
    public const string Berlin = "Europe/Berlin";

    public Dictionary<string, int> Children { get; } = [];
    public Dictionary<string, long> Sessions { get; } = [];
    public Dictionary<string, int> Offerings { get; } = [];
    public Dictionary<string, int> Districts { get; } = [];
    public Dictionary<string, int> Centres { get; } = [];
    public Dictionary<string, int> Programmes { get; } = [];
    public Dictionary<string, int> Categories { get; } = [];

    private static readonly (string Name, string District, int BirthYear, int BirthMonth)[] ChildRows =
    [
        ("K01", "NORTH", 2022, 3), ("K02", "NORTH", 2021, 5), ("K03", "NORTH", 2020, 1), ("K04", "SOUTH", 2019, 6),
        ("K05", "SOUTH", 2021, 9), ("K06", "EAST", 2020, 10), ("K07", "NORTH", 2018, 2), ("K08", "SOUTH", 2017, 11),
        ("K09", "SOUTH", 2016, 4), ("K10", "EAST", 2015, 12), ("K11", "NORTH", 2020, 6), ("K12", "SOUTH", 2019, 1),
        ("K13", "NORTH", 2022, 1), ("K14", "NORTH", 2021, 2), ("K15", "NORTH", 2020, 4), ("K16", "EAST", 2019, 9),
        ("K17", "SOUTH", 2020, 2),
    ];

    private static readonly (string Name, string Offering, string LocalStart, SessionStatus Status, string Present, string Absent, string Excused,
        int? HeadcountChildren, int? HeadcountAdults)[] SessionRows =
    [
        ("S_A", "CLASS@IZM", "2024-03-05 10:00", SessionStatus.Held, "K15 K16", "K17", "", null, null),
        ("S_B", "ROBOT@IZM", "2024-10-10 14:00", SessionStatus.Held, "K15", "", "", null, null),
        ("S01", "CLASS@IZM", "2025-01-01 01:30", SessionStatus.Held, "K01 K06", "", "", null, null),
        ("S02", "CLASS@IZM", "2025-02-10 10:00", SessionStatus.Held, "K01 K02 K15", "", "K03", null, null),
        ("S03", "CLASS@IZM", "2025-03-10 10:00", SessionStatus.Held, "K02 K03 K11", "", "", null, null),
        ("S04", "CLASS@IZM", "2025-07-31 16:00", SessionStatus.Held, "K03 K04", "", "", null, null),
        ("S05", "CLASS@IZM", "2025-08-01 01:00", SessionStatus.Held, "K04 K05", "", "", null, null),
        ("S06", "ROBOT@IZM", "2025-04-15 14:00", SessionStatus.Held, "K01 K07", "K02", "", null, null),
        ("S07", "ROBOT@BER", "2025-04-16 14:00", SessionStatus.Held, "K02 K07 K08", "", "", null, null),
        ("S08", "CHESS@BER", "2025-05-20 15:00", SessionStatus.Held, "K01 K08 K09", "K10", "", null, null),
        ("S09", "CHESS@IZM", "2025-06-03 15:00", SessionStatus.Cancelled, "K09 K10", "", "", null, null),
        ("S10", "SWIM@BER", "2025-09-09 09:00", SessionStatus.Held, "K11 K12", "", "K13", null, null),
        ("S11", "SWIM@BER", "2025-12-15 09:00", SessionStatus.Scheduled, "K11 K13", "", "", null, null),
        ("S12", "CAFE@BER", "2025-03-01 10:00", SessionStatus.Held, "", "", "", 7, 5),
        ("S13", "CAFE@BER", "2025-11-08 10:00", SessionStatus.Held, "", "", "", 4, 3),
        ("S14", "CAFE@BER", "2025-12-06 10:00", SessionStatus.Cancelled, "", "", "", 9, 9),
        ("S15", "ROBOT@IZM", "2026-01-01 00:30", SessionStatus.Held, "K14", "", "", null, null),
        ("S16", "ROBOT@BER", "2025-12-31 23:30", SessionStatus.Held, "K07", "", "", null, null),
    ];

    public static async Task<ReachCity> BuildAsync(FamilyServicesDb db)
    {
        var city = new ReachCity();
        if (!db.CityProfiles.Any())
        {
            db.CityProfiles.Add(new CityProfile
            {
                Code = "reachcity", Name = "Reach City", DefaultLanguage = Languages.English, TimeZone = Istanbul, Currency = "TRY",
                MapLatitude = 40.77, MapLongitude = 29.92,
            });
        }

        var districts = new Dictionary<string, District>
        {
            ["NORTH"] = new() { Code = "NORTH", Name = "Kuzey", IsFocusArea = true },
            ["SOUTH"] = new() { Code = "SOUTH", Name = "Güney", IsFocusArea = false },
            ["EAST"] = new() { Code = "EAST", Name = "Doğu", IsFocusArea = true },
        };
        districts["NORTH"].Population.AddRange([Population(2025, "0-2", 30), Population(2025, "3-5", 40), Population(2025, "6-9", 50),
            Population(2024, "3-5", 999)]);
        districts["SOUTH"].Population.AddRange([Population(2025, "3-5", 20), Population(2025, "6-9", 30)]);
        districts["EAST"].Population.Add(Population(2025, "3-5", 10));
        db.Districts.AddRange(districts.Values);

        var municipality = new Organisation { Code = "MUNI", Name = "Reach City Municipality", Kind = OrganisationKind.MunicipalDepartment };
        var centres = new Dictionary<string, Centre>
        {
            ["IZM"] = Centre("IZM", "Anne Şehir İzmit", Istanbul, districts["NORTH"], municipality),
            ["BER"] = Centre("BER", "Familienzentrum Berlin", Berlin, districts["SOUTH"], municipality),
        };
        db.Centres.AddRange(centres.Values);

        var categories = new[] { "classes", "workshops", "courses", "meetings" }
            .ToDictionary(code => code, code => new Category { Code = code, Names = [new CategoryName { Language = "en", Name = $"Category {code}" }] });
        db.Categories.AddRange(categories.Values);

        var programmes = new Dictionary<string, Programme>
        {
            ["CLASS"] = Programme("CLASS", ProgrammeType.ChildClass, categories["classes"], "Anne yanı classes"),
            ["ROBOT"] = Programme("ROBOT", ProgrammeType.Workshop, categories["workshops"], "Robotics workshop"),
            ["CHESS"] = Programme("CHESS", ProgrammeType.Workshop, categories["workshops"], "Chess workshop"),
            ["SWIM"] = Programme("SWIM", ProgrammeType.Course, categories["courses"], "Swimming course"),
            ["CAFE"] = Programme("CAFE", ProgrammeType.OpenMeeting, categories["meetings"], "Parents' café"),
        };
        db.Programmes.AddRange(programmes.Values);

        var offerings = new[] { "CLASS@IZM", "ROBOT@IZM", "ROBOT@BER", "CHESS@BER", "CHESS@IZM", "SWIM@BER", "CAFE@BER" }
            .ToDictionary(name => name, name =>
            {
                var parts = name.Split('@');
                return new Offering
                {
                    Code = name.Replace('@', '-'), Programme = programmes[parts[0]], Centre = centres[parts[1]],
                    PublicationState = PublicationState.Published,
                    Schedule = Schedule.Weekly(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), Weekdays.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0)),
                };
            });
        db.Offerings.AddRange(offerings.Values);

        var random = new Random(2025);
        var codes = new HashSet<string>();
        var children = new Dictionary<string, Participant>();
        foreach (var (name, district, birthYear, birthMonth) in ChildRows)
        {
            string code;
            do code = ParticipantCode.Create(random); while (!codes.Add(code));
            children[name] = new Participant
            {
                Code = code, BirthYear = birthYear, BirthMonth = birthMonth, District = districts[district], CreatedAt = DateTime.UtcNow,
            };
        }
        db.Participants.AddRange(children.Values);

        var sessions = new Dictionary<string, Session>();
        foreach (var row in SessionRows)
        {
            var offering = offerings[row.Offering];
            var startsAt = ToUtc(row.LocalStart, offering.Centre.TimeZone);
            var session = new Session
            {
                Offering = offering, StartsAt = startsAt, EndsAt = startsAt.AddHours(1), Status = row.Status,
                HeadcountChildren = row.HeadcountChildren, HeadcountAdults = row.HeadcountAdults,
                CancellationReason = row.Status == SessionStatus.Cancelled ? "Teacher ill" : null,
            };
            foreach (var (names, status) in new[] { (row.Present, AttendanceStatus.Present), (row.Absent, AttendanceStatus.Absent), (row.Excused, AttendanceStatus.Excused) })
            {
                foreach (var child in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    session.Attendances.Add(new FamilyServices.Web.Domain.Attendance { Participant = children[child], Status = status, RecordedAt = startsAt.AddHours(1) });
                }
            }
            sessions[row.Name] = session;
        }
        db.Sessions.AddRange(sessions.Values);
        await db.SaveChangesAsync();

        foreach (var (name, value) in children) city.Children[name] = value.Id;
        foreach (var (name, value) in sessions) city.Sessions[name] = value.Id;
        foreach (var (name, value) in offerings) city.Offerings[name] = value.Id;
        foreach (var (name, value) in districts) city.Districts[name] = value.Id;
        foreach (var (name, value) in centres) city.Centres[name] = value.Id;
        foreach (var (name, value) in programmes) city.Programmes[name] = value.Id;
        foreach (var (name, value) in categories) city.Categories[name] = value.Id;
        return city;
    }

    /// <summary>"2025-01-01 01:30" at a centre, in UTC.</summary>
    public static DateTime ToUtc(string localStart, string timeZone)
    {
        var local = DateTime.ParseExact(localStart, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return Schedule.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), TimeZoneInfo.FindSystemTimeZoneById(timeZone));
    }

    private static DistrictPopulation Population(int year, string ageBand, int children) =>
        new() { Year = year, AgeBand = ageBand, Children = children };

    private static Centre Centre(string code, string name, string timeZone, District district, Organisation operatorOrganisation) => new()
    {
        Code = code, Name = name, Type = CentreType.FamilyCentre, Operator = operatorOrganisation, District = district,
        Street = "Main street 1", Postcode = "41000", Locality = "Reach City", Latitude = 40.77, Longitude = 29.92,
        TimeZone = timeZone, LanguagesSpoken = ["tr", "de"],
    };

    private static Programme Programme(string code, ProgrammeType type, Category category, string title) => new()
    {
        Code = code, Slug = code.ToLowerInvariant(), Type = type, Category = category, Audience = Audience.Children,
        MinAgeMonths = 0, MaxAgeMonths = 216, IsFree = true, DeliveryLanguages = ["tr"], PublicationState = PublicationState.Published,
        LastCheckedOn = new DateOnly(2026, 10, 1),
        Texts = [new ProgrammeText { Language = "en", Title = title, Summary = $"About {title}" }],
    };
}
