using FamilyServices.Web.Features.Reach;

namespace FamilyServices.Web.Features.Operations;

/// <summary>Runs the reach refresher once, e.g. after restoring a backup, instead of waiting for the portal's background refresh.</summary>
public static class ReachRefreshCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var result = await services.GetRequiredService<ReachRefresher>().RefreshAsync();
        output.WriteLine($"Reach figures refreshed in {result.Elapsed.TotalSeconds:0.0} s: {result.ParticipantsRefreshed} children, {result.PeriodsRecomputed} periods.");
        return 0;
    }
}
