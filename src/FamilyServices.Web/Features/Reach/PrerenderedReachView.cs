using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// What the dashboard read while it was prerendered (decision 0022), and for which address: carried in the page (as
/// persistent component state, which the server protects with its data-protection keys) to the circuit that takes the
/// page over, so the circuit shows the same figures at once instead of reading them again. <see cref="View"/> is null
/// when it was too large to carry (<see cref="None"/>): the circuit then reads the figures itself.
/// </summary>
public sealed record PrerenderedReachView(string Address, ReachView? View)
{
    public static readonly PrerenderedReachView None = new("", null);
}

/// <summary>
/// JSON as Blazor writes persistent state, but with fields (the equity totals are value tuples, whose elements are
/// fields, which Blazor's own options would drop), compressed with Brotli: the browser sends the whole state back
/// in the circuit's first SignalR message, and a message over the hub's 32 KB limit closes the circuit. A view that
/// is still larger than <see cref="MaxCompressedBytes"/> is not carried at all (restored as <see cref="PrerenderedReachView.None"/>).
/// </summary>
public sealed class PrerenderedReachViewSerializer : PersistentComponentStateSerializer<PrerenderedReachView>
{
    /// <summary>
    /// Room left in the 32 KB message after Blazor has encoded this twice in base64 (about 16/9 of it) and added the
    /// root components' descriptors and the rest of the page's state.
    /// </summary>
    public const int MaxCompressedBytes = 12 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { IncludeFields = true };

    public override void Persist(PrerenderedReachView value, IBufferWriter<byte> writer)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        if (!BrotliEncoder.TryCompress(json, compressed, out var length, quality: 5, window: 22) || length > MaxCompressedBytes) return;
        writer.Write(compressed.AsSpan(0, length));
    }

    public override PrerenderedReachView Restore(ReadOnlySequence<byte> data)
    {
        if (data.IsEmpty) return PrerenderedReachView.None;
        using var input = new MemoryStream(data.ToArray());
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<PrerenderedReachView>(brotli, Options) ?? PrerenderedReachView.None;
    }
}
