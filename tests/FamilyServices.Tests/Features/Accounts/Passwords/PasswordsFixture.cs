using System.Collections.Concurrent;
using System.Net;
using System.Web;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Passwords;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>
/// The portal with its outgoing e-mail captured (the one fake: the system boundary) and a clock that runs with real
/// time but can be moved forward, so links can be proved to expire while sign-in cookies keep working.
/// </summary>
public class PasswordsFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = UsersFixture.Password;
    public const string Admin = "pw.admin@example.org";

    public CapturedMail Mail { get; } = new();
    public MovableClock Clock { get; } = new();
    public Centre Centre { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStaffMail>(Mail);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        Centre = await catalogue.CentreAsync();
        await CreateAccountAsync(Admin, Roles.Admin);
    }

    /// <summary>An account made with Identity and <see cref="Password"/>; returns its id.</summary>
    public async Task<string> CreateAccountAsync(string email, string role, bool mustChangePassword = false)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Test person", MustChangePassword = mustChangePassword };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        if (role == Roles.CentreStaff)
        {
            await using var db = NewDb();
            db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = Centre.Id });
            await db.SaveChangesAsync();
        }
        return user.Id;
    }

    public HttpClient NewClient(string language = "en")
    {
        var client = CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    public async Task<HttpClient> SignedInAsync(string email, string password = Password)
    {
        var client = NewClient();
        (await UsersFixture.SignInAsync(client, email, password)).StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in succeeds");
        return client;
    }

    /// <summary>Where a redirect leads, as path and query (Blazor's redirects are absolute, the gate's relative).</summary>
    public static string Target(HttpResponseMessage response) =>
        new Uri(new Uri("https://localhost"), response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is no redirect.")).PathAndQuery;

    /// <summary>Posts a form of the page at <paramref name="path"/> (a link's path and query) like a browser.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, params (string Name, string Value)[] fields) =>
        UsersFixture.PostAsync(client, path, form, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}

/// <summary>Every staff e-mail the portal sends.</summary>
public sealed class CapturedMail : IStaffMail
{
    private readonly ConcurrentQueue<StaffMailMessage> _sent = new();

    public IReadOnlyList<StaffMailMessage> Sent => [.. _sent];

    public Task SendAsync(StaffMailMessage message, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<StaffMailMessage> To(string userId) => Sent.Where(m => m.RecipientUserId == userId).ToList();

    /// <summary>The path and query of the newest link mailed to the account (what a browser would open).</summary>
    public string LastLinkTo(string userId)
    {
        var link = new Uri(To(userId)[^1].Link);
        return link.PathAndQuery;
    }

    public static string Query(string pathAndQuery, string name) =>
        HttpUtility.ParseQueryString(new Uri(new Uri("https://localhost"), pathAndQuery).Query)[name] ?? "";
}

/// <summary>Real time plus an offset the test moves forward.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
