using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Data.Demo;
using FamilyServices.Web.Features.OpenData.Import;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// Loads a demo city into an empty database the way a real city starts: its places, then its catalogue through the
/// catalogue import (the city's HSDS dataset, published), then invented activity over what the import wrote. All in
/// one transaction, so a failed load leaves nothing behind and can simply be run again.
/// </summary>
public static class DemoSeed
{
    /// <summary>Loads <paramref name="name"/> and says what was loaded; an unknown name or a refused dataset throws.</summary>
    public static async Task<string> LoadAsync(FamilyServicesDb db, TimeProvider clock, string name, IStepReport? report = null)
    {
        var city = DemoCities.Find(name) ?? throw new ArgumentException($"Unknown demo '{name}'.", nameof(name));
        var today = DemoCalendar.Today(clock, city.Profile.TimeZone);
        if (city.LoadableFrom is { } first && today < first)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The {city.Profile.Name} demo reproduces figures of years up to {first.AddDays(-1):yyyy}, so it needs a clock on {first:yyyy-MM-dd} or later."));
        }
        var bytes = DemoDatasets.Read(city.Profile.Code)
            ?? throw new InvalidOperationException($"The portal was built without the {city.Profile.Code} dataset ({DemoDatasets.FileName(city.Profile.Code)}).");

        await db.Database.OpenConnectionAsync();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            report?.Step($"Loading the places of {city.Profile.Name}...");
            await DemoLoader.LoadPlacesAsync(db, city);
            report?.Step("Importing the catalogue (published)...");
            var dataset = HsdsDatasetReader.Read(DemoDatasets.FileName(city.Profile.Code), bytes, maxBytes: long.MaxValue);
            var import = await new CatalogueImport(db, clock).ImportAsync(dataset, publish: true);
            if (!import.Imported)
            {
                throw new InvalidOperationException($"The {city.Profile.Code} dataset was refused by the import:{Environment.NewLine}{string.Join(Environment.NewLine, import.Problems.Take(20))}");
            }
            db.ChangeTracker.Clear();
            report?.Step("Inventing activity: children, sessions, attendance...");
            var activity = await DemoLoader.LoadActivityAsync(db, city, today, new Random(city.Seed));
            await transaction.CommitAsync();
            return activity;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
