using System.CommandLine;
using System.Globalization;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Privacy;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// Applies the retention period now (the portal does it every <c>Portal:Privacy:RetentionHours</c>), or with
/// <c>--dry-run</c> only says how many children it would delete.
/// </summary>
public static class PrivacyRetentionCommand
{
    public static Command Create(VerbRunner runner)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "only say how many would be deleted; change nothing" };
        var retention = new Command("retention", "delete the children past the retention period, and resolved public reports past theirs") { dryRun };
        runner.Attach(retention, verb => RunAsync(verb, verb.GetValue(dryRun)));
        return retention;
    }

    private static async Task<int> RunAsync(VerbContext verb, bool dryRun)
    {
        var result = await verb.Progress.RunAsync(dryRun ? "Counting the children past the retention period" : "Applying the retention period",
            report => verb.Services.GetRequiredService<RetentionJob>().RunAsync(dryRun, AuditTrail.Operator,
                new Reported<int>(children => report.Detail($"({children:N0} children deleted so far)")), verb.Cancellation));
        var cutoff = result.CutoffUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        verb.Output.WriteLine(dryRun
            ? $"Dry run, nothing changed: {result.Participants} children last seen before {cutoff} would be deleted, and {result.ResolvedReports} resolved public reports."
            : $"Retention applied: {result.Participants} children last seen before {cutoff} deleted ({result.Attendances} attendance records; "
              + $"{result.ClosedReachRowsKept} reach rows of closed periods kept without identity), and {result.ResolvedReports} resolved public reports.");
        return OperatorCommands.Done;
    }
}
