using System.Security.Claims;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FamilyServices.Tests.Features.Accounts;

/// <summary>
/// An open staff page (a circuit) keeps the sign-in it started with; <see cref="StaffSignInCheck"/> reads the account
/// afresh from the database for every handler, and <see cref="StaffCircuitRevalidation"/> ends the page's sign-in when
/// the account was deactivated or signed out everywhere, or its sign-in is too old or idle. Against the real database.
/// </summary>
public sealed class CircuitSignInTests(UsersFixture world) : IClassFixture<UsersFixture>
{
    private StaffSignInCheck Check(TimeProvider? clock = null) =>
        new(world.Services.GetRequiredService<IServiceScopeFactory>(), world.Services.GetRequiredService<AccountSettings>(),
            world.Services.GetRequiredService<IOptions<IdentityOptions>>(), clock ?? TimeProvider.System);

    private AccountSettings Settings => world.Services.GetRequiredService<AccountSettings>();

    [Fact]
    public async Task An_open_page_of_an_active_account_keeps_its_sign_in_with_the_accounts_current_roles_and_centres()
    {
        var person = await world.NewAccountAsync("open", Roles.CentreStaff, world.CentreA);
        var circuitUser = await world.PrincipalAsync(person);

        var (principal, problem) = await Check().CheckAsync(circuitUser, touch: true);

        problem.Should().Be(SignInProblem.None);
        principal.Should().NotBeNull();
        principal!.FindFirstValue(ClaimTypes.NameIdentifier).Should().Be(person.Id);
        principal.IsInRole(Roles.CentreStaff).Should().BeTrue();
        principal.CentreIds().Should().Equal(world.CentreA.Id);
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_open_pages()
    {
        var person = await world.NewAccountAsync("deactivated", Roles.CentreStaff, world.CentreA);
        var circuitUser = await world.PrincipalAsync(person);
        await using (var scope = world.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<StaffAccountAdministration>().DeactivateAsync(person.Id, world.Admin.Id)).Should().BeNull();
        }

        var (principal, problem) = await Check().CheckAsync(circuitUser, touch: true);

        problem.Should().Be(SignInProblem.Deactivated);
        principal.Should().BeNull();
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_open_page_of_the_account()
    {
        var person = await world.NewAccountAsync("everywhere", Roles.Editor);
        var circuitUser = await world.PrincipalAsync(person);
        await using (var scope = world.Scope())
        {
            // What "Sign out everywhere" on /account does: a new security stamp.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            (await users.UpdateSecurityStampAsync((await users.FindByIdAsync(person.Id))!)).Succeeded.Should().BeTrue();
        }

        var (principal, problem) = await Check().CheckAsync(circuitUser, touch: true);

        problem.Should().Be(SignInProblem.SignedOutEverywhere);
        principal.Should().BeNull();
        (await Check().CheckAsync(await world.PrincipalAsync(person), touch: true)).Problem.Should().Be(SignInProblem.None, "a new sign-in works");
    }

    [Fact]
    public async Task A_sign_in_older_than_the_absolute_limit_ends_however_busy_the_person_is()
    {
        var person = await world.NewAccountAsync("absolute", Roles.Official);
        var circuitUser = await world.PrincipalAsync(person);
        var clock = new PinnedClock(DateTimeOffset.UtcNow);
        var check = Check(clock);

        clock.Advance(Settings.Absolute - TimeSpan.FromMinutes(1));
        (await check.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.None, "a minute before the limit");
        clock.Advance(TimeSpan.FromMinutes(2));

        (await check.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.TooOld);
        var withoutTime = new ClaimsPrincipal(new ClaimsIdentity(circuitUser.Claims.Where(c => c.Type != Web.Features.Accounts.SignIn.SessionLifetime.SignedInAtClaim),
            "Identity.Application"));
        (await Check().CheckAsync(withoutTime, touch: true)).Problem.Should().Be(SignInProblem.TooOld, "a sign-in without a time counts as too old");
    }

    [Fact]
    public async Task A_page_left_alone_past_the_idle_limit_ends_and_the_periodic_check_is_no_activity()
    {
        var person = await world.NewAccountAsync("idle", Roles.Official);
        var circuitUser = await world.PrincipalAsync(person);
        var clock = new PinnedClock(DateTimeOffset.UtcNow);
        var check = Check(clock);
        (await check.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.None, "the page loads: the person's activity");

        clock.Advance(Settings.Idle - TimeSpan.FromMinutes(1));
        (await check.CheckAsync(circuitUser, touch: false)).Problem.Should().Be(SignInProblem.None, "the periodic check a minute before the limit");
        clock.Advance(TimeSpan.FromMinutes(1));

        (await check.CheckAsync(circuitUser, touch: false)).Problem.Should().Be(SignInProblem.Idle, "the periodic check did not count as activity");
        (await check.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.Idle, "a click after the limit is too late");

        var busy = Check(clock);
        (await busy.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.None);
        clock.Advance(Settings.Idle - TimeSpan.FromMinutes(1));
        (await busy.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.None, "a click");
        clock.Advance(Settings.Idle - TimeSpan.FromMinutes(1));
        (await busy.CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.None, "clicks keep a page alive");
    }

    [Fact]
    public async Task A_role_taken_away_is_missing_from_the_next_clicks_principal_and_its_pages_refuse()
    {
        var person = await world.NewAccountAsync("demoted", Roles.Admin);
        var circuitUser = await world.PrincipalAsync(person);
        circuitUser.IsInRole(Roles.Admin).Should().BeTrue();
        await using (var scope = world.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(person.Id))!;
            (await users.AddToRoleAsync(user, Roles.Official)).Succeeded.Should().BeTrue();
            (await users.RemoveFromRoleAsync(user, Roles.Admin)).Succeeded.Should().BeTrue();
        }

        var (principal, problem) = await Check().CheckAsync(circuitUser, touch: true);
        var staff = new CurrentStaff(new FixedState(circuitUser), Check());

        problem.Should().Be(SignInProblem.None, "the sign-in itself still holds");
        principal!.IsInRole(Roles.Admin).Should().BeFalse();
        principal.IsInRole(Roles.Official).Should().BeTrue();
        (await staff.GetInRoleAsync(Roles.Admin)).Should().BeNull("a handler for Admins refuses");
        (await staff.GetInRoleAsync($"{Roles.Editor},{Roles.Official}")).Should().NotBeNull();
    }

    [Fact]
    public async Task An_account_that_no_longer_exists_loses_its_open_pages()
    {
        var person = await world.NewAccountAsync("deleted", Roles.Editor);
        var circuitUser = await world.PrincipalAsync(person);
        await using (var db = world.NewDb())
        {
            await db.Users.Where(u => u.Id == person.Id).ExecuteDeleteAsync();
        }

        (await Check().CheckAsync(circuitUser, touch: true)).Problem.Should().Be(SignInProblem.AccountGone);
        (await Check().CheckAsync(new ClaimsPrincipal(new ClaimsIdentity()), touch: true)).Problem.Should().Be(SignInProblem.NotSignedIn);
    }

    [Fact]
    public async Task The_revalidation_turns_an_open_page_anonymous_once_the_account_is_deactivated_and_not_before()
    {
        var person = await world.NewAccountAsync("revalidated", Roles.CentreStaff, world.CentreA);
        var settings = new AccountSettings { CircuitRevalidation = TimeSpan.FromSeconds(1) };
        var check = new StaffSignInCheck(world.Services.GetRequiredService<IServiceScopeFactory>(), settings,
            world.Services.GetRequiredService<IOptions<IdentityOptions>>(), TimeProvider.System);
        using var revalidation = new StaffCircuitRevalidation(NullLoggerFactory.Instance, settings, check);
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        revalidation.AuthenticationStateChanged += async task =>
        {
            // Setting the page's first state is announced too; only the end of the sign-in counts here.
            if ((await task).User.Identity?.IsAuthenticated != true) changed.TrySetResult(await task);
        };

        revalidation.SetAuthenticationState(Task.FromResult(new AuthenticationState(await world.PrincipalAsync(person))));
        await Task.Delay(TimeSpan.FromSeconds(3));
        changed.Task.IsCompleted.Should().BeFalse("an active account keeps its page through several checks");
        (await revalidation.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated.Should().BeTrue();

        await using (var scope = world.Scope())
        {
            (await scope.ServiceProvider.GetRequiredService<StaffAccountAdministration>().DeactivateAsync(person.Id, world.Admin.Id)).Should().BeNull();
        }

        var state = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        state.User.Identity?.IsAuthenticated.Should().NotBe(true, "the page's user is anonymous now; the staff layout sends the browser to sign in");
        (await revalidation.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated.Should().NotBe(true);
    }

    [Fact]
    public async Task The_revalidation_also_ends_a_page_signed_out_everywhere()
    {
        var person = await world.NewAccountAsync("revalidated.everywhere", Roles.Editor);
        var settings = new AccountSettings { CircuitRevalidation = TimeSpan.FromSeconds(1) };
        var check = new StaffSignInCheck(world.Services.GetRequiredService<IServiceScopeFactory>(), settings,
            world.Services.GetRequiredService<IOptions<IdentityOptions>>(), TimeProvider.System);
        using var revalidation = new StaffCircuitRevalidation(NullLoggerFactory.Instance, settings, check);
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        revalidation.AuthenticationStateChanged += async task =>
        {
            // Setting the page's first state is announced too; only the end of the sign-in counts here.
            if ((await task).User.Identity?.IsAuthenticated != true) changed.TrySetResult(await task);
        };
        revalidation.SetAuthenticationState(Task.FromResult(new AuthenticationState(await world.PrincipalAsync(person))));

        await using (var scope = world.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(person.Id))!);
        }

        (await changed.Task.WaitAsync(TimeSpan.FromSeconds(30))).User.Identity?.IsAuthenticated.Should().NotBe(true);
    }

    [Fact]
    public void Open_pages_are_checked_every_30_seconds_unless_configured_and_never_less_often_than_every_minute()
    {
        AccountSettings.From(new ConfigurationBuilder().Build()).CircuitRevalidation.Should().Be(TimeSpan.FromSeconds(30));
        AccountSettings.From(Configuration(("Portal:Accounts:CircuitRevalidationSeconds", "5"))).CircuitRevalidation.Should().Be(TimeSpan.FromSeconds(5));
        var tooRare = () => AccountSettings.From(Configuration(("Portal:Accounts:CircuitRevalidationSeconds", "61")));
        tooRare.Should().Throw<InvalidOperationException>().WithMessage("*between 1 and 60*");
        Settings.CircuitRevalidation.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(60), "the portal as the tests run it");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private sealed class FixedState(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}
