using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace FamilyServices.Web.Data;

/// <summary>
/// Writes every change to catalogue data into <c>catalogue_changes</c> (who, when, which fields, before and after),
/// in the same transaction as the change itself, so no editor page can forget it and no change goes unrecorded.
/// Texts, names, population figures, rooms and opening hours are recorded on the item they belong to.
/// </summary>
public sealed class CatalogueAuditInterceptor(IHttpContextAccessor httpContext, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Ids and the values of new rows are read after the save, when the database has assigned them.</summary>
    private sealed record Pending(EntityEntry Entry, string ItemType, Func<int> ItemId, string Action, Func<Dictionary<string, object?[]>> Changes);

    private sealed class Work
    {
        public List<Pending> Items { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
    }

    private static readonly HashSet<string> NotRecorded = ["Version", "SearchText"];
    private readonly ConditionalWeakTable<DbContext, Work> _work = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context) return result;
        var items = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(Describe).OfType<Pending>().ToList();
        if (items.Count == 0) return result;

        var work = new Work();
        work.Items.AddRange(items);
        if (context.Database.CurrentTransaction is null)
        {
            work.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }
        _work.AddOrUpdate(context, work);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_work.TryGetValue(context, out var work)) return result;
        _work.Remove(context);
        var userId = (context as FamilyServicesDb)?.ActingUserId ?? httpContext.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;

        // One history line per item and save: a programme's own fields and its texts saved together are one change.
        var rows = work.Items
            .GroupBy(p => (p.ItemType, ItemId: p.ItemId()))
            .Select(g =>
            {
                var changes = new Dictionary<string, object?>();
                foreach (var (field, values) in g.SelectMany(p => p.Changes())) changes[field] = new { before = values[0], after = values[1] };
                var action = g.FirstOrDefault(p => p.Entry.Metadata.ClrType.Name == g.Key.ItemType)?.Action ?? "Updated";
                return (g.Key.ItemType, g.Key.ItemId, Action: action, Json: JsonSerializer.Serialize(changes));
            }).ToList();

        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)context.Database.CurrentTransaction!.GetDbTransaction();
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var row in rows)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO catalogue_changes (item_type, item_id, action, changes, changed_by_id, changed_at)
                    VALUES ($1, $2, $3, $4::jsonb, $5, $6)
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = row.ItemType });
                command.Parameters.Add(new NpgsqlParameter { Value = row.ItemId });
                command.Parameters.Add(new NpgsqlParameter { Value = row.Action });
                command.Parameters.Add(new NpgsqlParameter { Value = row.Json });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter { Value = now });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        if (work.OwnTransaction is { } own)
        {
            await own.CommitAsync(cancellationToken);
            await own.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_work.TryGetValue(context, out var work)) return;
        _work.Remove(context);
        if (work.OwnTransaction is { } own)
        {
            await own.RollbackAsync(cancellationToken);
            await own.DisposeAsync();
        }
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        eventData.Context?.ChangeTracker.Entries().Any(e => e.State is not EntityState.Unchanged and not EntityState.Detached && Describe(e) is not null) == true
            ? throw new InvalidOperationException("Catalogue data must be saved with SaveChangesAsync, so its history is written.")
            : result;

    /// <summary>Which item an entry belongs to, and what changed; null for data that is not catalogue data.</summary>
    private static Pending? Describe(EntityEntry entry) => entry.Entity switch
    {
        Programme p => Item(entry, nameof(Programme), () => p.Id),
        Offering o => Item(entry, nameof(Offering), () => o.Id),
        Centre c => Item(entry, nameof(Centre), () => c.Id),
        Organisation o => Item(entry, nameof(Organisation), () => o.Id),
        Category c => Item(entry, nameof(Category), () => c.Id),
        District d => Item(entry, nameof(District), () => d.Id),
        ProgrammeText t => Part(entry, nameof(Programme), () => t.ProgrammeId, $"({t.Language})"),
        ProgrammePartner p => Part(entry, nameof(Programme), () => p.ProgrammeId, "(partner)"),
        CategoryName n => Part(entry, nameof(Category), () => n.CategoryId, $"({n.Language})"),
        DistrictPopulation p => Part(entry, nameof(District), () => p.DistrictId, $"({p.Year}, {p.AgeBand})"),
        Room r => Part(entry, nameof(Centre), () => r.CentreId, $"(room {r.Name})"),
        OpeningHours h => Part(entry, nameof(Centre), () => h.CentreId, $"({h.Day})"),
        _ => null,
    };

    private static Pending Item(EntityEntry entry, string type, Func<int> id)
    {
        var changes = Changes(entry, "", entry.State);
        var action = entry.State switch
        {
            EntityState.Added => "Created",
            EntityState.Deleted => "Deleted",
            _ when changes.TryGetValue("PublicationState", out var state) => state[0] as string == nameof(PublicationState.Archived)
                ? "Restored" : state[1] as string ?? "Updated",
            _ => "Updated",
        };
        return new Pending(entry, type, id, action, Later(entry, "", changes));
    }

    private static Pending Part(EntityEntry entry, string type, Func<int> id, string suffix) =>
        new(entry, type, id, "Updated", Later(entry, " " + suffix, Changes(entry, " " + suffix, entry.State)));

    /// <summary>Changes and removals are read before the save (their old values are gone after it), additions after it.</summary>
    private static Func<Dictionary<string, object?[]>> Later(EntityEntry entry, string suffix, Dictionary<string, object?[]> now) =>
        entry.State == EntityState.Added ? () => Changes(entry, suffix, EntityState.Added) : () => now;

    private static Dictionary<string, object?[]> Changes(EntityEntry entry, string suffix, EntityState state)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            // An item's own id, and a part's link to its item, are the history line's address, not a change.
            var isAddress = suffix == "" ? property.Metadata.IsPrimaryKey() : property.Metadata.Name is "Id" or "ProgrammeId" or "CategoryId" or "DistrictId" or "CentreId" or "Language";
            if (NotRecorded.Contains(property.Metadata.Name) || isAddress) continue;
            object? before = state == EntityState.Added ? null : property.OriginalValue;
            object? after = state == EntityState.Deleted ? null : property.CurrentValue;
            if (state == EntityState.Modified && (!property.IsModified || Equals(before, after))) continue;
            if (state != EntityState.Modified && before is null && after is null) continue;
            changes[property.Metadata.Name + suffix] = [Plain(before), Plain(after)];
        }
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                object? before = state == EntityState.Added ? null : property.OriginalValue;
                object? after = state == EntityState.Deleted ? null : property.CurrentValue;
                if (state == EntityState.Modified && (!property.IsModified || Equals(before, after))) continue;
                changes[$"{complex.Metadata.Name}.{property.Metadata.Name}{suffix}"] = [Plain(before), Plain(after)];
            }
        }
        return changes;
    }

    /// <summary>Enums by name and arrays as lists, so the history reads like the data.</summary>
    private static object? Plain(object? value) => value switch
    {
        Enum e => e.ToString(),
        string[] a => string.Join(", ", a),
        _ => value,
    };
}
