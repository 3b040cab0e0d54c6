using System.Globalization;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Loads a <see cref="DemoCity"/>: the reference data through EF, then sessions, children, enrolments and
/// attendance through <see cref="BulkLoader"/>, all in one transaction so a failed load leaves nothing behind.
/// </summary>
internal static class DemoLoader
{
    public static async Task<string> LoadAsync(FamilyServicesDb db, DemoCity city, DateOnly today, Random random)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();

            AssignOpenDataIds(city);
            db.Add(city.Profile);
            db.AddRange(city.Catalogue.Organisations);
            db.AddRange(city.Districts);
            db.AddRange(city.Catalogue.Categories);
            db.AddRange(city.Centres);
            db.AddRange(city.Catalogue.Programmes);
            db.AddRange(city.Offerings);
            await db.SaveChangesAsync();
            db.AddRange(city.Postcodes.Select(p => new Postcode
            {
                Code = p.Code, Locality = p.Locality, Latitude = p.Latitude, Longitude = p.Longitude,
                DistrictId = city.Districts.Single(d => d.Code == p.District).Id,
            }));
            await db.SaveChangesAsync();

            // Planned only now: the planner needs the ids the database gave the offerings and districts.
            var sessions = DemoSessions.Expand(city, today, random);
            var plan = new AttendancePlanner(city, sessions, random);
            foreach (var target in city.Targets) plan.Plan(target);
            plan.CheckExactTargets(city.Targets);

            await BulkLoader.WriteAsync((NpgsqlConnection)db.Database.GetDbConnection(), sessions, plan);
            await transaction.CommitAsync();
            db.ChangeTracker.Clear();

            return string.Create(CultureInfo.InvariantCulture,
                $"{city.Centres.Count} centres, {city.Catalogue.Programmes.Count} programmes, {city.Offerings.Count} offerings, " +
                $"{sessions.Count} sessions, {plan.Children.Count} participants, {plan.Attendances.Count} attendances.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Ids from the city and each item's code, so a reloaded demo city has the same open-data ids as before.</summary>
    private static void AssignOpenDataIds(DemoCity city)
    {
        Guid Id(string kind, string code) => OpenDataIds.NameBased(OpenDataIds.Namespace, $"{city.Profile.Code}/{kind}/{code}");
        foreach (var organisation in city.Catalogue.Organisations) organisation.OpenDataId = Id("organisation", organisation.Code);
        foreach (var category in city.Catalogue.Categories) category.OpenDataId = Id("category", category.Code);
        foreach (var programme in city.Catalogue.Programmes) programme.OpenDataId = Id("programme", programme.Code);
        foreach (var centre in city.Centres) centre.OpenDataId = Id("centre", centre.Code);
        foreach (var offering in city.Offerings) offering.OpenDataId = Id("offering", offering.Code);
    }
}
