using Npgsql;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use. scripts/test.sh provisions one and sets FS_TEST_POSTGRES to a connection
/// string for its maintenance database; every test database is created on it and dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "FS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test.sh, which provisions PostgreSQL, " +
                $"or set {Variable} to a connection string for a server where you may create databases.");

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var label = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray());
        var name = $"fs_test_{label}_{Guid.NewGuid().ToString("N")[..12]}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
