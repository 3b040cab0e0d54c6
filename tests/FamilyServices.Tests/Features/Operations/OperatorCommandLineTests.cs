using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Operations;

namespace FamilyServices.Tests.Features.Operations;

/// <summary>
/// The portal's executable as an operator runs it, in its own process with the database on a closed port: help and
/// misuse need no database and never start the portal; a database that cannot be reached is one line, not a stack trace.
/// </summary>
public class OperatorCommandLineTests
{
    private const string Password = "not-the-real-secret";
    private static readonly string[] Verbs = ["migrate", "seed-demo", "users", "tokens", "schema-script", "reach", "privacy", "catalogue", "health", "help"];

    [Theory]
    [InlineData(true)]
    [InlineData(true, "--urls", "http://127.0.0.1:5080")]
    [InlineData(true, "--environment=Testing", "--contentRoot=/srv/portal", "--Portal:DefaultLanguage=en", "--ConnectionStrings:FamilyServices=Host=db;Port=5432")]
    [InlineData(false, "--frob=1")]
    [InlineData(false, "--urls")]
    [InlineData(false, "-x")]
    [InlineData(false, "serve")]
    [InlineData(false, "migrate", "--Portal:DefaultLanguage=en")]
    [InlineData(false, "--help")]
    public void Only_no_arguments_or_the_portals_own_settings_start_the_portal(bool starts, params string[] args)
    {
        OperatorCommands.Parse(args).StartsPortal.Should().Be(starts);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_needs_no_database_and_lists_every_verb(string ask)
    {
        var run = await RunPortalAsync(ask);

        run.ExitCode.Should().Be(0, run.Errors);
        run.Output.Should().Contain("Usage:");
        foreach (var verb in Verbs) run.Output.Should().MatchRegex($@"(?m)^\s+{verb}\b", $"the help lists {verb}");
        run.Errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("users add --help", "--coordinator")]
    [InlineData("help catalogue import", "--publish")]
    public async Task A_verbs_help_describes_its_options_without_a_database(string ask, string option)
    {
        var run = await RunPortalAsync(ask.Split(' '));

        run.ExitCode.Should().Be(0, run.Errors);
        run.Output.Should().Contain("Usage:").And.Contain(option);
    }

    [Theory]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("Unrecognized command or argument '--frob'", "--frob")]
    [InlineData("Unrecognized command or argument '--port'", "--urls", "http://127.0.0.1:1", "--port", "5")]
    [InlineData("Unrecognized command or argument '--now'", "privacy", "retention", "--now")]
    [InlineData("--days must be a whole number from 1 to 366", "tokens", "issue", "--email", "a@example.org", "--name", "x", "--days", "ten")]
    [InlineData("Option '--role' is required", "users", "add", "--email", "a@example.org")]
    [InlineData("Unknown demo 'atlantis'", "seed-demo", "atlantis")]
    public async Task Misuse_exits_2_with_the_message_and_usage_on_stderr_and_starts_no_portal(string message, params string[] args)
    {
        var run = await RunPortalAsync(args);

        run.ExitCode.Should().Be(2, "misuse is refused before anything is built; output: {0}{1}", run.Output, run.Errors);
        run.Errors.Should().Contain($"error: {message}").And.Contain("Usage:");
        run.Output.Should().BeEmpty();
    }

    [Fact]
    public async Task Health_against_a_closed_port_fails_with_one_line_per_check_and_no_stack_trace()
    {
        var run = await RunPortalAsync("health");

        run.ExitCode.Should().Be(1);
        run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().SatisfyRespectively(
            database => database.Should().MatchRegex(@"^database\s+FAILED\s+cannot reach the database at 127\.0\.0\.1:\d+/nowhere: "),
            replica => replica.Should().MatchRegex(@"^replica\s+not configured"),
            store => store.Should().MatchRegex(@"^shared store\s+not configured"));
        (run.Output + run.Errors).Should().NotContain(Password).And.NotContain("   at ");
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("reach", "refresh")]
    public async Task A_verb_whose_database_is_down_says_so_in_one_line(params string[] args)
    {
        var run = await RunPortalAsync(args);

        run.ExitCode.Should().Be(1);
        run.Errors.Trim().Should().MatchRegex(@"^error: cannot reach the database at 127\.0\.0\.1:\d+/nowhere: [^\n]+$");
        (run.Output + run.Errors).Should().NotContain(Password).And.NotContain("   at ");
    }

    private sealed record Run(int ExitCode, string Output, string Errors);

    /// <summary>
    /// The built portal with its database on a port where nothing listens. A run that started the portal would not end
    /// by itself: the bound below turns that into a failure rather than a hung test.
    /// </summary>
    private static async Task<Run> RunPortalAsync(params string[] args)
    {
        var portal = Path.Combine(AppContext.BaseDirectory, "FamilyServices.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.WebProject, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(portal);
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__FamilyServices"] = $"Host=127.0.0.1;Port={ClosedPort()};Username=familyservices;Password={Password};Database=nowhere";
        // Loopback only, should a wrong parse start the portal after all.
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ClosedPort()}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'{string.Join(' ', args)}' did not end within 3 minutes: it started the portal. Output: {await output}");
        }
        return new Run(process.ExitCode, await output, await errors);
    }

    /// <summary>A loopback port that was free a moment ago: nothing answers there.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
