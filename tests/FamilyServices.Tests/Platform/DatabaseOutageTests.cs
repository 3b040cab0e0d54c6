using System.Globalization;
using System.Net;
using System.Resources;
using System.Text.Json;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FamilyServices.Tests.Platform;

/// <summary>A portal whose way to its database a test can cut and restore (<see cref="DatabaseLink"/>).</summary>
public class OutagePortal : PortalFixture
{
    private DatabaseLink? _link;

    public DatabaseLink Link => _link ?? throw new InvalidOperationException("The portal has not been started yet.");

    public CapturedLogs Logs { get; } = new();

    /// <summary>The connection string the portal itself uses: the one its pool is kept under.</summary>
    public string PortalConnectionString => Database.WithoutJit(Link.Through(ConnectionString));

    protected virtual bool StartCut => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        _link = DatabaseLink.To(ConnectionString);
        if (StartCut) _link.Cut();
        builder.UseSetting("ConnectionStrings:FamilyServices", _link.Through(ConnectionString));
        // Its refresh would hold pooled connections of its own; nothing here is about reach.
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.UseSetting($"Serilog:MinimumLevel:Override:{typeof(DatabaseAvailability).FullName}", "Information");
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_link is not null) await _link.DisposeAsync();
    }
}

public sealed class PortalStartedWithoutItsDatabase : OutagePortal
{
    protected override bool StartCut => true;
}

public class DatabaseOutageTests(OutagePortal portal) : IClassFixture<OutagePortal>
{
    private static readonly ResourceManager Texts = new("FamilyServices.Web.Resources.Text", typeof(Text).Assembly);

    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task While_the_database_is_out_of_reach_pages_answer_a_translated_503_in_place_and_recover_by_themselves()
    {
        using var client = TestAccounts.NewClient(portal);
        (await client.GetAsync("/search")).StatusCode.Should().Be(HttpStatusCode.OK);

        portal.Link.Cut();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/search?q=zumba");
            request.Headers.AcceptLanguage.ParseAdd("de");
            var page = await client.SendAsync(request);

            page.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            page.Headers.Location.Should().BeNull("the page is shown in place, not redirected");
            page.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(DatabaseOutageAnswers.RetryAfterSeconds));
            var html = await Html.ParseAsync(page);
            var german = CultureInfo.GetCultureInfo("de");
            html.Find("//h1").Text().Should().Be(Texts.GetString("UnavailableTitle", german));
            var reference = page.Headers.GetValues(CorrelationIds.HeaderName).Single();
            html.DocumentNode.InnerText.Should().Contain(reference, "the page names the request's reference for support");

            (await client.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK, "static files need no database");
            (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
            (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            portal.Link.Restore();
        }

        (await UntilAsync(client, "/search", HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK, "the portal recovers without a restart");
    }

    [Fact]
    public async Task While_the_database_is_out_of_reach_the_api_answers_503_problem_details_with_retry_after()
    {
        using var client = TestAccounts.NewClient(portal);
        (await client.GetAsync("/api/v1/centres")).StatusCode.Should().Be(HttpStatusCode.OK);

        portal.Link.Cut();
        try
        {
            var answer = await client.GetAsync("/api/v1/programmes?q=zumba");

            answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            answer.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            answer.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(DatabaseOutageAnswers.RetryAfterSeconds));
            var problem = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("status").GetInt32().Should().Be(503);
            problem.GetProperty("title").GetString().Should().Contain("temporarily unavailable");
            problem.GetProperty("correlationId").GetString().Should().Be(answer.Headers.GetValues(CorrelationIds.HeaderName).Single());
        }
        finally
        {
            portal.Link.Restore();
        }

        (await UntilAsync(client, "/api/v1/centres", HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_form_sent_while_the_database_is_out_of_reach_gets_the_503_page_in_place_and_is_not_reported_as_done()
    {
        using var client = TestAccounts.NewClient(portal);
        var form = await Html.ParseAsync(await client.GetAsync("/account/sign-in"));
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            ["_handler"] = "sign-in",
            ["Input.Email"] = "nobody@example.org",
            ["Input.Password"] = "Lange-Nacht-Im-Park-4821",
        };

        portal.Link.Cut();
        HttpResponseMessage answer;
        try
        {
            answer = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
        }
        finally
        {
            portal.Link.Restore();
        }

        answer.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        answer.Headers.Location.Should().BeNull();
        (await Html.ParseAsync(answer)).Find("//h1").Text().Should().Be(Texts.GetString("UnavailableTitle", CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task A_read_whose_pooled_connection_a_database_restart_broke_is_answered_on_a_fresh_connection()
    {
        using var client = TestAccounts.NewClient(portal);
        (await UntilAsync(client, "/api/v1/centres", HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);
        var availability = portal.Services.GetRequiredService<DatabaseAvailability>();
        for (var deadline = DateTime.UtcNow + Recovery; availability.IsDown && DateTime.UtcNow < deadline;) await Task.Delay(200);
        availability.IsDown.Should().BeFalse("the probe has found the database since another test cut it");
        // One pooled connection, then PostgreSQL ends it, as a restart or failover does.
        await using (var pooled = new NpgsqlConnection(portal.PortalConnectionString)) NpgsqlConnection.ClearPool(pooled);
        (await client.GetAsync("/api/v1/centres")).StatusCode.Should().Be(HttpStatusCode.OK);
        await using (var admin = new NpgsqlConnection(portal.ConnectionString))
        {
            await admin.OpenAsync();
            await using var end = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            ((long)(await end.ExecuteScalarAsync())!).Should().BeGreaterThan(0, "the portal's connection was open");
        }

        (await client.GetAsync("/api/v1/centres")).StatusCode.Should().Be(HttpStatusCode.OK, "a read is tried once more on a new connection");
    }

    /// <summary>Asks until the answer has the status (the portal probes the database every few seconds), or gives up.</summary>
    public static async Task<HttpStatusCode> UntilAsync(HttpClient client, string path, HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + Recovery;
        while (true)
        {
            var status = (await client.GetAsync(path)).StatusCode;
            if (status == wanted || DateTime.UtcNow > deadline) return status;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}

public class DatabaseStartUpTests(PortalStartedWithoutItsDatabase portal) : IClassFixture<PortalStartedWithoutItsDatabase>
{
    [Fact]
    public async Task A_portal_started_before_its_database_waits_with_one_clear_line_answers_503_and_serves_once_it_is_there()
    {
        using var client = TestAccounts.NewClient(portal);

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await client.GetAsync("/search");
        page.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        page.Headers.RetryAfter.Should().NotBeNull();
        (await client.GetAsync("/api/v1/centres")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        var where = $"127.0.0.1:{portal.Link.Port}/{new NpgsqlConnectionStringBuilder(portal.ConnectionString).Database}";
        bool Waiting(string e) => e.Contains("Waiting for the database at", StringComparison.Ordinal) && e.Contains(where, StringComparison.Ordinal);
        // The start-up probe logs its line on its own thread: the 503s above may come first.
        for (var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60); !portal.Logs.Events.Any(Waiting) && DateTime.UtcNow < deadline;) await Task.Delay(200);
        portal.Logs.Events.Where(Waiting).Should().NotBeEmpty("the start-up probe says where it waits");
        // The first offending line in full: the whole list would be cut short in the message.
        portal.Logs.Events.FirstOrDefault(e => e.Contains("\n   at ", StringComparison.Ordinal)).Should().BeNull(
            "an unreachable database is one line, not a stack trace per request");

        portal.Link.Restore();

        (await DatabaseOutageTests.UntilAsync(client, "/search", HttpStatusCode.OK)).Should().Be(HttpStatusCode.OK);
        await portal.Services.GetRequiredService<DatabaseAvailability>().Reached.WaitAsync(TimeSpan.FromSeconds(60));
        portal.Logs.Events.Should().Contain(e => e.Contains("answers (after", StringComparison.Ordinal) && e.Contains(where, StringComparison.Ordinal));
    }
}
