using System.Text;
using System.Text.Json;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData.Export;

/// <summary>
/// Writes the open data: every published, current service, full (the same objects as /hsds/services/{id}), as a JSON
/// array or as ndjson (one service per line), streamed from <see cref="HsdsCatalogue"/> in batches. What it writes is
/// what <see cref="Import.CatalogueImport"/> reads. With <see cref="CatalogueScope.Everything"/> it writes the whole
/// catalogue instead (every programme and offering in every publication state), which an import restores; without
/// history it leaves out metadata and last_modified, so the same catalogue gives the same bytes. A complete export is
/// written compactly (<see cref="HsdsMapper.Compact"/>).
/// </summary>
public sealed class CatalogueExport(HsdsCatalogue catalogue, IConfiguration configuration)
{
    /// <summary>Used in schedule_link when Portal:PublicAddress is not configured.</summary>
    public static readonly Uri FallbackBaseAddress = new("http://localhost/");

    public Uri BaseAddress => Uri.TryCreate(configuration["Portal:PublicAddress"], UriKind.Absolute, out var configured) ? configured : FallbackBaseAddress;

    /// <summary>Writes the services to <paramref name="output"/> (UTF-8, no byte order mark) and returns how many.</summary>
    public Task<int> WriteAsync(Stream output, bool ndjson, CancellationToken cancellationToken = default) =>
        WriteAsync(output, ndjson, CatalogueScope.Public, withHistory: true, cancellationToken);

    /// <summary>
    /// Writes the services of <paramref name="scope"/> to <paramref name="output"/> (UTF-8, no byte order mark) and returns
    /// how many; <paramref name="withHistory"/> false leaves out metadata and last_modified.
    /// </summary>
    public async Task<int> WriteAsync(Stream output, bool ndjson, CatalogueScope scope, bool withHistory, CancellationToken cancellationToken = default)
    {
        var context = await catalogue.ContextAsync(BaseAddress, cancellationToken);
        var services = scope == CatalogueScope.Everything ? catalogue.EveryServiceAsync(context, cancellationToken) : catalogue.FullServicesAsync(context, cancellationToken);
        var count = 0;
        var locationsWritten = new HashSet<Guid>();
        HsdsService Shape(HsdsService service)
        {
            var shaped = withHistory ? service : HsdsMapper.WithoutHistory(service);
            return scope == CatalogueScope.Everything ? HsdsMapper.Compact(shaped, locationsWritten) : shaped;
        }
        if (ndjson)
        {
            var newline = "\n"u8.ToArray();
            await foreach (var service in services)
            {
                await JsonSerializer.SerializeAsync(output, Shape(service), HsdsJson.Options, cancellationToken);
                await output.WriteAsync(newline, cancellationToken);
                count++;
            }
            return count;
        }
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        await foreach (var service in services)
        {
            JsonSerializer.Serialize(writer, Shape(service), HsdsJson.Options);
            count++;
            if (writer.BytesPending > 64 * 1024) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes("\n"), cancellationToken);
        return count;
    }
}
