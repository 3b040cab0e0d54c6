using System.Diagnostics;

namespace FamilyServices.Tests.Data;

/// <summary>
/// The drift gate (decision 0014): <c>dotnet ef migrations has-pending-model-changes</c> compares the model with the
/// last migration's snapshot and exits 1 when an entity or configuration changed without a migration. It builds the
/// web project first (in this run's configuration, so usually nothing is left to build) and needs the local tool:
/// <c>dotnet tool restore</c>, which scripts/test.sh runs.
/// </summary>
public class ModelChangesHaveMigrationsTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task Every_model_change_has_its_migration()
    {
        var (exitCode, output) = await DotnetAsync(
            "tool", "run", "dotnet-ef", "migrations", "has-pending-model-changes",
            "--project", Path.Combine("src", "FamilyServices.Web"), "--configuration", Configuration);

        exitCode.Should().Be(0,
            "the model has changes without a migration; add one with `dotnet ef migrations add <Name> --project src/FamilyServices.Web --output-dir Data/Migrations` and review it (docs/decisions/0014-migrations-with-dotnet-ef.md). dotnet ef said:\n{0}",
            output);
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        // Building the web project may take a few minutes on a busy machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took more than 10 minutes.");
        }
        return (process.ExitCode, (await stdout) + (await stderr));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FamilyServices.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"No FamilyServices.sln above {AppContext.BaseDirectory}.");
    }
}
