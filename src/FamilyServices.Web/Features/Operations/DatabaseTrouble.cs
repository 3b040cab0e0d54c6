using FamilyServices.Web.Platform;
using Npgsql;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// Turns a database that cannot be reached or used into one line for an operator ("cannot reach the database at
/// host:port/db: Connection refused"): where it is (never the password or the rest of the connection string) and why.
/// </summary>
public static class DatabaseTrouble
{
    /// <summary>Server answers that mean "this database cannot be used at all", rather than a fault of the verb.</summary>
    private static readonly string[] ConnectionStates =
    [
        PostgresErrorCodes.InvalidCatalogName, PostgresErrorCodes.CannotConnectNow, PostgresErrorCodes.TooManyConnections,
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.InvalidPassword, PostgresErrorCodes.InvalidAuthorizationSpecification,
    ];

    public static string? PortalConnectionString(IServiceProvider services) =>
        services.GetService<IConfiguration>()?.GetConnectionString(Database.ConnectionStringName);

    /// <summary>The line for <paramref name="exception"/> when it is a connection problem; null for any other fault.</summary>
    public static string? Describe(Exception exception, string? connectionString)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException postgres:
                    return ConnectionStates.Contains(postgres.SqlState)
                        ? $"cannot use the database at {Database.Describe(connectionString)}: {postgres.MessageText} ({postgres.SqlState})"
                        : null;
                case NpgsqlException npgsql:
                    return $"cannot reach the database at {Database.Describe(connectionString)}: {Innermost(npgsql).Message}";
            }
        }
        return null;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner) exception = inner;
        return exception;
    }
}
