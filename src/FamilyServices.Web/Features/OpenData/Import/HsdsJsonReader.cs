using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>
/// Reads HSDS 3.0 services from JSON (an array of full services, the API's paging wrapper {"contents": [...]}, or one
/// service) or ndjson (one full service per line), into an <see cref="HsdsDataset"/> whose objects know their JSON
/// pointer (and line, for ndjson). A value of the wrong type or an id that is no UUID is a problem at its pointer;
/// a missing required field is left empty for <see cref="CatalogueImport"/> to name.
/// </summary>
public static partial class HsdsJsonReader
{
    /// <summary><see cref="HsdsJson.Options"/>, but "required" is the import's to check (it names the field and the fix), and numbers may come quoted.</summary>
    public static readonly JsonSerializerOptions Options = new(HsdsJson.Options)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(type =>
        {
            foreach (var property in type.Properties) property.IsRequired = false;
        }),
    };

    public static HsdsDataset ReadJson(string fileName, ReadOnlySpan<byte> bytes)
    {
        var dataset = new HsdsDataset { Source = fileName };
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(bytes).ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            dataset.Problem(new ImportPlace(fileName, (int?)exception.LineNumber + 1), InvalidJson(exception));
            return dataset;
        }
        using (document)
        {
            var root = document.RootElement;
            var (array, prefix) = root.ValueKind switch
            {
                JsonValueKind.Array => (root, ""),
                JsonValueKind.Object when root.TryGetProperty("contents", out var contents) && contents.ValueKind == JsonValueKind.Array => (contents, "/contents"),
                _ => (default, ""),
            };
            if (array.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in array.EnumerateArray())
                {
                    ReadService(dataset, element, new ImportPlace(fileName, null, string.Create(CultureInfo.InvariantCulture, $"{prefix}/{index}")));
                    index++;
                }
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out _) && root.TryGetProperty("name", out _))
            {
                ReadService(dataset, root, new ImportPlace(fileName, null, ""));
            }
            else
            {
                dataset.Problem(new ImportPlace(fileName), NotADataset);
            }
        }
        return dataset;
    }

    public static HsdsDataset ReadNdjson(string fileName, ReadOnlySpan<byte> bytes)
    {
        var dataset = new HsdsDataset { Source = fileName };
        var text = Encoding.UTF8.GetString(WithoutBom(bytes));
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    dataset.Problem(new ImportPlace(fileName, lineNumber), "Each line of an ndjson file must be one service, a JSON object {\"id\": ..., \"name\": ...}.");
                    continue;
                }
                ReadService(dataset, document.RootElement, new ImportPlace(fileName, lineNumber, ""));
            }
            catch (JsonException exception)
            {
                dataset.Problem(new ImportPlace(fileName, lineNumber), InvalidJson(exception, lineKnown: true));
            }
        }
        if (dataset.Services.Count == 0 && dataset.Problems.Count == 0) dataset.Problem(new ImportPlace(fileName), NotADataset);
        return dataset;
    }

    public const string NotADataset =
        "This is not an HSDS dataset: expected a JSON array of services (each with \"id\" and \"name\"), the API's page {\"contents\": [...]}, " +
        "ndjson with one service per line, or a .zip with datapackage.json and services.csv.";

    private static void ReadService(HsdsDataset dataset, JsonElement element, ImportPlace at)
    {
        var before = dataset.Problems.Count;
        CheckIds(dataset, element, at);
        if (dataset.Problems.Count > before) return;
        try
        {
            var service = element.Deserialize<HsdsService>(Options);
            if (service is null)
            {
                dataset.Problem(at, "Expected a service (a JSON object), found null.");
                return;
            }
            dataset.Services.Add(service);
            dataset.PlaceTree(service, at);
        }
        catch (JsonException exception)
        {
            dataset.Problem(at with { JsonPointer = at.JsonPointer + ToJsonPointer(exception.Path) }, WrongType(exception));
        }
    }

    /// <summary>Every "id" and "..._id" must be a UUID: all of them are listed, not just the first.</summary>
    private static void CheckIds(HsdsDataset dataset, JsonElement element, ImportPlace at)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var place = at with { JsonPointer = $"{at.JsonPointer}/{property.Name}" };
                    if ((property.Name == "id" || property.Name.EndsWith("_id", StringComparison.Ordinal)) && property.Value.ValueKind != JsonValueKind.Null)
                    {
                        if (property.Value.ValueKind != JsonValueKind.String || !Guid.TryParse(property.Value.GetString(), out _))
                        {
                            dataset.Problem(place, $"“{Shorten(property.Value.ToString())}” is not a UUID: every HSDS id is a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.");
                        }
                    }
                    else
                    {
                        CheckIds(dataset, property.Value, place);
                    }
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckIds(dataset, item, at with { JsonPointer = string.Create(CultureInfo.InvariantCulture, $"{at.JsonPointer}/{index}") });
                    index++;
                }
                break;
        }
    }

    private static string InvalidJson(JsonException exception, bool lineKnown = false)
    {
        var position = exception.BytePositionInLine is { } p ? string.Create(CultureInfo.InvariantCulture, $" at position {p + 1}") : "";
        var line = !lineKnown && exception.LineNumber is { } l ? string.Create(CultureInfo.InvariantCulture, $" on line {l + 1}") : "";
        return $"This is not valid JSON{line}{position}: check for a missing comma, quotation mark or bracket there.";
    }

    private static string WrongType(JsonException exception)
    {
        var message = exception.Message;
        var expected = message switch
        {
            _ when message.Contains("System.Decimal", StringComparison.Ordinal) || message.Contains("System.Double", StringComparison.Ordinal)
                || message.Contains("System.Int32", StringComparison.Ordinal) => "a number",
            _ when message.Contains("System.Guid", StringComparison.Ordinal) => "a UUID",
            _ when message.Contains("System.String", StringComparison.Ordinal) => "text in quotation marks",
            _ when message.Contains("List`1", StringComparison.Ordinal) => "a list [...]",
            _ when message.Contains("DateTimeOffset", StringComparison.Ordinal) => "a date and time such as 2026-01-31T09:00:00Z",
            _ => "an object {...}",
        };
        return $"This value has the wrong type: expected {expected}.";
    }

    /// <summary>"$.service_at_locations[0].schedules[0].byday" → "/service_at_locations/0/schedules/0/byday".</summary>
    public static string ToJsonPointer(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var pointer = PathPart().Replace(path[1..], m => "/" + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value));
        return pointer;
    }

    [GeneratedRegex(@"\.([^.\[]+)|\['([^']*)'\]|\[(\d+)\]")]
    private static partial Regex PathPart();

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) => bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    internal static string Shorten(string value) => value.Length > 60 ? value[..60] + "…" : value;
}
