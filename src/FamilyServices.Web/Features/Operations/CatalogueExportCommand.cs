using System.CommandLine;
using FamilyServices.Web.Features.OpenData.Export;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// <c>catalogue export [FILE] [--ndjson] [--all] [--without-history]</c>: the published catalogue (or with <c>--all</c> the
/// whole catalogue) as HSDS 3.0 services, to FILE or standard output.
/// </summary>
public static class CatalogueExportCommand
{
    public static Command Create(VerbRunner runner)
    {
        var file = new Argument<string?>("FILE") { Description = "where to write; standard output without it", Arity = ArgumentArity.ZeroOrOne };
        var ndjson = new Option<bool>("--ndjson") { Description = "one service a line instead of a JSON array" };
        var all = new Option<bool>("--all") { Description = "the whole catalogue (drafts, archived, past offerings) for an import to restore" };
        var withoutHistory = new Option<bool>("--without-history") { Description = "leave out metadata and last_modified: the same catalogue gives the same bytes" };
        var export = new Command("export", "write the published catalogue as HSDS 3.0 services") { file, ndjson, all, withoutHistory };
        runner.Attach(export, verb => RunAsync(verb, verb.Parsed.GetValue(file), verb.GetValue(ndjson),
            verb.GetValue(all) ? CatalogueScope.Everything : CatalogueScope.Public, !verb.GetValue(withoutHistory)));
        return export;
    }

    private static async Task<int> RunAsync(VerbContext verb, string? path, bool ndjson, CatalogueScope scope, bool withHistory)
    {
        var export = ActivatorUtilities.CreateInstance<CatalogueExport>(verb.Services);
        if (path is null)
        {
            await verb.Output.FlushAsync();
            await using var stdout = Console.OpenStandardOutput();
            await export.WriteAsync(stdout, ndjson, scope, withHistory);
            return OperatorCommands.Done;
        }
        int count;
        await using (var file = File.Create(path))
        {
            count = await export.WriteAsync(file, ndjson, scope, withHistory);
        }
        var what = scope == CatalogueScope.Everything ? "service(s), every publication state," : "published service(s)";
        verb.Output.WriteLine($"Wrote {count} {what} to {path}{(ndjson ? " (ndjson)" : "")}{(withHistory ? "" : " without history")}.");
        return OperatorCommands.Done;
    }
}
