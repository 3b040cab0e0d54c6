using FamilyServices.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
            Configure(options, connectionString).AddInterceptors(
                services.GetRequiredService<CatalogueAuditInterceptor>(), services.GetRequiredService<CatalogueWriteInterceptor>()));
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<FamilyServicesDb>>().CreateDbContext());

        // Cookie and antiforgery keys in the data_protection_keys table: restarts and every instance share them.
        builder.Services.AddDataProtection().SetApplicationName("FamilyServices").PersistKeysToDbContext<FamilyServicesDb>();
        return builder;
    }

    /// <summary>host:port/database of a connection string, for log lines and operators: never the user or password.</summary>
    public static string Describe(string? connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            // A multi-host string names its ports itself ("a:5432,b:5433").
            var host = builder.Host is { } hosts && hosts.Contains(',', StringComparison.Ordinal) ? hosts : $"{builder.Host}:{builder.Port}";
            return $"{host}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(a connection string that cannot be read)";
        }
    }

    /// <summary>A connection string for a LISTENing connection, e.g. straight to PostgreSQL when the portal's goes through a pooler.</summary>
    public const string ListenerConnectionStringName = "FamilyServicesListen";

    /// <summary>
    /// The portal's database (or <see cref="ListenerConnectionStringName"/>) on a connection of its own outside the pool,
    /// since a LISTEN belongs to one connection; named in pg_stat_activity.
    /// </summary>
    public static string? ListenerConnectionString(IConfiguration configuration, string applicationName)
    {
        var configured = configuration.GetConnectionString(ListenerConnectionStringName) is { Length: > 0 } own
            ? own : configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured)) return null;
        return new Npgsql.NpgsqlConnectionStringBuilder(configured)
        {
            Pooling = false,
            ApplicationName = applicationName,
            // TCP keepalives find a connection whose far end vanished without closing it.
            TcpKeepAlive = true,
        }.ConnectionString;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithoutJit(connectionString), npgsql => npgsql.CommandTimeout(120))
            // A connection that cannot be opened is an outage: DatabaseAvailability logs it once, the request's line
            // says 503, and the exception still reaches whoever asked. EF Core's own error line per attempt is noise.
            .ConfigureWarnings(warnings => warnings.Log((RelationalEventId.ConnectionError, LogLevel.Debug)));

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
