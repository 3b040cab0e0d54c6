using FamilyServices.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Platform;

public static class Database
{
    public const string ConnectionStringName = "FamilyServices";

    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No database configured. Set ConnectionStrings:{ConnectionStringName} in appsettings or the environment " +
                $"variable ConnectionStrings__{ConnectionStringName}, or start the portal with scripts/run-portal.sh, " +
                "which provisions a private PostgreSQL.");
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<CatalogueAuditInterceptor>();
        builder.Services.AddDbContextFactory<FamilyServicesDb>((services, options) =>
            Configure(options, connectionString).AddInterceptors(services.GetRequiredService<CatalogueAuditInterceptor>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FamilyServicesDb>>().CreateDbContext());

        // Cookie and antiforgery keys in the data_protection_keys table: restarts and every instance share them.
        builder.Services.AddDataProtection().SetApplicationName("FamilyServices").PersistKeysToDbContext<FamilyServicesDb>();
        return builder;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.CommandTimeout(120));

    /// <summary>
    /// The portal's queries are short; PostgreSQL's JIT compiler would spend longer compiling some plans than running
    /// them (measured: 25 ms of an 84 ms search, docs/performance.md). Options a deployment sets are kept.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.Ordinal) != true)
        {
            builder.Options = string.IsNullOrEmpty(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        }
        return builder.ConnectionString;
    }
}
