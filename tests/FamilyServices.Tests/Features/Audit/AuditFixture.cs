using System.Net.Http.Headers;
using System.Text;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>
/// The test world on the real clock with every log event captured at Debug level, plus: centre A's offering runs every
/// day of this year, with twelve enrolled children; a member of centre A's staff
/// (with an API token), an Admin and an official, each with a name. Tests make their own sessions with <see cref="SessionAsync"/>.
/// </summary>
public sealed class AuditFixture : TestWorld
{
    public const string Staff = "mira.staff@example.org";
    public const string StaffName = "Mira Beispiel";
    // The world's own Admin and Official are accounts; these named ones are e-mail addresses (hiding the world's on purpose).
    public new const string Admin = "ada.admin@example.org";
    public const string AdminName = "Ada Adminova";
    public new const string Official = "otto.official@example.org";

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public CapturedLogs Logs { get; } = new();
    public District DistrictA { get; private set; } = null!;
    public List<Participant> ChildrenA { get; } = [];
    public Dictionary<string, string> Ids { get; } = [];
    public string StaffToken { get; private set; } = "";
    public DateOnly Today { get; } = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Berlin));

    /// <summary>The named accounts of <see cref="Staff"/>, <see cref="Admin"/> and <see cref="Official"/>, for pages rendered with bunit.</summary>
    public Account NamedAdmin => new(Admin, Ids[Admin], Roles.Admin);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.UseSetting("Portal:Reports:MinimumSecondsToFill", "0");
        builder.LogEverythingFromDebug();
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    protected override async Task SeedAsync()
    {
        await using var db = NewDb();
        DistrictA = await db.Districts.SingleAsync(d => d.Id == CentreA.DistrictId);
        var everyDay = Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday;
        var daily = await db.Offerings.SingleAsync(o => o.Id == OfferingA.Id);
        daily.Schedule = Schedule.Weekly(new DateOnly(Today.Year, 1, 1), new DateOnly(Today.Year, 12, 31), everyDay, new TimeOnly(10, 0), new TimeOnly(11, 0));
        var random = new Random(8);
        for (var i = 0; i < 12; i++)
        {
            var child = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 1 + i, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            ChildrenA.Add(child);
            db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = OfferingA.Id, EnrolledOn = Today });
        }
        await db.SaveChangesAsync();

        foreach (var (email, name, role) in new[] { (Staff, StaffName, Roles.CentreStaff), (Admin, AdminName, Roles.Admin), (Official, "Otto Official", Roles.Official) })
        {
            var user = await TestAccounts.CreateAsync(this, email, role, name, role == Roles.CentreStaff ? CentreA : null);
            Ids[email] = user.Id;
            if (role == Roles.CentreStaff)
            {
                await using var scope = Scope();
                StaffToken = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "audit tests", 30)).Token;
            }
        }
    }

    /// <summary>A new session of centre A's offering, <paramref name="daysAgo"/> days before today at 10:00 Berlin time.</summary>
    public async Task<Session> SessionAsync(int daysAgo = 0)
    {
        await using var db = NewDb();
        var startsAt = Schedule.ToUtc(Today.AddDays(-daysAgo), new TimeOnly(10, 0), Berlin).AddMinutes(-Interlocked.Increment(ref _minutes));
        var session = new Session { OfferingId = OfferingA.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    private static int _minutes;

    /// <summary>The newest trail entries first, those after <paramref name="afterId"/> only.</summary>
    public async Task<List<AuditEvent>> EntriesAfterAsync(long afterId)
    {
        await using var db = NewDb();
        return await db.AuditEvents.AsNoTracking().Where(e => e.Id > afterId).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<long> LastEntryIdAsync()
    {
        await using var db = NewDb();
        return await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    public async Task<string> PseudonymAsync(int participantId)
    {
        await using var db = NewDb();
        var secret = await db.AuditKeys.Select(k => k.Secret).SingleAsync();
        return Web.Features.Audit.AuditTrail.Pseudonym(secret, participantId);
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public Task<HttpClient> ClientAsync(string? email = null) => TestAccounts.ClientAsync(this, email);

    public async Task<HttpResponseMessage> PostCsvAsync(string csv)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        return await client.PostAsync("/api/v1/attendance/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
    }
}
