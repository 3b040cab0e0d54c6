using System.Net;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Accounts.TwoFactor;

/// <summary>A sign-in ends after 30 minutes without a request, and 8 hours after the password was given however busy.</summary>
public class SessionLifetimeTests(AccountSecurityFixture portal) : IClassFixture<AccountSecurityFixture>
{
    private static async Task<bool> SignedInAsync(HttpClient client) => (await client.GetAsync("/account")).StatusCode == HttpStatusCode.OK;

    [Fact]
    public async Task A_sign_in_ends_after_thirty_idle_minutes_and_each_request_extends_it()
    {
        var (staff, _) = await portal.AccountAsync(Roles.CentreStaff);
        using var client = await portal.SignedInAsync(staff);

        portal.Clock.Advance(TimeSpan.FromMinutes(25));
        (await SignedInAsync(client)).Should().BeTrue("25 minutes is within the idle limit");
        portal.Clock.Advance(TimeSpan.FromMinutes(25));
        (await SignedInAsync(client)).Should().BeTrue("the request 25 minutes ago extended the sign-in");
        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        (await SignedInAsync(client)).Should().BeFalse("31 minutes without a request end the sign-in");
    }

    [Fact]
    public async Task A_sign_in_ends_eight_hours_after_the_password_however_busy()
    {
        var (staff, _) = await portal.AccountAsync(Roles.CentreStaff);
        using var client = await portal.SignedInAsync(staff);

        for (var i = 0; i < 19; i++) // 19 × 25 minutes = 7 h 55 min
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(25));
            (await SignedInAsync(client)).Should().BeTrue($"{(i + 1) * 25} minutes after signing in, with requests in between");
        }
        portal.Clock.Advance(TimeSpan.FromMinutes(10));
        (await SignedInAsync(client)).Should().BeFalse("8 h 5 min after signing in is past the absolute limit");

        using var again = await portal.SignedInAsync(staff);
        (await SignedInAsync(again)).Should().BeTrue("signing in again starts a new 8 hours");
    }
}
