using System.Text.Json;
using FamilyServices.Tests.Data.Demo;
using FamilyServices.Tests.Features.Operations;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Tests.Features.OpenData;

/// <summary>The HSDS API of the demo cities: every object validates, and ids survive a reload.</summary>
[Collection(DemoCitiesCollection.Name)]
public class HsdsDemoCitiesTests(
    KocaeliDemoFixture kocaeli, HerneDemoFixture herne, LeeuwardenDemoFixture leeuwarden, WiesbadenDemoFixture wiesbaden,
    MayenKoblenzDemoFixture mayenKoblenz)
{
    [HsdsSchemaFact]
    public async Task Every_service_organization_service_at_location_taxonomy_and_term_of_every_demo_city_validates()
    {
        var cities = new (string, PortalFixture)[]
        {
            ("kocaeli", kocaeli), ("herne", herne), ("leeuwarden", leeuwarden), ("wiesbaden", wiesbaden), ("mayen-koblenz", mayenKoblenz),
        };
        cities.Select(c => c.Item1).Should().BeEquivalentTo(Web.Data.Demo.DemoCities.Names, "every demo city's open data is checked");
        foreach (var (city, portal) in cities)
        {
            using var client = portal.CreateClient();
            var counts = new Dictionary<string, int>();
            foreach (var (path, itemSchema, singleSchema) in new[]
            {
                ("/hsds/services", "service.json", "compiled/service_with_definitions.json"),
                ("/hsds/organizations", "organization.json", "organization.json"),
                ("/hsds/service_at_locations", "service_at_location.json", "service_at_location.json"),
                ("/hsds/taxonomies", "taxonomy.json", "taxonomy.json"),
                ("/hsds/taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json"),
            })
            {
                var lines = (await client.GetStringAsync($"{path}?format=ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                lines.Should().NotBeEmpty($"{city} {path}");
                foreach (var line in lines) HsdsSchemas.ShouldValidate(JsonDocument.Parse(line).RootElement, itemSchema, $"{city} {path}");
                // Single objects by their id: the nested service against the compiled schema, the rest against their own.
                // The ndjson lines are the same full objects; of the many service_at_locations a sample is fetched
                // singly, so the test stays inside the public rate limit (120 a minute) of the shared demo portal.
                var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetGuid()).ToList();
                foreach (var id in path.EndsWith("service_at_locations", StringComparison.Ordinal) ? ids.Where((_, i) => i % 10 == 0) : ids)
                {
                    var single = JsonDocument.Parse(await client.GetStringAsync($"{path}/{id}")).RootElement;
                    HsdsSchemas.ShouldValidate(single, singleSchema, $"{city} {path}/{id}");
                }
                var listPage = JsonDocument.Parse(await client.GetStringAsync($"{path}?per_page=200")).RootElement;
                listPage.GetProperty("total_items").GetInt32().Should().Be(lines.Length, $"{city} {path}: the list and the ndjson download hold the same items");
                counts[path] = lines.Length;
            }

            await using var db = portal.NewDb();
            var now = DateTime.UtcNow;
            counts["/hsds/services"].Should().Be(await db.Programmes.CountAsync(Web.Domain.Publication.PublicProgramme(now)), city);
            counts["/hsds/service_at_locations"].Should().Be(await db.Offerings.CountAsync(Web.Domain.Publication.PublicOffering(now)), city);
            counts["/hsds/taxonomy_terms"].Should().Be(await db.Categories.CountAsync() + Web.Features.OpenData.Hsds.PortalVocabulary.Codes.Count, city);
        }
    }
}

/// <summary>Herne loaded, its HSDS ids read, the database dropped and Herne loaded again: the same ids.</summary>
public class HsdsIdsSurviveAReloadTests(HsdsIdsSurviveAReloadTests.HerneToReload herne) : IClassFixture<HsdsIdsSurviveAReloadTests.HerneToReload>
{
    /// <summary>Its own Herne, since the test drops and reloads the database under it.</summary>
    public sealed class HerneToReload() : DemoCityFixture("herne");

    [Fact]
    public async Task Ids_are_the_same_after_dropping_and_reloading_the_demo()
    {
        var before = await AllIdsAsync(herne);

        var name = new NpgsqlConnectionStringBuilder(herne.ConnectionString).Database!;
        await TestPostgres.DropDatabaseAsync(herne.ConnectionString);
        await using (var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        await using (var db = herne.NewDb()) await db.Database.MigrateAsync();
        var (exitCode, _, errors) = await OperatorCommandsTests.RunAsync(herne.Services, "seed-demo", "herne");
        exitCode.Should().Be(0, errors);
        var after = await AllIdsAsync(herne);

        before.Values.Sum(ids => ids.Count).Should().BeGreaterThan(50);
        after.Should().BeEquivalentTo(before);
    }

    /// <summary>Every id of every object in the full documents, nested ones included (addresses, schedules, attributes...).</summary>
    private static async Task<Dictionary<string, List<string>>> AllIdsAsync(WebApplicationFactory<Program> portal)
    {
        using var client = portal.CreateClient();
        var ids = new Dictionary<string, List<string>>();
        foreach (var path in new[] { "/hsds/services", "/hsds/organizations", "/hsds/service_at_locations", "/hsds/taxonomies", "/hsds/taxonomy_terms" })
        {
            var text = await client.GetStringAsync($"{path}?format=ndjson");
            var found = new List<string>();
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Collect(JsonDocument.Parse(line).RootElement, found);
            found.Sort(StringComparer.Ordinal);
            ids[path] = found;
        }
        return ids;
    }

    private static void Collect(JsonElement element, List<string> ids)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.EndsWith("id", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String) ids.Add($"{property.Name}={property.Value.GetString()}");
                else Collect(property.Value, ids);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, ids);
        }
    }
}
