using FamilyServices.Web.Data;
using FamilyServices.Web.Data.Demo;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

public static class SeedDemoCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string demo, TextWriter output, TextWriter errors)
    {
        var db = services.GetRequiredService<FamilyServicesDb>();
        var city = await db.CityProfiles.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync();
        if (city is not null)
        {
            output.WriteLine($"The database already holds {city.Name}; nothing was loaded.");
            return 0;
        }
        if (!DemoCities.Names.Contains(demo, StringComparer.OrdinalIgnoreCase))
        {
            return OperatorCommands.Fail(errors, $"Unknown demo '{demo}'. Choose one of: {string.Join(", ", DemoCities.Names)}.");
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var summary = await DemoSeed.LoadAsync(db, services.GetRequiredService<TimeProvider>(), demo);
        output.WriteLine($"Loaded the {demo} demo in {started.Elapsed.TotalSeconds:0.0} s: {summary}");
        // Officials should see the demo's reach at once rather than after the first background refresh.
        var reach = await services.GetRequiredService<Reach.ReachRefresher>().RefreshAsync();
        output.WriteLine($"Built the reach figures in {reach.Elapsed.TotalSeconds:0.0} s: {reach.ParticipantsRefreshed} children, {reach.PeriodsRecomputed} periods.");
        return 0;
    }
}
