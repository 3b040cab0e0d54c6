using System.CommandLine;
using FamilyServices.Web.Features.Reach;

namespace FamilyServices.Web.Features.Operations;

/// <summary>Runs the reach refresher once, e.g. after restoring a backup, instead of waiting for the portal's background refresh.</summary>
public static class ReachRefreshCommand
{
    public static Command Create(VerbRunner runner)
    {
        var refresh = new Command("refresh", "bring the officials' reach figures up to date now");
        runner.Attach(refresh, async verb =>
        {
            var result = await verb.Progress.RunAsync("Refreshing the reach figures",
                report => verb.Services.GetRequiredService<ReachRefresher>().RefreshAsync(Reporting(report), verb.Cancellation));
            verb.Output.WriteLine($"Reach figures refreshed in {result.Elapsed.TotalSeconds:0.0} s: {result.ParticipantsRefreshed} children, {result.PeriodsRecomputed} periods.");
            return OperatorCommands.Done;
        });
        return refresh;
    }

    /// <summary>The refresher counts children batch by batch; a terminal shows the count.</summary>
    internal static IProgress<int> Reporting(IStepReport report) =>
        new Reported<int>(children => report.Detail($"({children:N0} children so far)"));
}
