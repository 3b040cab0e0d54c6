using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Feedback;

/// <summary>
/// The portal with a clock the test moves (the report form's minimum time, the to-do list's "not checked for six
/// months"), a city, and one account per role. The per-address limit on reports is high here; see
/// <see cref="TightReportLimitFixture"/> for the limit itself.
/// </summary>
public class EditingPortalFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = "a long enough passphrase";

    public const string Editor = "editor@example.org";
    public const string Admin = "admin@example.org";
    public const string Official = "official@example.org";
    public const string CentreStaff = "centre.staff@example.org";

    /// <summary>Pinned to a minute of the real today, so sign-in cookies and data protection keys behave as in life.</summary>
    public PinnedClock Clock { get; } = new(ThisMinute());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.UseSetting("Portal:RateLimits:ReportsPerHour", "100000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    private static DateTimeOffset ThisMinute()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using (var db = NewDb())
        {
            await new TestCatalogue(db).CityAsync();
        }
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var (email, role) in new[] { (Editor, Roles.Editor), (Admin, Roles.Admin), (Official, Roles.Official), (CentreStaff, Roles.CentreStaff) })
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = email };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects) in a UI language, signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null, string language = "en")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        if (email is null) return client;
        var response = await StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }
}

/// <summary>At most two reports per hour and address, and no minimum time, so the limit is reached at once.</summary>
public sealed class TightReportLimitFixture : EditingPortalFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RateLimits:ReportsPerHour", "2");
        builder.UseSetting("Portal:Reports:MinimumSecondsToFill", "0");
    }
}
