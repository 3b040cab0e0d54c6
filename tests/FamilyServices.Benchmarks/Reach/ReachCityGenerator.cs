using System.Diagnostics;
using System.Globalization;
using FamilyServices.Benchmarks.Catalogue;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace FamilyServices.Benchmarks.Reach;

/// <summary>How much attendance history to generate.</summary>
public sealed record ReachCitySize(int Attendances, int Participants, int Offerings, int Centres)
{
    public static readonly ReachCitySize Default = new(10_000_000, 300_000, 1_500, 100);
}

/// <summary>
/// Writes the reach benchmark's city into an empty, migrated database: three calendar years (2023–2025) of held
/// sessions and exactly the wanted number of attendance rows, deterministic for a seed. The names come from the
/// search benchmark's vocabulary (<see cref="CatalogueWords"/>). Reference data (city, 20 districts with their child
/// population, categories, centres, programmes, offerings) goes through EF; sessions, children, enrolments and
/// attendance through binary COPY, all in one transaction, so a failed run leaves the database empty. The COPY into
/// attendances fires the reach triggers like any import: afterwards every child is pending for the reach refresher.
/// </summary>
public sealed class ReachCityGenerator(string connectionString, ReachCitySize size, int seed, TextWriter output)
{
    public const string CityCode = "benchreach";
    public const string TimeZoneId = "Europe/Berlin";
    public static readonly DateOnly FirstDay = new(2023, 1, 2);
    public static readonly DateOnly LastDay = new(2025, 12, 31);

    /// <summary>Attendance rows per COPY statement: keeps PostgreSQL's queue of foreign-key checks per statement small.</summary>
    private const int CopyChunk = 1_000_000;

    private const int ExtraProgrammes = 9;
    private const double CancelledSessionShare = 0.025;
    private const double CancelledOfferingShare = 0.02;

    /// <summary>School holidays (North Rhine-Westphalia); most offerings close in them, the rest only over Christmas.</summary>
    private static readonly (DateOnly From, DateOnly To)[] SchoolHolidays =
    [
        (new(2023, 4, 3), new(2023, 4, 15)), (new(2023, 6, 22), new(2023, 8, 4)), (new(2023, 10, 2), new(2023, 10, 14)),
        (new(2023, 12, 21), new(2024, 1, 5)), (new(2024, 3, 25), new(2024, 4, 6)), (new(2024, 7, 8), new(2024, 8, 20)),
        (new(2024, 10, 14), new(2024, 10, 26)), (new(2024, 12, 23), new(2025, 1, 6)), (new(2025, 4, 14), new(2025, 4, 26)),
        (new(2025, 7, 14), new(2025, 8, 26)), (new(2025, 10, 13), new(2025, 10, 25)), (new(2025, 12, 22), new(2025, 12, 31)),
    ];

    private readonly Random _random = new(seed);
    private readonly Stopwatch _clock = new();

    public async Task<int> RunAsync()
    {
        _clock.Start();
        var options = new DbContextOptionsBuilder<FamilyServicesDb>();
        FamilyServices.Web.Platform.Database.Configure(options, connectionString);
        await using var db = new FamilyServicesDb(options.Options);
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await Console.Error.WriteLineAsync("error: the database is not migrated; run the portal's `migrate` verb first.");
            return 2;
        }
        if (await db.CityProfiles.AnyAsync() || await db.Centres.AnyAsync() || await db.Attendances.AnyAsync())
        {
            await Console.Error.WriteLineAsync("error: the database is not empty; generate-reach writes only into an empty database.");
            return 2;
        }

        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var city = await WriteReferenceDataAsync(db);
            Step($"reference data: {city.Districts.Count} districts ({city.Districts.Count(d => d.IsFocusArea)} focus areas) with child population " +
                 $"2023–2025, {city.Centres.Count} centres, {city.Programmes.Count} programmes of {city.Programmes.Select(p => p.Type).Distinct().Count()} types, " +
                 $"{city.Offerings.Count} offerings (EF)");

            var (planned, sessions, held) = await CopySessionsAsync(connection, city);
            Step($"{sessions:N0} sessions {FirstDay:yyyy-MM-dd} – {LastDay:yyyy-MM-dd}, {held:N0} held, {sessions - held:N0} cancelled (COPY)");

            var planner = new ReachAttendancePlanner(planned, [.. city.Districts.Select(d => d.Id)], size.Attendances, size.Participants, _random);
            planner.Plan();
            Step($"planned {planner.Children.Count:N0} children, {planner.Enrolments.Count:N0} enrolments, {planner.Rows:N0} attendance rows");

            await CopyChildrenAsync(connection, planner);
            Step($"{planner.Children.Count:N0} participants, {planner.Enrolments.Count:N0} enrolments (COPY)");
            await CopyAttendancesAsync(connection, planner, city.SessionEnds);
            Step($"{planner.Rows:N0} attendances (COPY, {CopyChunk:N0} rows a statement)");

            foreach (var table in new[] { "sessions", "participants" })
            {
                await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))");
            }
            await transaction.CommitAsync();
        }
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        Step("committed, VACUUM ANALYZE");
        await PrintSummaryAsync(connection);
        await db.Database.CloseConnectionAsync();
        output.WriteLine($"Generated the {CityCode} city (seed {seed}) in {_clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private void Step(string what) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {what}");

    private sealed record City(List<District> Districts, List<Centre> Centres, List<Programme> Programmes, List<Offering> Offerings)
    {
        /// <summary>Each session's end, by id: the time its attendance was recorded.</summary>
        public DateTime[] SessionEnds { get; set; } = [];
    }

    private async Task<City> WriteReferenceDataAsync(FamilyServicesDb db)
    {
        db.Add(new CityProfile
        {
            Code = CityCode, Name = "Benchstadt (reach)", DefaultLanguage = Languages.German, TimeZone = TimeZoneId, Currency = "EUR",
            MapLatitude = CatalogueGenerator.MiddleLatitude, MapLongitude = CatalogueGenerator.MiddleLongitude,
        });
        var organisations = CatalogueWords.Organisations
            .Select(o => new Organisation { Code = o.Code, Name = o.Name, Kind = o.Kind })
            .ToList();
        db.AddRange(organisations);

        // Every fourth district is a focus area; each has about 500–900 children per year of age, a little more each year.
        var districts = CatalogueWords.Districts
            .Select((name, i) => new District { Code = CatalogueGenerator.Fold(name), Name = name, IsFocusArea = i % 4 == 1 })
            .ToList();
        foreach (var district in districts)
        {
            var perYearOfAge = _random.Next(500, 900);
            foreach (var year in new[] { 2023, 2024, 2025 })
            {
                foreach (var band in AgeBand.All)
                {
                    var children = (int)Math.Round(perYearOfAge * (band.ToYears - band.FromYears + 1) * (1 + 0.01 * (year - 2023)) * (0.95 + 0.1 * _random.NextDouble()));
                    district.Population.Add(new DistrictPopulation { Year = year, AgeBand = band.Code, Children = children });
                }
            }
        }
        db.AddRange(districts);

        var categories = new Dictionary<string, Category>();
        foreach (var row in CatalogueWords.Categories)
        {
            categories.Add(row.Code, new Category
            {
                Code = row.Code,
                Parent = row.Parent is null ? null : categories[row.Parent],
                Names =
                [
                    new CategoryName { Language = Languages.German, Name = row.De },
                    new CategoryName { Language = Languages.English, Name = row.En },
                    new CategoryName { Language = Languages.Turkish, Name = row.Tr },
                ],
            });
        }
        db.AddRange(categories.Values);

        // Five centres per district, spread a little around the middle of the city.
        var centres = new List<Centre>();
        for (var i = 0; i < size.Centres; i++)
        {
            var district = districts[i % districts.Count];
            var kind = Pick(CatalogueWords.CentreKinds);
            centres.Add(new Centre
            {
                Code = $"RC{i + 1:000}",
                Name = $"{kind.De} {Pick(CatalogueWords.CentreNames)} {district.Name}",
                Type = kind.Type,
                Operator = organisations.Single(o => o.Code == kind.Operator),
                District = district,
                Street = $"{Pick(CatalogueWords.Streets)} {_random.Next(1, 120)}",
                Postcode = (45100 + i % districts.Count * 20).ToString(CultureInfo.InvariantCulture),
                Locality = "Benchstadt",
                Latitude = Math.Round(CatalogueGenerator.MiddleLatitude + (_random.NextDouble() - 0.5) * 0.18, 6),
                Longitude = Math.Round(CatalogueGenerator.MiddleLongitude + (_random.NextDouble() - 0.5) * 0.28, 6),
                TimeZone = TimeZoneId,
                Status = CentreStatus.Open,
            });
        }
        db.AddRange(centres);
        await db.SaveChangesAsync();

        var programmes = MakeProgrammes(categories);
        db.AddRange(programmes);
        await db.SaveChangesAsync();

        var offerings = MakeOfferings(programmes, centres);
        db.AddRange(offerings);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new City(districts, centres, programmes, offerings);
    }

    /// <summary>One programme per theme of the search benchmark (those for children), and a second variant of a few.</summary>
    private static List<Programme> MakeProgrammes(Dictionary<string, Category> categories)
    {
        var topics = CatalogueWords.Topics.Where(t => t.MaxAgeMonths > 0).ToList();
        var chosen = topics.Select(t => (Topic: t, Qualifier: (Qualifier?)null))
            .Concat(Enumerable.Range(0, ExtraProgrammes).Select(i => (Topic: topics[i * 3 % topics.Count], Qualifier: (Qualifier?)CatalogueWords.Qualifiers[i])))
            .ToList();
        return chosen.Select((c, i) =>
        {
            var title = c.Qualifier is null ? c.Topic.De : $"{c.Topic.De} {c.Qualifier.De}";
            var maxAge = Math.Min(c.Topic.MaxAgeMonths, 168);
            return new Programme
            {
                Code = $"RP{i + 1:00}",
                Slug = $"{CatalogueGenerator.Fold(title)}-r{i + 1}",
                Type = c.Topic.Type,
                CategoryId = categories[c.Topic.Category].Id,
                Audience = c.Topic.Audience,
                MinAgeMonths = c.Topic.MinAgeMonths,
                MaxAgeMonths = Math.Max(maxAge, c.Topic.MinAgeMonths + 12),
                IsFree = i % 3 != 0,
                PriceAmount = i % 3 != 0 ? null : 5m,
                RegistrationMode = RegistrationMode.AtCentre,
                DeliveryLanguages = ["de"],
                PublicationState = PublicationState.Published,
                Texts =
                [
                    new ProgrammeText { Language = Languages.German, Title = title, Summary = $"{c.Topic.De} in Benchstadt." },
                    new ProgrammeText { Language = Languages.English, Title = c.Qualifier is null ? c.Topic.En : $"{c.Topic.En} {c.Qualifier.En}", Summary = $"{c.Topic.En} in Benchstadt." },
                    new ProgrammeText { Language = Languages.Turkish, Title = c.Qualifier is null ? c.Topic.Tr : $"{c.Topic.Tr} {c.Qualifier.Tr}", Summary = $"Benchstadt'ta {c.Topic.Tr}." },
                ],
            };
        }).ToList();
    }

    /// <summary>
    /// Offerings at every centre, of popular programmes more often. Most run through all three years; the others
    /// start or end in between. Regular groups meet on more days a week than courses and counselling hours.
    /// </summary>
    private List<Offering> MakeOfferings(List<Programme> programmes, List<Centre> centres)
    {
        var popularity = programmes.Select(_ => 1 + 3 * _random.NextDouble()).ToArray();
        var total = popularity.Sum();
        var offerings = new List<Offering>(size.Offerings);
        for (var i = 0; i < size.Offerings; i++)
        {
            var draw = _random.NextDouble() * total;
            var p = 0;
            while (p < programmes.Count - 1 && (draw -= popularity[p]) > 0) p++;
            var programme = programmes[p];
            var centre = centres[i % centres.Count];

            DateOnly start = FirstDay, end = LastDay;
            if (_random.NextDouble() >= 0.65)
            {
                start = FirstDay.AddDays(_random.Next(0, LastDay.DayNumber - FirstDay.DayNumber - 90));
                end = Min(LastDay, start.AddMonths(_random.Next(6, 31)));
            }
            var daysAWeek = programme.Type switch
            {
                ProgrammeType.ChildClass => _random.Next(4, 6),
                ProgrammeType.LearningSupport => _random.Next(3, 6),
                ProgrammeType.Counselling or ProgrammeType.EarlyHelp or ProgrammeType.ParentEducation or ProgrammeType.OpenMeeting => _random.Next(1, 3),
                _ => _random.Next(2, 4),
            };
            var weekdays = Weekdays.None;
            foreach (var day in new[] { Weekdays.Monday, Weekdays.Tuesday, Weekdays.Wednesday, Weekdays.Thursday, Weekdays.Friday }
                         .OrderBy(_ => _random.Next()).Take(daysAWeek))
            {
                weekdays |= day;
            }
            if (_random.NextDouble() < 0.05) weekdays |= Weekdays.Saturday;

            var startTime = programme.MinAgeMonths < 36 ? new TimeOnly(9, 0).AddMinutes(30 * _random.Next(0, 5)) : new TimeOnly(14, 0).AddMinutes(30 * _random.Next(0, 7));
            var schedule = Schedule.Weekly(start, end, weekdays, startTime, startTime.AddMinutes(Pick(new[] { 60, 90, 90, 120 })));
            var closures = _random.NextDouble() < 0.7 ? SchoolHolidays : SchoolHolidays.Where(h => h.From.Month == 12).ToArray();
            schedule = schedule with { ExcludedDates = [.. schedule.Dates().Where(d => closures.Any(h => d >= h.From && d <= h.To))] };
            var cancelled = _random.NextDouble() < CancelledOfferingShare;
            offerings.Add(new Offering
            {
                Code = $"RO{i + 1:00000}",
                ProgrammeId = programme.Id,
                CentreId = centre.Id,
                Capacity = programme.Type == ProgrammeType.OpenMeeting ? null : _random.Next(12, 31),
                Status = cancelled ? OfferingStatus.Cancelled : OfferingStatus.Scheduled,
                StatusNote = cancelled ? Pick(CatalogueWords.CancellationNotes) : null,
                PublicationState = PublicationState.Published,
                Schedule = schedule,
            });
        }
        return offerings;
    }

    /// <summary>
    /// Every session of every offering, by the domain's own schedule rule in the centre's time zone: held, a few
    /// cancelled (all of a cancelled offering's). Open meetings take no names, only a headcount.
    /// </summary>
    private async Task<(List<PlannedOffering> Planned, int Sessions, int Held)> CopySessionsAsync(NpgsqlConnection connection, City city)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var programmes = city.Programmes.ToDictionary(p => p.Id);
        var districtOfCentre = city.Centres.ToDictionary(c => c.Id, c => c.DistrictId);
        var planned = new List<PlannedOffering>();
        var ends = new List<DateTime> { default };
        long id = 0;
        var held = 0;
        await using (var writer = await BeginAsync(connection,
            "COPY sessions (id, offering_id, starts_at, ends_at, status, cancellation_reason, headcount_children, headcount_adults) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var offering in city.Offerings)
            {
                var programme = programmes[offering.ProgrammeId];
                var open = programme.Type == ProgrammeType.OpenMeeting;
                var dates = offering.Schedule.Dates().ToList();
                var ids = new long[dates.Count];
                var isHeld = new bool[dates.Count];
                for (var i = 0; i < dates.Count; i++)
                {
                    var startsAt = Schedule.ToUtc(dates[i], offering.Schedule.StartTime, zone);
                    var endsAt = Schedule.ToUtc(dates[i], offering.Schedule.EndTime, zone);
                    var cancelled = offering.Status == OfferingStatus.Cancelled || _random.NextDouble() < CancelledSessionShare;
                    ids[i] = ++id;
                    isHeld[i] = !cancelled && !open;   // for the planner: a held session that takes names
                    ends.Add(endsAt);
                    if (!cancelled) held++;
                    await writer.StartRowAsync();
                    await writer.WriteAsync(id, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(offering.Id, NpgsqlDbType.Integer);
                    await writer.WriteAsync(startsAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(endsAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync((cancelled ? SessionStatus.Cancelled : SessionStatus.Held).ToString(), NpgsqlDbType.Varchar);
                    await WriteNullableAsync(writer, cancelled ? offering.StatusNote ?? "Fällt aus: Krankheit." : null, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(writer, open && !cancelled ? _random.Next(3, 16) : (int?)null, NpgsqlDbType.Integer);
                    await WriteNullableAsync(writer, open && !cancelled ? _random.Next(2, 13) : (int?)null, NpgsqlDbType.Integer);
                }
                if (dates.Count > 0)
                {
                    planned.Add(new PlannedOffering(offering.Id, districtOfCentre[offering.CentreId], programme.MinAgeMonths, programme.MaxAgeMonths,
                        offering.Schedule.Weekdays, ids, [.. dates.Select(d => d.DayNumber)], isHeld));
                }
            }
            await writer.CompleteAsync();
        }
        city.SessionEnds = [.. ends];
        return (planned, (int)id, held);
    }

    private static async Task CopyChildrenAsync(NpgsqlConnection connection, ReachAttendancePlanner planner)
    {
        await using (var writer = await BeginAsync(connection,
            "COPY participants (id, code, birth_year, birth_month, district_id, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var child in planner.Children)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(child.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(child.Code, NpgsqlDbType.Varchar);
                await writer.WriteAsync(child.BirthYear, NpgsqlDbType.Integer);
                await writer.WriteAsync(child.BirthMonth, NpgsqlDbType.Integer);
                await writer.WriteAsync(child.DistrictId, NpgsqlDbType.Integer);
                await writer.WriteAsync(child.FirstEnrolledOn.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await BeginAsync(connection, "COPY enrolments (offering_id, participant_id, enrolled_on) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var enrolment in planner.Enrolments.OrderBy(e => e.OfferingId).ThenBy(e => e.ParticipantId))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(enrolment.OfferingId, NpgsqlDbType.Integer);
                await writer.WriteAsync(enrolment.ParticipantId, NpgsqlDbType.Integer);
                await writer.WriteAsync(enrolment.EnrolledOn, NpgsqlDbType.Date);
            }
            await writer.CompleteAsync();
        }
    }

    /// <summary>In primary key order, a million rows a statement; recorded when the session ended, by nobody in particular.</summary>
    private async Task CopyAttendancesAsync(NpgsqlConnection connection, ReachAttendancePlanner planner, DateTime[] sessionEnds)
    {
        for (var from = 0; from < planner.Rows; from += CopyChunk)
        {
            await using var writer = await BeginAsync(connection, "COPY attendances (session_id, participant_id, status, recorded_at) FROM STDIN (FORMAT BINARY)");
            for (var i = from; i < Math.Min(planner.Rows, from + CopyChunk); i++)
            {
                var (sessionId, participantId, status) = ReachAttendancePlanner.Unpack(planner.Attendances[i]);
                await writer.StartRowAsync();
                await writer.WriteAsync(sessionId, NpgsqlDbType.Bigint);
                await writer.WriteAsync(participantId, NpgsqlDbType.Integer);
                await writer.WriteAsync(status.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(sessionEnds[sessionId], NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
            Step($"  attendances {Math.Min(planner.Rows, from + CopyChunk):N0}");
        }
    }

    private async Task PrintSummaryAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM attendances WHERE status = 'Present') || ' present, '
                || (SELECT count(*) FROM attendances WHERE status = 'Absent') || ' absent, '
                || (SELECT count(*) FROM attendances WHERE status = 'Excused') || ' excused; '
                || (SELECT count(*) FROM reach_pending_participants) || ' children pending for the reach refresher; '
                || (SELECT round(avg(n), 1) FROM (SELECT count(*) AS n FROM attendances GROUP BY session_id) s) || ' children a session with attendance; '
                || pg_size_pretty(pg_total_relation_size('attendances')) || ' attendances with indexes'
            """, connection) { CommandTimeout = 600 };
        output.WriteLine(await command.ExecuteScalarAsync());
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static async Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string copy)
    {
        var writer = await connection.BeginBinaryImportAsync(copy);
        writer.Timeout = TimeSpan.FromMinutes(10);
        return writer;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : class =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value.Value, type);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        await command.ExecuteNonQueryAsync();
    }
}
