namespace FamilyServices.Web.Features.Operations;

/// <summary><c>catalogue export [FILE] [--ndjson]</c>: the published catalogue as HSDS 3.0 services.</summary>
public static class CatalogueExportCommand
{
    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        _ = services;
        _ = args;
        _ = output;
        return Task.FromResult(OperatorCommands.Fail(errors, "catalogue export is not available yet."));
    }
}
