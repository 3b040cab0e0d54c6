using System.CommandLine;
using FamilyServices.Web.Data;
using FamilyServices.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary><c>seed-demo [city]</c>: loads a demo city into an empty database, then builds its reach figures.</summary>
public static class SeedDemoCommand
{
    public const string DefaultDemo = "kocaeli";

    public static Command Create(VerbRunner runner)
    {
        var demo = new Argument<string>("city")
        {
            Description = $"the demo city: {string.Join(", ", DemoCities.Names)}",
            DefaultValueFactory = _ => DefaultDemo,
        };
        demo.Validators.Add(result =>
        {
            var name = result.GetValueOrDefault<string>();
            if (!DemoCities.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                result.AddError($"Unknown demo '{name}'. Choose one of: {string.Join(", ", DemoCities.Names)}.");
        });
        var command = new Command("seed-demo", "load a demo city into an empty database (a database that holds a city is left alone)") { demo };
        runner.Attach(command, verb => RunAsync(verb, verb.GetValue(demo)));
        return command;
    }

    private static async Task<int> RunAsync(VerbContext verb, string demo)
    {
        var db = verb.Services.GetRequiredService<FamilyServicesDb>();
        var city = await db.CityProfiles.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(verb.Cancellation);
        if (city is not null)
        {
            verb.Output.WriteLine($"The database already holds {city.Name}; nothing was loaded.");
            return OperatorCommands.Done;
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var summary = await verb.Progress.RunAsync($"Loading the {demo} demo",
            report => DemoSeed.LoadAsync(db, verb.Services.GetRequiredService<TimeProvider>(), demo, report));
        verb.Output.WriteLine($"Loaded the {demo} demo in {started.Elapsed.TotalSeconds:0.0} s: {summary}");
        // Officials should see the demo's reach at once rather than after the first background refresh.
        var reach = await verb.Progress.RunAsync("Building the reach figures",
            report => verb.Services.GetRequiredService<Reach.ReachRefresher>().RefreshAsync(ReachRefreshCommand.Reporting(report), verb.Cancellation));
        verb.Output.WriteLine($"Built the reach figures in {reach.Elapsed.TotalSeconds:0.0} s: {reach.ParticipantsRefreshed} children, {reach.PeriodsRecomputed} periods.");
        return OperatorCommands.Done;
    }
}
