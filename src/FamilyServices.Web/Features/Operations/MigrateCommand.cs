using System.CommandLine;
using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary><c>migrate</c>: applies pending migrations; safe on every deployment.</summary>
public static class MigrateCommand
{
    public static Command Create(VerbRunner runner)
    {
        var command = new Command("migrate", "apply pending database migrations (safe on every deployment)");
        runner.Attach(command, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(VerbContext verb)
    {
        var db = verb.Services.GetRequiredService<FamilyServicesDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(verb.Cancellation)).ToList();
        await db.Database.MigrateAsync(verb.Cancellation);
        verb.Output.WriteLine(pending.Count == 0
            ? "The database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return OperatorCommands.Done;
    }
}
