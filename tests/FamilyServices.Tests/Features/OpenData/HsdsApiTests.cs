using System.Net;
using System.Text.Json;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.OpenData;

/// <summary>The HSDS 3.0 read API over a small world: shapes, paging, filters, visibility, errors and CORS.</summary>
public class HsdsApiTests(HsdsWorld world) : IClassFixture<HsdsWorld>
{
    private static readonly string[] ListPaths = ["/hsds/services", "/hsds/service_at_locations", "/hsds/organizations", "/hsds/taxonomies", "/hsds/taxonomy_terms"];

    [Fact]
    public async Task The_index_names_HSDS_3_0_a_profile_and_the_OpenAPI_document()
    {
        var index = await world.GetJsonAsync("/hsds/");

        index.GetProperty("version").GetString().Should().Be("3.0");
        Uri.IsWellFormedUriString(index.GetProperty("profile").GetString(), UriKind.Absolute).Should().BeTrue();
        index.GetProperty("openapi_url").GetString().Should().StartWith("https://raw.githubusercontent.com/openreferral/specification/").And.EndWith("/schema/openapi.json");
    }

    [HsdsSchemaFact]
    public async Task Every_list_item_and_every_single_object_validates_against_the_HSDS_schemas()
    {
        var checkedObjects = 0;
        foreach (var (path, listSchema, fullSchema, singleSchema) in new[]
        {
            ("/hsds/services", "compiled/service_list.json", "service.json", "compiled/service_with_definitions.json"),
            ("/hsds/service_at_locations", "compiled/service_at_location_list.json", "service_at_location.json", "service_at_location.json"),
            ("/hsds/organizations", "compiled/organization_list.json", "organization.json", "organization.json"),
            ("/hsds/taxonomies", "taxonomy.json", "taxonomy.json", "taxonomy.json"),
            ("/hsds/taxonomy_terms", "taxonomy_term.json", "taxonomy_term.json", "taxonomy_term.json"),
        })
        {
            var minimal = await world.AllAsync(path);
            minimal.Should().NotBeEmpty(path);
            foreach (var item in minimal) HsdsSchemas.ShouldValidate(item, listSchema, $"an item of {path}");
            foreach (var item in await world.AllAsync(path, "full=true")) HsdsSchemas.ShouldValidate(item, fullSchema, $"a full item of {path}");
            foreach (var item in minimal)
            {
                var single = await world.GetJsonAsync($"{path}/{item.GetProperty("id").GetGuid()}");
                HsdsSchemas.ShouldValidate(single, singleSchema, $"{path}/{{id}}");
                HsdsSchemas.ShouldValidate(single, fullSchema, $"{path}/{{id}}");
                checkedObjects++;
            }
        }
        checkedObjects.Should().BeGreaterThan(20);
    }

    [HsdsSchemaFact]
    public async Task The_schema_check_refuses_a_service_without_a_name_or_with_an_id_that_is_no_uuid()
    {
        var service = System.Text.Json.Nodes.JsonNode.Parse((await world.GetJsonAsync($"/hsds/services/{world.Cafe.OpenDataId}")).GetRawText())!.AsObject();
        HsdsSchemas.Problems("compiled/service_with_definitions.json", JsonSerializer.SerializeToElement(service)).Should().BeEmpty();

        var nameless = service.DeepClone().AsObject();
        nameless.Remove("name");
        var badId = service.DeepClone().AsObject();
        badId["id"] = "not-a-uuid";

        HsdsSchemas.Problems("compiled/service_with_definitions.json", JsonSerializer.SerializeToElement(nameless)).Should().NotBeEmpty();
        HsdsSchemas.Problems("compiled/service_with_definitions.json", JsonSerializer.SerializeToElement(badId)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_full_service_carries_the_mapping_of_the_programme()
    {
        var service = await world.GetJsonAsync($"/hsds/services/{world.Swimming.OpenDataId}");

        service.GetProperty("name").GetString().Should().Be("Schwimmen für Kleinkinder");
        service.GetProperty("description").GetString().Should().Be("Wassergewöhnung mit Eltern.\n\nZehn Termine im Hallenbad.");
        service.GetProperty("minimum_age").GetDecimal().Should().Be(0.5m);
        service.GetProperty("maximum_age").GetDecimal().Should().Be(3m);
        service.GetProperty("assured_date").GetString().Should().Be("2026-11-20");
        service.GetProperty("url").GetString().Should().Be("https://anmeldung.example.org/schwimmen");
        var cost = service.GetProperty("cost_options")[0];
        (cost.GetProperty("option").GetString(), cost.GetProperty("amount").GetDecimal(), cost.GetProperty("currency").GetString()).Should().Be(("fee", 12.50m, "EUR"));
        var categoryTerms = service.GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("link_type").GetString() == "service" && a.GetProperty("taxonomy_term").GetProperty("taxonomy_id").GetGuid() != Web.Features.OpenData.Hsds.PortalVocabulary.TaxonomyId)
            .Select(a => a.GetProperty("taxonomy_term_id").GetGuid());
        categoryTerms.Should().BeEquivalentTo([world.Child.OpenDataId, world.Root.OpenDataId], "the category and each of its ancestors");
        var translation = Attribute(service, "translation", "service");
        JsonDocument.Parse(translation).RootElement.GetProperty("name").GetString().Should().Be("Swimming for toddlers");
        // The partner in full: code, name, kind (and website when it has one), so an import can create it by its real name.
        var partner = JsonDocument.Parse(Attribute(service, "partner", "service")).RootElement;
        (partner.GetProperty("code").GetString(), partner.GetProperty("name").GetString(), partner.GetProperty("kind").GetString())
            .Should().Be((world.Partner.Code, world.Partner.Name, Web.Features.OpenData.Hsds.HsdsMapper.Kebab(world.Partner.Kind.ToString())));
        var locations = service.GetProperty("service_at_locations").EnumerateArray().ToList();
        locations.Should().HaveCount(2);
        var weekly = locations.Single(l => l.GetProperty("schedules")[0].TryGetProperty("freq", out _)).GetProperty("schedules")[0];
        (weekly.GetProperty("byday").GetString(), weekly.GetProperty("opens_at").GetString(), weekly.GetProperty("closes_at").GetString()).Should().Be(("TU", "09:00:00", "10:00:00"));
        weekly.GetProperty("schedule_link").GetString().Should().MatchRegex(@"^http://localhost/calendar/offerings/.+\.ics$");
        var dated = locations.Single(l => !l.GetProperty("schedules")[0].TryGetProperty("freq", out _)).GetProperty("schedules")[0];
        dated.GetProperty("attributes")[0].GetProperty("value").GetString().Should().Be("2026-10-03 2026-10-10");
    }

    [Fact]
    public async Task Paging_follows_the_count_in_the_database()
    {
        var total = (await world.PublicProgrammesAsync()).Count;
        foreach (var perPage in new[] { 1, 2, 3, total, total + 5 })
        {
            var pages = (total + perPage - 1) / perPage;
            var seen = new List<Guid>();
            for (var number = 1; number <= pages + 1; number++)
            {
                var page = await world.GetJsonAsync($"/hsds/services?per_page={perPage}&page={number}");
                page.GetProperty("total_items").GetInt32().Should().Be(total);
                page.GetProperty("total_pages").GetInt32().Should().Be(pages);
                page.GetProperty("page_number").GetInt32().Should().Be(number);
                var expectedSize = number <= pages ? Math.Min(perPage, total - (number - 1) * perPage) : 0;
                page.GetProperty("size").GetInt32().Should().Be(expectedSize);
                page.GetProperty("contents").GetArrayLength().Should().Be(expectedSize);
                page.GetProperty("first_page").GetBoolean().Should().Be(number == 1);
                page.GetProperty("last_page").GetBoolean().Should().Be(number >= pages);
                page.GetProperty("empty").GetBoolean().Should().Be(expectedSize == 0);
                seen.AddRange(page.GetProperty("contents").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
            }
            seen.Should().OnlyHaveUniqueItems().And.BeEquivalentTo((await world.PublicProgrammesAsync()).Select(p => p.OpenDataId));
        }
    }

    [Theory]
    [InlineData("per_page=0", "per_page")]
    [InlineData("per_page=201", "per_page")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("modified_after=yesterday", "modified_after")]
    [InlineData("day=XX", "day")]
    [InlineData("start_time=25:00", "start_time")]
    [InlineData("taxonomy_term_id=not-a-uuid", "taxonomy_term_id")]
    [InlineData("minimum_age=-1", "minimum_age")]
    [InlineData("minimum_age=6&maximum_age=3", "maximum_age")]
    [InlineData("format=xml", "format")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string query, string parameter)
    {
        using var client = world.CreateClient();

        using var response = await client.GetAsync($"/hsds/services?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").TryGetProperty(parameter, out var messages).Should().BeTrue();
        messages[0].GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_unknown_postcode_is_a_400_with_a_clear_message()
    {
        using var client = world.CreateClient();

        using var response = await client.GetAsync("/hsds/service_at_locations?postcode=99999&proximity=1000");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("'99999' is not a postcode of this city");
    }

    [Fact]
    public async Task Unknown_ids_non_uuids_and_unpublished_items_are_404()
    {
        using var client = world.CreateClient();
        var urls = new List<string>
        {
            $"/hsds/services/{world.Draft.OpenDataId}",
            $"/hsds/services/{world.Later.OpenDataId}",
            $"/hsds/service_at_locations/{world.DraftOffering.OpenDataId}",
        };
        foreach (var path in ListPaths)
        {
            urls.Add($"{path}/{Guid.NewGuid()}");
            urls.Add($"{path}/not-a-uuid");
        }

        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", url);
        }
    }

    [Fact]
    public async Task Lists_hold_only_public_items()
    {
        var services = await world.IdsAsync("/hsds/services");
        var offerings = await world.IdsAsync("/hsds/service_at_locations");

        services.Should().BeEquivalentTo((await world.PublicProgrammesAsync()).Select(p => p.OpenDataId));
        services.Should().NotContain([world.Draft.OpenDataId, world.Later.OpenDataId]);
        offerings.Should().BeEquivalentTo((await world.PublicProgrammesAsync()).SelectMany(p => p.Offerings).Select(o => o.OpenDataId));
        offerings.Should().NotContain(world.DraftOffering.OpenDataId);
    }

    [Fact]
    public async Task Each_service_filter_alone_and_combined_gives_the_set_computed_from_the_database()
    {
        var programmes = await world.PublicProgrammesAsync();
        await using var db = world.NewDb();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id);
        bool Under(int categoryId, int ancestorId)
        {
            for (int? id = categoryId; id is { } current; id = categories[current].ParentId)
            {
                if (current == ancestorId) return true;
            }
            return false;
        }
        Guid? OrganisationOf(Programme p) =>
            p.Offerings.OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => (Guid?)o.Centre.Operator.OpenDataId).FirstOrDefault()
            ?? p.Partners.OrderBy(pp => pp.Organisation.Code, StringComparer.Ordinal).Select(pp => (Guid?)pp.Organisation.OpenDataId).FirstOrDefault();
        bool Meets(Offering o, DayOfWeek? day, TimeOnly? from, TimeOnly? until) =>
            (day is null || (o.Schedule.Kind == ScheduleKind.Weekly && o.Schedule.Weekdays.Includes(day.Value)) || o.Schedule.ExtraDates.Any(d => d.DayOfWeek == day))
            && (from is null || o.Schedule.StartTime >= from) && (until is null || o.Schedule.EndTime <= until);
        var operatorId = world.CentreA.Operator.OpenDataId;

        var cases = new (string Query, Func<Programme, bool> Expected)[]
        {
            ("search=SCHWIMMEN", p => p.Id == world.Swimming.Id),
            ("search=umit", p => p.Id == world.Cafe.Id),
            ("search=toddlers", p => p.Id == world.Swimming.Id),
            ($"taxonomy_term_id={world.Root.OpenDataId}", p => Under(p.CategoryId, world.Root.Id)),
            ($"taxonomy_term_id={world.Child.OpenDataId}", p => Under(p.CategoryId, world.Child.Id)),
            ($"taxonomy_term_id={world.Grandchild.OpenDataId}", p => Under(p.CategoryId, world.Grandchild.Id)),
            ($"organization_id={operatorId}", p => OrganisationOf(p) == operatorId),
            ($"organization_id={world.CentreB.Operator.OpenDataId}", p => OrganisationOf(p) == world.CentreB.Operator.OpenDataId),
            ("minimum_age=4", p => p.MaxAgeMonths >= 48),
            ("maximum_age=2", p => p.MinAgeMonths <= 24),
            ("minimum_age=1.5&maximum_age=2.5", p => p.MaxAgeMonths >= 18 && p.MinAgeMonths <= 30),
            ("day=MO", p => p.Offerings.Any(o => Meets(o, DayOfWeek.Monday, null, null))),
            ("day=saturday", p => p.Offerings.Any(o => Meets(o, DayOfWeek.Saturday, null, null))),
            ("day=friday", p => p.Offerings.Any(o => Meets(o, DayOfWeek.Friday, null, null))),
            ("start_time=14:00", p => p.Offerings.Any(o => Meets(o, null, new TimeOnly(14, 0), null))),
            ("end_time=10:30", p => p.Offerings.Any(o => Meets(o, null, null, new TimeOnly(10, 30)))),
            ("day=TU&start_time=08:00&end_time=12:00", p => p.Offerings.Any(o => Meets(o, DayOfWeek.Tuesday, new TimeOnly(8, 0), new TimeOnly(12, 0)))),
            ($"taxonomy_term_id={world.Root.OpenDataId}&maximum_age=1", p => Under(p.CategoryId, world.Root.Id) && p.MinAgeMonths <= 12),
            ($"taxonomy_term_id={world.Root.OpenDataId}&day=WE&organization_id={operatorId}",
                p => Under(p.CategoryId, world.Root.Id) && p.Offerings.Any(o => Meets(o, DayOfWeek.Wednesday, null, null)) && OrganisationOf(p) == operatorId),
            ("search=kinder&minimum_age=0&day=SA", p => p.Id == world.Swimming.Id),
            ($"taxonomy_id={Guid.NewGuid()}", _ => false),
        };

        foreach (var (query, expected) in cases)
        {
            var ids = await world.IdsAsync("/hsds/services", query);
            var wanted = programmes.Where(expected).Select(p => p.OpenDataId).ToList();
            ids.Should().BeEquivalentTo(wanted, query);
            if (!query.StartsWith("taxonomy_id", StringComparison.Ordinal)) wanted.Should().NotBeEmpty($"the world should have a match for {query}");
            wanted.Count.Should().BeLessThan(programmes.Count, $"{query} should leave something out");
        }
    }

    [Fact]
    public async Task Modified_after_keeps_services_changed_on_or_after_the_moment_through_themselves_or_their_offerings()
    {
        await using var db = world.NewDb();
        var programmes = await world.PublicProgrammesAsync();
        var changes = await db.CatalogueChanges.AsNoTracking().Where(c => c.ItemType == nameof(Programme) || c.ItemType == nameof(Offering)).ToListAsync();
        var offeringOwner = await db.Offerings.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.ProgrammeId);
        DateTime? LastModified(Programme p) => changes
            .Where(c => (c.ItemType == nameof(Programme) && c.ItemId == p.Id) || (c.ItemType == nameof(Offering) && offeringOwner[c.ItemId] == p.Id))
            .Max(c => (DateTime?)c.ChangedAt);

        foreach (var moment in new[] { HsdsWorld.NewChange.AddDays(-10), HsdsWorld.NewChange, HsdsWorld.NewerChange.AddDays(-1), HsdsWorld.NewerChange.AddDays(1) })
        {
            var stamp = moment.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            var ids = await world.IdsAsync("/hsds/services", $"modified_after={Uri.EscapeDataString(stamp)}");
            ids.Should().BeEquivalentTo(programmes.Where(p => LastModified(p) >= moment).Select(p => p.OpenDataId), stamp);
        }
        (await world.IdsAsync("/hsds/services", "modified_after=2026-05-01T00:00:00Z")).Should().BeEquivalentTo([world.Cafe.OpenDataId, world.Homework.OpenDataId]);
        var cafe = await world.GetJsonAsync($"/hsds/services/{world.Cafe.OpenDataId}");
        cafe.GetProperty("last_modified").GetDateTimeOffset().Should().Be(new DateTimeOffset(HsdsWorld.NewChange));
    }

    [Fact]
    public async Task Service_at_locations_near_a_postcode_are_those_within_the_proximity_nearest_first()
    {
        var offerings = (await world.PublicProgrammesAsync()).SelectMany(p => p.Offerings).ToList();
        var point = new HsdsPoint(51.54, 7.22); // postcode 44623 of the world
        foreach (var metres in new[] { 100, 8_000, 12_000, 30_000 })
        {
            var items = await world.AllAsync("/hsds/service_at_locations", $"postcode=44623&proximity={metres}&full=true");
            var expected = offerings
                .Select(o => (o.OpenDataId, Distance: Haversine(point, o.Centre.Latitude, o.Centre.Longitude)))
                .Where(o => o.Distance <= metres).ToList();
            items.Select(i => i.GetProperty("id").GetGuid()).Should().BeEquivalentTo(expected.Select(e => e.OpenDataId), $"{metres} m");
            var distances = items.Select(i => Haversine(point, i.GetProperty("location").GetProperty("latitude").GetDouble(), i.GetProperty("location").GetProperty("longitude").GetDouble())).ToList();
            distances.Should().BeInAscendingOrder();
        }
        (await world.IdsAsync("/hsds/service_at_locations", "postcode=44623&proximity=100")).Should().NotBeEmpty();
        (await world.IdsAsync("/hsds/service_at_locations", "postcode=44623&proximity=8000")).Count
            .Should().BeLessThan((await world.IdsAsync("/hsds/service_at_locations", "postcode=44623&proximity=30000")).Count);
        (await world.IdsAsync("/hsds/service_at_locations", "postcode=44 623&proximity=100")).Should().NotBeEmpty("spaces in a postcode do not matter");
    }

    [Fact]
    public async Task Service_at_locations_take_the_service_filters_and_day_and_time_of_their_own_schedule()
    {
        var offerings = (await world.PublicProgrammesAsync()).SelectMany(p => p.Offerings.Select(o => (Programme: p, Offering: o))).ToList();

        (await world.IdsAsync("/hsds/service_at_locations", $"taxonomy_term_id={world.Child.OpenDataId}"))
            .Should().BeEquivalentTo(offerings.Where(x => x.Programme.Id == world.Swimming.Id || x.Programme.Id == world.Cafe.Id).Select(x => x.Offering.OpenDataId));
        (await world.IdsAsync("/hsds/service_at_locations", "day=FR&start_time=15:00"))
            .Should().BeEquivalentTo(offerings.Where(x => x.Offering.Schedule.Kind == ScheduleKind.Weekly && x.Offering.Schedule.Weekdays.Includes(DayOfWeek.Friday) && x.Offering.Schedule.StartTime >= new TimeOnly(15, 0)).Select(x => x.Offering.OpenDataId))
            .And.Contain(world.CafeAtB.OpenDataId);
        (await world.IdsAsync("/hsds/service_at_locations", "modified_after=2026-05-01T00:00:00Z"))
            .Should().BeEquivalentTo(offerings.Where(x => x.Programme.Id == world.Cafe.Id || x.Programme.Id == world.Homework.Id).Select(x => x.Offering.OpenDataId));
    }

    [HsdsSchemaFact]
    public async Task Ndjson_streams_every_item_one_valid_document_a_line()
    {
        foreach (var (path, schema) in new[] { ("/hsds/services", "service.json"), ("/hsds/service_at_locations", "service_at_location.json"), ("/hsds/organizations", "organization.json"), ("/hsds/taxonomy_terms", "taxonomy_term.json") })
        {
            using var client = world.CreateClient();
            using var response = await client.GetAsync($"{path}?format=ndjson");
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/x-ndjson");
            var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var total = (await world.GetJsonAsync($"{path}?per_page=1")).GetProperty("total_items").GetInt32();
            lines.Should().HaveCount(total, path);
            foreach (var line in lines) HsdsSchemas.ShouldValidate(JsonDocument.Parse(line).RootElement, schema, $"a line of {path}?format=ndjson");
        }
        using var filtered = world.CreateClient();
        var cafeOnly = (await filtered.GetStringAsync($"/hsds/services?format=ndjson&search=elterncafe")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        cafeOnly.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetGuid()).Should().Equal(world.Cafe.OpenDataId);
    }

    [Fact]
    public async Task Minimal_items_have_no_nested_arrays_and_full_ones_do()
    {
        var minimal = await world.AllAsync("/hsds/services", "minimal=true");
        var full = await world.AllAsync("/hsds/services", "full=true");

        minimal.Should().OnlyContain(s => s.EnumerateObject().All(p => p.Value.ValueKind != JsonValueKind.Array && p.Value.ValueKind != JsonValueKind.Object));
        full.Should().OnlyContain(s => s.EnumerateObject().Any(p => p.Name == "service_at_locations") && s.EnumerateObject().Any(p => p.Name == "attributes"));
    }

    [Fact]
    public async Task Taxonomy_terms_filter_by_taxonomy_parent_and_top_level()
    {
        var taxonomies = await world.AllAsync("/hsds/taxonomies");
        var cityTaxonomy = taxonomies.Single(t => t.GetProperty("name").GetString() == "Teststadt categories").GetProperty("id").GetGuid();
        await using var db = world.NewDb();
        var categories = await db.Categories.AsNoTracking().Include(c => c.Parent).ToListAsync();

        (await world.IdsAsync("/hsds/taxonomy_terms", $"taxonomy_id={cityTaxonomy}")).Should().BeEquivalentTo(categories.Select(c => c.OpenDataId));
        (await world.IdsAsync("/hsds/taxonomy_terms", $"taxonomy_id={cityTaxonomy}&top_only=true")).Should().BeEquivalentTo(categories.Where(c => c.ParentId is null).Select(c => c.OpenDataId));
        (await world.IdsAsync("/hsds/taxonomy_terms", $"parent_id={world.Root.OpenDataId}")).Should().Equal(world.Child.OpenDataId);
        (await world.IdsAsync("/hsds/taxonomy_terms", $"taxonomy_id={Web.Features.OpenData.Hsds.PortalVocabulary.TaxonomyId}"))
            .Should().HaveCount(Web.Features.OpenData.Hsds.PortalVocabulary.Codes.Count);
        var grandchild = await world.GetJsonAsync($"/hsds/taxonomy_terms/{world.Grandchild.OpenDataId}");
        (grandchild.GetProperty("name").GetString(), grandchild.GetProperty("parent_id").GetGuid(), grandchild.GetProperty("taxonomy_id").GetGuid())
            .Should().Be(("Elterncafé", world.Child.OpenDataId, cityTaxonomy));
    }

    [Fact]
    public async Task No_personal_data_appears_only_a_role()
    {
        var swimming = await world.GetJsonAsync($"/hsds/services/{world.Swimming.OpenDataId}");
        var everything = string.Concat(await Task.WhenAll(ListPaths.Select(async p =>
        {
            using var client = world.CreateClient();
            return await client.GetStringAsync($"{p}?format=ndjson&full=true");
        })));

        swimming.GetProperty("metadata").EnumerateArray().Select(m => m.GetProperty("updated_by").GetString()).Should().Contain("editor").And.OnlyContain(r => r == "editor" || r == "system");
        foreach (var account in new[] { world.Editor, world.Admin, world.StaffA })
        {
            everything.Should().NotContain(account.Email).And.NotContain(account.Id);
        }
        everything.Should().NotContain("@example.org");
    }

    [Fact]
    public async Task CORS_is_open_on_hsds_and_absent_elsewhere()
    {
        using var client = world.CreateClient();
        foreach (var url in new[] { "/hsds/", "/hsds/services", $"/hsds/services/{world.Swimming.OpenDataId}", $"/hsds/services/{Guid.NewGuid()}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Origin", "https://elsewhere.example" } } };
            using var response = await client.SendAsync(request);
            response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(["*"], url);
        }

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/hsds/services")
        {
            Headers = { { "Origin", "https://elsewhere.example" }, { "Access-Control-Request-Method", "GET" } },
        };
        using var preflightAnswer = await client.SendAsync(preflight);
        preflightAnswer.IsSuccessStatusCode.Should().BeTrue();
        preflightAnswer.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("*");
        preflightAnswer.Headers.GetValues("Access-Control-Allow-Methods").Single().Should().Contain("GET");

        foreach (var url in new[] { "/", "/api/v1/centres", "/api/v1/programmes", "/search" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Origin", "https://elsewhere.example" } } };
            using var response = await client.SendAsync(request);
            response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse(url);
        }
        using var otherPreflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/centres")
        {
            Headers = { { "Origin", "https://elsewhere.example" }, { "Access-Control-Request-Method", "GET" } },
        };
        using var otherAnswer = await client.SendAsync(otherPreflight);
        otherAnswer.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task Answers_are_json_with_the_portals_security_headers()
    {
        using var client = world.CreateClient();

        using var response = await client.GetAsync("/hsds/services");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.Contains("Content-Security-Policy").Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Contain("Schwimmen für Kleinkinder", "letters are written as they are");
    }

    private static string Attribute(JsonElement item, string code, string linkType) =>
        item.GetProperty("attributes").EnumerateArray()
            .First(a => a.GetProperty("taxonomy_term").GetProperty("code").GetString() == code && a.GetProperty("link_type").GetString() == linkType)
            .GetProperty("value").GetString()!;

    /// <summary>Great-circle distance on the mean earth sphere, written out independently of the API's SQL.</summary>
    private static double Haversine(HsdsPoint from, double latitude, double longitude)
    {
        const double radius = 6_371_008.8;
        double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(latitude - from.Latitude);
        var dLon = Radians(longitude - from.Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Radians(from.Latitude)) * Math.Cos(Radians(latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }
}
