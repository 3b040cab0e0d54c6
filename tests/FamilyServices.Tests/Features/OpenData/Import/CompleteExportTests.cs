using System.Text;
using System.Text.Json;
using FamilyServices.Web.Data;
using FamilyServices.Web.Features.Operations;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Export;
using FamilyServices.Web.Features.OpenData.Hsds;
using FamilyServices.Web.Features.OpenData.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>
/// <c>catalogue export --all --without-history</c> of a demo city, imported into a database that holds only the city's
/// places, restores the whole catalogue: the two databases' catalogues, read from their rows by code, are equal, and
/// exporting the copy gives the same bytes.
/// </summary>
public class CompleteExportTests
{
    [Theory]
    [InlineData("kocaeli")]
    [InlineData("herne")]
    [InlineData("leeuwarden")]
    [InlineData("wiesbaden")]
    [InlineData("mayen-koblenz")]
    public async Task A_complete_export_imported_into_an_empty_catalogue_restores_every_item_and_exports_the_same_bytes(string city)
    {
        var name = city.Replace('-', '_');
        await using var a = await ImportDatabase.CreateAsync($"complete_a_{name}", withCity: false);
        await using (var db = a.NewDb())
        {
            await DemoSeed.LoadAsync(db, TimeProvider.System, city);
        }
        await using var b = await ImportDatabase.CreateAsync($"complete_b_{name}", withCity: false);
        await RoundTripTests.CopyCityAsync(a, b);

        var exported = await ExportAsync(a, CatalogueScope.Everything, withHistory: false);
        // Published items carry no publication-state, so --publish restores them; the others keep their state from the file.
        var result = await b.ImportAsync(HsdsDatasetReader.Read($"{city}.json", exported), publish: true);
        result.Problems.Select(p => p.ToString()).Should().BeEmpty();

        var expected = await CatalogueRows.ReadAsync(a);
        var restored = await CatalogueRows.ReadAsync(b);
        // Missing and extra rows first, so a failure names the rows that differ.
        expected.Except(restored).Select(row => $"{row}\n    restored as {restored.FirstOrDefault(r => KeyOf(r) == KeyOf(row)) ?? "nothing"}")
            .Should().BeEmpty($"every row of {city}'s catalogue is restored");
        restored.Except(expected).Should().BeEmpty($"the import adds nothing to {city}'s catalogue");
        restored.Should().Equal(expected, $"{city}'s catalogue is restored row by row");

        var again = await ExportAsync(b, CatalogueScope.Everything, withHistory: false);
        Encoding.UTF8.GetString(again).Should().Be(Encoding.UTF8.GetString(exported), "the copy exports the same bytes");
        (await ExportAsync(a, CatalogueScope.Everything, withHistory: false)).Should().Equal(exported, "exporting the same catalogue twice gives the same bytes");

        // A second import of the same file changes nothing: no history row, the same row versions.
        var historyBefore = await HistoryCountAsync(b);
        var versionsBefore = await VersionsAsync(b);
        var second = await b.ImportAsync(HsdsDatasetReader.Read($"{city}.json", exported), publish: true);
        (second.Organisations.Updated, second.Centres.Updated, second.Programmes.Updated, second.Offerings.Updated, second.Categories.Updated)
            .Should().Be((0, 0, 0, 0, 0));
        (second.Organisations.Created, second.Centres.Created, second.Programmes.Created, second.Offerings.Created, second.Categories.Created)
            .Should().Be((0, 0, 0, 0, 0));
        (await HistoryCountAsync(b)).Should().Be(historyBefore);
        (await VersionsAsync(b)).Should().Equal(versionsBefore);
    }

    [HsdsSchemaFact]
    public async Task Every_item_of_a_complete_export_validates_and_the_default_export_holds_only_public_items()
    {
        await using var a = await ImportDatabase.CreateAsync("complete_schema_herne", withCity: false);
        await using (var db = a.NewDb())
        {
            await DemoSeed.LoadAsync(db, TimeProvider.System, "herne");
        }
        // Herne's demo has no item outside the public catalogue of each kind: make some, so both exports are tested with them.
        await using (var db = a.NewDb())
        {
            var programmes = await db.Programmes.OrderBy(p => p.Code).Take(3).ToListAsync();
            programmes[0].PublicationState = PublicationState.Draft;
            programmes[1].PublicationState = PublicationState.InReview;
            programmes[2].PublicationState = PublicationState.Archived;
            var offering = await db.Offerings.OrderBy(o => o.Code).FirstAsync(o => o.Programme.PublicationState == PublicationState.Published);
            offering.PublicationState = PublicationState.Archived;
            await db.SaveChangesAsync();
        }

        var complete = await ExportAsync(a, CatalogueScope.Everything, withHistory: true);
        var services = JsonDocument.Parse(complete).RootElement.EnumerateArray().ToList();
        await using (var db = a.NewDb())
        {
            services.Should().HaveCount(await db.Programmes.CountAsync(), "every programme is in the complete export");
            services.Sum(s => s.GetProperty("service_at_locations").GetArrayLength()).Should().Be(await db.Offerings.CountAsync(), "and every offering");
        }
        foreach (var service in services) HsdsSchemas.ShouldValidate(service, "compiled/service_with_definitions.json", $"herne --all {service.GetProperty("id")}");
        services.Select(s => s.GetProperty("status").GetString()).Should().Contain(["inactive", "defunct", "active"]);

        await using (var db = a.NewDb())
        {
            var hidden = await db.Programmes.Where(p => p.PublicationState != PublicationState.Published).Select(p => p.OpenDataId.ToString())
                .Concat(db.Offerings.Where(o => o.PublicationState != PublicationState.Published).Select(o => o.OpenDataId.ToString())).ToListAsync();
            hidden.Should().HaveCountGreaterThanOrEqualTo(4);
            var publicExport = Encoding.UTF8.GetString(await ExportAsync(a, CatalogueScope.Public, withHistory: true));
            var api = new List<string>();
            await foreach (var service in new HsdsCatalogue(db, TimeProvider.System).FullServicesAsync(await new HsdsCatalogue(db, TimeProvider.System).ContextAsync(new Uri("http://localhost/"))))
            {
                api.Add(JsonSerializer.Serialize(service, HsdsJson.Options));
            }
            foreach (var text in new[] { publicExport, string.Join("\n", api) })
            {
                text.Should().NotContain(PortalVocabulary.TermId(PortalVocabulary.PublicationState).ToString());
                foreach (var id in hidden) text.Should().NotContain($"\"id\": \"{id}\"").And.NotContain($"\"id\":\"{id}\"");
                text.Should().NotContain("\"inactive\"").And.NotContain("\"defunct\"");
            }
        }
    }

    /// <summary>A row's kind and code: "programme {"Code":"KOC-ZUMBA"".</summary>
    private static string KeyOf(string row) => row[..Math.Max(0, row.IndexOf(",\"", StringComparison.Ordinal))];

    internal static async Task<byte[]> ExportAsync(ImportDatabase database, CatalogueScope scope, bool withHistory)
    {
        await using var db = database.NewDb();
        var export = new CatalogueExport(new HsdsCatalogue(db, TimeProvider.System), new ConfigurationBuilder().Build());
        using var output = new MemoryStream();
        await export.WriteAsync(output, ndjson: false, scope, withHistory);
        return output.ToArray();
    }

    private static async Task<int> HistoryCountAsync(ImportDatabase database)
    {
        await using var db = database.NewDb();
        return await db.CatalogueChanges.CountAsync();
    }

    private static async Task<List<string>> VersionsAsync(ImportDatabase database)
    {
        await using var db = database.NewDb();
        return [
            .. (await db.Programmes.OrderBy(p => p.Code).Select(p => p.Code + " " + p.Version).ToListAsync()),
            .. (await db.Offerings.OrderBy(o => o.Code).Select(o => o.Code + " " + o.Version).ToListAsync()),
            .. (await db.Centres.OrderBy(c => c.Code).Select(c => c.Code + " " + c.Version).ToListAsync()),
            .. (await db.Organisations.OrderBy(o => o.Code).Select(o => o.Code + " " + o.Version).ToListAsync()),
        ];
    }
}

/// <summary>
/// A catalogue as lines of JSON read from its rows, by code and never by database id, so two databases can be
/// compared: organisations (those the catalogue uses), categories, programmes, centres, offerings. Addresses are compared in their absolute form
/// ("https://www.herne.de/" for "https://www.herne.de"), as the export writes them.
/// </summary>
internal static class CatalogueRows
{
    public static async Task<List<string>> ReadAsync(ImportDatabase database)
    {
        await using var db = database.NewDb();
        var rows = new List<string>();
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id);
        // An organisation that runs no centre and partners no programme is in no services dataset (as docs/open-data.md says).
        var used = (await db.Centres.Select(c => c.OperatorId).ToListAsync()).Concat(await db.Set<ProgrammePartner>().Select(p => p.OrganisationId).ToListAsync()).ToHashSet();
        foreach (var o in organisations.Values.Where(o => used.Contains(o.Id)).OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            rows.Add(Line("organisation", new { o.Code, o.Name, Kind = o.Kind.ToString(), Website = Url(o.Website) }));
        }
        var categories = await db.Categories.AsNoTracking().Include(c => c.Names).ToDictionaryAsync(c => c.Id);
        foreach (var c in categories.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            rows.Add(Line("category", new
            {
                c.Code, Parent = c.ParentId is { } p ? categories[p].Code : null,
                Names = c.Names.OrderBy(n => n.Language, StringComparer.Ordinal).Select(n => $"{n.Language}: {n.Name}"),
            }));
        }
        var centres = await db.Centres.AsNoTracking().AsSplitQuery().Include(c => c.OpeningHours).Include(c => c.Rooms).Include(c => c.District).ToDictionaryAsync(c => c.Id);
        foreach (var c in centres.Values.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            rows.Add(Line("centre", new
            {
                c.Code, c.Name, Type = c.Type.ToString(), Operator = organisations[c.OperatorId].Code, District = c.District.Code,
                c.Street, c.Postcode, c.Locality, c.Latitude, c.Longitude, c.Phone, c.Email, Website = Url(c.Website), c.TimeZone,
                c.AccessibilityFeatures, c.LanguagesSpoken, Status = c.Status.ToString(), c.StatusReason, c.ClosedUntil,
                OpeningHours = c.OpeningHours.OrderBy(h => h.Day).ThenBy(h => h.Opens).Select(h => $"{h.Day} {h.Opens:HH:mm}-{h.Closes:HH:mm}"),
                Rooms = c.Rooms.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new { r.Name, Kind = r.Kind.ToString(), r.Capacity }),
            }));
        }
        var programmes = await db.Programmes.AsNoTracking().AsSplitQuery().Include(p => p.Texts).Include(p => p.Partners).ToDictionaryAsync(p => p.Id);
        foreach (var p in programmes.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            rows.Add(Line("programme", new
            {
                p.Code, p.Slug, Type = p.Type.ToString(), Category = categories[p.CategoryId].Code, Audience = p.Audience.ToString(),
                p.MinAgeMonths, p.MaxAgeMonths, p.IsFree, p.PriceAmount, RegistrationMode = p.RegistrationMode.ToString(),
                RegistrationUrl = Url(p.RegistrationUrl), p.DeliveryLanguages, p.LastCheckedOn, PublicationState = p.PublicationState.ToString(),
                Texts = p.Texts.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => new { t.Language, t.Title, t.Summary, t.Description, t.CostNote, t.RegistrationNote }),
                Partners = p.Partners.Select(x => organisations[x.OrganisationId].Code).Order(StringComparer.Ordinal),
            }));
        }
        var offerings = await db.Offerings.AsNoTracking().Include(o => o.Room).ToListAsync();
        foreach (var o in offerings.OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            var s = o.Schedule;
            rows.Add(Line("offering", new
            {
                o.Code, Programme = programmes[o.ProgrammeId].Code, Centre = centres[o.CentreId].Code, Room = o.Room?.Name,
                o.IsOnline, OnlineUrl = Url(o.OnlineUrl), o.Capacity, Status = o.Status.ToString(), o.StatusNote,
                PublicationState = o.PublicationState.ToString(),
                Schedule = new { Kind = s.Kind.ToString(), s.StartDate, s.EndDate, Weekdays = s.Weekdays.ToString(), s.StartTime, s.EndTime, s.ExtraDates, s.ExcludedDates },
            }));
        }
        return rows;
    }

    private static string? Url(string? value) => Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) ? uri.AbsoluteUri : value;

    private static string Line(string kind, object row) => $"{kind} {JsonSerializer.Serialize(row)}";
}
