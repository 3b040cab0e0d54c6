using System.Text;
using System.Text.Json.Nodes;
using FamilyServices.Web.Features.Operations;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Export;
using FamilyServices.Web.Features.OpenData.Hsds;
using FamilyServices.Web.Features.OpenData.Import;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>
/// Export, import into an empty catalogue, export again: the same services. Database B starts as a city does before
/// its catalogue arrives: its city profile, districts and postcodes (copied from A), no organisations, centres,
/// categories or programmes.
/// </summary>
public class RoundTripTests
{
    // The public export of one city; CompleteExportTests round-trip the whole catalogue of every demo city.
    [Theory]
    [InlineData("herne")]
    public async Task A_demo_city_exported_and_imported_into_an_empty_catalogue_gives_the_same_services(string city)
    {
        await using var a = await ImportDatabase.CreateAsync($"roundtrip_a_{city}", withCity: false);
        await using (var db = a.NewDb())
        {
            await DemoSeed.LoadAsync(db, TimeProvider.System, city);
        }
        await using var b = await ImportDatabase.CreateAsync($"roundtrip_b_{city}", withCity: false);
        await CopyCityAsync(a, b);

        var exported = await ExportAsync(a);
        var dataset = HsdsDatasetReader.Read($"{city}.json", exported);
        var result = await b.ImportAsync(dataset, publish: true);

        result.Problems.Select(p => p.ToString()).Should().BeEmpty();
        result.Programmes.Created.Should().Be(dataset.Services.Count);
        var again = await ExportAsync(b);
        var before = Comparable(exported);
        var after = Comparable(again);
        after.Count.Should().Be(before.Count);
        for (var i = 0; i < before.Count; i++)
        {
            after[i].Should().Be(before[i], $"service {i} of {before.Count} is the same after the round trip");
        }

        var second = await b.ImportAsync(HsdsDatasetReader.Read($"{city}.json", exported), publish: true);
        second.Programmes.Should().Be(new ImportCounts(0, 0, dataset.Services.Count));
        second.Offerings.Updated.Should().Be(0);

        // The source database itself: its own export changes nothing in it (an address written in its absolute form included).
        var home = await a.ImportAsync(HsdsDatasetReader.Read($"{city}.json", exported));
        (home.Organisations.Updated, home.Centres.Updated, home.Programmes.Updated, home.Offerings.Updated, home.Categories.Updated).Should().Be((0, 0, 0, 0, 0));
    }

    private static Task<byte[]> ExportAsync(ImportDatabase database) =>
        CompleteExportTests.ExportAsync(database, CatalogueScope.Public, withHistory: true);

    /// <summary>
    /// Each service as JSON without what legitimately differs: the history (metadata, last_modified), which in B
    /// records the import, not A's editors.
    /// </summary>
    private static List<string> Comparable(byte[] json)
    {
        var services = JsonNode.Parse(Encoding.UTF8.GetString(json))!.AsArray();
        return [.. services.Select(s => Strip(s!.DeepClone()).ToJsonString())];

        static JsonNode Strip(JsonNode node)
        {
            if (node is JsonObject o)
            {
                o.Remove("metadata");
                o.Remove("last_modified");
                foreach (var (_, value) in o.ToList()) if (value is not null) Strip(value);
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array) if (item is not null) Strip(item);
            }
            return node;
        }
    }

    internal static async Task CopyCityAsync(ImportDatabase from, ImportDatabase to)
    {
        await using var source = from.NewDb();
        await using var target = to.NewDb();
        var profile = await source.CityProfiles.AsNoTracking().SingleAsync();
        profile.Id = 0;
        target.CityProfiles.Add(profile);
        var districts = await source.Districts.AsNoTracking().ToListAsync();
        var copies = districts.ToDictionary(d => d.Id, d => new District { Code = d.Code, Name = d.Name, IsFocusArea = d.IsFocusArea });
        target.Districts.AddRange(copies.Values);
        await target.SaveChangesAsync();
        var postcodes = await source.Postcodes.AsNoTracking().ToListAsync();
        target.Postcodes.AddRange(postcodes.Select(p => new Postcode
        {
            Code = p.Code, Locality = p.Locality, Latitude = p.Latitude, Longitude = p.Longitude,
            DistrictId = p.DistrictId is { } id ? copies[id].Id : null,
        }));
        await target.SaveChangesAsync();
    }
}
