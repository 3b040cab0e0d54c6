using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>Where a row's mark stands, as the roster shows it next to the child.</summary>
public enum MarkState
{
    /// <summary>No mark yet.</summary>
    Unmarked,
    /// <summary>The shown mark is the one the database holds.</summary>
    Saved,
    /// <summary>A tick was sent and its save has not answered yet.</summary>
    Saving,
    /// <summary>The last tick was not saved (refused, failed, or the connection went): the row says so and offers a retry.</summary>
    NotSaved,
}

/// <summary>
/// The marks of one open roster page: what the database holds for each child, and what this page asked for and has
/// not seen saved yet. A row shows "saved" only after the database acknowledged that very mark, so a tick is never
/// shown as kept when it was not. Ticks on one row are saved one after the other (the last one wins, never an older
/// one overtaking it); marks a colleague saved arrive through <see cref="Refresh"/>. One page's renderer runs its
/// handlers one at a time, so no locking is needed.
/// </summary>
public sealed class RosterMarks
{
    private sealed class Row
    {
        public AttendanceStatus? Saved;
        public AttendanceStatus? Wanted;
        public bool Saving;
        public bool Failed;
    }

    private readonly Dictionary<int, Row> _rows = [];

    public RosterMarks(IEnumerable<int> participantIds, IReadOnlyDictionary<int, AttendanceStatus> saved)
    {
        foreach (var id in participantIds) _rows[id] = new Row();
        Refresh(saved);
    }

    /// <summary>The mark the row shows: the one asked for while it is being saved or was not saved, else the database's.</summary>
    public AttendanceStatus? Shown(int participantId) => _rows.TryGetValue(participantId, out var row) ? row.Wanted ?? row.Saved : null;

    public MarkState StateOf(int participantId) => !_rows.TryGetValue(participantId, out var row) ? MarkState.Unmarked
        : row.Saving ? MarkState.Saving
        : row.Failed ? MarkState.NotSaved
        : row.Saved is null ? MarkState.Unmarked
        : MarkState.Saved;

    /// <summary>Rows whose last tick is not saved.</summary>
    public IReadOnlyList<int> NotSaved => _rows.Where(r => r.Value.Failed && !r.Value.Saving).Select(r => r.Key).ToList();

    public int Count(AttendanceStatus status) => _rows.Keys.Count(id => Shown(id) == status);

    public int Unmarked => _rows.Keys.Count(id => Shown(id) is null);

    public void Add(int participantId)
    {
        _rows.TryAdd(participantId, new Row());
    }

    /// <summary>
    /// Asks for a mark and saves it with <paramref name="save"/> (true when the database has it). While a save of the
    /// row runs, a newer tick waits and is saved next; the row ends showing the last tick, saved or plainly not.
    /// </summary>
    public async Task SetAsync(int participantId, AttendanceStatus status, Func<AttendanceStatus, Task<bool>> save)
    {
        if (!_rows.TryGetValue(participantId, out var row)) return;
        row.Wanted = status;
        row.Failed = false;
        if (row.Saving) return; // the running save picks the newer tick up when it is done
        row.Saving = true;
        try
        {
            while (row.Wanted is { } target)
            {
                bool saved;
                try
                {
                    saved = await save(target);
                }
                catch
                {
                    row.Failed = true;
                    throw;
                }
                if (!saved)
                {
                    row.Failed = true;
                    return;
                }
                row.Saved = target;
                if (row.Wanted == target) row.Wanted = null;
            }
        }
        finally
        {
            row.Saving = false;
        }
    }

    /// <summary>Saves the row's last tick again.</summary>
    public Task RetryAsync(int participantId, Func<AttendanceStatus, Task<bool>> save) =>
        _rows.TryGetValue(participantId, out var row) && row.Wanted is { } wanted ? SetAsync(participantId, wanted, save) : Task.CompletedTask;

    /// <summary>
    /// The database's marks as read now (after a colleague's save, or this page's own). Rows without a pending tick
    /// show them; a row whose failed tick meanwhile got saved (by a colleague, the same mark) counts as saved.
    /// </summary>
    public void Refresh(IReadOnlyDictionary<int, AttendanceStatus> saved)
    {
        foreach (var (id, row) in _rows)
        {
            row.Saved = saved.TryGetValue(id, out var status) ? status : null;
            if (row.Saving) continue;
            if (!row.Failed || row.Wanted == row.Saved)
            {
                row.Failed = false;
                row.Wanted = null;
            }
        }
    }
}
