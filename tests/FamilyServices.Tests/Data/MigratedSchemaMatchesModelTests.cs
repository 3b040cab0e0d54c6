using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Tests.Data;

/// <summary>
/// The migrations are hand-written SQL. This proves they build exactly the schema the EF model describes:
/// one database is migrated, another gets EF's own CREATE script, and their catalogues must be identical.
/// </summary>
public class MigratedSchemaMatchesModelTests
{
    [Fact]
    public async Task Migrated_schema_equals_the_schema_the_model_creates()
    {
        var migrated = await TestPostgres.CreateDatabaseAsync("migrated");
        var fromModel = await TestPostgres.CreateDatabaseAsync("model");
        try
        {
            await using (var db = Db(migrated)) await db.Database.MigrateAsync();
            await using (var db = Db(fromModel)) await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript());

            var expected = await CatalogueAsync(fromModel);
            var actual = await CatalogueAsync(migrated);

            expected.Should().HaveCountGreaterThan(200, "the model has some twenty tables with their columns, keys and indexes");
            actual.Except(expected).Should().BeEmpty("the migrations must not create anything the model lacks");
            expected.Except(actual).Should().BeEmpty("the migrations must create everything the model has");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(migrated);
            await TestPostgres.DropDatabaseAsync(fromModel);
        }
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_and_leaves_no_pending_migration()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("twice");
        try
        {
            await using var db = Db(connectionString);
            await db.Database.MigrateAsync();
            var before = await CatalogueAsync(connectionString);

            await db.Database.MigrateAsync();

            (await CatalogueAsync(connectionString)).Should().Equal(before);
            (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await db.Roles.Select(r => r.Name).ToListAsync()).Should().BeEquivalentTo("Admin", "Editor", "CentreStaff", "Official");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static FamilyServicesDb Db(string connectionString) => PortalFixture.NewDb(connectionString);

    /// <summary>Every column, constraint, index and extension as one line each, sorted.</summary>
    private static async Task<List<string>> CatalogueAsync(string connectionString)
    {
        const string sql = """
            SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name
                   || coalesce('(' || character_maximum_length || ')', '')
                   || coalesce(' precision ' || numeric_precision || ',' || numeric_scale, '')
                   || ' nullable=' || is_nullable || ' default=' || coalesce(column_default, '-')
                   || ' identity=' || coalesce(identity_generation, '-')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
            UNION ALL
            SELECT 'index ' || indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
            UNION ALL
            SELECT 'extension ' || extname FROM pg_extension
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
