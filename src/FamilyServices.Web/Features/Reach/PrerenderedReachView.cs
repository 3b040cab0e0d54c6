using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// What the dashboard read while it was prerendered (decision 0022), and for which address: carried in the page (as
/// persistent component state, which the server protects with its data-protection keys) to the circuit that takes the
/// page over, so the circuit shows the same figures at once instead of reading them again.
/// </summary>
public sealed record PrerenderedReachView(string Address, ReachView View);

/// <summary>
/// JSON as Blazor writes persistent state, but with fields: the equity totals are value tuples, whose elements are
/// fields, which Blazor's own options would drop (and so restore zeros).
/// </summary>
public sealed class PrerenderedReachViewSerializer : PersistentComponentStateSerializer<PrerenderedReachView>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { IncludeFields = true };

    public override void Persist(PrerenderedReachView value, IBufferWriter<byte> writer)
    {
        using var json = new Utf8JsonWriter(writer);
        JsonSerializer.Serialize(json, value, Options);
    }

    public override PrerenderedReachView Restore(ReadOnlySequence<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        return JsonSerializer.Deserialize<PrerenderedReachView>(ref reader, Options)
            ?? throw new JsonException("The dashboard's prerendered state is empty.");
    }
}
