using FamilyServices.Web.Features.OpenData.Export;

namespace FamilyServices.Web.Features.Operations;

/// <summary><c>catalogue export [FILE] [--ndjson]</c>: the published catalogue as HSDS 3.0 services, to FILE or standard output.</summary>
public static class CatalogueExportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var ndjson = args.Contains("--ndjson");
        var rest = args.Where(a => a != "--ndjson").ToList();
        if (rest.Count > 1 || rest.Any(a => a.StartsWith("--", StringComparison.Ordinal))) return OperatorCommands.Fail(errors, "catalogue export takes at most one FILE (and optionally --ndjson).");

        var export = ActivatorUtilities.CreateInstance<CatalogueExport>(services);
        if (rest.Count == 0)
        {
            await output.FlushAsync();
            await using var stdout = Console.OpenStandardOutput();
            await export.WriteAsync(stdout, ndjson);
            return 0;
        }
        int count;
        await using (var file = File.Create(rest[0]))
        {
            count = await export.WriteAsync(file, ndjson);
        }
        output.WriteLine($"Wrote {count} published service(s) to {rest[0]}{(ndjson ? " (ndjson)" : "")}.");
        return 0;
    }
}
