using System.Text;
using System.Text.Json.Nodes;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Import;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>
/// The catalogue import: every problem listed with its place and nothing written; upserts by HSDS id; idempotent
/// (no history, xmin unchanged); drafts unless published; the catalogue's history credits the importing account.
/// </summary>
public class CatalogueImportTests
{
    [Fact]
    public async Task A_dataset_is_imported_as_drafts_with_every_fact_of_the_portal_vocabulary()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(A_dataset_is_imported_as_drafts_with_every_fact_of_the_portal_vocabulary));

        var result = await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"));

        result.Problems.Should().BeEmpty();
        result.Organisations.Should().Be(new ImportCounts(1, 0, 0));
        result.Centres.Should().Be(new ImportCounts(2, 0, 0));
        result.Programmes.Should().Be(new ImportCounts(2, 0, 0));
        result.Offerings.Should().Be(new ImportCounts(3, 0, 0));
        result.Categories.Should().Be(new ImportCounts(2, 0, 0));

        await using var db = database.NewDb();
        var taalhuis = await db.Programmes.Include(p => p.Texts).Include(p => p.Category).ThenInclude(c => c.Parent).SingleAsync(p => p.Code == "LWD-TAAL");
        taalhuis.PublicationState.Should().Be(PublicationState.Draft);
        taalhuis.Type.Should().Be(ProgrammeType.LearningSupport);
        taalhuis.Audience.Should().Be(Audience.Children | Audience.Parents);
        (taalhuis.MinAgeMonths, taalhuis.MaxAgeMonths).Should().Be((24, 72));
        taalhuis.IsFree.Should().BeTrue();
        taalhuis.LastCheckedOn.Should().Be(new DateOnly(2026, 11, 2));
        taalhuis.Slug.Should().Be("taalhuis-voor-ouders-en-kinderen");
        taalhuis.Category.Code.Should().Be("taal");
        taalhuis.Category.Parent!.Code.Should().Be("leren");
        var dutch = taalhuis.Texts.Single(t => t.Language == "nl");
        dutch.Summary.Should().Be("Samen Nederlands oefenen met prentenboeken.");
        dutch.Description.Should().Be("Elke week lezen ouders en kinderen samen, met een taalcoach van de bibliotheek.");
        (dutch.CostNote, dutch.RegistrationNote).Should().Be(("Gratis", "Aanmelden bij de balie"));
        taalhuis.Texts.Single(t => t.Language == "en").Title.Should().Be("Language house for parents and children");
        (await db.Set<CategoryName>().SingleAsync(n => n.CategoryId == taalhuis.CategoryId && n.Language == "en")).Name.Should().Be("Language");

        var huiswerk = await db.Programmes.SingleAsync(p => p.Code == "LWD-HUIS");
        (huiswerk.IsFree, huiswerk.PriceAmount, huiswerk.MaxAgeMonths, huiswerk.Audience).Should().Be((false, 2.5m, 150, Audience.Children));

        var centre = await db.Centres.Include(c => c.District).Include(c => c.OpeningHours).Include(c => c.Operator).SingleAsync(c => c.Code == "LWD-HEE");
        (centre.Type, centre.District.Code, centre.Operator.Code, centre.Operator.Kind).Should().Be((CentreType.ChildCentre, "HEECHTERP", "GGD", OrganisationKind.HealthService));
        (centre.Street, centre.Postcode, centre.Locality, centre.Phone, centre.TimeZone).Should().Be(("Aldlânsdyk 20", "8926 AB", "Leeuwarden", "058 233 8000", "Europe/Amsterdam"));
        centre.LanguagesSpoken.Should().Equal("nl", "fy");
        centre.AccessibilityFeatures.Should().Equal(AccessibilityFeatures.StepFree);
        centre.OpeningHours.Select(h => h.Day).Should().BeEquivalentTo([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

        var offering = await db.Offerings.SingleAsync(o => o.Code == "TAAL-HEE");
        offering.Schedule.Should().BeEquivalentTo(Schedule.Weekly(new DateOnly(2026, 9, 1), new DateOnly(2027, 6, 30), Weekdays.Tuesday | Weekdays.Thursday,
            new TimeOnly(15, 0), new TimeOnly(16, 30)) with { ExcludedDates = [new DateOnly(2026, 10, 19), new DateOnly(2026, 12, 28)] });
        (offering.Capacity, offering.PublicationState).Should().Be((12, PublicationState.Draft));
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var expectedSessions = offering.Schedule.Occurrences(zone).Count(o => o.StartsAtUtc > database.Clock.GetUtcNow().UtcDateTime);
        (await db.Sessions.CountAsync(s => s.OfferingId == offering.Id)).Should().Be(expectedSessions).And.BeGreaterThan(0);

        var history = await db.CatalogueChanges.Where(h => h.ItemType != nameof(District)).ToListAsync();
        history.Where(h => h.ItemType == nameof(Programme)).Select(h => h.Action).Should().Equal("Created", "Created");
        history.Should().HaveCount(1 + 2 + 2 + 3 + 2, "one Created line per organisation, category, centre, programme and offering");
    }

    [Fact]
    public async Task Importing_the_same_dataset_again_changes_nothing_no_history_and_the_same_xmin()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(Importing_the_same_dataset_again_changes_nothing_no_history_and_the_same_xmin));
        (await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"))).Problems.Should().BeEmpty();
        (await database.ImportAsync(ImportDatabase.Fixture("tabular"))).Problems.Should().BeEmpty();
        var before = await VersionsAsync(database);
        var counts = await database.CountsAsync();

        database.Clock.Advance(TimeSpan.FromDays(1));
        var again = await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"));
        var againCsv = await database.ImportAsync(ImportDatabase.Fixture("tabular"));

        again.Problems.Should().BeEmpty();
        (again.Organisations, again.Centres, again.Programmes, again.Offerings, again.Categories).Should().Be(
            (new ImportCounts(0, 0, 1), new ImportCounts(0, 0, 2), new ImportCounts(0, 0, 2), new ImportCounts(0, 0, 3), new ImportCounts(0, 0, 2)));
        againCsv.Programmes.Should().Be(new ImportCounts(0, 0, 2));
        (await database.CountsAsync()).Should().Be(counts, "no row was added, the history included");
        (await VersionsAsync(database)).Should().Equal(before, "no row was updated");
    }

    [Fact]
    public async Task A_changed_name_updates_the_programme_found_by_its_id_with_one_history_line_credited_to_the_importer()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(A_changed_name_updates_the_programme_found_by_its_id_with_one_history_line_credited_to_the_importer));
        (await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"))).Problems.Should().BeEmpty();
        var adminId = await AccountAsync(database);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ImportDatabase.Fixtures, "leeuwarden.json")))!.AsArray();
        json[1]!["name"] = "Huiswerkklas";

        CatalogueImportResult result;
        await using (var db = database.NewDb(actingUserId: adminId))
        {
            result = await new CatalogueImport(db, database.Clock).ImportAsync(Read(json), publish: false);
        }

        result.Programmes.Should().Be(new ImportCounts(0, 1, 1));
        await using var check = database.NewDb();
        var programme = await check.Programmes.Include(p => p.Texts).SingleAsync(p => p.Code == "LWD-HUIS");
        programme.Texts.Single().Title.Should().Be("Huiswerkklas");
        var updates = await check.CatalogueChanges.Where(c => c.Action == "Updated").ToListAsync();
        updates.Should().ContainSingle().Which.Should().Match<CatalogueChange>(c => c.ItemType == nameof(Programme) && c.ItemId == programme.Id && c.ChangedById == adminId);
        updates[0].Changes.Should().Contain("Huiswerkbegeleiding").And.Contain("Huiswerkklas");
    }

    [Fact]
    public async Task Publish_publishes_new_and_existing_items_and_a_later_import_keeps_their_state()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(Publish_publishes_new_and_existing_items_and_a_later_import_keeps_their_state));
        (await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"))).Problems.Should().BeEmpty();

        var published = await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"), publish: true);
        published.Programmes.Should().Be(new ImportCounts(0, 2, 0));
        published.Offerings.Should().Be(new ImportCounts(0, 3, 0));
        var plain = await database.ImportAsync(ImportDatabase.Fixture("leeuwarden.json"));
        plain.Programmes.Should().Be(new ImportCounts(0, 0, 2));

        await using var db = database.NewDb();
        (await db.Programmes.Select(p => p.PublicationState).Distinct().ToListAsync()).Should().Equal(PublicationState.Published);
        (await db.Offerings.Select(p => p.PublicationState).Distinct().ToListAsync()).Should().Equal(PublicationState.Published);
        (await db.CatalogueChanges.CountAsync(c => c.Action == "Published")).Should().Be(5);

        var fresh = await ImportDatabase.CreateAsync(nameof(Publish_publishes_new_and_existing_items_and_a_later_import_keeps_their_state) + "2");
        await using (fresh)
        {
            (await fresh.ImportAsync(ImportDatabase.Fixture("kocaeli.ndjson"), publish: true)).Problems.Should().BeEmpty();
            await using var freshDb = fresh.NewDb();
            (await freshDb.Programmes.Select(p => p.PublicationState).Distinct().ToListAsync()).Should().Equal(PublicationState.Published);
        }
    }

    [Fact]
    public async Task Every_problem_is_listed_with_its_place_and_nothing_is_written()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(Every_problem_is_listed_with_its_place_and_nothing_is_written));
        var counts = await database.CountsAsync();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ImportDatabase.Fixtures, "leeuwarden.json")))!.AsArray();
        var taalhuis = json[0]!;
        var huiswerk = json[1]!;
        taalhuis["minimum_age"] = -1;
        taalhuis["languages"]![0]!["code"] = "nederlands";
        taalhuis["service_at_locations"]![0]!["schedules"]![0]!["byday"] = "TU,XX";
        taalhuis["service_at_locations"]![1]!["schedules"]![0]!["opens_at"] = "18:00:00";
        ((JsonObject)taalhuis["service_at_locations"]![1]!["location"]!).Remove("name");
        Attribute(taalhuis, "programme-type")["value"] = "yoga";
        huiswerk["name"] = " ";
        huiswerk["organization_id"] = "0b5e4c4e-1111-4a4a-9b9b-000000000001";
        ((JsonObject)huiswerk).Remove("organization");
        ((JsonObject)huiswerk["service_at_locations"]![0]!).Remove("location");
        huiswerk["service_at_locations"]![0]!["location_id"] = "0b5e4c4e-2222-4a4a-9b9b-000000000002";

        var result = await database.ImportAsync(Read(json));

        result.Imported.Should().BeFalse();
        result.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal).Should().Equal(new[]
        {
            "leeuwarden.json, /0/minimum_age: The age -1 is negative: give an age in years, 0 or more.",
            "leeuwarden.json, /0/languages/0/code: “nederlands” is not an ISO 639-1 language code: use two letters such as de, nl, tr or en.",
            "leeuwarden.json, /0/service_at_locations/0/schedules/0/byday: “XX” is not a day: byday lists two-letter days MO, TU, WE, TH, FR, SA, SU separated by commas.",
            "leeuwarden.json, /0/service_at_locations/1/schedules/0/opens_at: opens_at 18:00:00 is not before closes_at 15:30:00.",
            "leeuwarden.json, /0/service_at_locations/1/location/name: The location has no name: give the centre's name.",
            "leeuwarden.json, /0/attributes/5/value: The programme-type “yoga” is unknown: use one of child-class, workshop, course, parent-education, counselling, early-help, movement-and-sport, learning-support, open-meeting.",
            "leeuwarden.json, /1/name: The service has no name: give it the programme's title.",
            "leeuwarden.json, /1/organization_id: No organization has the id 0b5e4c4e-1111-4a4a-9b9b-000000000001: add the organization to the dataset or correct organization_id.",
            "leeuwarden.json, /1/service_at_locations/0/location_id: The location 0b5e4c4e-2222-4a4a-9b9b-000000000002 of this service_at_location is missing: add it to the dataset (the location object or locations.csv).",
        }.Order(StringComparer.Ordinal));
        (await database.CountsAsync()).Should().Be(counts);
    }

    [Fact]
    public async Task An_id_that_is_no_UUID_and_a_value_of_the_wrong_type_are_named_at_their_pointer()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(An_id_that_is_no_UUID_and_a_value_of_the_wrong_type_are_named_at_their_pointer));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ImportDatabase.Fixtures, "leeuwarden.json")))!.AsArray();
        json[0]!["service_at_locations"]![0]!["id"] = "sal-1";
        json[0]!["organization"]!["id"] = "GGD";
        json[1]!["maximum_age"] = new JsonObject { ["years"] = 12 };

        var result = await database.ImportAsync(Read(json));

        result.Problems.Select(p => p.ToString()).Should().Equal(
            "leeuwarden.json, /0/organization/id: “GGD” is not a UUID: every HSDS id is a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.",
            "leeuwarden.json, /0/service_at_locations/0/id: “sal-1” is not a UUID: every HSDS id is a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.",
            "leeuwarden.json, /1/maximum_age: This value has the wrong type: expected a number.");
        (await database.CountsAsync()).Should().Contain("programmes 0");
    }

    [Fact]
    public async Task Problems_in_a_tabular_package_name_the_file_line_and_column()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(Problems_in_a_tabular_package_name_the_file_line_and_column));
        var counts = await database.CountsAsync();
        var files = Directory.EnumerateFiles(Path.Combine(ImportDatabase.Fixtures, "tabular")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.OrdinalIgnoreCase);
        files["schedules.csv"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["schedules.csv"]).Replace("TU,FR", "DI,FR", StringComparison.Ordinal).Replace("14:00:00,17:00:00", "14:00:00,13:00:00", StringComparison.Ordinal));
        files["services.csv"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(files["services.csv"]).Replace(",0,18,", ",0,-18,", StringComparison.Ordinal));

        var result = await database.ImportAsync(HsdsTabularReader.Read("wiesbaden", files));

        result.Problems.Select(p => p.ToString()).Order(StringComparer.Ordinal).Should().Equal(new[]
        {
            "schedules.csv, line 2, column byday: “DI” is not a day: byday lists two-letter days MO, TU, WE, TH, FR, SA, SU separated by commas.",
            "schedules.csv, line 3, column opens_at: opens_at 14:00:00 is not before closes_at 13:00:00.",
            "services.csv, line 5, column maximum_age: The age -18 is negative: give an age in years, 0 or more.",
        }.Order(StringComparer.Ordinal));
        (await database.CountsAsync()).Should().Be(counts);
    }

    [Fact]
    public async Task A_foreign_dataset_without_the_portals_attributes_gets_defaults_codes_from_names_and_suffixes_on_collisions()
    {
        await using var database = await ImportDatabase.CreateAsync(nameof(A_foreign_dataset_without_the_portals_attributes_gets_defaults_codes_from_names_and_suffixes_on_collisions));
        await using (var db = database.NewDb())
        {
            var existing = new Organisation { Code = "KOCAELI-BUYUKSEHIR-BELEDIYESI-AILE-DESTE", Name = "Bestaande organisatie" };
            db.Organisations.Add(existing);
            await db.SaveChangesAsync();
        }

        var result = await database.ImportAsync(ImportDatabase.Fixture("kocaeli.ndjson"));

        result.Problems.Should().BeEmpty();
        result.Notes.Should().Contain(n => n.Contains("IMPORTED", StringComparison.Ordinal));
        await using var check = database.NewDb();
        var programme = await check.Programmes.Include(p => p.Category).SingleAsync(p => p.Slug == "cocuklar-icin-zumba");
        (programme.Code, programme.Type, programme.Audience, programme.RegistrationMode, programme.Category.Code).Should().Be(
            ("COCUKLAR-ICIN-ZUMBA", ProgrammeType.Workshop, Audience.Children, RegistrationMode.AtCentre, CatalogueImport.UncategorisedCode));
        (await check.Organisations.SingleAsync(o => o.Name == "Kocaeli Büyükşehir Belediyesi Aile Destek")).Code.Should().Be("KOCAELI-BUYUKSEHIR-BELEDIYESI-AILE-DES-2");
        var centre = await check.Centres.Include(c => c.District).SingleAsync();
        centre.Code.Should().Be("IZMIT-AILE-DESTEK-MERKEZI");
        centre.District.Code.Should().Be(CatalogueImport.UnassignedDistrictCode, "no postcode of Leeuwarden is within 25 km of İzmit");
    }

    [Fact]
    public async Task The_specifications_own_example_service_is_checked_and_then_imported()
    {
        var example = Path.Combine(RepoPaths.Root, "..", "shared", "hsds-3.0", "examples", "service_full.json");
        if (!File.Exists(example))
        {
            Console.WriteLine($"Skipped: the HSDS 3.0 examples are not at {Path.GetFullPath(example)} (a clone outside the team); CI has them.");
            return;
        }
        await using var database = await ImportDatabase.CreateAsync(nameof(The_specifications_own_example_service_is_checked_and_then_imported));
        var json = JsonNode.Parse(File.ReadAllText(example))!;

        var refused = await database.ImportAsync(HsdsDatasetReader.Read("service_full.json", Encoding.UTF8.GetBytes(json.ToJsonString())));

        // The example's latitude is 100 (its longitude, 101, is a real one), and its term names a parent it does not carry.
        refused.Problems.Select(p => p.ToString()).Should().Contain(
            "service_full.json, /service_at_locations/0/location/latitude: The latitude 100 is outside -90 to 90.");
        refused.Problems.Should().NotContain(p => p.ToString().Contains("longitude", StringComparison.Ordinal));
        (await database.CountsAsync()).Should().Contain("programmes 0");

        json["service_at_locations"]![0]!["location"]!["latitude"] = 53.2;
        json["service_at_locations"]![0]!["location"]!["longitude"] = 5.8;
        foreach (var attribute in json["attributes"]!.AsArray()) ((JsonObject)attribute!["taxonomy_term"]!).Remove("parent_id");
        var imported = await database.ImportAsync(HsdsDatasetReader.Read("service_full.json", Encoding.UTF8.GetBytes(json.ToJsonString())));

        imported.Problems.Should().BeEmpty();
        await using var db = database.NewDb();
        var programme = await db.Programmes.Include(p => p.Texts).SingleAsync();
        (programme.Code, programme.Type, programme.MinAgeMonths, programme.MaxAgeMonths, programme.IsFree, programme.PriceAmount).Should().Be(
            ("COMMUNITY-COUNSELLING", ProgrammeType.Workshop, 144, 1200, false, 35m));
        programme.Texts.Single().Language.Should().Be("nl", "the city's default language");
        (await db.Centres.SingleAsync()).AccessibilityFeatures.Should().Contain(AccessibilityFeatures.HearingLoop);
    }

    private static HsdsDataset Read(JsonArray json) => HsdsDatasetReader.Read("leeuwarden.json", Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonNode Attribute(JsonNode service, string code) =>
        service["attributes"]!.AsArray().First(a => a!["taxonomy_term"]?["code"]?.GetValue<string>() == code)!;

    private static async Task<string> AccountAsync(ImportDatabase database)
    {
        await using var db = database.NewDb();
        var user = new StaffUser { UserName = "beheer@leeuwarden.example", Email = "beheer@leeuwarden.example" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    private static async Task<List<string>> VersionsAsync(ImportDatabase database)
    {
        await using var db = database.NewDb();
        return
        [
            .. await db.Organisations.OrderBy(x => x.Id).Select(x => $"o{x.Id}:{x.Version}").ToListAsync(),
            .. await db.Categories.OrderBy(x => x.Id).Select(x => $"k{x.Id}:{x.Version}").ToListAsync(),
            .. await db.Centres.OrderBy(x => x.Id).Select(x => $"c{x.Id}:{x.Version}").ToListAsync(),
            .. await db.Programmes.OrderBy(x => x.Id).Select(x => $"p{x.Id}:{x.Version}").ToListAsync(),
            .. await db.Offerings.OrderBy(x => x.Id).Select(x => $"f{x.Id}:{x.Version}").ToListAsync(),
            .. await db.Sessions.OrderBy(x => x.Id).Select(x => $"s{x.Id}:{x.StartsAt:O}").ToListAsync(),
        ];
    }
}
