namespace FamilyServices.Web.Platform;

/// <summary>
/// What SIGTERM (a deploy, systemd, a container stop) does: Kestrel stops accepting connections and the requests in
/// flight finish, for at most <c>Portal:ShutdownSeconds</c> (default 30); the background jobs stop at a safe point and
/// say so, one line each; then the process exits 0. Open staff pages lose their circuit and Blazor's client tries to
/// reconnect; once an instance answers, the reconnect notice offers to reload the page (docs/operations.md).
/// </summary>
public static partial class GracefulShutdown
{
    public const string SecondsSetting = "Portal:ShutdownSeconds";
    public const int DefaultSeconds = 30;

    public static WebApplicationBuilder AddPortalGracefulShutdown(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue(SecondsSetting, DefaultSeconds);
        // The host's default (30 s since .NET 6) made a setting, since a long export or import may need more.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        builder.Services.AddHostedService<ShutdownLines>();
        return builder;
    }

    /// <summary>Says when shutting down begins and ends, so an operator sees how long the requests in flight took.</summary>
    private sealed partial class ShutdownLines(IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<ShutdownLines> logger)
        : IHostedService
    {
        private long _stoppingAt;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var seconds = configuration.GetValue(SecondsSetting, DefaultSeconds);
            lifetime.ApplicationStopping.Register(() =>
            {
                _stoppingAt = TimeProvider.System.GetTimestamp();
                LogStopping(logger, seconds);
            });
            lifetime.ApplicationStopped.Register(() =>
            {
                var took = TimeProvider.System.GetElapsedTime(_stoppingAt);
                LogStopped(logger, took.TotalSeconds);
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: no new connections; requests in flight have up to {Seconds} s to finish, background jobs stop")]
        private static partial void LogStopping(ILogger logger, int seconds);

        [LoggerMessage(Level = LogLevel.Information, Message = "Shut down after {Seconds:0.0} s")]
        private static partial void LogStopped(ILogger logger, double seconds);
    }
}
