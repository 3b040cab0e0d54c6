using System.Security.Claims;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// The small city most tests need, made once per test class: the city profile, two centres (A and B) in districts of
/// their own, a published programme with an offering and a session today at 10:00 at each centre, and an account per
/// role: an Admin, an Editor, an Official, centre staff of A, centre staff of B, and a coordinator of A. A fixture adds
/// what its tests need on top in <see cref="SeedAsync"/>; tests sign in with <see cref="ClientAsync"/> (HTTP, like a
/// browser) or <see cref="PrincipalAsync"/> (for components rendered with bunit).
/// </summary>
public class TestWorld : PortalFixture, IAsyncLifetime
{
    public const string Password = TestAccounts.Password;

    /// <summary>An account of the world: its e-mail address (to sign in) and its id.</summary>
    public sealed record Account(string Email, string Id, string Role);

    public CityProfile City { get; private set; } = null!;
    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public Programme Programme { get; private set; } = null!;
    public Offering OfferingA { get; private set; } = null!;
    public Offering OfferingB { get; private set; } = null!;

    /// <summary>Today at 10:00 in the city's time zone (Europe/Berlin), one hour long.</summary>
    public Session SessionA { get; private set; } = null!;
    public Session SessionB { get; private set; } = null!;

    public Account Admin { get; private set; } = null!;
    public Account Editor { get; private set; } = null!;
    public Account Official { get; private set; } = null!;
    public Account StaffA { get; private set; } = null!;
    public Account StaffB { get; private set; } = null!;
    public Account CoordinatorA { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await BuildAsync();
        await SeedAsync();
    }

    /// <summary>What a fixture adds to the world; runs once, after the world is built.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    private async Task BuildAsync()
    {
        await using (var db = NewDb())
        {
            var catalogue = new TestCatalogue(db);
            City = await catalogue.CityAsync();
            CentreA = await catalogue.CentreAsync();
            CentreB = await catalogue.CentreAsync();
            Programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"), ("en", "Playgroup"));
            OfferingA = await catalogue.OfferingAsync(Programme, CentreA);
            OfferingB = await catalogue.OfferingAsync(Programme, CentreB);
            var startsAt = TodayAt(new TimeOnly(10, 0));
            SessionA = new Session { OfferingId = OfferingA.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
            SessionB = new Session { OfferingId = OfferingB.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
            db.Sessions.AddRange(SessionA, SessionB);
            await db.SaveChangesAsync();
        }
        var tag = Guid.NewGuid().ToString("N")[..6];
        Admin = await AccountAsync($"admin.{tag}@example.org", Roles.Admin);
        Editor = await AccountAsync($"editor.{tag}@example.org", Roles.Editor);
        Official = await AccountAsync($"official.{tag}@example.org", Roles.Official);
        StaffA = await AccountAsync($"staff.a.{tag}@example.org", Roles.CentreStaff, CentreA);
        StaffB = await AccountAsync($"staff.b.{tag}@example.org", Roles.CentreStaff, CentreB);
        CoordinatorA = await AccountAsync($"coordinator.a.{tag}@example.org", Roles.CentreStaff, CentreA, coordinator: true);
    }

    /// <summary>A further account of the world, e.g. a second member of centre A's staff.</summary>
    public async Task<Account> AccountAsync(string email, string role, Centre? centre = null, bool coordinator = false)
    {
        var user = await TestAccounts.CreateAsync(this, email, role, centre: centre, coordinator: coordinator);
        return new Account(email, user.Id, role);
    }

    /// <summary>A moment of today in the city's time zone, as UTC.</summary>
    public static DateTime TodayAt(TimeOnly time)
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, berlin));
        return Schedule.ToUtc(today, time, berlin);
    }

    /// <summary>A browser-like client signed in as <paramref name="account"/> (anonymous for null).</summary>
    public Task<HttpClient> ClientAsync(Account? account) => TestAccounts.ClientAsync(this, account?.Email);

    /// <summary>
    /// The principal a sign-in of <paramref name="account"/> carries (roles, centres, security stamp, sign-in time), as
    /// an interactive page's circuit receives it.
    /// </summary>
    public async Task<ClaimsPrincipal> PrincipalAsync(Account account)
    {
        await using var scope = Scope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>();
        var user = await signIn.UserManager.FindByIdAsync(account.Id) ?? throw new InvalidOperationException($"No account {account.Email}.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionLifetime.SignedInAtClaim, DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        return principal;
    }
}
