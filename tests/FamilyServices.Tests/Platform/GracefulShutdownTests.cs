using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FamilyServices.Tests.Infrastructure;
using Npgsql;

namespace FamilyServices.Tests.Platform;

/// <summary>
/// The built portal as its own process, stopped the way a deploy stops it (SIGTERM) while a request waits for the
/// database: the request is answered as usual, the background jobs say they stopped, and the process exits 0.
/// </summary>
public sealed class GracefulShutdownTests(PortalFixture database) : IClassFixture<PortalFixture>
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task On_sigterm_a_request_in_flight_finishes_the_jobs_stop_with_one_line_each_and_the_process_exits_0()
    {
        var port = FreePort();
        using var portal = Start(port);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        portal.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        portal.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        portal.BeginOutputReadLine();
        portal.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
            await UntilReadyAsync(client, portal, output);

            HttpResponseMessage answer;
            await using (var blocker = new NpgsqlConnection(database.ConnectionString))
            {
                await blocker.OpenAsync();
                // Reads of the centres wait until this transaction ends: the next request is in flight while it lasts.
                await using (var hold = new NpgsqlCommand("BEGIN; LOCK TABLE centres IN ACCESS EXCLUSIVE MODE", blocker)) await hold.ExecuteNonQueryAsync();
                var request = client.GetAsync("/api/v1/centres");
                await UntilWaitingAsync(blocker);

                using (var kill = Process.Start("kill", ["-TERM", portal.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                {
                    await kill.WaitForExitAsync();
                    kill.ExitCode.Should().Be(0);
                }
                await Task.Delay(TimeSpan.FromSeconds(2));
                portal.HasExited.Should().BeFalse("a request in flight holds the shutdown until it is answered");
                request.IsCompleted.Should().BeFalse();

                await using (var release = new NpgsqlCommand("ROLLBACK", blocker)) await release.ExecuteNonQueryAsync();
                answer = await request;
            }

            answer.StatusCode.Should().Be(HttpStatusCode.OK, "the request in flight is answered as usual");
            using var exit = new CancellationTokenSource(ShutdownTimeout);
            await portal.WaitForExitAsync(exit.Token);
            portal.ExitCode.Should().Be(0);
            var log = string.Join("\n", output);
            log.Should().Contain("Shutting down: no new connections")
                .And.Contain("The reach refresher stopped")
                .And.Contain("The attendance listener stopped")
                .And.Contain("Shut down after");
            log.Should().NotContain("   at ", "stopping is not a failure: no stack trace");
        }
        finally
        {
            if (!portal.HasExited) portal.Kill(entireProcessTree: true);
        }
    }

    private Process Start(int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.WebProject, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "FamilyServices.Web.dll"));
        start.Environment["ConnectionStrings__FamilyServices"] = database.ConnectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Serilog__MinimumLevel__Default"] = "Information";
        start.Environment["Portal__DefaultLanguage"] = "en";
        start.Environment["Portal__Reach__RefreshSeconds"] = "2";
        start.Environment["Portal__ShutdownSeconds"] = ((int)ShutdownTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Process.Start(start)!;
    }

    private static async Task UntilReadyAsync(HttpClient client, Process portal, IEnumerable<string> output)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(2); ; await Task.Delay(250))
        {
            if (portal.HasExited) throw new InvalidOperationException($"The portal ended at start-up: {string.Join("\n", output)}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The portal did not get ready: {string.Join("\n", output)}");
        }
    }

    /// <summary>Until the portal's read of the centres waits for the test's lock.</summary>
    private static async Task UntilWaitingAsync(NpgsqlConnection blocker)
    {
        await using var admin = new NpgsqlConnection(blocker.ConnectionString);
        await admin.OpenAsync();
        await using var find = new NpgsqlCommand("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM centres AS c%'
            """, admin);
        for (var deadline = DateTime.UtcNow.AddSeconds(60); (long)(await find.ExecuteScalarAsync())! == 0; await Task.Delay(50))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The request never reached the database.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
