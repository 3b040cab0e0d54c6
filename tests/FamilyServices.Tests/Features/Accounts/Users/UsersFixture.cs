using System.Collections.Concurrent;
using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// The portal on the real clock (sign-in cookies are re-checked against the account on every request, which needs
/// time to pass), with every log event captured; two centres, a session at centre B, and one account per role.
/// </summary>
public sealed class UsersFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = StaffFixture.Password;

    public const string Admin = "admin@example.org";
    public const string Editor = "editor@example.org";
    public const string Official = "official@example.org";
    public const string CentreStaff = "centre.staff@example.org";

    public CapturedLogs Logs { get; } = new();
    public Passwords.CapturedMail Mail { get; } = new();
    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public Session SessionB { get; private set; } = null!;
    public Dictionary<string, string> Ids { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.LogEverythingFromDebug();
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(Logs);
            services.AddSingleton<FamilyServices.Web.Features.Accounts.Passwords.IStaffMail>(Mail);
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
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"));
        var offering = await catalogue.OfferingAsync(programme, CentreB);
        var startsAt = DateTime.UtcNow.Date.AddHours(9);
        SessionB = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
        db.Sessions.Add(SessionB);
        await db.SaveChangesAsync();

        foreach (var (email, role) in new[] { (Admin, Roles.Admin), (Editor, Roles.Editor), (Official, Roles.Official), (CentreStaff, Roles.CentreStaff) })
        {
            Ids[email] = await CreateAccountAsync(email, role, role == Roles.CentreStaff ? CentreA : null);
        }
    }

    /// <summary>An account made directly with Identity, with <see cref="Password"/>; returns its id.</summary>
    public async Task<string> CreateAccountAsync(string email, string role, Centre? centre = null)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = email.Split('@')[0] };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        if (centre is not null)
        {
            await using var db = NewDb();
            db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id });
            await db.SaveChangesAsync();
        }
        return user.Id;
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null, string password = Password)
    {
        var client = NewClient();
        if (email is null) return client;
        var response = await SignInAsync(client, email, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }

    public HttpClient NewClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Posts a form like a browser: the antiforgery token from a page of the same user, fields that may repeat (checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(tokenFrom ?? path));
        var posted = fields.ToList();
        posted.Add(new("__RequestVerificationToken", page.AntiforgeryToken()));
        posted.Add(new("_handler", form));
        return await client.PostAsync(path, new FormUrlEncodedContent(posted));
    }
}

/// <summary>Every log event the portal writes, as the text a log sink would get: the message and each property.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _events = new();

    public IReadOnlyList<string> Events => [.. _events];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _events);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> events) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" ", pairs.Select(p => $"{p.Key}={Render(p.Value)}"))
                : "";
            events.Enqueue($"{category} {logLevel}: {formatter(state, exception)} | {properties} {exception}");
        }

        private static string Render(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>()),
            _ => value.ToString() ?? "",
        };
    }
}
