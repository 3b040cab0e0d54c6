using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Platform;

/// <summary>
/// The city this installation serves, read from the database and kept for a minute: every page needs
/// its name and default content language, and it changes only when an operator loads other data.
/// </summary>
public sealed class CurrentCity(IDbContextFactory<FamilyServicesDb> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private CityProfile? _city;
    private DateTimeOffset _readAt;

    /// <summary>Used until a city has been loaded, so an empty database still renders pages.</summary>
    public static readonly CityProfile Unconfigured = new()
    {
        Code = "unconfigured", Name = "FamilyServices", DefaultLanguage = Languages.English,
        TimeZone = "UTC", Currency = "EUR",
    };

    public async Task<CityProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_city is not null && now - _readAt < KeepFor) return _city;
        CityProfile? city;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            city = await db.CityProfiles.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception exception) when (DatabaseAvailability.IsOutage(exception))
        {
            // The layout of a page that needs no other data (the "temporarily unavailable" page among them) still
            // renders while the database is down: with the city last read, or the neutral one before any was.
            return _city ?? Unconfigured;
        }
        if (city is null) return Unconfigured; // not kept: the next request sees a city as soon as one is loaded
        (_city, _readAt) = (city, now);
        return city;
    }
}
