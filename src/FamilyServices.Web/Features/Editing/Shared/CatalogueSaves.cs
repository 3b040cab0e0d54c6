using FamilyServices.Web.Data;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>
/// Optimistic concurrency for the catalogue's items (they carry PostgreSQL's xmin as <c>Version</c>): a save based on
/// an older read is refused and becomes a <see cref="SaveResult"/> that names who saved in between.
/// </summary>
public static class CatalogueSaves
{
    /// <summary>Why the database refused a save: someone saved the item first, or a unique index (named) was hit.</summary>
    public sealed record Refusal(bool Conflict, string? Constraint);

    /// <summary>
    /// The save succeeds only if nobody saved the item since the user read it: the row's xmin must still be
    /// <paramref name="version"/>. Marking one column modified makes the check (and a new version) happen even when only
    /// the item's texts changed; the history leaves out a column whose value did not change.
    /// </summary>
    public static void ExpectVersion<TEntity>(FamilyServicesDb db, TEntity item, uint version, string touchedProperty = "Code") where TEntity : class
    {
        var entry = db.Entry(item);
        entry.Property("Version").OriginalValue = version;
        entry.Property(touchedProperty).IsModified = true;
    }

    /// <summary>The item's version as stored now.</summary>
    public static Task<uint> CurrentVersionAsync<TEntity>(FamilyServicesDb db, int id) where TEntity : class =>
        db.Set<TEntity>().AsNoTracking().Where(e => EF.Property<int>(e, "Id") == id)
            .Select(e => EF.Property<uint>(e, "Version")).SingleOrDefaultAsync();

    /// <summary>Saves; null when written, else why the database refused (nothing was written).</summary>
    public static async Task<Refusal?> TrySaveChangesAsync(FamilyServicesDb db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal(Conflict: true, Constraint: null);
        }
        catch (DbUpdateException exception) when (EditorForms.IsUniqueViolation(exception, out var constraint))
        {
            // Two people took the same code at the same moment: the check before the save could not see it.
            return new Refusal(Conflict: false, Constraint: constraint);
        }
    }

    /// <summary>The outcome of a refused save: who saved first (and the version to save over it knowingly), or the taken value's problem.</summary>
    public static async Task<SaveResult> RefusedAsync<TEntity>(FamilyServicesDb db, Refusal refusal, int? itemId, IStringLocalizer<Text> t,
        TimeZoneInfo zone, TimeProvider clock, Func<string, FormProblem> takenProblem) where TEntity : class
    {
        if (!refusal.Conflict || itemId is not { } id) return SaveResult.Invalid([takenProblem(refusal.Constraint ?? "")]);
        var message = await EditConflict.DescribeAsync(db, t, typeof(TEntity).Name, id, zone, clock);
        return SaveResult.Conflict(message, await CurrentVersionAsync<TEntity>(db, id));
    }

    /// <summary>Saves outside a transaction of the caller's: null when written, else the outcome of the refusal.</summary>
    public static async Task<SaveResult?> TrySaveAsync<TEntity>(FamilyServicesDb db, int? itemId, IStringLocalizer<Text> t, TimeZoneInfo zone,
        TimeProvider clock, Func<string, FormProblem> takenProblem) where TEntity : class =>
        await TrySaveChangesAsync(db) is { } refusal ? await RefusedAsync<TEntity>(db, refusal, itemId, t, zone, clock, takenProblem) : null;
}
