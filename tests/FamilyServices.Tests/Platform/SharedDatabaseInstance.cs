using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Platform;

/// <summary>
/// One more portal instance on a database that another instance (or the test) made: several of these stand for the
/// instances behind a load balancer. The test owns the database; disposing this stops the instance only.
/// </summary>
public sealed class SharedDatabaseInstance(string connectionString, int reachRefreshSeconds = 0) : PortalFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:FamilyServices", connectionString);
        builder.UseSetting("Portal:Reach:RefreshSeconds", reachRefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task MigrateAsync(string connectionString)
    {
        await using var db = NewDb(connectionString);
        await db.Database.MigrateAsync();
    }
}
