namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// Refreshes the reach figures every few seconds (<c>Portal:Reach:RefreshSeconds</c>, default 20; 0 turns it off),
/// so newly logged attendance shows on the officials' dashboard within a minute.
/// </summary>
public sealed class ReachRefreshService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReachRefreshService> logger)
    : BackgroundService
{
    public const int DefaultRefreshSeconds = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Portal:Reach:RefreshSeconds", DefaultRefreshSeconds);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database restarting, migration pending) is retried on the next tick.
                logger.LogWarning(e, "Refreshing the reach figures failed; retrying in {Seconds} s", seconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
