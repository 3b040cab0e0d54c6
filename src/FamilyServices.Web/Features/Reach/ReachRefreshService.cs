using FamilyServices.Web.Data;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// Refreshes the reach figures as soon as the database says something changed (the triggers' NOTIFY reach_pending),
/// and every few seconds in any case (<c>Portal:Reach:RefreshSeconds</c>, default 20; 0 turns both off), so newly
/// logged attendance shows on the officials' dashboard within seconds. Only the instance that runs the background jobs
/// (<see cref="JobLeadership"/>) refreshes.
/// </summary>
public sealed class ReachRefreshService(
    IServiceScopeFactory scopes, IConfiguration configuration, DatabaseAvailability database, JobLeadership leadership, ILogger<ReachRefreshService> logger)
    : BackgroundService
{
    public const int DefaultRefreshSeconds = 20;

    /// <summary>The channel the triggers of reach_pending_participants, reach_stale_offerings and reach_stale_periods notify.</summary>
    public const string Channel = "reach_pending";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Portal:Reach:RefreshSeconds", DefaultRefreshSeconds);
        if (seconds <= 0) return;
        try
        {
            await database.Reached.WaitAsync(stoppingToken);
            await leadership.RunWhileLeadingAsync(whileLeading => RefreshAsync(seconds, whileLeading, stoppingToken), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Refreshes until <paramref name="whileLeading"/> ends: the portal stops, or another instance runs the jobs now.</summary>
    private async Task RefreshAsync(int seconds, CancellationToken whileLeading, CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(seconds);
        NpgsqlConnection? listener = null;
        var refreshing = false;
        try
        {
            while (!whileLeading.IsCancellationRequested)
            {
                try
                {
                    await using (var scope = scopes.CreateAsyncScope())
                    {
                        var refresher = scope.ServiceProvider.GetRequiredService<ReachRefresher>();
                        listener ??= await ListenAsync(scope.ServiceProvider.GetRequiredService<FamilyServicesDb>(), whileLeading);
                        refreshing = true;
                        await refresher.RefreshAsync(whileLeading);
                        refreshing = false;
                    }
                    // Woken by a notification or the interval, whichever comes first.
                    await listener.WaitAsync(interval, whileLeading);
                }
                catch (Exception e) when (e is not OperationCanceledException && !whileLeading.IsCancellationRequested)
                {
                    refreshing = false;
                    // A failed round (database restarting, migration pending) is retried after the interval, listening anew.
                    if (DatabaseAvailability.IsOutage(e))
                    {
                        database.ReportOutage(e);
                        logger.LogWarning("Refreshing the reach figures waits for the database; retrying in {Seconds} s", seconds);
                    }
                    else
                    {
                        logger.LogWarning(e, "Refreshing the reach figures failed; retrying in {Seconds} s", seconds);
                    }
                    if (listener is not null) await listener.DisposeAsync();
                    listener = null;
                    await Task.Delay(interval, whileLeading);
                }
            }
        }
        catch (Exception) when (whileLeading.IsCancellationRequested)
        {
            // Each batch is one transaction: cancelled, it rolls back whole and its children stay pending for the next run.
            if (!stoppingToken.IsCancellationRequested) logger.LogInformation("The reach refresher paused: this instance no longer runs the background jobs");
            else if (refreshing) logger.LogInformation("The reach refresher stopped; the refresh in progress was rolled back and runs again at the next start");
            else logger.LogInformation("The reach refresher stopped");
        }
        finally
        {
            if (listener is not null) await listener.DisposeAsync();
        }
    }

    private static async Task<NpgsqlConnection> ListenAsync(FamilyServicesDb db, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"LISTEN {Channel}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
