using System.Globalization;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Loads what a <see cref="DemoCity"/> describes besides its catalogue: its places through EF before the catalogue is
/// imported, and afterwards the sessions, children, enrolments and attendance through <see cref="BulkLoader"/>. Both
/// run in the caller's transaction (the seed-demo verb's).
/// </summary>
internal static class DemoLoader
{
    /// <summary>
    /// The activity of a city whose catalogue is in the database (whoever put it there): the offerings whose term
    /// ended are archived, and the sessions, children, enrolments and attendance are invented over the offerings as the
    /// database holds them. Sessions that were already there (an import adds the future ones) are replaced: the city has
    /// no activity before this, and the planner needs every session, past and future, in its own numbering.
    /// Runs in the caller's transaction.
    /// </summary>
    public static async Task<string> LoadActivityAsync(FamilyServicesDb db, DemoCity city, DateOnly today, Random random)
    {
        await db.Sessions.ExecuteDeleteAsync();
        await db.Offerings
            .Where(o => o.PublicationState == PublicationState.Published && o.Schedule.EndDate < today)
            .ExecuteUpdateAsync(o => o.SetProperty(x => x.PublicationState, PublicationState.Archived));

        var offerings = await OfferingsAsync(db);
        var sessions = DemoSessions.Expand(city, offerings, today, random);
        var plan = new AttendancePlanner(city, offerings, sessions, random);
        foreach (var target in city.Targets) plan.Plan(target);
        plan.CheckExactTargets(city.Targets);

        await BulkLoader.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), sessions, plan);
        db.ChangeTracker.Clear();
        return string.Create(CultureInfo.InvariantCulture,
            $"{offerings.Count} offerings of {offerings.Select(o => o.Programme.Id).Distinct().Count()} programmes at {offerings.Select(o => o.Centre.Id).Distinct().Count()} centres, " +
            $"{sessions.Count} sessions, {plan.Children.Count} participants, {plan.Attendances.Count} attendances.");
    }

    /// <summary>The city itself, its districts with their child populations and its postcodes: what no catalogue holds.</summary>
    public static async Task LoadPlacesAsync(FamilyServicesDb db, DemoCity city)
    {
        db.Add(city.Profile);
        db.AddRange(city.Districts);
        await db.SaveChangesAsync();
        db.AddRange(city.Postcodes.Select(p => new Postcode
        {
            Code = p.Code, Locality = p.Locality, Latitude = p.Latitude, Longitude = p.Longitude,
            DistrictId = city.Districts.Single(d => d.Code == p.District).Id,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Every offering with its programme and centre, in the order they were created.</summary>
    private static async Task<List<Offering>> OfferingsAsync(FamilyServicesDb db)
    {
        db.ChangeTracker.Clear();
        return await db.Offerings.AsNoTrackingWithIdentityResolution().Include(o => o.Programme).Include(o => o.Centre)
            .OrderBy(o => o.Id).ToListAsync();
    }

}
