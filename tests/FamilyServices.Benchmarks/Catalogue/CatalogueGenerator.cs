using System.Diagnostics;
using System.Globalization;
using System.Text;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace FamilyServices.Benchmarks.Catalogue;

/// <summary>How much catalogue to generate.</summary>
public sealed record CatalogueSize(int Programmes, int Offerings, int Centres)
{
    public static readonly CatalogueSize Default = new(5_000, 20_000, 500);
}

/// <summary>
/// Writes the benchmark city "Benchstadt" into an empty, migrated database: deterministic for a given seed and
/// "today". Small reference tables go through EF; programmes, their texts, offerings and sessions through binary
/// COPY (the database's triggers fill the search_text columns, as for every other writer). One transaction, so a
/// failed run leaves the database empty; VACUUM ANALYZE afterwards so the planner sees real statistics at once.
/// </summary>
public sealed class CatalogueGenerator(string connectionString, CatalogueSize size, DateOnly today, int seed, TextWriter output)
{
    public const string CityCode = "benchcity";
    public const string TimeZoneId = "Europe/Berlin";

    /// <summary>The middle of the city; centres spread over about 20 × 20 km around it.</summary>
    public const double MiddleLatitude = 51.20;
    public const double MiddleLongitude = 7.10;
    public const double SideKm = 20;
    private const int GridColumns = 5;
    private const int GridRows = 4;
    private const int PostcodesPerDistrict = 4;

    /// <summary>Sessions are written for this many days from today: enough for the "this week" filter.</summary>
    private const int SessionDays = 14;

    private static readonly double LatitudeSpan = SideKm / 111.2;
    private static readonly double LongitudeSpan = SideKm / (111.32 * Math.Cos(MiddleLatitude * Math.PI / 180));

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
        if (await db.CityProfiles.AnyAsync() || await db.Programmes.AnyAsync() || await db.Centres.AnyAsync())
        {
            await Console.Error.WriteLineAsync("error: the database is not empty; generate-catalogue writes only into an empty database.");
            return 2;
        }

        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var places = await WriteReferenceDataAsync(db);
            Step($"reference data: 1 city, {places.Organisations.Count} organisations, {places.Districts.Count} districts, " +
                 $"{places.Postcodes} postcodes, {places.Categories.Count} categories, {places.Centres.Count} centres, " +
                 $"{places.Centres.Sum(c => c.Rooms.Count)} rooms (EF)");

            var programmes = MakeProgrammes(places);
            await CopyProgrammesAsync(connection, programmes);
            Step($"{programmes.Count} programmes, {programmes.Count * 3} texts (de, en, tr), " +
                 $"{programmes.Sum(p => p.Partners.Count)} partner links (COPY)");

            var offerings = MakeOfferings(programmes, places);
            await CopyOfferingsAsync(connection, offerings);
            Step($"{offerings.Count} offerings: {offerings.Count(o => o.Offering.PublicationState == PublicationState.Published)} published, " +
                 $"{offerings.Count(o => o.Offering.IsOnline)} online, {offerings.Count(o => o.Offering.Status == OfferingStatus.Cancelled)} cancelled (COPY)");

            var sessions = await CopySessionsAsync(connection, offerings);
            Step($"{sessions} sessions from {today:yyyy-MM-dd} to {today.AddDays(SessionDays - 1):yyyy-MM-dd} (COPY)");

            foreach (var table in new[] { "programmes", "offerings", "sessions" })
            {
                await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))");
            }
            await transaction.CommitAsync();
        }
        await ExecuteAsync(connection, "VACUUM ANALYZE");
        Step("committed, VACUUM ANALYZE");
        await db.Database.CloseConnectionAsync();
        output.WriteLine($"Generated the {CityCode} catalogue (seed {seed}, today {today:yyyy-MM-dd}) in {_clock.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private void Step(string what) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {what}");

    private sealed record Places(
        List<Organisation> Organisations, List<District> Districts, int Postcodes, List<Category> Categories,
        List<Centre> Centres, Dictionary<string, Category> CategoryByCode);

    private async Task<Places> WriteReferenceDataAsync(FamilyServicesDb db)
    {
        db.Add(new CityProfile
        {
            Code = CityCode, Name = "Benchstadt", DefaultLanguage = Languages.German, TimeZone = TimeZoneId, Currency = "EUR",
            MapLatitude = MiddleLatitude, MapLongitude = MiddleLongitude,
        });

        var organisations = CatalogueWords.Organisations
            .Select(o => new Organisation { Code = o.Code, Name = o.Name, Kind = o.Kind, Website = $"https://{o.Code}.benchstadt.example" })
            .ToList();
        db.AddRange(organisations);

        var districts = CatalogueWords.Districts
            .Select((name, i) => new District { Code = Fold(name), Name = name, IsFocusArea = i % 4 == 1 })
            .ToList();
        db.AddRange(districts);

        var categoryByCode = new Dictionary<string, Category>();
        foreach (var row in CatalogueWords.Categories)
        {
            var category = new Category
            {
                Code = row.Code,
                Parent = row.Parent is null ? null : categoryByCode[row.Parent],
                Names =
                [
                    new CategoryName { Language = Languages.German, Name = row.De },
                    new CategoryName { Language = Languages.English, Name = row.En },
                    new CategoryName { Language = Languages.Turkish, Name = row.Tr },
                ],
            };
            categoryByCode.Add(row.Code, category);
        }
        db.AddRange(categoryByCode.Values);

        // Postcodes: a few points in each district's cell of the grid.
        var postcodes = new List<(string Code, int District, double Latitude, double Longitude)>();
        for (var d = 0; d < districts.Count; d++)
        {
            for (var k = 0; k < PostcodesPerDistrict; k++)
            {
                var (latitude, longitude) = PointInCell(d);
                postcodes.Add(((45100 + d * 20 + k * 5).ToString(CultureInfo.InvariantCulture), d, latitude, longitude));
            }
        }

        var centres = new List<Centre>();
        for (var i = 0; i < size.Centres; i++)
        {
            var latitude = MiddleLatitude + (_random.NextDouble() - 0.5) * LatitudeSpan;
            var longitude = MiddleLongitude + (_random.NextDouble() - 0.5) * LongitudeSpan;
            var d = CellOf(latitude, longitude);
            var postcode = postcodes.Where(p => p.District == d)
                .MinBy(p => Math.Pow(p.Latitude - latitude, 2) + Math.Pow(p.Longitude - longitude, 2));
            var kind = Pick(CatalogueWords.CentreKinds);
            var name = $"{kind.De} {Pick(CatalogueWords.CentreNames)} {districts[d].Name}";
            var roomCount = kind.Type is CentreType.Library ? 1 : _random.Next(1, 4);
            centres.Add(new Centre
            {
                Code = $"C{i + 1:0000}",
                Name = name,
                Type = kind.Type,
                Operator = organisations.Single(o => o.Code == kind.Operator),
                District = districts[d],
                Street = $"{Pick(CatalogueWords.Streets)} {_random.Next(1, 120)}",
                Postcode = postcode.Code,
                Locality = "Benchstadt",
                Latitude = Math.Round(latitude, 6),
                Longitude = Math.Round(longitude, 6),
                Phone = $"+49 2345 {_random.Next(100000, 999999)}",
                Email = $"c{i + 1:0000}@benchstadt.example",
                TimeZone = TimeZoneId,
                AccessibilityFeatures = [.. AccessibilityFeatures.All.Where(_ => _random.NextDouble() < 0.45)],
                LanguagesSpoken = ["de", .. new[] { "en", "tr", "ar", "ru" }.Where(_ => _random.NextDouble() < 0.3)],
                Status = _random.NextDouble() < 0.02 ? CentreStatus.TemporarilyClosed : CentreStatus.Open,
                StatusReason = null,
                OpeningHours = [.. WeekdaysExtensions.AllWeek.Days().Take(_random.NextDouble() < 0.2 ? 6 : 5)
                    .Select(day => new OpeningHours { Day = day, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(day == DayOfWeek.Saturday ? 13 : 17, 0) })],
                Rooms = [.. CatalogueWords.RoomNames.Take(roomCount).Select(room => new Room
                {
                    Name = room, Kind = room == "Bewegungsraum" ? RoomKind.Hall : RoomKind.Playroom, Capacity = _random.Next(10, 40),
                })],
            });
        }
        foreach (var centre in centres.Where(c => c.Status == CentreStatus.TemporarilyClosed))
        {
            centre.StatusReason = "Wegen Renovierung geschlossen.";
            centre.ClosedUntil = today.AddDays(30);
        }
        db.AddRange(centres);
        await db.SaveChangesAsync();

        db.AddRange(postcodes.Select(p => new Postcode
        {
            Code = p.Code, Locality = "Benchstadt", DistrictId = districts[p.District].Id,
            Latitude = Math.Round(p.Latitude, 6), Longitude = Math.Round(p.Longitude, 6),
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return new Places(organisations, districts, postcodes.Count, [.. categoryByCode.Values], centres, categoryByCode);
    }

    private (double Latitude, double Longitude) PointInCell(int district)
    {
        var (column, row) = (district % GridColumns, district / GridColumns);
        var latitude = MiddleLatitude - LatitudeSpan / 2 + (row + 0.15 + 0.7 * _random.NextDouble()) * LatitudeSpan / GridRows;
        var longitude = MiddleLongitude - LongitudeSpan / 2 + (column + 0.15 + 0.7 * _random.NextDouble()) * LongitudeSpan / GridColumns;
        return (latitude, longitude);
    }

    private static int CellOf(double latitude, double longitude)
    {
        var row = Math.Clamp((int)((latitude - (MiddleLatitude - LatitudeSpan / 2)) / (LatitudeSpan / GridRows)), 0, GridRows - 1);
        var column = Math.Clamp((int)((longitude - (MiddleLongitude - LongitudeSpan / 2)) / (LongitudeSpan / GridColumns)), 0, GridColumns - 1);
        return row * GridColumns + column;
    }

    private sealed record GeneratedProgramme(Programme Programme, Topic Topic, List<int> Partners);

    private List<GeneratedProgramme> MakeProgrammes(Places places)
    {
        var programmes = new List<GeneratedProgramme>(size.Programmes);
        for (var i = 0; i < size.Programmes; i++)
        {
            var topic = Pick(CatalogueWords.Topics);
            var qualifier = Pick(CatalogueWords.Qualifiers);
            var district = Pick(places.Districts).Name;
            var withDistrict = _random.NextDouble() < 0.5;
            var summary = Pick(CatalogueWords.Summaries);
            var min = Math.Max(0, topic.MinAgeMonths + _random.Next(-6, 7));
            var max = Math.Max(min, topic.MaxAgeMonths + _random.Next(-12, 13));
            var isFree = _random.NextDouble() < 0.55;
            var registration = (RegistrationMode)_random.Next(0, 4);
            string[] languages = _random.NextDouble() < 0.04
                ? ["tr"]
                : ["de", .. CatalogueWords.ExtraDeliveryLanguages.Where(l => _random.NextDouble() < l.Share).Select(l => l.Language)];

            var titleDe = $"{topic.De} {qualifier.De}" + (withDistrict ? $" {district}" : "");
            var programme = new Programme
            {
                Id = i + 1,
                Code = $"BP{i + 1:00000}",
                Slug = $"{Fold(titleDe)}-{i + 1}",
                Type = topic.Type,
                CategoryId = places.CategoryByCode[topic.Category].Id,
                Audience = topic.Audience,
                MinAgeMonths = min,
                MaxAgeMonths = max,
                IsFree = isFree,
                PriceAmount = isFree ? null : Pick(new[] { 3m, 5m, 8m, 10m, 15m, 25m, 40m, 60m, 90m }),
                RegistrationMode = registration,
                RegistrationUrl = registration == RegistrationMode.Online ? $"https://anmeldung.benchstadt.example/BP{i + 1:00000}" : null,
                DeliveryLanguages = languages,
                LastCheckedOn = today.AddDays(-_random.Next(0, 300)),
                PublicationState = PublicationState.Published,
                Texts =
                [
                    Text(Languages.German, titleDe, string.Format(CultureInfo.InvariantCulture, summary.De, topic.De, district), CatalogueWords.Descriptions.Description),
                    Text(Languages.English, $"{topic.En} {qualifier.En}" + (withDistrict ? $" in {district}" : ""),
                        string.Format(CultureInfo.InvariantCulture, summary.En, topic.En, district), CatalogueWords.Descriptions.En),
                    Text(Languages.Turkish, $"{topic.Tr} {qualifier.Tr}" + (withDistrict ? $" ({district})" : ""),
                        string.Format(CultureInfo.InvariantCulture, summary.Tr, topic.Tr, district), CatalogueWords.Descriptions.Tr),
                ],
            };
            var partners = places.Organisations.Where(_ => _random.NextDouble() < 0.06).Select(o => o.Id).Take(3).ToList();
            programmes.Add(new GeneratedProgramme(programme, topic, partners));
        }
        return programmes;

        static ProgrammeText Text(string language, string title, string summary, string description) => new()
        {
            Language = language, Title = title, Summary = summary, Description = description,
        };
    }

    private sealed record GeneratedOffering(Offering Offering, Centre Centre);

    private List<GeneratedOffering> MakeOfferings(List<GeneratedProgramme> programmes, Places places)
    {
        var offerings = new List<GeneratedOffering>(size.Offerings);
        // Popular programmes run at many centres: every programme gets one offering, the rest go mostly to a fifth of them.
        var popular = programmes.Where((_, i) => i % 5 == 0).ToList();
        for (var i = 0; i < size.Offerings; i++)
        {
            var programme = i < programmes.Count ? programmes[i]
                : _random.NextDouble() < 0.6 ? Pick(popular) : Pick(programmes);
            var centre = Pick(places.Centres);
            var isOnline = _random.NextDouble() < 0.03;
            var publication = _random.NextDouble() switch
            {
                < 0.04 => PublicationState.Draft,
                < 0.10 => PublicationState.Archived,
                _ => PublicationState.Published,
            };
            var status = _random.NextDouble() switch
            {
                < 0.03 => OfferingStatus.Cancelled,
                < 0.09 => OfferingStatus.Full,
                _ => OfferingStatus.Scheduled,
            };
            var room = isOnline || centre.Rooms.Count == 0 || _random.NextDouble() < 0.3 ? null : Pick(centre.Rooms);
            offerings.Add(new GeneratedOffering(new Offering
            {
                Id = i + 1,
                Code = $"BO{i + 1:000000}",
                ProgrammeId = programme.Programme.Id,
                CentreId = centre.Id,
                RoomId = room?.Id,
                IsOnline = isOnline,
                OnlineUrl = isOnline ? $"https://meet.benchstadt.example/BO{i + 1:000000}" : null,
                Capacity = programme.Topic.Type == ProgrammeType.OpenMeeting ? null : _random.Next(6, 26),
                Status = status,
                StatusNote = status == OfferingStatus.Cancelled ? Pick(CatalogueWords.CancellationNotes) : null,
                PublicationState = publication,
                Schedule = MakeSchedule(publication),
            }, centre));
        }
        return offerings;
    }

    private Schedule MakeSchedule(PublicationState publication)
    {
        DateOnly start, end;
        if (publication == PublicationState.Archived)
        {
            start = today.AddDays(-_random.Next(120, 330));
            end = Min(start.AddDays(7 * _random.Next(6, 17)), today.AddDays(-1));
        }
        else if (_random.NextDouble() < 0.08)
        {
            // Ended in the last weeks but not archived yet: the search must leave it out.
            end = today.AddDays(-_random.Next(1, 35));
            start = end.AddDays(-7 * _random.Next(6, 20));
        }
        else
        {
            start = today.AddDays(_random.Next(-100, 61));
            end = start.AddDays(7 * _random.Next(6, 37));
            if (end < today) end = today.AddDays(7 * _random.Next(2, 12));
        }

        var slot = _random.NextDouble();
        var startTime = slot switch
        {
            < 0.45 => new TimeOnly(8, 30).AddMinutes(15 * _random.Next(0, 13)),   // 08:30–11:30
            < 0.85 => new TimeOnly(14, 0).AddMinutes(15 * _random.Next(0, 11)),   // 14:00–16:30
            _ => new TimeOnly(17, 0).AddMinutes(15 * _random.Next(0, 11)),        // 17:00–19:30
        };
        var endTime = startTime.AddMinutes(Pick(new[] { 45, 60, 60, 90, 90, 120 }));

        if (_random.NextDouble() < 0.04)
        {
            var days = Math.Max(1, end.DayNumber - start.DayNumber);
            var dates = Enumerable.Range(0, _random.Next(3, 8)).Select(_ => start.AddDays(_random.Next(0, days + 1))).Distinct().ToList();
            return Schedule.OnDates(dates, startTime, endTime);
        }

        var weekdays = Weekdays.None;
        var count = _random.NextDouble() switch { < 0.6 => 1, < 0.9 => 2, _ => 3 };
        while (CountDays(weekdays) < count)
        {
            weekdays |= _random.NextDouble() switch
            {
                < 0.18 => Weekdays.Monday,
                < 0.38 => Weekdays.Tuesday,
                < 0.58 => Weekdays.Wednesday,
                < 0.76 => Weekdays.Thursday,
                < 0.90 => Weekdays.Friday,
                < 0.97 => Weekdays.Saturday,
                _ => Weekdays.Sunday,
            };
        }
        var schedule = Schedule.Weekly(start, end, weekdays, startTime, endTime);
        if (_random.NextDouble() < 0.5)
        {
            // Closed between Christmas and New Year.
            var holidays = Enumerable.Range(0, 9).Select(d => new DateOnly(today.Year, 12, 24).AddDays(d))
                .Where(d => d >= start && d <= end && weekdays.Includes(d.DayOfWeek)).ToArray();
            schedule = schedule with { ExcludedDates = holidays };
        }
        return schedule;
    }

    private static int CountDays(Weekdays days) => days.Days().Count();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static async Task CopyProgrammesAsync(NpgsqlConnection connection, List<GeneratedProgramme> programmes)
    {
        await using (var writer = await BeginAsync(connection,
            "COPY programmes (id, code, slug, type, category_id, audience, min_age_months, max_age_months, is_free, price_amount, " +
            "registration_mode, registration_url, delivery_languages, last_checked_on, publication_state) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in programmes.Select(g => g.Programme))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(p.Code, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Slug, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Type.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.CategoryId, NpgsqlDbType.Integer);
                await writer.WriteAsync((int)p.Audience, NpgsqlDbType.Integer);
                await writer.WriteAsync(p.MinAgeMonths, NpgsqlDbType.Integer);
                await writer.WriteAsync(p.MaxAgeMonths, NpgsqlDbType.Integer);
                await writer.WriteAsync(p.IsFree, NpgsqlDbType.Boolean);
                await WriteNullableAsync(writer, p.PriceAmount, NpgsqlDbType.Numeric);
                await writer.WriteAsync(p.RegistrationMode.ToString(), NpgsqlDbType.Varchar);
                await WriteNullableAsync(writer, p.RegistrationUrl, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.DeliveryLanguages, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await WriteNullableAsync(writer, p.LastCheckedOn, NpgsqlDbType.Date);
                await writer.WriteAsync(p.PublicationState.ToString(), NpgsqlDbType.Varchar);
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await BeginAsync(connection,
            "COPY programme_texts (programme_id, language, title, summary, description, cost_note, registration_note) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in programmes.Select(g => g.Programme))
            {
                foreach (var t in p.Texts)
                {
                    await writer.StartRowAsync();
                    await writer.WriteAsync(p.Id, NpgsqlDbType.Integer);
                    await writer.WriteAsync(t.Language, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(t.Title, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(t.Summary, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(t.Description, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(writer, t.CostNote, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(writer, t.RegistrationNote, NpgsqlDbType.Varchar);
                }
            }
            await writer.CompleteAsync();
        }

        await using (var writer = await BeginAsync(connection,
            "COPY programme_partners (programme_id, organisation_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (p, partner) in programmes.SelectMany(g => g.Partners.Select(o => (g.Programme, o))))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(p.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(partner, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
    }

    private static async Task CopyOfferingsAsync(NpgsqlConnection connection, List<GeneratedOffering> offerings)
    {
        await using var writer = await BeginAsync(connection,
            "COPY offerings (id, code, programme_id, centre_id, room_id, is_online, online_url, capacity, status, status_note, publication_state, " +
            "schedule_end_date, schedule_end_time, schedule_excluded_dates, schedule_extra_dates, schedule_kind, schedule_start_date, " +
            "schedule_start_time, schedule_weekdays) FROM STDIN (FORMAT BINARY)");
        foreach (var o in offerings.Select(g => g.Offering))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(o.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.Code, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.ProgrammeId, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.CentreId, NpgsqlDbType.Integer);
            await WriteNullableAsync(writer, o.RoomId, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.IsOnline, NpgsqlDbType.Boolean);
            await WriteNullableAsync(writer, o.OnlineUrl, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, o.Capacity, NpgsqlDbType.Integer);
            await writer.WriteAsync(o.Status.ToString(), NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, o.StatusNote, NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.PublicationState.ToString(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.Schedule.EndDate, NpgsqlDbType.Date);
            await writer.WriteAsync(o.Schedule.EndTime, NpgsqlDbType.Time);
            await writer.WriteAsync(o.Schedule.ExcludedDates, NpgsqlDbType.Array | NpgsqlDbType.Date);
            await writer.WriteAsync(o.Schedule.ExtraDates, NpgsqlDbType.Array | NpgsqlDbType.Date);
            await writer.WriteAsync(o.Schedule.Kind.ToString(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(o.Schedule.StartDate, NpgsqlDbType.Date);
            await writer.WriteAsync(o.Schedule.StartTime, NpgsqlDbType.Time);
            await writer.WriteAsync((int)o.Schedule.Weekdays, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
    }

    /// <summary>The sessions of the next two weeks, expanded by the domain's own schedule rule in the centre's time zone.</summary>
    private async Task<int> CopySessionsAsync(NpgsqlConnection connection, List<GeneratedOffering> offerings)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
        var last = today.AddDays(SessionDays - 1);
        long id = 0;
        await using var writer = await BeginAsync(connection,
            "COPY sessions (id, offering_id, starts_at, ends_at, status, cancellation_reason) FROM STDIN (FORMAT BINARY)");
        foreach (var o in offerings.Select(g => g.Offering))
        {
            if (o.PublicationState == PublicationState.Archived || o.Schedule.EndDate < today || o.Schedule.StartDate > last) continue;
            var window = o.Schedule with
            {
                StartDate = o.Schedule.StartDate < today ? today : o.Schedule.StartDate,
                EndDate = o.Schedule.EndDate > last ? last : o.Schedule.EndDate,
            };
            foreach (var (startsAt, endsAt) in window.Occurrences(zone))
            {
                var cancelled = o.Status == OfferingStatus.Cancelled || _random.NextDouble() < 0.01;
                await writer.StartRowAsync();
                await writer.WriteAsync(++id, NpgsqlDbType.Bigint);
                await writer.WriteAsync(o.Id, NpgsqlDbType.Integer);
                await writer.WriteAsync(startsAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(endsAt, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync((cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled).ToString(), NpgsqlDbType.Varchar);
                await WriteNullableAsync(writer, cancelled ? o.StatusNote ?? "Fällt aus: Krankheit." : null, NpgsqlDbType.Varchar);
            }
        }
        await writer.CompleteAsync();
        return (int)id;
    }

    private static async Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string copy)
    {
        var writer = await connection.BeginBinaryImportAsync(copy);
        writer.Timeout = TimeSpan.FromMinutes(5);
        return writer;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : class =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value.Value, type);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A lower-case ASCII code: "Am Wasserturm" → "am-wasserturm", "Ölmühle" → "oelmuehle".</summary>
    public static string Fold(string text)
    {
        var result = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            var ascii = c switch
            {
                'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", 'é' => "e",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "-",
            };
            if (ascii == "-" && (result.Length == 0 || result[^1] == '-')) continue;
            result.Append(ascii);
        }
        return result.ToString().TrimEnd('-');
    }
}
