using System.Globalization;
using System.IO.Compression;
using System.Text;
using FamilyServices.Web.Features.OpenData.Hsds;
using nietras.SeparatedValues;

namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>
/// Reads HSDS 3.0's tabular form: a data package (a folder or .zip) with datapackage.json and one CSV file per table
/// (services.csv, organizations.csv, locations.csv, service_at_locations.csv, schedules.csv, addresses.csv, phones.csv,
/// languages.csv, cost_options.csv, accessibility.csv, attributes.csv, taxonomies.csv, taxonomy_terms.csv), rows
/// linked by their *_id columns. It puts the rows together into full services, as the JSON form has them, so one
/// import checks and writes both; each object keeps its file and line. CSV parsing is Sep's (RFC 4180 quoting).
/// </summary>
public static class HsdsTabularReader
{
    public static readonly IReadOnlyList<string> Tables =
    [
        "services.csv", "organizations.csv", "locations.csv", "service_at_locations.csv", "schedules.csv", "addresses.csv",
        "phones.csv", "languages.csv", "cost_options.csv", "accessibility.csv", "attributes.csv", "taxonomies.csv", "taxonomy_terms.csv",
    ];

    public static HsdsDataset ReadZip(string fileName, byte[] bytes)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => e.Name.Length > 0))
            {
                // A package zipped with its folder has every table one level down: only the file name counts.
                if (entry.Length > 200L * 1024 * 1024) continue;
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                files.TryAdd(entry.Name, buffer.ToArray());
            }
        }
        catch (InvalidDataException)
        {
            var dataset = new HsdsDataset { Source = fileName };
            dataset.Problem(new ImportPlace(fileName), "This .zip file cannot be opened (damaged or not a zip). Zip the data package's folder again.");
            return dataset;
        }
        return Read(fileName, files);
    }

    public static HsdsDataset ReadFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.OrdinalIgnoreCase);
        return Read(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), files);
    }

    /// <summary>The package's files by name (services.csv, ...).</summary>
    public static HsdsDataset Read(string source, IReadOnlyDictionary<string, byte[]> files)
    {
        var dataset = new HsdsDataset { Source = source };
        if (!files.ContainsKey("services.csv"))
        {
            var found = files.Keys.Order(StringComparer.Ordinal).Take(10).ToList();
            dataset.Problem(new ImportPlace(source),
                "This is not an HSDS tabular data package: services.csv is missing. The package needs datapackage.json and services.csv, " +
                $"organizations.csv, locations.csv, service_at_locations.csv ... (found: {(found.Count == 0 ? "no files" : string.Join(", ", found))}).");
            return dataset;
        }
        var tables = new Dictionary<string, List<Row>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in Tables)
        {
            var name = table == "service_at_locations.csv" && !files.ContainsKey(table) ? "service_at_location.csv" : table;
            tables[table] = files.TryGetValue(name, out var bytes) ? Parse(dataset, name, bytes) : [];
        }
        if (dataset.Problems.Count > 0) return dataset;

        var terms = new Dictionary<Guid, HsdsTaxonomyTerm>();
        var taxonomies = tables["taxonomies.csv"].Select(r => (Row: r, Id: r.Id())).Where(x => x.Id is not null)
            .GroupBy(x => x.Id!.Value).ToDictionary(g => g.Key, g => g.First().Row);
        foreach (var row in tables["taxonomy_terms.csv"])
        {
            if (row.Id() is not { } id) continue;
            var term = new HsdsTaxonomyTerm
            {
                Id = id, Code = row["code"], Name = row["name"]!, Description = row["description"]!, ParentId = row.Guid("parent_id"),
                Taxonomy = row["taxonomy"], Language = row["language"], TaxonomyId = row.Guid("taxonomy_id"), TermUri = row["term_uri"],
            };
            if (term.TaxonomyId is { } taxonomyId && taxonomies.TryGetValue(taxonomyId, out var taxonomy))
            {
                term = term with { Taxonomy = term.Taxonomy ?? taxonomy["name"] };
            }
            terms.TryAdd(id, term);
            dataset.TaxonomyTerms.Add(term);
            dataset.Place(term, row.Place);
        }

        var attributes = new List<(Row Row, HsdsAttribute Attribute)>();
        foreach (var row in tables["attributes.csv"])
        {
            if (row.Id() is not { } id) continue;
            var termId = row.Guid("taxonomy_term_id");
            var term = termId is { } t && terms.TryGetValue(t, out var found) ? found : null;
            if (termId is not null && term is null && !IsPortalTerm(termId.Value))
            {
                dataset.Problem(row.Place.Field("taxonomy_term_id"), $"No row of taxonomy_terms.csv has the id {termId}: add the term or correct the id.");
            }
            var attribute = new HsdsAttribute
            {
                Id = id, LinkId = row.Guid("link_id"), TaxonomyTermId = termId, LinkType = row["link_type"], LinkEntity = row["link_entity"],
                Value = row["value"], TaxonomyTerm = term ?? (termId is { } pt && IsPortalTerm(pt) ? PortalTerm(pt) : null),
            };
            attributes.Add((row, attribute));
            dataset.Place(attribute, row.Place);
        }
        var attributesOf = attributes.Where(a => a.Attribute.LinkId is not null).ToLookup(a => a.Attribute.LinkId!.Value, a => a.Attribute);
        var used = new HashSet<HsdsAttribute>(ReferenceEqualityComparer.Instance);
        List<HsdsAttribute>? AttributesOf(Guid id)
        {
            var list = attributesOf[id].ToList();
            foreach (var a in list) used.Add(a);
            return list.Count == 0 ? null : list;
        }

        var schedules = new List<(Row Row, HsdsSchedule Schedule)>();
        foreach (var row in tables["schedules.csv"])
        {
            if (row.Id() is not { } id) continue;
            var schedule = new HsdsSchedule
            {
                Id = id, ServiceId = row.Guid("service_id"), LocationId = row.Guid("location_id"), ServiceAtLocationId = row.Guid("service_at_location_id"),
                ValidFrom = row["valid_from"], ValidTo = row["valid_to"], Dtstart = row["dtstart"], Until = row["until"], Freq = row["freq"],
                Interval = row.Int("interval"), Byday = row["byday"], Wkst = row["wkst"], Description = row["description"], OpensAt = row["opens_at"],
                ClosesAt = row["closes_at"], ScheduleLink = row["schedule_link"], AttendingType = row["attending_type"], Notes = row["notes"],
                Attributes = AttributesOf(id),
            };
            schedules.Add((row, schedule));
            dataset.Place(schedule, row.Place);
        }

        var addresses = Build(dataset, tables["addresses.csv"], (row, id) => new HsdsAddress
        {
            Id = id, LocationId = row.Guid("location_id"), Address1 = row["address_1"]!, Address2 = row["address_2"], City = row["city"]!,
            Region = row["region"], StateProvince = row["state_province"]!, PostalCode = row["postal_code"]!, Country = row["country"]!,
            AddressType = row["address_type"]!,
        });
        var phones = Build(dataset, tables["phones.csv"], (row, id) => new HsdsPhone
        {
            Id = id, LocationId = row.Guid("location_id"), ServiceId = row.Guid("service_id"), OrganizationId = row.Guid("organization_id"),
            Number = row["number"]!, Type = row["type"], Description = row["description"],
        });
        var languages = Build(dataset, tables["languages.csv"], (row, id) => new HsdsLanguage
        {
            Id = id, ServiceId = row.Guid("service_id"), LocationId = row.Guid("location_id"), Name = row["name"], Code = row["code"], Note = row["note"],
        });
        var costs = Build(dataset, tables["cost_options.csv"], (row, id) => new HsdsCostOption
        {
            Id = id, ServiceId = row.Guid("service_id"), ValidFrom = row["valid_from"], ValidTo = row["valid_to"], Option = row["option"],
            Currency = row["currency"], Amount = row.Decimal("amount"), AmountDescription = row["amount_description"],
        });
        var accessibility = Build(dataset, tables["accessibility.csv"], (row, id) => new HsdsAccessibility
        {
            Id = id, LocationId = row.Guid("location_id"), Description = row["description"], Details = row["details"], Url = row["url"],
        });

        var locations = new Dictionary<Guid, HsdsLocation>();
        foreach (var row in tables["locations.csv"])
        {
            if (row.Id() is not { } id) continue;
            var location = new HsdsLocation
            {
                Id = id, LocationType = row["location_type"]!, Url = row["url"], OrganizationId = row.Guid("organization_id"), Name = row["name"],
                AlternateName = row["alternate_name"], Description = row["description"], Transportation = row["transportation"],
                Latitude = row.Double("latitude"), Longitude = row.Double("longitude"), ExternalIdentifier = row["external_identifier"],
                ExternalIdentifierType = row["external_identifier_type"],
                Languages = NullIfEmpty(languages.Where(l => l.LocationId == id)),
                Addresses = NullIfEmpty(addresses.Where(a => a.LocationId == id)),
                Accessibility = NullIfEmpty(accessibility.Where(a => a.LocationId == id)),
                Phones = NullIfEmpty(phones.Where(p => p.LocationId == id)),
                Schedules = NullIfEmpty(schedules.Select(s => s.Schedule).Where(s => s.LocationId == id && s.ServiceAtLocationId is null && s.ServiceId is null)),
                Attributes = AttributesOf(id),
            };
            if (!locations.TryAdd(id, location)) dataset.Problem(row.Place.Field("id"), $"Another row of locations.csv has the id {id}: each id once.");
            dataset.Place(location, row.Place);
        }

        var organizations = new Dictionary<Guid, HsdsOrganization>();
        foreach (var row in tables["organizations.csv"])
        {
            if (row.Id() is not { } id) continue;
            var organization = new HsdsOrganization
            {
                Id = id, Name = row["name"]!, AlternateName = row["alternate_name"], Description = row["description"]!, Email = row["email"],
                Website = row["website"], ParentOrganizationId = row.Guid("parent_organization_id"),
                Phones = NullIfEmpty(phones.Where(p => p.OrganizationId == id && p.LocationId is null && p.ServiceId is null)),
                Attributes = AttributesOf(id),
            };
            if (!organizations.TryAdd(id, organization)) dataset.Problem(row.Place.Field("id"), $"Another row of organizations.csv has the id {id}: each id once.");
            dataset.Place(organization, row.Place);
        }

        var serviceAtLocations = new List<HsdsServiceAtLocation>();
        foreach (var row in tables["service_at_locations.csv"])
        {
            if (row.Id() is not { } id) continue;
            var locationId = row.Guid("location_id");
            var sal = new HsdsServiceAtLocation
            {
                Id = id, ServiceId = row.Guid("service_id"), LocationId = locationId, Description = row["description"],
                Location = locationId is { } l && locations.TryGetValue(l, out var location) ? location : null,
                Schedules = NullIfEmpty(schedules.Select(s => s.Schedule).Where(s => s.ServiceAtLocationId == id)),
                Attributes = AttributesOf(id),
            };
            serviceAtLocations.Add(sal);
            dataset.Place(sal, row.Place);
        }

        var serviceIds = new HashSet<Guid>();
        foreach (var row in tables["services.csv"])
        {
            if (row.Id() is not { } id) continue;
            var organizationId = row.Guid("organization_id");
            var service = new HsdsService
            {
                Id = id, OrganizationId = organizationId, Name = row["name"]!, AlternateName = row["alternate_name"], Description = row["description"],
                Url = row["url"], Email = row["email"], Status = row["status"]!, ApplicationProcess = row["application_process"],
                FeesDescription = row["fees_description"], EligibilityDescription = row["eligibility_description"],
                MinimumAge = row.Decimal("minimum_age"), MaximumAge = row.Decimal("maximum_age"), AssuredDate = row["assured_date"], Alert = row["alert"],
                Organization = organizationId is { } o && organizations.TryGetValue(o, out var organization) ? organization : null,
                Languages = NullIfEmpty(languages.Where(l => l.ServiceId == id)),
                CostOptions = NullIfEmpty(costs.Where(c => c.ServiceId == id)),
                Phones = NullIfEmpty(phones.Where(p => p.ServiceId == id)),
                Schedules = NullIfEmpty(schedules.Select(s => s.Schedule).Where(s => s.ServiceId == id && s.ServiceAtLocationId is null)),
                ServiceAtLocations = NullIfEmpty(serviceAtLocations.Where(s => s.ServiceId == id)),
                Attributes = AttributesOf(id),
            };
            if (!serviceIds.Add(id)) dataset.Problem(row.Place.Field("id"), $"Another row of services.csv has the id {id}: each id once.");
            dataset.Services.Add(service);
            dataset.Place(service, row.Place);
        }
        foreach (var sal in serviceAtLocations.Where(s => s.ServiceId is not { } id || !serviceIds.Contains(id)))
        {
            dataset.Problem(dataset.PlaceOf(sal).Field("service_id"), $"No row of services.csv has the id {sal.ServiceId?.ToString() ?? "(empty)"}: link the row to a service of the package.");
        }
        dataset.Attributes.AddRange(attributes.Select(a => a.Attribute).Where(a => !used.Contains(a)));
        return dataset;
    }

    private static bool IsPortalTerm(Guid id) => PortalVocabulary.Codes.Any(c => PortalVocabulary.TermId(c) == id);

    private static HsdsTaxonomyTerm PortalTerm(Guid id) => PortalVocabulary.Term(PortalVocabulary.Codes.First(c => PortalVocabulary.TermId(c) == id));

    private static List<T> Build<T>(HsdsDataset dataset, List<Row> rows, Func<Row, Guid, T> make) where T : class
    {
        var items = new List<T>();
        foreach (var row in rows)
        {
            if (row.Id() is not { } id) continue;
            var item = make(row, id);
            dataset.Place(item, row.Place);
            items.Add(item);
        }
        return items;
    }

    private static List<T>? NullIfEmpty<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : list;
    }

    /// <summary>The rows of one CSV file; a row with the wrong number of values is a problem and left out.</summary>
    private static List<Row> Parse(HsdsDataset dataset, string file, byte[] bytes)
    {
        var rows = new List<Row>();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
        }
        catch (DecoderFallbackException)
        {
            dataset.Problem(new ImportPlace(file), "The file is not UTF-8 text: save it again as CSV (UTF-8).");
            return rows;
        }
        if (text.Trim().Length == 0) return rows;
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).FromText(text);
            var columns = reader.Header.ColNames.Select(c => c.Trim()).ToList();
            if (!columns.Contains("id"))
            {
                dataset.Problem(new ImportPlace(file, 1), $"The first line must name the columns of an HSDS table, starting with id (found: “{HsdsJsonReader.Shorten(string.Join(",", columns))}”).");
                return rows;
            }
            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.Span.Trim().Length == 0) continue;
                if (row.ColCount != columns.Count)
                {
                    dataset.Problem(new ImportPlace(file, line), $"Expected {columns.Count} values separated by commas, found {row.ColCount}. Each line is like the first: {HsdsJsonReader.Shorten(string.Join(",", columns))}.");
                    continue;
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < columns.Count; i++)
                {
                    var value = row[i].ToString().Trim();
                    values[columns[i]] = value.Length == 0 ? null : value;
                }
                rows.Add(new Row(dataset, new ImportPlace(file, line), values));
            }
        }
        catch (InvalidDataException exception)
        {
            dataset.Problem(new ImportPlace(file), $"The file cannot be read as CSV: {exception.Message}");
        }
        return rows;
    }

    /// <summary>One row: its values by column (empty as null) and where it is; bad UUIDs and numbers are problems at their column.</summary>
    private sealed class Row(HsdsDataset dataset, ImportPlace place, Dictionary<string, string?> values)
    {
        public ImportPlace Place { get; } = place;

        public string? this[string column] => values.GetValueOrDefault(column);

        public Guid? Id()
        {
            if (this["id"] is null)
            {
                dataset.Problem(Place.Field("id"), "The id is missing: every row needs a UUID in the id column.");
                return null;
            }
            return Guid("id");
        }

        public Guid? Guid(string column)
        {
            if (this[column] is not { } text) return null;
            if (System.Guid.TryParse(text, out var id)) return id;
            dataset.Problem(Place.Field(column), $"“{HsdsJsonReader.Shorten(text)}” is not a UUID: every HSDS id is a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.");
            return null;
        }

        public decimal? Decimal(string column)
        {
            if (this[column] is not { } text) return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            dataset.Problem(Place.Field(column), $"“{HsdsJsonReader.Shorten(text)}” is not a number: write it with a dot for decimals, e.g. 1.5.");
            return null;
        }

        public double? Double(string column) => Decimal(column) is { } value ? (double)value : null;

        public int? Int(string column)
        {
            if (this[column] is not { } text) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
            dataset.Problem(Place.Field(column), $"“{HsdsJsonReader.Shorten(text)}” is not a whole number.");
            return null;
        }
    }
}
