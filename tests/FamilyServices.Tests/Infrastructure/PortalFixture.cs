using FamilyServices.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// The portal in memory against its own freshly migrated PostgreSQL database, shared by the tests of one class.
/// Tests add the rows they need (see <see cref="TestCatalogue"/>) with codes unique to the test.
/// </summary>
public class PortalFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    protected virtual bool Migrate => true;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync(GetType().Name);
        if (Migrate)
        {
            await using var db = NewDb();
            await db.Database.MigrateAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:FamilyServices", ConnectionString);
        builder.UseSetting("Portal:DefaultLanguage", "en");
        // Many fixtures sign Admins, Editors and Officials in with a password alone; the two-factor gate is proved
        // with its default setting in Features/Accounts/TwoFactor.
        builder.UseSetting("Portal:Accounts:TwoFactorRequiredRoles", "");
        // Tests write rows on their own connections and read pages at once, often with a pinned clock; the output
        // cache would answer from before the write until the notification arrives. Its own tests turn it on
        // (Platform/PublicCachingTests).
        builder.UseSetting("Portal:OutputCache:Enabled", "false");
    }

    public FamilyServicesDb NewDb() => NewDb(ConnectionString);

    /// <summary>A DbContext configured exactly as the portal configures its own.</summary>
    public static FamilyServicesDb NewDb(string connectionString)
    {
        var options = new DbContextOptionsBuilder<FamilyServicesDb>();
        FamilyServices.Web.Platform.Database.Configure(options, connectionString);
        return new FamilyServicesDb(options.Options);
    }

    /// <summary>A DI scope of the running portal, for services such as UserManager.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
    }
}
