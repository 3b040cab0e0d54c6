using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FamilyServices.Tests.Platform;

public sealed class RequestLoggingTests(RequestLoggingTests.LoggedPortal portal) : IClassFixture<RequestLoggingTests.LoggedPortal>
{
    public sealed class LoggedPortal : PortalFixture
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.LogEverythingFromDebug();
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    [Fact]
    public async Task A_request_is_logged_once_with_path_status_and_correlation_id_and_never_its_query_string()
    {
        var status = await GetAsync("/search?postcode=97531&birth=2019-07", "log-check-search");

        var line = await RequestLineAsync("log-check-search");
        line.Should().Contain($"HTTP GET /search answered {(int)status} in ");
        portal.Logs.Events.Should().Contain(e => e.Contains("log-check-search", StringComparison.Ordinal) && e.Contains(" Debug: ", StringComparison.Ordinal),
            "every event of the request carries its correlation id, and the capture gets the framework's debug lines too");
        portal.Logs.Events.Should().NotContain(e => e.Contains("97531", StringComparison.Ordinal) || e.Contains("2019-07", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_request_line_has_the_status_code_the_caller_got()
    {
        (await GetAsync("/programmes/no-such-programme", "log-check-missing")).Should().Be(HttpStatusCode.NotFound);

        (await RequestLineAsync("log-check-missing")).Should().Contain("HTTP GET /programmes/no-such-programme answered 404 in ");
    }

    [Fact]
    public async Task The_data_protection_keys_never_reach_the_log()
    {
        (await GetAsync("/", "log-check-keys")).Should().Be(HttpStatusCode.OK);

        portal.Logs.Events.Should().Contain(e => e.Contains("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal), "the key ring was used");
        portal.Logs.Events.Should().NotContain(e => e.Contains("masterKey", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<HttpStatusCode> GetAsync(string pathAndQuery, string correlationId)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Add(CorrelationIds.HeaderName, correlationId);
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>The request's one line, which is written once the answer is complete, possibly after the client has it.</summary>
    private async Task<string> RequestLineAsync(string correlationId)
    {
        List<string> lines = [];
        for (var attempt = 0; attempt < 50 && lines.Count == 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(100);
            lines = portal.Logs.Events.Where(e => e.Contains(correlationId, StringComparison.Ordinal) && e.Contains("HTTP GET", StringComparison.Ordinal)).ToList();
        }
        return lines.Should().ContainSingle().Subject;
    }
}
