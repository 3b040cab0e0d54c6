using System.Globalization;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// The editors' portal (a city in Europe/Berlin, one account per role, a pinned clock) and reference data made
/// directly in the database (no history); everything done through the pages is audited.
/// </summary>
public sealed class ReferenceDataFixture : EditingPortalFixture
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public async Task<Centre> CentreAsync()
    {
        await using var db = NewDb();
        return await new TestCatalogue(db).CentreAsync();
    }

    public async Task<Category> CategoryAsync(string nameDe, int? parentId = null, params (string Language, string Name)[] more)
    {
        await using var db = NewDb();
        var category = new Category
        {
            Code = TestCatalogue.Unique("cat-"), ParentId = parentId,
            Names = [new CategoryName { Language = "de", Name = nameDe }, .. more.Select(m => new CategoryName { Language = m.Language, Name = m.Name })],
        };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category;
    }

    public async Task<District> DistrictAsync(string? code = null)
    {
        await using var db = NewDb();
        var district = new District { Code = code ?? TestCatalogue.Unique("DIS-"), Name = TestCatalogue.Unique("Stadtteil ") };
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        return district;
    }

    public async Task<Organisation> OrganisationAsync()
    {
        await using var db = NewDb();
        var organisation = new Organisation { Code = TestCatalogue.Unique("ORG-"), Name = TestCatalogue.Unique("Verein "), Kind = OrganisationKind.WelfareAssociation };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    public async Task<List<CatalogueChange>> HistoryAsync(string itemType, int itemId)
    {
        await using var db = NewDb();
        return await db.CatalogueChanges.AsNoTracking().Where(c => c.ItemType == itemType && c.ItemId == itemId).OrderBy(c => c.Id).ToListAsync();
    }

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A moment given as the city's local time (Europe/Berlin), for pinning the clock.</summary>
    public static DateTimeOffset BerlinTime(DateOnly date, int hour, int minute) =>
        new(Schedule.ToUtc(date, new TimeOnly(hour, minute), Berlin), TimeSpan.Zero);
}
