using System.IO.Compression;
using System.Text;
using FamilyServices.Web.Features.OpenData.Import;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>The three readers give the same in-memory dataset, and each object knows where it came from.</summary>
public class DatasetReaderTests
{
    [Fact]
    public void The_json_reader_reads_full_services_and_knows_each_objects_pointer()
    {
        var dataset = ImportDatabase.Fixture("leeuwarden.json");

        dataset.Problems.Should().BeEmpty();
        dataset.Services.Select(s => s.Name).Should().Equal("Taalhuis voor ouders en kinderen", "Huiswerkbegeleiding");
        var taalhuis = dataset.Services[0];
        taalhuis.Organization!.Name.Should().Be("GGD Fryslân");
        taalhuis.ServiceAtLocations!.Select(s => s.Location!.Name).Should().Equal("IKC De Kleine Wereld", "Brede School Vrijheidswijk");
        var schedule = taalhuis.ServiceAtLocations![0].Schedules![0];
        schedule.Byday.Should().Be("TU,TH");
        dataset.PlaceOf(schedule).ToString().Should().Be("leeuwarden.json, /0/service_at_locations/0/schedules/0");
        dataset.PlaceOf(schedule).Field("byday").ToString().Should().Be("leeuwarden.json, /0/service_at_locations/0/schedules/0/byday");
        dataset.PlaceOf(dataset.Services[1].ServiceAtLocations![0].Location!).ToString().Should().Be("leeuwarden.json, /1/service_at_locations/0/location");
    }

    [Fact]
    public void The_json_reader_accepts_the_APIs_paging_wrapper()
    {
        var array = File.ReadAllText(Path.Combine(ImportDatabase.Fixtures, "leeuwarden.json"));
        var page = $$"""{"total_items": 2, "total_pages": 1, "page_number": 1, "size": 2, "first_page": true, "last_page": true, "empty": false, "contents": {{array}}}""";

        var dataset = HsdsDatasetReader.Read("page.json", Encoding.UTF8.GetBytes(page));

        dataset.Problems.Should().BeEmpty();
        dataset.Services.Should().HaveCount(2);
        dataset.PlaceOf(dataset.Services[1]).ToString().Should().Be("page.json, /contents/1");
    }

    [Fact]
    public void The_ndjson_reader_reads_one_service_a_line_and_knows_the_line()
    {
        var dataset = ImportDatabase.Fixture("kocaeli.ndjson");

        dataset.Problems.Should().BeEmpty();
        dataset.Services.Select(s => s.Name).Should().Equal("Anne Çocuk Eğitim Programı", "Çocuklar için Zumba");
        var zumba = dataset.Services[1].ServiceAtLocations![0].Schedules![0];
        dataset.PlaceOf(zumba).Field("opens_at").ToString().Should().Be("kocaeli.ndjson, line 2, /service_at_locations/0/schedules/0/opens_at");
    }

    [Fact]
    public void The_tabular_reader_puts_the_tables_together_from_a_folder_and_from_a_zip()
    {
        var folder = Path.Combine(ImportDatabase.Fixtures, "tabular");
        var fromFolder = HsdsDatasetReader.ReadPath(folder);
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder)) zip.CreateEntryFromFile(file, "wiesbaden/" + Path.GetFileName(file));
        }
        var fromZip = HsdsDatasetReader.Read("wiesbaden.zip", zipped.ToArray());

        foreach (var dataset in new[] { fromFolder, fromZip })
        {
            dataset.Problems.Should().BeEmpty();
            dataset.Services.Select(s => s.Name).Should().Equal("Elterncafé Biebrich", "Erziehungsberatung");
            var cafe = dataset.Services[0];
            cafe.Description.Should().Be("Offener Treff für Eltern mit Kindern bis drei Jahre.\n\nMit Frühstück, Spielecke und Beratung \"ohne Termin\".");
            cafe.Organization!.Name.Should().Be("Amt für Soziale Arbeit Wiesbaden");
            var sal = cafe.ServiceAtLocations!.Single();
            sal.Location!.Addresses!.Single().Address1.Should().Be("Rathausstraße 63");
            sal.Location.Schedules!.Single().Byday.Should().Be("MO,TU,WE,TH,FR");
            sal.Schedules!.Single().Byday.Should().Be("TU,FR");
            cafe.Languages!.Select(l => l.Code).Should().Equal("de", "tr");
            cafe.Attributes!.Should().HaveCount(3);
            dataset.Attributes.Should().ContainSingle(a => a.LinkType == "taxonomy_term");
            // The first service's description spans three lines, so the second service's row starts on line 5.
            dataset.PlaceOf(dataset.Services[1]).ToString().Should().Be("services.csv, line 5");
            dataset.PlaceOf(sal.Schedules![0]).Field("byday").ToString().Should().Be("schedules.csv, line 2, column byday");
        }
    }

    [Theory]
    [InlineData("broken.json", "[{\"id\": \"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\n \"name\": \"Peuterspeelzaal\"\n \"status\": \"active\"}]",
        "broken.json, line 3: This is not valid JSON on line 3 at position 2: check for a missing comma, quotation mark or bracket there.")]
    [InlineData("people.csv", "name,email\nJan,jan@example.org\n",
        "people.csv: A single CSV file is not an HSDS dataset: the tabular form is a data package, a .zip of datapackage.json, services.csv, organizations.csv, locations.csv, service_at_locations.csv and the other tables.")]
    [InlineData("notes.txt", "Boodschappenlijst: melk, brood",
        "notes.txt: " + HsdsJsonReader.NotADataset)]
    [InlineData("settings.json", "{\"theme\": \"dark\"}", "settings.json: " + HsdsJsonReader.NotADataset)]
    public void A_file_that_is_no_HSDS_dataset_is_refused_with_a_reason(string name, string content, string problem)
    {
        var dataset = HsdsDatasetReader.Read(name, Encoding.UTF8.GetBytes(content));

        dataset.Problems.Select(p => p.ToString()).Should().Equal(problem);
    }

    [Fact]
    public void A_zip_without_services_csv_names_what_it_found()
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("leden.csv").Open());
            writer.Write("naam,lid_sinds\nAnneke,2019\n");
        }

        var dataset = HsdsDatasetReader.Read("export.zip", zipped.ToArray());

        dataset.Problems.Single().Reason.Should().StartWith("This is not an HSDS tabular data package: services.csv is missing.").And.EndWith("(found: leden.csv).");
    }

    [Fact]
    public void A_dataset_over_the_size_limit_is_refused_before_it_is_read()
    {
        var dataset = HsdsDatasetReader.Read("big.json", new byte[2048], maxBytes: 1024);

        dataset.Problems.Single().Reason.Should().Be("The dataset is 2 KB; the limit is 1 KB. Split it into several files (by organisation, say) and import them one after another.");
        dataset.Services.Should().BeEmpty();
    }
}
