using System.CommandLine;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// The portal's command line. Everything is parsed before any host is built, so help and misuse need no database;
/// the portal itself starts only with no arguments or with the host's own settings (<see cref="PortalSettings"/>).
/// Exit codes: 0 done (or help asked for), 1 the verb could not do its work, 2 misuse (message and usage on stderr).
/// </summary>
public static class OperatorCommands
{
    public const string ExecutableName = "FamilyServices.Web";

    public const int Done = 0;
    public const int Failed = 1;
    public const int Misuse = 2;

    /// <summary>
    /// Host settings the portal accepts as arguments in the form <c>--urls value</c>: <c>--urls</c> (scripts/run-portal.sh,
    /// the benchmarks) and the three the host knows by name.
    /// </summary>
    public static readonly string[] PortalSettings = ["--urls", "--environment", "--contentRoot", "--applicationName"];

    /// <summary>
    /// The configuration sections the portal accepts as <c>--Section[:Key...]=value</c> arguments (ASP.NET Core's
    /// command-line configuration; WebApplicationFactory passes a test's settings this way). An argument in that form
    /// for any other section is an unknown flag, and refused like one.
    /// </summary>
    public static readonly string[] PortalSettingSections =
    [
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports",
        "AllowedHosts", "Kestrel", "Logging", "ConnectionStrings", "Portal", "Serilog", "Telemetry",
    ];

    internal static bool IsPortalSetting(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        if (!argument.StartsWith("--", StringComparison.Ordinal) || equals < 3) return false;
        var section = argument[2..equals].Split(':')[0];
        return PortalSettingSections.Contains(section, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The settings a verb's host is built with (command-line configuration, so nothing an operator set can undo them):
    /// a verb reports a failed database call itself, as one line or as the unexpected error it is, so EF Core's own
    /// error log of the same failure would only bury that line.
    /// </summary>
    public static readonly string[] VerbHostSettings =
    [
        .. new[] { "Database.Connection", "Database.Command", "Query", "Update" }
            .Select(category => $"--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.{category}=Fatal"),
    ];

    public static OperatorCommandLine Parse(IReadOnlyList<string> args) => new(args);

    /// <summary>Runs one verb against services that already exist (tests, the browser fixture).</summary>
    public static Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter errors) =>
        Parse(args).RunAsync(VerbServices.Borrowed(services), output, errors);

    internal static RootCommand CreateRoot(VerbRunner runner)
    {
        var root = new RootCommand("""
            FamilyServices portal. Without arguments (or with only the host settings below) it serves the portal;
            with a command it runs that operator task against the same configuration (appsettings, environment).
            """);
        // Never called: it marks the portal itself, which Program.cs starts (see OperatorCommandLine.StartsPortal).
        root.SetAction(_ => Done);
        foreach (var setting in PortalSettings)
        {
            root.Options.Add(new Option<string>(setting) { Description = $"host setting for the portal ({setting[2..]}); ignored by the commands", HelpName = "value" });
        }
        root.Subcommands.Add(MigrateCommand.Create(runner));
        root.Subcommands.Add(SeedDemoCommand.Create(runner));
        root.Subcommands.Add(Group("users", "staff accounts", UsersAddCommand.Create(runner)));
        root.Subcommands.Add(Group("tokens", "personal API tokens", TokensIssueCommand.Create(runner)));
        root.Subcommands.Add(SchemaScriptCommand.Create(runner));
        root.Subcommands.Add(Group("reach", "the officials' reach figures", ReachRefreshCommand.Create(runner)));
        root.Subcommands.Add(Group("privacy", "the retention period", PrivacyRetentionCommand.Create(runner)));
        root.Subcommands.Add(Group("catalogue", "the catalogue as HSDS 3.0 open data", CatalogueImportCommand.Create(runner), CatalogueExportCommand.Create(runner)));
        root.Subcommands.Add(HealthCommand.Create(runner));
        root.Subcommands.Add(HelpCommand(runner));
        return root;
    }

    /// <summary>A noun such as <c>users</c> that only groups its verbs: alone it is misuse (it has no action of its own).</summary>
    private static Command Group(string name, string description, params Command[] verbs)
    {
        var group = new Command(name, description);
        foreach (var verb in verbs) group.Subcommands.Add(verb);
        return group;
    }

    /// <summary><c>help [command ...]</c>, the same as <c>[command ...] --help</c>.</summary>
    private static Command HelpCommand(VerbRunner runner)
    {
        var about = new Argument<string[]>("command") { Description = "the command to describe", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "show this help, or a command's") { about };
        help.SetAction(parsed => runner.Help([.. parsed.GetValue(about) ?? [], "--help"]));
        return help;
    }
}
