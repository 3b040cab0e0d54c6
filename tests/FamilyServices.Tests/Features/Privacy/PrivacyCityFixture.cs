using System.Globalization;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FamilyServices.Tests.Features.Privacy;

/// <summary>
/// A small city on a pinned clock (15 March 2026, Berlin): calendar years up to 2025 and school years up to 2024/25
/// are closed, 2026 and 2025/26 are open. Children with attendance in 2023, 2024 and 2026, and children for the
/// retention edges, whose last contact lies around 1 January 2023 (Berlin time), all at the test world's centre A. The
/// background refresh is off.
/// </summary>
public sealed class PrivacyCityFixture : TestWorld
{
    public static readonly DateTimeOffset Today = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public PinnedClock Clock { get; } = new(Today);

    /// <summary>Present in 2023, February and October 2024, and February 2026; nickname, enrolment, a corrected mark.</summary>
    public Participant Erased { get; private set; } = null!;

    /// <summary>Present in 2023 and 2026: stays.</summary>
    public Participant Stays2023And2026 { get; private set; } = null!;

    /// <summary>Present in October 2024 only: stays.</summary>
    public Participant Stays2024 { get; private set; } = null!;

    /// <summary>Present in May 2022 only: past the retention period from 1 January 2026.</summary>
    public Participant LastSeenMay2022 { get; private set; } = null!;

    /// <summary>At a session on 31 December 2022, 23:00 Berlin (22:00 UTC): past the retention period from 1 January 2026.</summary>
    public Participant LastSeenNewYearsEve2022 { get; private set; } = null!;

    /// <summary>At a session on 1 January 2023, 00:30 Berlin (still 2022 in UTC): kept until 1 January 2027.</summary>
    public Participant LastSeenNewYear2023 { get; private set; } = null!;

    /// <summary>Never attended, registered in June 2022: past the retention period from 1 January 2026.</summary>
    public Participant RegisteredJune2022 { get; private set; } = null!;

    /// <summary>Never attended, registered in February 2023: kept.</summary>
    public Participant RegisteredFebruary2023 { get; private set; } = null!;

    /// <summary>Where every child of this city attends: the world's centre A.</summary>
    public Centre Centre => CentreA;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.UseSetting("Portal:Privacy:RetentionHours", "0");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override async Task SeedAsync()
    {
        City.TimeZone.Should().Be("Europe/Berlin", "the dates below are Berlin's");
        await using var db = NewDb();
        var offering = OfferingA;

        Session Held(int year, int month, int day, int hour = 10, int minute = 0)
        {
            var startsAt = Schedule.ToUtc(new DateOnly(year, month, day), new TimeOnly(hour, minute), Berlin);
            var session = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Status = SessionStatus.Held };
            db.Sessions.Add(session);
            return session;
        }
        var may2022 = Held(2022, 5, 11);
        var newYearsEve = Held(2022, 12, 31, 23, 0);
        var newYear = Held(2023, 1, 1, 0, 30);
        var may2023 = Held(2023, 5, 10);
        var feb2024 = Held(2024, 2, 7);
        var oct2024 = Held(2024, 10, 9);
        var feb2026 = Held(2026, 2, 4);

        var random = new Random(8);
        Participant Child(int birthYear, int birthMonth, DateTime createdAt)
        {
            var child = new Participant
            {
                Code = ParticipantCode.Create(random), BirthYear = birthYear, BirthMonth = birthMonth, DistrictId = Centre.DistrictId, CreatedAt = createdAt,
            };
            db.Participants.Add(child);
            return child;
        }
        var registered = new DateTime(2022, 4, 1, 8, 0, 0, DateTimeKind.Utc);
        Erased = Child(2020, 3, registered);
        Stays2023And2026 = Child(2021, 7, registered);
        Stays2024 = Child(2019, 11, registered);
        LastSeenMay2022 = Child(2018, 1, registered);
        LastSeenNewYearsEve2022 = Child(2018, 2, registered);
        LastSeenNewYear2023 = Child(2018, 3, registered);
        RegisteredJune2022 = Child(2019, 1, new DateTime(2022, 6, 1, 8, 0, 0, DateTimeKind.Utc));
        RegisteredFebruary2023 = Child(2019, 2, new DateTime(2023, 2, 1, 8, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync();

        void Present(Session session, Participant child, AttendanceStatus status = AttendanceStatus.Present) =>
            db.Attendances.Add(new FamilyServices.Web.Domain.Attendance { SessionId = session.Id, ParticipantId = child.Id, Status = status, RecordedAt = session.EndsAt });
        foreach (var session in new[] { may2023, feb2024, oct2024, feb2026 }) Present(session, Erased);
        Present(may2023, Stays2023And2026);
        Present(feb2026, Stays2023And2026);
        Present(oct2024, Stays2024);
        Present(may2022, LastSeenMay2022);
        Present(may2022, LastSeenNewYearsEve2022);
        Present(newYearsEve, LastSeenNewYearsEve2022, AttendanceStatus.Absent);
        Present(newYear, LastSeenNewYear2023, AttendanceStatus.Excused);
        db.AttendanceChanges.Add(new AttendanceChange
        {
            SessionId = feb2024.Id, ParticipantId = Erased.Id, StatusBefore = AttendanceStatus.Absent, StatusAfter = AttendanceStatus.Present,
            ChangedAt = feb2024.EndsAt.AddDays(1),
        });
        db.ParticipantNicknames.Add(new ParticipantNickname { CentreId = Centre.Id, ParticipantId = Erased.Id, Nickname = "Mimi" });
        db.Enrolments.Add(new Enrolment { ParticipantId = Erased.Id, OfferingId = offering.Id, EnrolledOn = new DateOnly(2023, 5, 1) });
        await db.SaveChangesAsync();
        await RefreshAsync();
    }

    public async Task<ReachRefreshResult> RefreshAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of a query as one line of text, in order: whole tables compared as they are.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            rows.Add(string.Join(" | ", values.Select(v => v is Array a ? "{" + string.Join(",", a.Cast<object>()) + "}" : Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    /// <summary>
    /// The stored figures of every closed period (calendar years up to 2025, school years up to 2024/25), whole rows:
    /// key figures with their refresh time, and every group of every breakdown.
    /// </summary>
    public async Task<(List<string> Periods, List<string> Figures)> ClosedFiguresAsync(bool withRefreshTime = true)
    {
        const string closed = "((period_kind = 'Calendar' AND period_year <= 2025) OR (period_kind = 'School' AND period_year <= 2024))";
        var periods = await RowsAsync($"""
            SELECT period_kind, period_year, distinct_children, participations, anonymous_children, anonymous_adults, sessions_held,
                   active_offerings, active_centres{(withRefreshTime ? ", refreshed_at" : "")}
            FROM reach_periods WHERE {closed} ORDER BY 1, 2
            """);
        var figures = await RowsAsync($"SELECT * FROM reach_figures WHERE {closed} ORDER BY period_kind, period_year, scope, dimension, group_key");
        return (periods, figures);
    }
}
