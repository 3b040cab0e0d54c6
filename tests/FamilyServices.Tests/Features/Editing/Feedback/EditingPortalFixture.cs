using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Feedback;

/// <summary>
/// The test world with a clock the test moves (the report form's minimum time, a closure's last day, the to-do
/// list's "not checked for six months"), and one account per role under a fixed address for the tests that sign in
/// over HTTP. The per-address limit on reports is high here; see <see cref="TightReportLimitFixture"/> for the limit itself.
/// </summary>
public class EditingPortalFixture : TestWorld
{
    // Addresses of accounts of their own (the world's Editor, Admin and Official are other accounts, reached through TestWorld).
    public new const string Editor = "editor@example.org";
    public new const string Admin = "admin@example.org";
    public new const string Official = "official@example.org";
    public const string CentreStaff = "centre.staff@example.org";

    /// <summary>Pinned to a minute of the real today, so sign-in cookies and data protection keys behave as in life.</summary>
    public PinnedClock Clock { get; } = new(ThisMinute());

    /// <summary>The accounts under the fixed addresses above, by address.</summary>
    public Dictionary<string, Account> Accounts { get; } = [];

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

    protected override async Task SeedAsync()
    {
        foreach (var (email, role) in new[] { (Editor, Roles.Editor), (Admin, Roles.Admin), (Official, Roles.Official), (CentreStaff, Roles.CentreStaff) })
        {
            var user = await TestAccounts.CreateAsync(this, email, role, displayName: email);
            Accounts[email] = new Account(email, user.Id, role);
        }
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects) in a UI language, signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null, string language = "en")
    {
        var client = await TestAccounts.ClientAsync(this, email);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
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
