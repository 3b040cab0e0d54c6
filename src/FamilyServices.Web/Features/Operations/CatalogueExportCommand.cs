using FamilyServices.Web.Features.OpenData.Export;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// <c>catalogue export [FILE] [--ndjson] [--all] [--without-history]</c>: the published catalogue (or with <c>--all</c> the
/// whole catalogue) as HSDS 3.0 services, to FILE or standard output.
/// </summary>
public static class CatalogueExportCommand
{
    private static readonly string[] Options = ["--ndjson", "--all", "--without-history"];

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var ndjson = args.Contains("--ndjson");
        var scope = args.Contains("--all") ? CatalogueScope.Everything : CatalogueScope.Public;
        var withHistory = !args.Contains("--without-history");
        var rest = args.Where(a => !Options.Contains(a)).ToList();
        if (rest.Count > 1 || rest.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            return OperatorCommands.Fail(errors, "catalogue export takes at most one FILE (and optionally --ndjson, --all, --without-history).");
        }

        var export = ActivatorUtilities.CreateInstance<CatalogueExport>(services);
        if (rest.Count == 0)
        {
            await output.FlushAsync();
            await using var stdout = Console.OpenStandardOutput();
            await export.WriteAsync(stdout, ndjson, scope, withHistory);
            return 0;
        }
        int count;
        await using (var file = File.Create(rest[0]))
        {
            count = await export.WriteAsync(file, ndjson, scope, withHistory);
        }
        var what = scope == CatalogueScope.Everything ? "service(s), every publication state," : "published service(s)";
        output.WriteLine($"Wrote {count} {what} to {rest[0]}{(ndjson ? " (ndjson)" : "")}{(withHistory ? "" : " without history")}.");
        return 0;
    }
}
