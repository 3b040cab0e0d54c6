using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// A small city for throwing bad input at every form and API: two centres, a programme with an offering and
/// today's session at centre A with enrolled children, and one account per role (centre staff at A).
/// </summary>
public sealed class BadInputFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = TestAccounts.Password;
    public const string Admin = "fuzz.admin@example.org";
    public const string Editor = "fuzz.editor@example.org";
    public const string Official = "fuzz.official@example.org";
    public const string Staff = "fuzz.staff@example.org";

    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public Programme Programme { get; private set; } = null!;
    public Offering OfferingA { get; private set; } = null!;
    public Session SessionA { get; private set; } = null!;
    public List<Participant> Children { get; } = [];
    public Dictionary<string, string> AccountIds { get; } = [];
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

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        CentreA = await catalogue.CentreAsync();
        CentreB = await catalogue.CentreAsync();
        District = await db.Districts.SingleAsync(d => d.Id == CentreA.DistrictId);
        Programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"), ("en", "Playgroup"));
        OfferingA = await catalogue.OfferingAsync(Programme, CentreA);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, berlin));
        var startsAt = Schedule.ToUtc(today, new TimeOnly(10, 0), berlin);
        SessionA = new Session { OfferingId = OfferingA.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
        db.Sessions.Add(SessionA);
        var random = new Random(8);
        for (var i = 0; i < 3; i++)
        {
            var child = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 3 + i, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            Children.Add(child);
            db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = OfferingA.Id, EnrolledOn = today });
        }
        await db.SaveChangesAsync();

        foreach (var (email, role) in new[] { (Admin, Roles.Admin), (Editor, Roles.Editor), (Official, Roles.Official), (Staff, Roles.CentreStaff) })
        {
            AccountIds[email] = (await TestAccounts.CreateAsync(this, email, role, centre: role == Roles.CentreStaff ? CentreA : null)).Id;
        }
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public Task<HttpClient> ClientAsync(string? email = null) => TestAccounts.ClientAsync(this, email);

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
}
