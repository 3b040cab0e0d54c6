using System.Net;
using System.Net.Http.Headers;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Operations;

public class OperatorCommandsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Users_add_creates_an_account_with_role_centres_and_a_working_one_time_password()
    {
        string centreCode;
        await using (var db = portal.NewDb()) centreCode = (await new TestCatalogue(db).CentreAsync()).Code;
        var email = $"{TestCatalogue.Unique("new")}@example.org";

        var (exitCode, output, _) = await RunAsync("users", "add", "--email", email, "--role", "centrestaff", "--centre", centreCode);

        exitCode.Should().Be(0);
        var password = output.Split('\n').Single(l => l.StartsWith("One-time password", StringComparison.Ordinal)).Split(": ")[1].Trim();
        await using var scope = portal.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email);
        user.Should().NotBeNull();
        user!.MustChangePassword.Should().BeTrue();
        (await users.CheckPasswordAsync(user, password)).Should().BeTrue();
        (await users.GetRolesAsync(user)).Should().Equal(Roles.CentreStaff);
        await using var check = portal.NewDb();
        (await check.StaffCentres.Where(s => s.UserId == user.Id).Select(s => s.Centre.Code).ToListAsync()).Should().Equal(centreCode);
    }

    [Fact]
    public async Task Users_add_can_make_a_coordinator_of_a_centre()
    {
        string centreCode;
        await using (var db = portal.NewDb()) centreCode = (await new TestCatalogue(db).CentreAsync()).Code;
        var email = $"{TestCatalogue.Unique("coord")}@example.org";

        var (exitCode, output, _) = await RunAsync("users", "add", "--email", email, "--role", "CentreStaff", "--coordinator", centreCode);

        exitCode.Should().Be(0);
        output.Should().Contain($"Coordinator of {centreCode}");
        await using var check = portal.NewDb();
        var link = await check.StaffCentres.SingleAsync(s => s.Centre.Code == centreCode && check.Users.Any(u => u.Id == s.UserId && u.Email == email));
        link.IsCoordinator.Should().BeTrue();
    }

    [Theory]
    [InlineData("--role", "Janitor", "Unknown role")]
    [InlineData("--centre", "NO-SUCH-CENTRE", "Unknown centre code")]
    public async Task Users_add_with_bad_input_says_what_is_wrong_and_creates_nothing(string option, string value, string message)
    {
        var email = $"{TestCatalogue.Unique("bad")}@example.org";
        string[] args = option == "--role"
            ? ["users", "add", "--email", email, "--role", value]
            : ["users", "add", "--email", email, "--role", "Editor", option, value];

        var (exitCode, _, errors) = await RunAsync(args);

        exitCode.Should().Be(2);
        errors.Should().Contain(message);
        await using var db = portal.NewDb();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    [Fact]
    public async Task Users_add_refuses_a_second_account_with_the_same_email()
    {
        var email = $"{TestCatalogue.Unique("twice")}@example.org";
        (await RunAsync("users", "add", "--email", email, "--role", "Official")).ExitCode.Should().Be(0);

        var (exitCode, _, errors) = await RunAsync("users", "add", "--email", email, "--role", "Admin");

        exitCode.Should().Be(2);
        errors.Should().Contain("exists already");
    }

    [Fact]
    public async Task Tokens_issue_prints_a_token_once_that_authenticates_api_requests()
    {
        var email = $"{TestCatalogue.Unique("api")}@example.org";
        (await RunAsync("users", "add", "--email", email, "--role", "Official")).ExitCode.Should().Be(0);

        var (exitCode, output, _) = await RunAsync("tokens", "issue", "--email", email, "--name", "Statistics office", "--days", "30");

        exitCode.Should().Be(0);
        var token = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("fs_", StringComparison.Ordinal));
        using var client = portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetAsync("/api/v1/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        (await me.Content.ReadAsStringAsync()).Should().Contain(email).And.Contain("Official");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("400")]
    [InlineData("ten")]
    public async Task Tokens_issue_refuses_a_lifetime_outside_1_to_366_days(string days)
    {
        var email = $"{TestCatalogue.Unique("days")}@example.org";
        (await RunAsync("users", "add", "--email", email, "--role", "Official")).ExitCode.Should().Be(0);

        var (exitCode, _, errors) = await RunAsync("tokens", "issue", "--email", email, "--name", "x", "--days", days);

        exitCode.Should().Be(2);
        errors.Should().Contain("--days");
    }

    [Fact]
    public async Task Migrate_on_an_up_to_date_database_changes_nothing()
    {
        var (exitCode, output, _) = await RunAsync("migrate");

        exitCode.Should().Be(0);
        output.Should().Contain("up to date");
    }

    [Fact]
    public async Task Unknown_commands_and_demos_get_the_usage_and_a_non_zero_exit_code()
    {
        var unknown = await RunAsync("users", "delete");
        unknown.ExitCode.Should().Be(2);
        unknown.Errors.Should().Contain("Usage:");

        var demo = await RunAsync("seed-demo", "atlantis");
        // A database that already holds a city is never reloaded; a fresh one names the known demos.
        (demo.ExitCode == 2 && demo.Errors.Contains("kocaeli", StringComparison.Ordinal)
            || demo.Output.Contains("nothing was loaded", StringComparison.Ordinal)).Should().BeTrue();
    }

    [Fact]
    public async Task Health_passes_against_the_test_database_and_says_what_is_not_configured()
    {
        var (exitCode, output, errors) = await RunAsync("health");

        exitCode.Should().Be(0, errors);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        await using var db = portal.NewDb();
        var migrations = db.Database.GetMigrations().Count();
        lines[0].Should().MatchRegex($@"^database\s+ok\s+PostgreSQL [\d.]+ at \S+/fs_test_\w+, {migrations} migrations applied, none pending$");
        lines[1].Should().MatchRegex(@"^replica\s+not configured");
        lines[2].Should().MatchRegex(@"^shared store\s+not configured");
    }

    [Fact]
    public async Task A_verb_with_no_command_after_its_noun_is_misuse()
    {
        var (exitCode, output, errors) = await RunAsync("catalogue");

        exitCode.Should().Be(2);
        output.Should().BeEmpty();
        errors.Should().Contain("Usage:").And.Contain("import").And.Contain("export");
    }

    private Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args) => RunAsync(portal.Services, args);

    internal static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IServiceProvider services, params string[] args)
    {
        await using var output = new StringWriter();
        await using var errors = new StringWriter();
        var exitCode = await OperatorCommands.RunAsync(args, services, output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }
}
