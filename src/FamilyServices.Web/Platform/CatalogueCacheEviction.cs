using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Empties the output cache of public catalogue answers (<see cref="CatalogueOutputCachePolicy.Tag"/>) and forgets the
/// known publication edge, whenever catalogue data changes. Two ways in (decision 0018):
/// <list type="bullet">
/// <item>every writer, in any process (an editor, a verb, an import, a cancelled session, psql): statement-level
/// triggers on the catalogue tables send a notification on <see cref="Channel"/> at commit, which
/// <see cref="CatalogueChangeListener"/> receives in every portal instance;</item>
/// <item>this instance's own Entity Framework saves (<see cref="CatalogueWriteInterceptor"/>): at once after the commit,
/// so the editor who published sees it on the very next request, before the notification has come back.</item>
/// </list>
/// </summary>
public sealed class CatalogueCacheEviction(IOutputCacheStore store, PublicationEdges edges)
{
    /// <summary>The notification channel of the catalogue triggers (migration CatalogueChangeNotifications).</summary>
    public const string Channel = "catalogue_changed";

    private TaskCompletionSource _nextEviction = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes after the next eviction: tests wait for a change made elsewhere to arrive with it.</summary>
    public Task NextEviction => Volatile.Read(ref _nextEviction).Task;

    public async Task EvictAsync(CancellationToken cancellationToken = default)
    {
        edges.Forget();
        await store.EvictByTagAsync(CatalogueOutputCachePolicy.Tag, cancellationToken);
        Interlocked.Exchange(ref _nextEviction, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }
}

/// <summary>
/// One per portal instance: a dedicated connection that LISTENs on <see cref="CatalogueCacheEviction.Channel"/> and
/// evicts on every notification; after a (re)connection it evicts once, since notifications sent while it was away
/// are lost. The connection and its back-off are those of the attendance listener.
/// </summary>
public sealed partial class CatalogueChangeListener(IConfiguration configuration, CatalogueCacheEviction eviction, ILogger<CatalogueChangeListener> logger)
    : BackgroundService
{
    public const string ApplicationName = "familyservices-catalogue-listener";

    private static readonly TimeSpan LivenessCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _firstListen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new(StringComparer.Ordinal);

    /// <summary>Completes once the first LISTEN is in place.</summary>
    public Task Listening => _firstListen.Task;

    /// <summary>
    /// Completes when a notification with this payload has been handled. PostgreSQL delivers notifications in commit
    /// order, so every change committed before it has then been evicted too: tests wait for a marker with it.
    /// </summary>
    public Task Handled(string payload) =>
        _awaited.GetOrAdd(payload, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Database.ListenerConnectionString(configuration, ApplicationName) is not { } connectionString) return;
        var backOff = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => _ = EvictAsync(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {CatalogueCacheEviction.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                await eviction.EvictAsync(stoppingToken);
                _firstListen.TrySetResult();
                backOff = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await connection.WaitAsync(LivenessCheck, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                LogStopped(logger);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                LogConnectionLost(logger, e.GetType().Name, backOff.TotalSeconds);
                try
                {
                    await Task.Delay(backOff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    LogStopped(logger);
                    return;
                }
                backOff = TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, MaxBackOff.Ticks));
            }
        }
    }

    private async Task EvictAsync(string payload)
    {
        try
        {
            await eviction.EvictAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogEvictionFailed(logger, e.GetType().Name);
        }
        if (_awaited.TryRemove(payload, out var awaited)) awaited.TrySetResult();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The catalogue listener stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The catalogue listener lost its connection ({Error}); the output cache is emptied when it is back, trying again in {Seconds} s")]
    private static partial void LogConnectionLost(ILogger logger, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Emptying the output cache after a catalogue change failed ({Error})")]
    private static partial void LogEvictionFailed(ILogger logger, string error);
}

/// <summary>
/// Evicts right after this instance commits a save that touched catalogue data through Entity Framework (a publish,
/// an archive, an edit). Writes that bypass the change tracker (ExecuteUpdate, SQL, other processes) reach the cache
/// through the triggers and <see cref="CatalogueChangeListener"/>.
/// </summary>
public sealed class CatalogueWriteInterceptor(CatalogueCacheEviction eviction) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    private sealed class Pending;

    private static readonly HashSet<Type> CatalogueTypes =
    [
        typeof(CityProfile), typeof(Organisation), typeof(District), typeof(Centre), typeof(Room), typeof(OpeningHours),
        typeof(Category), typeof(CategoryName), typeof(Programme), typeof(ProgrammeText), typeof(ProgrammePartner),
        typeof(Offering), typeof(Session), typeof(Postcode),
    ];

    /// <summary>What parents see of a session; its headcounts change with every roster and are not shown.</summary>
    private static readonly HashSet<string> PublicSessionFields =
        [nameof(Session.OfferingId), nameof(Session.StartsAt), nameof(Session.EndsAt), nameof(Session.Status), nameof(Session.CancellationReason)];

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    private static bool ChangesPublicView(EntityEntry entry) => entry.State switch
    {
        EntityState.Added or EntityState.Deleted => CatalogueTypes.Contains(entry.Metadata.ClrType),
        EntityState.Modified when entry.Entity is Session => entry.Properties.Any(p => p.IsModified && PublicSessionFields.Contains(p.Metadata.Name)),
        EntityState.Modified => CatalogueTypes.Contains(entry.Metadata.ClrType),
        _ => false,
    };

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(ChangesPublicView))
        {
            _pending.AddOrUpdate(context, new Pending());
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>Saved without a transaction of the caller's (or in one already committed): the change is in.</summary>
    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null && _pending.Remove(context))
        {
            await eviction.EvictAsync(cancellationToken);
        }
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _pending.Remove(context);
        return Task.CompletedTask;
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.Remove(context)) await eviction.EvictAsync(cancellationToken);
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) _pending.Remove(context);
        return Task.CompletedTask;
    }
}

public static class CatalogueCacheEvictionRegistration
{
    public static WebApplicationBuilder AddCatalogueCacheEviction(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CatalogueCacheEviction>();
        builder.Services.AddSingleton<CatalogueWriteInterceptor>();
        builder.Services.AddSingleton<CatalogueChangeListener>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CatalogueChangeListener>());
        return builder;
    }
}
