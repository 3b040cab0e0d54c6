using System.CommandLine;
using FamilyServices.Web.Features.OpenData.Import;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// <c>catalogue import FILE [--publish]</c>: loads an HSDS 3.0 dataset (JSON, ndjson, or a tabular data package as a
/// .zip or folder). Prints the summary, or every problem with its place and exits 1 without writing anything.
/// </summary>
public static class CatalogueImportCommand
{
    public static Command Create(VerbRunner runner)
    {
        var file = new Argument<string>("FILE") { Description = "the dataset: JSON array, ndjson, or a .zip or folder with datapackage.json and CSV tables" };
        var publish = new Option<bool>("--publish") { Description = "publish new items (otherwise they are drafts); a re-import keeps an item's state unless given" };
        var import = new Command("import", "load an HSDS 3.0 dataset into the catalogue; all or nothing") { file, publish };
        runner.Attach(import, verb => RunAsync(verb, verb.GetValue(file), verb.GetValue(publish)));
        return import;
    }

    private static async Task<int> RunAsync(VerbContext verb, string path, bool publish)
    {
        var settings = verb.Services.GetRequiredService<CatalogueImportSettings>();
        var db = verb.Services.GetRequiredService<Data.FamilyServicesDb>();
        var (dataset, result) = await verb.Progress.RunAsync($"Reading {path}", async report =>
        {
            var dataset = HsdsDatasetReader.ReadPath(path, settings.MaxBytes);
            report.Step($"Checking and importing {dataset.Source}...");
            return (dataset, await new CatalogueImport(db, verb.Services.GetRequiredService<TimeProvider>()).ImportAsync(dataset, publish));
        });
        if (!result.Imported)
        {
            verb.Errors.WriteLine($"Nothing was imported: {result.Problems.Count} problem(s) in {dataset.Source}.");
            foreach (var problem in result.Problems) verb.Errors.WriteLine(problem.ToString());
            return OperatorCommands.Failed;
        }
        verb.Output.WriteLine($"Imported {dataset.Source}{(publish ? " (published)" : " (new items are drafts)")}:");
        verb.Output.WriteLine(result.Summary());
        return OperatorCommands.Done;
    }
}
