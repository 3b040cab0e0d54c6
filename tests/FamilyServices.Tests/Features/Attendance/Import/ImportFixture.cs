using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Attendance.Import;

/// <summary>
/// Two centres in Berlin time, a staff member of each with an API token, a coordinator and an Admin with tokens too,
/// and known children at centre A. Each test makes its own offering, so tests do not see each other's sessions.
/// The importer's clock stands at <see cref="Now"/>, inside the offerings' period, so the correction window
/// (14 days after a session) is the same whenever the tests run.
/// </summary>
public sealed class ImportFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = "a long enough passphrase";
    public const string Header = "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status";

    /// <summary>Saturday 10 October 2026, noon UTC: sessions up to Monday 21 September are past the window, 5 October is inside it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 10, 12, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(11);
    private Programme _programme = null!;

    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public District DistrictA { get; private set; } = null!;
    public List<Participant> ChildrenA { get; } = [];
    public string StaffA { get; } = "import.staff.a@example.org";
    public string TokenA { get; private set; } = "";
    public string TokenB { get; private set; } = "";
    public string CoordinatorA { get; } = "import.coordinator.a@example.org";
    public string TokenCoordinatorA { get; private set; } = "";
    public string TokenAdmin { get; private set; } = "";

    /// <summary>Only the importer's clock is pinned: sign-in cookies and tokens keep the real time they expire by.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.AddScoped(provider => ActivatorUtilities.CreateInstance<AttendanceImporter>(provider, (TimeProvider)new PinnedClock(Now))));
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        CentreA = await catalogue.CentreAsync();
        CentreB = await catalogue.CentreAsync();
        DistrictA = await db.Districts.FindAsync(CentreA.DistrictId) ?? throw new InvalidOperationException("Centre A has no district.");
        _programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"));
        for (var i = 0; i < 5; i++)
        {
            var child = new Participant { Code = NewCode(), BirthYear = 2022, BirthMonth = 1 + i, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            ChildrenA.Add(child);
            db.Participants.Add(child);
        }
        await db.SaveChangesAsync();

        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        var accounts = new (string Email, string Role, Centre? Centre, bool Coordinator)[]
        {
            (StaffA, Roles.CentreStaff, CentreA, false),
            ("import.staff.b@example.org", Roles.CentreStaff, CentreB, false),
            (CoordinatorA, Roles.CentreStaff, CentreA, true),
            ("import.admin@example.org", Roles.Admin, null, false),
        };
        var issued = new List<string>();
        foreach (var (email, role, centre, coordinator) in accounts)
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = email };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, role);
            if (centre is not null) db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id, IsCoordinator = coordinator });
            await db.SaveChangesAsync();
            issued.Add((await tokens.IssueAsync(user, "attendance import", 30)).Token);
        }
        (TokenA, TokenB, TokenCoordinatorA, TokenAdmin) = (issued[0], issued[1], issued[2], issued[3]);
    }

    /// <summary>The id of a staff account, to check who a trail entry names.</summary>
    public async Task<string> UserIdAsync(string email)
    {
        await using var db = NewDb();
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A new offering from 1 September to 18 December 2026, Mondays and Wednesdays 10:00–11:30 local time.</summary>
    public async Task<Offering> OfferingAsync(Centre? centre = null)
    {
        await using var db = NewDb();
        return await new TestCatalogue(db).OfferingAsync(_programme, centre ?? CentreA);
    }

    public string NewCode()
    {
        lock (_random) return ParticipantCode.Create(_random);
    }

    public static string Csv(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    public async Task<HttpResponseMessage> PostCsvAsync(string token, string csv)
    {
        using var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.PostAsync("/api/v1/attendance/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in as the staff member of centre A.</summary>
    public async Task<HttpClient> SignedInClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var page = await Html.ParseAsync(await client.GetAsync("/account/sign-in"));
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = StaffA, ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = page.AntiforgeryToken(), ["_handler"] = "sign-in",
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }
}

/// <summary>A clock that always shows the same instant.</summary>
public sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
