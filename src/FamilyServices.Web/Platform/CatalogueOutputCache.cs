using System.Globalization;
using FamilyServices.Web.Data;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FamilyServices.Web.Platform;

/// <summary>Portal:OutputCache (docs/operations.md).</summary>
public sealed class OutputCacheSettings
{
    public const string Section = "Portal:OutputCache";

    /// <summary>Off only to measure the portal without it (the load test's "cache off").</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The longest an answer is kept even when nothing changes: "today" and "this week" move with the clock, and a
    /// session that has started is no longer upcoming.
    /// </summary>
    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The output cache of public catalogue answers (decision 0018): anonymous GETs of endpoints marked
/// <see cref="PublicCatalogueAnswerAttribute"/>, one entry per address, query and UI language, all under the tag
/// <see cref="Tag"/>, which <see cref="CatalogueCacheEviction"/> evicts when catalogue data changes. An entry expires at
/// the next publication-window edge or after <see cref="OutputCacheSettings.MaxLifetime"/>, whichever comes first.
/// Never for a request with credentials, never an answer that sets a cookie, is private or is not a 200.
/// </summary>
public sealed class CatalogueOutputCachePolicy(IOptionsMonitor<OutputCacheSettings> settings, PublicationEdges edges, TimeProvider clock) : IOutputCachePolicy
{
    public const string Tag = "catalogue";

    private const string EdgeItem = "fs.publication-edge";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var cacheable = settings.CurrentValue.Enabled
            && HttpMethods.IsGet(http.Request.Method)
            && PublicAnswers.IsPublicCatalogueAnswer(http)
            && !PublicAnswers.CarriesCredentials(http.Request);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable) return;

        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        // Set by the request localization from the culture cookie or Accept-Language, before this runs.
        context.CacheVaryByRules.VaryByValues["ui-culture"] = CultureInfo.CurrentUICulture.Name;
        http.Items[EdgeItem] = await edges.NextAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK || !PublicAnswers.HoldsNoSecret(http))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        // Measured from now, when the answer is complete: it must be gone at the edge, however long it took to render.
        var lifetime = Lifetime(clock.GetUtcNow().UtcDateTime, http.Items[EdgeItem] as DateTime?, settings.CurrentValue.MaxLifetime);
        if (lifetime is { } validFor) context.ResponseExpirationTimeSpan = validFor;
        else context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>Until the next edge or the maximum, whichever is first; null when the edge has already passed.</summary>
    public static TimeSpan? Lifetime(DateTime nowUtc, DateTime? nextEdgeUtc, TimeSpan maxLifetime)
    {
        if (nextEdgeUtc is not { } edge) return maxLifetime;
        if (edge <= nowUtc) return null;
        return edge - nowUtc < maxLifetime ? edge - nowUtc : maxLifetime;
    }
}

/// <summary>
/// The earliest future publish_from or publish_until of any programme or offering: the next moment at which a
/// public answer may change without anyone writing. Read from the database once, then kept until it passes or the
/// catalogue changes (<see cref="Forget"/>).
/// </summary>
public sealed class PublicationEdges(IServiceProvider services)
{
    // Resolved at first use, not in the constructor: the DbContext factory's interceptors evict the output cache,
    // whose options hold the policy that holds this, a cycle the container would otherwise run into.
    private IDbContextFactory<FamilyServicesDb> DbFactory => services.GetRequiredService<IDbContextFactory<FamilyServicesDb>>();

    private sealed record Known(DateTime? Edge, DateTime ReadAt);

    private readonly Lock _lock = new();
    private Known? _known;
    private long _generation;

    public async Task<DateTime?> NextAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        long generation;
        lock (_lock)
        {
            if (_known is { } known && nowUtc >= known.ReadAt && (known.Edge is null || known.Edge > nowUtc)) return known.Edge;
            generation = _generation;
        }
        await using var db = await DbFactory.CreateDbContextAsync(cancellationToken);
        var edge = await db.Database.SqlQuery<DateTime?>($"""
            SELECT min(edge) AS "Value" FROM (
                SELECT min(publish_from) FROM programmes WHERE publish_from > {nowUtc}
                UNION ALL SELECT min(publish_until) FROM programmes WHERE publish_until > {nowUtc}
                UNION ALL SELECT min(publish_from) FROM offerings WHERE publish_from > {nowUtc}
                UNION ALL SELECT min(publish_until) FROM offerings WHERE publish_until > {nowUtc}
            ) AS edges(edge)
            """).SingleAsync(cancellationToken);
        lock (_lock)
        {
            // A change seen while this was read may have moved the edge: then this reading is not kept.
            if (generation == _generation) _known = new Known(edge, nowUtc);
        }
        return edge;
    }

    public void Forget()
    {
        lock (_lock)
        {
            _generation++;
            _known = null;
        }
    }
}

public static class CatalogueOutputCacheRegistration
{
    public static WebApplicationBuilder AddCatalogueOutputCache(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OutputCacheSettings>(builder.Configuration.GetSection(OutputCacheSettings.Section));
        builder.Services.AddSingleton<PublicationEdges>();
        builder.Services.AddSingleton<CatalogueOutputCachePolicy>();
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>()
            .Configure<CatalogueOutputCachePolicy>((options, policy) => options.AddBasePolicy(policy));
        builder.AddCatalogueCacheEviction();
        return builder;
    }
}
