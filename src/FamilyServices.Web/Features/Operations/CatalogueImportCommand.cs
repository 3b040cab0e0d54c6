using FamilyServices.Web.Features.OpenData.Import;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// <c>catalogue import FILE [--publish]</c>: loads an HSDS 3.0 dataset (JSON, ndjson, or a tabular data package as a
/// .zip or folder). Prints the summary, or every problem with its place and exits 1 without writing anything.
/// </summary>
public static class CatalogueImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        var publish = args.Contains("--publish");
        var rest = args.Where(a => a != "--publish").ToList();
        if (rest.Count != 1 || rest[0].StartsWith("--", StringComparison.Ordinal)) return OperatorCommands.Fail(errors, "catalogue import needs one FILE (and optionally --publish).");

        var settings = services.GetRequiredService<CatalogueImportSettings>();
        var dataset = HsdsDatasetReader.ReadPath(rest[0], settings.MaxBytes);
        var db = services.GetRequiredService<Data.FamilyServicesDb>();
        var result = await new CatalogueImport(db, services.GetRequiredService<TimeProvider>()).ImportAsync(dataset, publish);
        if (!result.Imported)
        {
            errors.WriteLine($"Nothing was imported: {result.Problems.Count} problem(s) in {dataset.Source}.");
            foreach (var problem in result.Problems) errors.WriteLine(problem.ToString());
            return 1;
        }
        output.WriteLine($"Imported {dataset.Source}{(publish ? " (published)" : " (new items are drafts)")}:");
        output.WriteLine(result.Summary());
        return 0;
    }
}
