using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.TwoFactor;

/// <summary>
/// The portal with the account settings at their defaults (two-factor sign-in required for Admin, Editor and Official;
/// 30 minutes idle, 8 hours at most) and a clock that runs with real time but can be moved forward, so session
/// limits are tested without waiting while Identity still sees time pass between requests. Two centres.
/// </summary>
public sealed class AccountSecurityFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = UsersFixture.Password;

    public ShiftedClock Clock { get; } = new();
    public CapturedLogs Logs { get; } = new();
    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Accounts:TwoFactorRequiredRoles", "Admin,Editor,Official");
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
        });
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        CentreA = await catalogue.CentreAsync();
        CentreB = await catalogue.CentreAsync();
    }

    /// <summary>A new account of one role (centre staff at centre A); returns its e-mail address and id.</summary>
    public async Task<(string Email, string Id)> AccountAsync(string role, Centre? centre = null)
    {
        var email = $"{TestCatalogue.Unique(role.ToLowerInvariant())}@example.org";
        var user = await TestAccounts.CreateAsync(this, email, role, $"Tester {role}", centre ?? (role == Roles.CentreStaff ? CentreA : null));
        return (email, user.Id);
    }

    /// <summary>Turns two-factor sign-in on directly (as enrolment would); returns the authenticator key and the recovery codes.</summary>
    public async Task<(string Key, List<string> RecoveryCodes)> EnrolAsync(string userId)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(userId))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        return ((await users.GetAuthenticatorKeyAsync(user))!, codes);
    }

    public async Task<StaffUser> UserAsync(string userId)
    {
        await using var scope = Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(userId))!;
    }

    public HttpClient NewClient() => TestAccounts.NewClient(this);

    /// <summary>A client signed in with the password only (for accounts without two-factor sign-in).</summary>
    public Task<HttpClient> SignedInAsync(string email) => TestAccounts.ClientAsync(this, email);

    /// <summary>Posts one of a page's forms like a browser, with the antiforgery token of that page.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, params (string Name, string Value)[] fields) =>
        UsersFixture.PostAsync(client, path, form, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}

/// <summary>Real time plus an offset a test moves forward.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

public static class Locations
{
    /// <summary>The path and query of a redirect, whether the portal wrote it absolute or relative.</summary>
    public static string PathAndQuery(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
