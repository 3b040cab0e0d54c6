using System.Globalization;
using System.Security.Claims;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// The editors' test world (a city in Europe/Berlin, one account per role, a pinned clock) and reference data made
/// directly in the database (no history); everything saved through the editors' rules is audited and credited.
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

    /// <summary>The portal's English texts, as an editor reading English sees them.</summary>
    public IStringLocalizer<Text> English
    {
        get
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            return Services.GetRequiredService<IStringLocalizer<Text>>();
        }
    }

    /// <summary>What a save needs besides the form: English messages, the portal's (pinned) clock, the city's zone.</summary>
    public SaveContext SaveContext() => new(English, Clock, Berlin);

    /// <summary>A context of the portal's own factory (with the history's interceptor) whose saves the history credits to <paramref name="user"/>, as an interactive page opens it.</summary>
    public Task<FamilyServicesDb> DbForAsync(ClaimsPrincipal user) =>
        Services.GetRequiredService<IDbContextFactory<FamilyServicesDb>>().CreateForAsync(user);

    /// <summary>The principal of one of the fixed accounts (see <see cref="EditingPortalFixture"/>), as the database knows it now.</summary>
    public Task<ClaimsPrincipal> PrincipalAsync(string email) => PrincipalAsync(Accounts[email]);

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A moment given as the city's local time (Europe/Berlin), for pinning the clock.</summary>
    public static DateTimeOffset BerlinTime(DateOnly date, int hour, int minute) =>
        new(Schedule.ToUtc(date, new TimeOnly(hour, minute), Berlin), TimeSpan.Zero);
}
