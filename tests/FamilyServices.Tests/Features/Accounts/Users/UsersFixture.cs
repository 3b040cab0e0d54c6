using System.Collections.Concurrent;
using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// The test world (two centres, an account per role) on the real clock (sign-in cookies are re-checked against the
/// account on every request, which needs time to pass), with every log event and every outgoing e-mail captured. Its
/// static helpers sign in and post forms like a browser, for the static account pages.
/// </summary>
public sealed class UsersFixture : TestWorld
{
    public CapturedLogs Logs { get; } = new();
    public Passwords.CapturedMail Mail { get; } = new();

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

    /// <summary>A further account in one role with <see cref="Password"/>, unique to the test.</summary>
    public Task<Account> NewAccountAsync(string prefix, string role, Centre? centre = null) =>
        AccountAsync($"{TestCatalogue.Unique(prefix)}@example.org", role, centre);

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null, string password = Password)
    {
        var client = NewClient();
        if (email is null) return client;
        var response = await SignInAsync(client, email, password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }

    public HttpClient NewClient() => TestAccounts.NewClient(this);

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Posts a form of a static page like a browser: the antiforgery token from a page of the same user, fields that may repeat (checkboxes).</summary>
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
