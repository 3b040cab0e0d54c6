using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using Json.Schema;

namespace FamilyServices.Tests.Features.OpenData;

/// <summary>
/// The HSDS 3.0 JSON Schemas of ../shared/hsds-3.0 (next to the repository, never copied into it), each registered
/// under its file name so the relative $refs ("phone.json") resolve. Formats (uuid, uri, date-time, email) are checked.
/// </summary>
public static class HsdsSchemas
{
    private static readonly Uri Base = new("https://hsds.schemas.test/schema/");
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    /// <summary>The schema folder: shared/hsds-3.0/schema beside the repository or beside one of its parent folders; null when absent.</summary>
    public static string? Folder { get; } = Find();

    public static string MissingMessage =>
        "The HSDS 3.0 schemas are not here: ../shared/hsds-3.0/schema next to the repository (or a parent folder of it) is absent, "
        + "so the schema validation is skipped. Put the openreferral/specification 3.0 schemas there to run it (CI has them).";

    private static string? Find()
    {
        for (var directory = Directory.GetParent(RepoPaths.Root); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "hsds-3.0", "schema");
            if (File.Exists(Path.Combine(candidate, "service.json"))) return candidate;
        }
        return null;
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = Folder ?? throw new InvalidOperationException(MissingMessage);
        // The HSDS files have no $schema and carry keywords of their own (name, constraints...): draft 2020-12, which
        // ignores unknown keywords, rather than the library's default dialect, which refuses them.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        var pending = Directory.GetFiles(folder, "*.json").Where(f => Path.GetFileName(f) != "openapi.json")
            .Concat(Directory.GetFiles(Path.Combine(folder, "compiled"), "*.json"))
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .ToList();
        var built = new Dictionary<string, JsonSchema>();
        // Built in passes: a schema whose references are not registered yet waits for the next pass.
        while (pending.Count > 0)
        {
            var failures = new List<Exception>();
            foreach (var name in pending.ToList())
            {
                try
                {
                    var schema = JsonSchema.FromFile(Path.Combine(folder, name), options, new Uri(Base, name));
                    options.SchemaRegistry.Register(new Uri(Base, name), schema);
                    built[name] = schema;
                    pending.Remove(name);
                }
                catch (Exception exception) when (exception is JsonSchemaException or RefResolutionException)
                {
                    failures.Add(exception);
                }
            }
            if (failures.Count == pending.Count && pending.Count > 0)
            {
                throw new AggregateException($"Could not build the HSDS schemas {string.Join(", ", pending)}.", failures);
            }
        }
        return built;
    }

    /// <summary>The problems of <paramref name="document"/> against the schema in file <paramref name="name"/> (e.g. "service.json"); empty when valid.</summary>
    public static IReadOnlyList<string> Problems(string name, JsonElement document)
    {
        var results = Schemas.Value[name].Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid) return [];
        return [.. (results.Details ?? []).Append(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Distinct()];
    }

    /// <summary>Fails with every problem when <paramref name="document"/> does not validate against <paramref name="name"/>.</summary>
    public static void ShouldValidate(JsonElement document, string name, string what)
    {
        var problems = Problems(name, document);
        problems.Should().BeEmpty($"{what} should validate against HSDS 3.0 {name}; the document was {Shorten(document.GetRawText())}");
    }

    private static string Shorten(string text) => text.Length > 1500 ? text[..1500] + "…" : text;
}

/// <summary>A fact that needs the HSDS schemas: skipped, saying why, when ../shared/hsds-3.0 is absent.</summary>
public sealed class HsdsSchemaFactAttribute : FactAttribute
{
    public HsdsSchemaFactAttribute()
    {
        if (HsdsSchemas.Folder is null) Skip = HsdsSchemas.MissingMessage;
    }
}
