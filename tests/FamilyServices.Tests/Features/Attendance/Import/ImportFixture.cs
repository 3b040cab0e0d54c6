using System.Net.Http.Headers;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Attendance.Import;

/// <summary>
/// The test world (centres A and B in Berlin time, an account per role) with API tokens for the staff of A and B, the
/// coordinator of A and the Admin, and known children at centre A. Each test makes its own offering, so tests do not
/// see each other's sessions. The importer's clock (for the API and the upload page alike) stands at <see cref="Now"/>,
/// inside the offerings' period, so the correction window (14 days after a session) is the same whenever the tests run.
/// </summary>
public sealed class ImportFixture : TestWorld
{
    public const string Header = "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status";

    /// <summary>Saturday 10 October 2026, noon UTC: sessions up to Monday 21 September are past the window, 5 October is inside it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(11);

    public District DistrictA { get; private set; } = null!;
    public List<Participant> ChildrenA { get; } = [];
    public string TokenA { get; private set; } = "";
    public string TokenB { get; private set; } = "";
    public string TokenCoordinatorA { get; private set; } = "";
    public string TokenAdmin { get; private set; } = "";

    /// <summary>Only the importer's clock is pinned: sign-in cookies, circuits and tokens keep the real time they expire by.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScoped(provider => ActivatorUtilities.CreateInstance<AttendanceImporter>(provider, (TimeProvider)new PinnedClock(Now)));
            services.AddScoped(provider => ActivatorUtilities.CreateInstance<ImportUpload>(provider, (TimeProvider)new PinnedClock(Now)));
        });
    }

    protected override async Task SeedAsync()
    {
        await using (var db = NewDb())
        {
            DistrictA = await db.Districts.FindAsync(CentreA.DistrictId) ?? throw new InvalidOperationException("Centre A has no district.");
            for (var i = 0; i < 5; i++)
            {
                var child = new Participant { Code = NewCode(), BirthYear = 2022, BirthMonth = 1 + i, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
                ChildrenA.Add(child);
                db.Participants.Add(child);
            }
            await db.SaveChangesAsync();
        }
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        async Task<string> TokenAsync(Account account) =>
            (await tokens.IssueAsync(await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException(account.Email), "attendance import", 30)).Token;
        (TokenA, TokenB, TokenCoordinatorA, TokenAdmin) = (await TokenAsync(StaffA), await TokenAsync(StaffB), await TokenAsync(CoordinatorA), await TokenAsync(Admin));
    }

    /// <summary>A new offering from 1 September to 18 December 2026, Mondays and Wednesdays 10:00–11:30 local time.</summary>
    public async Task<Offering> OfferingAsync(Centre? centre = null)
    {
        await using var db = NewDb();
        return await new TestCatalogue(db).OfferingAsync(Programme, centre ?? CentreA);
    }

    public string NewCode()
    {
        lock (_random) return ParticipantCode.Create(_random);
    }

    /// <summary>Rows with one mistake each: even lines an unknown offering, odd lines an unknown status.</summary>
    public string ManyBadRows(string offeringCode, int count) => Csv(Enumerable.Range(2, count)
        .Select(line => line % 2 == 0
            ? $"NO-SUCH-OFFER,2026-10-05,10:00,{ChildrenA[0].Code},,,,present"
            : $"{offeringCode},2026-10-05,10:00,{ChildrenA[0].Code},,,,late")
        .ToArray());

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    public async Task<HttpResponseMessage> PostCsvAsync(string token, string csv)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync("/api/v1/attendance/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
    }
}
