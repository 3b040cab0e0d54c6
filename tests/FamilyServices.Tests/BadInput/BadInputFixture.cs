using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// The test world (two centres, a programme with an offering and today's session at each, an account per role) with
/// enrolled children at centre A, for throwing bad input at every form, rule class and API. Tests name the account
/// they act as by its role key (<see cref="StaffKey"/> etc.), so that lists of pages can say who opens them.
/// </summary>
public sealed class BadInputFixture : TestWorld
{
    public const string AdminKey = "admin";
    public const string EditorKey = "editor";
    public const string OfficialKey = "official";
    public const string StaffKey = "staff";

    public List<Participant> Children { get; } = [];
    public District District { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        // Thousands of posts from one address: the per-address limits are proven elsewhere.
        builder.UseSetting("Portal:RateLimits:ReportsPerHour", "100000");
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "100000");
        builder.UseSetting("Portal:RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("Portal:Reports:MinimumSecondsToFill", "0");
    }

    protected override async Task SeedAsync()
    {
        await using var db = NewDb();
        District = await db.Districts.SingleAsync(d => d.Id == CentreA.DistrictId);
        var random = new Random(8);
        var today = DateOnly.FromDateTime(TodayAt(new TimeOnly(12, 0)));
        for (var i = 0; i < 3; i++)
        {
            var child = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 3 + i, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            Children.Add(child);
            db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = OfferingA.Id, EnrolledOn = today });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The account a role key names (centre staff means staff of centre A).</summary>
    public Account AccountFor(string key) => key switch
    {
        AdminKey => Admin,
        EditorKey => Editor,
        OfficialKey => Official,
        StaffKey => StaffA,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "No such account in the bad-input world."),
    };

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when a role key is given.</summary>
    public Task<HttpClient> ClientAsync(string key) => ClientAsync(key.Length == 0 ? null : AccountFor(key));

    /// <summary>
    /// How many rows each table holds, except the ones a refused request may still write to (the audit trail of
    /// what was viewed, Data Protection keys, the sign-in bookkeeping on the account row does not add rows).
    /// </summary>
    public async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' " +
            "AND table_name NOT IN ('audit_events', 'data_protection_keys', '__EFMigrationsHistory') ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var sql = string.Join(" UNION ALL ", tables.Select(t => $"SELECT '{t}', count(*) FROM \"{t}\""));
        var counts = new Dictionary<string, long>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var rows = await command.ExecuteReaderAsync();
        while (await rows.ReadAsync()) counts[rows.GetString(0)] = rows.GetInt64(1);
        return counts;
    }

    /// <summary>The tables whose row counts differ between two <see cref="RowCountsAsync"/>, as "table before→after".</summary>
    public static IEnumerable<string> Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key} {before.GetValueOrDefault(t.Key)}→{t.Value}");
}
