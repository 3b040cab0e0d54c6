using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using FamilyServices.Web.Data;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.ReferenceData;

/// <summary>How a save of a reference data form ended.</summary>
public enum ReferenceSaveStatus { Created, Saved, Unchanged, Deleted, Invalid, Conflict, NotFound, Refused }

/// <summary>
/// What came of a save: the item's id, the problems that refused it (each on its field), or for a conflict who saved
/// first and the item's version now (to save over it knowingly).
/// </summary>
public sealed record ReferenceSaveResult(ReferenceSaveStatus Status, int Id, IReadOnlyList<FormProblem> Problems, string? Conflict = null, string Version = "")
{
    public static readonly ReferenceSaveResult NotFound = new(ReferenceSaveStatus.NotFound, 0, []);

    /// <summary>The account may not (any more) change reference data: nothing was read or written.</summary>
    public static readonly ReferenceSaveResult Refused = new(ReferenceSaveStatus.Refused, 0, []);

    public static ReferenceSaveResult Invalid(IReadOnlyList<FormProblem> problems) => new(ReferenceSaveStatus.Invalid, 0, problems);

    public bool Succeeded => Status is ReferenceSaveStatus.Created or ReferenceSaveStatus.Saved or ReferenceSaveStatus.Unchanged or ReferenceSaveStatus.Deleted;
}

/// <summary>What a save needs besides the form: the reader's language for messages, the clock and the city's time zone.</summary>
public sealed record SaveContext(IStringLocalizer<Text> T, TimeProvider Clock, TimeZoneInfo CityZone);

/// <summary>
/// What the reference data editors (centres, organisations, categories, districts) share: checks of codes, addresses
/// and lengths, and the optimistic concurrency of a save.
/// </summary>
public static partial class ReferenceForms
{
    /// <summary>Collects the problems of one form; each names the field (for the summary's link) and says how to fix it.</summary>
    public sealed class Problems(IStringLocalizer<Text> t) : List<FormProblem>
    {
        public void Add(string field, string message)
        {
            // One message per field is enough to fix it; the first is the most basic.
            if (this.All(p => p.Field != field)) Add(new FormProblem(field, message));
        }

        public bool Has(string field) => this.Any(p => p.Field == field);

        public void Required(string field, string value, string label)
        {
            if (value.Length == 0) Add(field, t["RefRequired", label]);
        }

        public void MaxLength(string field, string value, int max, string label)
        {
            if (value.Length > max) Add(field, t["EditTooLong", label, max, value.Length]);
        }

        public void Code(string field, string value, int max)
        {
            if (value.Length == 0) Add(field, t["EditCodeRequired"]);
            else if (value.Length > max || !CodePattern().IsMatch(value)) Add(field, t["EditCodeInvalid", max]);
        }

        /// <summary>Only http(s) addresses: a "javascript:" link on a public page would run script.</summary>
        public void WebAddress(string field, string value, int max)
        {
            if (value.Length > 0 && (value.Length > max || !ProgrammeForm.IsWebAddress(value))) Add(field, t["EditUrlInvalid", max]);
        }
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>Digits, spaces and + ( ) / . - only: the public page links it with "tel:".</summary>
    public static bool IsPhone(string value) => PhonePattern().IsMatch(value) && value.Count(char.IsAsciiDigit) >= 3;

    /// <summary>An enum value by name as a list offers it; numbers ("3") are refused, so only the offered choices count.</summary>
    public static bool TryChoice<TEnum>(string value, out TEnum result) where TEnum : struct, Enum =>
        Enum.TryParse(value, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);

    public static bool TryId(string value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Text as typed, trimmed, without the control characters a copy from elsewhere may bring (tabs, line breaks and NUL become spaces).</summary>
    public static string Clean(string? value)
    {
        var text = (value ?? "").Trim();
        return text.Any(char.IsControl) ? new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim() : text;
    }

    public static string Version(uint version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The save succeeds only if nobody saved the item since this user read it: the row's xmin must still be the
    /// version the form carried. Marking one column modified makes the check (and a new version) happen even when only
    /// the item's parts (names, rooms, hours) changed; the history skips a column whose value did not change.
    /// </summary>
    public static void ExpectVersion<TEntity>(FamilyServicesDb db, TEntity item, uint version, string touchedProperty) where TEntity : class
    {
        var entry = db.Entry(item);
        entry.Property("Version").OriginalValue = version;
        entry.Property(touchedProperty).IsModified = true;
    }

    /// <summary>The current version of an item after a refused save, so the kept form can be saved again knowingly.</summary>
    public static async Task<string> CurrentVersionAsync<TEntity>(FamilyServicesDb db, int id) where TEntity : class
    {
        var version = await db.Set<TEntity>().AsNoTracking().Where(e => EF.Property<int>(e, "Id") == id)
            .Select(e => EF.Property<uint>(e, "Version")).SingleOrDefaultAsync();
        return Version(version);
    }

    /// <summary>
    /// Adds a new item, or saves a changed one if nobody saved it since <paramref name="version"/> was read (the
    /// history credits the context's acting user). Nothing changed: nothing is written. Someone saved first: nothing
    /// is written, and the result names them. A unique index refused the save (two people took the same code at the
    /// same moment): the problem <paramref name="taken"/> makes of the index's name.
    /// </summary>
    public static async Task<ReferenceSaveResult> SaveAsync<TEntity>(FamilyServicesDb db, TEntity item, bool isNew, uint version, SaveContext context,
        Func<TEntity, int> idOf, Func<TEntity, uint> versionOf, Func<string, FormProblem> taken) where TEntity : class
    {
        if (isNew)
        {
            db.Add(item);
        }
        else
        {
            if (!db.ChangeTracker.HasChanges()) return new ReferenceSaveResult(ReferenceSaveStatus.Unchanged, idOf(item), [], Version: Version(version));
            ExpectVersion(db, item, version, "Code");
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            var id = idOf(item);
            db.ChangeTracker.Clear();
            var who = await EditConflict.DescribeAsync(db, context.T, typeof(TEntity).Name, id, context.CityZone, context.Clock);
            return new ReferenceSaveResult(ReferenceSaveStatus.Conflict, id, [], who, await CurrentVersionAsync<TEntity>(db, id));
        }
        catch (DbUpdateException exception) when (EditorForms.IsUniqueViolation(exception, out var constraint))
        {
            db.ChangeTracker.Clear();
            return ReferenceSaveResult.Invalid([taken(constraint)]);
        }
        return new ReferenceSaveResult(isNew ? ReferenceSaveStatus.Created : ReferenceSaveStatus.Saved, idOf(item), [], Version: Version(versionOf(item)));
    }

    /// <summary>The version the form carried, or the problem that it carries none (a form older than the page).</summary>
    public static bool TryVersion(string value, out uint version) => EditorForms.TryVersion(value, out version);

    /// <summary>"%text%" for ILIKE, with the pattern characters taken literally.</summary>
    public static string ContainsPattern(string text) => "%" + Literal(text) + "%";

    /// <summary>The text itself for ILIKE (any letter case): codes are unique whatever their case.</summary>
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The search box's text, trimmed and cut to a sane length.</summary>
    public static string SearchText(string? q)
    {
        var text = Clean(q);
        return text.Length > 100 ? text[..100] : text;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\+?[0-9 ()/.\-]+$")]
    private static partial Regex PhonePattern();
}
