using FamilyServices.Web.Data;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Shared;

/// <summary>The message for a save refused because someone else saved the item since it was read (optimistic concurrency).</summary>
public static class EditConflict
{
    /// <param name="itemType">"Programme" or "Offering", as the history records it.</param>
    public static async Task<string> DescribeAsync(FamilyServicesDb db, IStringLocalizer<Text> t, string itemType, int itemId, TimeZoneInfo zone, TimeProvider clock)
    {
        var last = await db.CatalogueChanges.AsNoTracking()
            .Where(c => c.ItemType == itemType && c.ItemId == itemId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Select(c => new { c.ChangedAt, c.ChangedById })
            .FirstOrDefaultAsync();
        if (last is null) return t["EditConflictUnknown"];
        var who = last.ChangedById is null ? null
            : await db.Users.Where(u => u.Id == last.ChangedById).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefaultAsync();
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(last.ChangedAt, DateTimeKind.Utc), zone);
        // "at 10:42" when it was today, else with the date.
        var format = DateOnly.FromDateTime(at) == EditorForms.Today(clock, zone) ? "t" : "g";
        return t["EditConflict", at.ToString(format, System.Globalization.CultureInfo.CurrentCulture), who ?? t["EditHistorySystem"]];
    }
}
