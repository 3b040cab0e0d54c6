using System.Text;
using System.Text.Json;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData.Export;

/// <summary>
/// Writes the open data: every published, current service, full (the same objects as /hsds/services/{id}), as a JSON
/// array or as ndjson (one service per line), streamed from <see cref="HsdsCatalogue"/> in batches. What it writes is
/// what <see cref="Import.CatalogueImport"/> reads.
/// </summary>
public sealed class CatalogueExport(HsdsCatalogue catalogue, IConfiguration configuration)
{
    /// <summary>Used in schedule_link when Portal:PublicBaseUrl is not configured.</summary>
    public static readonly Uri FallbackBaseAddress = new("http://localhost/");

    public Uri BaseAddress => Uri.TryCreate(configuration["Portal:PublicBaseUrl"], UriKind.Absolute, out var configured) ? configured : FallbackBaseAddress;

    /// <summary>Writes the services to <paramref name="output"/> (UTF-8, no byte order mark) and returns how many.</summary>
    public async Task<int> WriteAsync(Stream output, bool ndjson, CancellationToken cancellationToken = default)
    {
        var context = await catalogue.ContextAsync(BaseAddress, cancellationToken);
        var count = 0;
        if (ndjson)
        {
            var newline = "\n"u8.ToArray();
            await foreach (var service in catalogue.FullServicesAsync(context, cancellationToken))
            {
                await JsonSerializer.SerializeAsync(output, service, HsdsJson.Options, cancellationToken);
                await output.WriteAsync(newline, cancellationToken);
                count++;
            }
            return count;
        }
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartArray();
        await foreach (var service in catalogue.FullServicesAsync(context, cancellationToken))
        {
            JsonSerializer.Serialize(writer, service, HsdsJson.Options);
            count++;
            if (writer.BytesPending > 64 * 1024) await writer.FlushAsync(cancellationToken);
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
        await output.WriteAsync(Encoding.UTF8.GetBytes("\n"), cancellationToken);
        return count;
    }
}
