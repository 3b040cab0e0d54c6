using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.OpenData.Import;

/// <summary>
/// A freshly migrated database of its own for one test, set up as a city before its catalogue arrives: the city
/// profile (Leeuwarden, Dutch), two districts and their postcodes. Contexts carry the catalogue's audit interceptor,
/// as the portal's do, so the history an import writes can be read back.
/// </summary>
public sealed class ImportDatabase : IAsyncDisposable
{
    public static readonly string Fixtures = Path.Combine(RepoPaths.Root, "tests", "FamilyServices.Tests", "Features", "OpenData", "Import", "Fixtures");

    public string ConnectionString { get; private init; } = "";
    public PinnedClock Clock { get; } = new(new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero));

    public static async Task<ImportDatabase> CreateAsync(string name, bool withCity = true)
    {
        var database = new ImportDatabase { ConnectionString = await TestPostgres.CreateDatabaseAsync(name) };
        await using var db = database.NewDb();
        await db.Database.MigrateAsync();
        if (withCity)
        {
            db.CityProfiles.Add(new CityProfile
            {
                Code = "leeuwarden", Name = "Leeuwarden", DefaultLanguage = "nl", TimeZone = "Europe/Amsterdam", Currency = "EUR",
                MapLatitude = 53.2012, MapLongitude = 5.7999,
            });
            var heechterp = new District { Code = "HEECHTERP", Name = "Heechterp-Schieringen", IsFocusArea = true };
            var vrijheidswijk = new District { Code = "VRIJHEIDSWIJK", Name = "Vrijheidswijk", IsFocusArea = true };
            var centrum = new District { Code = "CENTRUM", Name = "Binnenstad" };
            db.Districts.AddRange(heechterp, vrijheidswijk, centrum);
            await db.SaveChangesAsync();
            db.Postcodes.AddRange(
                new Postcode { Code = "8926 AB", Locality = "Leeuwarden", DistrictId = heechterp.Id, Latitude = 53.1905, Longitude = 5.8155 },
                new Postcode { Code = "8921 GD", Locality = "Leeuwarden", DistrictId = vrijheidswijk.Id, Latitude = 53.1932, Longitude = 5.7725 },
                new Postcode { Code = "8911 AA", Locality = "Leeuwarden", DistrictId = centrum.Id, Latitude = 53.2012, Longitude = 5.7999 });
            await db.SaveChangesAsync();
        }
        return database;
    }

    public FamilyServicesDb NewDb(string? actingUserId = null)
    {
        var options = new DbContextOptionsBuilder<FamilyServicesDb>();
        FamilyServices.Web.Platform.Database.Configure(options, ConnectionString)
            .AddInterceptors(new CatalogueAuditInterceptor(new HttpContextAccessor(), Clock));
        return new FamilyServicesDb(options.Options) { ActingUserId = actingUserId };
    }

    public async Task<CatalogueImportResult> ImportAsync(HsdsDataset dataset, bool publish = false)
    {
        await using var db = NewDb();
        return await new CatalogueImport(db, Clock).ImportAsync(dataset, publish);
    }

    public static HsdsDataset Fixture(string name) => HsdsDatasetReader.ReadPath(Path.Combine(Fixtures, name));

    /// <summary>Rows of every catalogue table and the history, to prove that nothing was written.</summary>
    public async Task<string> CountsAsync()
    {
        await using var db = NewDb();
        return string.Join(", ",
            $"organisations {await db.Organisations.CountAsync()}", $"categories {await db.Categories.CountAsync()}",
            $"centres {await db.Centres.CountAsync()}", $"programmes {await db.Programmes.CountAsync()}",
            $"texts {await db.ProgrammeTexts.CountAsync()}", $"offerings {await db.Offerings.CountAsync()}",
            $"sessions {await db.Sessions.CountAsync()}", $"districts {await db.Districts.CountAsync()}",
            $"history {await db.CatalogueChanges.CountAsync()}");
    }

    public async ValueTask DisposeAsync() => await TestPostgres.DropDatabaseAsync(ConnectionString);
}
