using System.Globalization;
using Npgsql;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>Plain SQL against a test database, for the independent counts (<see cref="ReachOracle"/>) and the stored tables.</summary>
public static class ReachSql
{
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of a query, each as its columns joined by '|' (NULL as ∅), sorted: for comparing whole tables.</summary>
    public static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
                {
                    int[] array => "{" + string.Join(",", array) + "}",
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    var value => value.ToString() ?? "",
                };
            }
            rows.Add(string.Join("|", values));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
