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
    public static async Task<int> RunAsync(IServiceProvider services, bool dryRun, TextWriter output)
    {
        var result = await services.GetRequiredService<RetentionJob>().RunAsync(dryRun, AuditTrail.Operator);
        var cutoff = result.CutoffUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        output.WriteLine(dryRun
            ? $"Dry run, nothing changed: {result.Participants} children last seen before {cutoff} would be deleted, and {result.ResolvedReports} resolved public reports."
            : $"Retention applied: {result.Participants} children last seen before {cutoff} deleted ({result.Attendances} attendance records; "
              + $"{result.ClosedReachRowsKept} reach rows of closed periods kept without identity), and {result.ResolvedReports} resolved public reports.");
        return 0;
    }
}
