namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// Verbs an operator runs with the portal's own executable, against the same configuration as the web app:
/// <c>migrate</c>, <c>seed-demo [city]</c>, <c>users add ...</c>, <c>tokens issue ...</c>, <c>schema-script</c>, <c>reach refresh</c>, <c>privacy retention [--dry-run]</c>, <c>catalogue import FILE [--publish]</c>, <c>catalogue export [FILE] [--ndjson] [--all] [--without-history]</c>.
/// </summary>
public static class OperatorCommands
{
    public const string Usage = """
        Usage: FamilyServices.Web <command>
          migrate                                   apply database migrations
          seed-demo [kocaeli|herne|leeuwarden|wiesbaden|mayen-koblenz]
                                                    load a demo city into an empty database (default kocaeli)
          users add --email E --role R [--centre CODE ...] [--coordinator CODE ...]
                                                    create a staff account; prints a one-time password
          tokens issue --email E --name N --days D  issue a personal API token; prints it once
          schema-script                             print the SQL that creates the schema the code expects
          reach refresh                             bring the officials' reach figures up to date now
          privacy retention [--dry-run]             delete children past the retention period (or count them)
          catalogue import FILE [--publish]         load an HSDS 3.0 dataset (JSON, ndjson, or a .zip/folder of CSV
                                                    tables); all or nothing, new items are drafts unless --publish
          catalogue export [FILE] [--ndjson] [--all] [--without-history]
                                                    write the published catalogue as HSDS 3.0 services (JSON array,
                                                    or ndjson) to FILE or standard output; --all: the whole catalogue
                                                    (drafts, archived, past offerings) for an import to restore;
                                                    --without-history: no metadata/last_modified (same bytes each time)
        Roles: Admin, Editor, CentreStaff, Official
        """;

    private static readonly string[] Verbs = ["migrate", "seed-demo", "users", "tokens", "schema-script", "reach", "privacy", "catalogue", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter errors)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        try
        {
            return args switch
            {
                ["migrate"] => await MigrateCommand.RunAsync(provider, output),
                ["seed-demo"] => await SeedDemoCommand.RunAsync(provider, "kocaeli", output, errors),
                ["seed-demo", var demo] => await SeedDemoCommand.RunAsync(provider, demo, output, errors),
                ["users", "add", .. var rest] => await UsersAddCommand.RunAsync(provider, CommandOptions.Parse(rest), output, errors),
                ["tokens", "issue", .. var rest] => await TokensIssueCommand.RunAsync(provider, CommandOptions.Parse(rest), output, errors),
                ["schema-script"] => SchemaScriptCommand.Run(provider, output),
                ["reach", "refresh"] => await ReachRefreshCommand.RunAsync(provider, output),
                ["privacy", "retention"] => await PrivacyRetentionCommand.RunAsync(provider, dryRun: false, output),
                ["privacy", "retention", "--dry-run"] => await PrivacyRetentionCommand.RunAsync(provider, dryRun: true, output),
                ["catalogue", "import", .. var rest] => await CatalogueImportCommand.RunAsync(provider, rest, output, errors),
                ["catalogue", "export", .. var rest] => await CatalogueExportCommand.RunAsync(provider, rest, output, errors),
                ["help"] or ["--help"] => Help(output),
                _ => Fail(errors, "Unknown command or wrong arguments."),
            };
        }
        catch (CommandOptionsException exception)
        {
            return Fail(errors, exception.Message);
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(Usage);
        return 0;
    }

    internal static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine($"error: {message}");
        errors.WriteLine(Usage);
        return 2;
    }
}
