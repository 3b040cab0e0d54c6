using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// Staff accounts for tests, made directly with Identity with a password of their own (never a one-time password,
/// which would send them to the change-password page first), and clients that use the portal like a browser.
/// </summary>
public static class TestAccounts
{
    public const string Password = "a long enough passphrase";

    /// <summary>A new account in one role, working for <paramref name="centre"/> when one is given.</summary>
    public static async Task<StaffUser> CreateAsync(PortalFixture portal, string email, string role, string? displayName = null,
        Centre? centre = null, bool coordinator = false)
    {
        await using var scope = portal.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = displayName ?? email.Split('@')[0] };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        if (centre is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<FamilyServicesDb>();
            db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id, IsCoordinator = coordinator });
            await db.SaveChangesAsync();
        }
        return user;
    }

    /// <summary>A browser-like client: cookies, https, no automatic redirects, English.</summary>
    public static HttpClient NewClient(PortalFixture portal)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A browser-like client signed in with the password (anonymous when no e-mail is given).</summary>
    public static async Task<HttpClient> ClientAsync(PortalFixture portal, string? email, string password = Password)
    {
        var client = NewClient(portal);
        if (email is null) return client;
        var response = await StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }
}
