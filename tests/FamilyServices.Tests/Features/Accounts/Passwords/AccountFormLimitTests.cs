using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>Account forms accept a few posts per address and minute (here three); one account locks after five wrong passwords.</summary>
public class AccountFormLimitTests(TightAccountLimitFixture portal) : IClassFixture<TightAccountLimitFixture>
{
    [Fact]
    public async Task Too_many_account_form_posts_from_one_address_get_a_429_with_retry_after_in_the_readers_language()
    {
        using var visitor = portal.NewClient("de");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = i % 2 == 0
                ? await UsersFixture.SignInAsync(visitor, $"nobody{i}@example.org", "wrong wrong wrong")
                : await PasswordsFixture.PostAsync(visitor, "/account/forgot", "forgot", ("email", $"nobody{i}@example.org"));
            statuses.Add(last.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        last.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        (await last.Content.ReadAsStringAsync()).Should().Be("Zu viele Versuche von Ihrer Verbindung in der letzten Minute. Warten Sie eine Minute und versuchen Sie es noch einmal.");
        (await visitor.GetAsync("/account/sign-in")).StatusCode.Should().Be(HttpStatusCode.OK, "showing the form is not limited");
    }
}

/// <summary>Five wrong passwords lock the account for 15 minutes, even for the right password.</summary>
public class LockoutTests(PasswordsFixture portal) : IClassFixture<PasswordsFixture>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = $"{TestCatalogue.Unique("guessed")}@example.org";
        await portal.CreateAccountAsync(email, Roles.Editor);
        using var attacker = portal.NewClient();
        for (var i = 0; i < 4; i++)
        {
            (await (await UsersFixture.SignInAsync(attacker, email, $"guess number {i} here")).Content.ReadAsStringAsync())
                .Should().Contain("is not right");
        }
        (await (await UsersFixture.SignInAsync(attacker, email, "guess number five here")).Content.ReadAsStringAsync())
            .Should().Contain("this account is locked for 15 minutes");

        using var owner = portal.NewClient();
        var right = await UsersFixture.SignInAsync(owner, email, PasswordsFixture.Password);
        right.StatusCode.Should().Be(HttpStatusCode.OK);
        (await right.Content.ReadAsStringAsync()).Should().Contain("locked");
    }
}

public sealed class TightAccountLimitFixture : PasswordsFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Wins over appsettings.Testing.json's generous limit for the other tests.
        builder.UseSetting("Portal:RateLimits:SignInPerMinute", "3");
    }
}
