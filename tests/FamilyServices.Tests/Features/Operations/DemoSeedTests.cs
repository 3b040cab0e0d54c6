using FamilyServices.Tests.Features.OpenData.Import;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Data.Demo;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Operations;

/// <summary>
/// seed-demo loads a city's places, its catalogue through the import and its activity in one transaction: whatever
/// fails, the database is left empty and the load can simply be run again.
/// </summary>
public class DemoSeedTests
{
    [Fact]
    public async Task A_load_that_fails_at_its_last_step_leaves_nothing_behind_and_a_second_load_succeeds()
    {
        await using var database = await ImportDatabase.CreateAsync("demo_seed_rollback", withCity: false);
        await using (var db = database.NewDb())
        {
            // The attendance rows are the last thing written: refusing them fails the load after places and catalogue.
            await db.Database.ExecuteSqlRawAsync("""
                CREATE FUNCTION refuse_attendance() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'attendance refused by the test'; END $$;
                CREATE TRIGGER refuse_attendance BEFORE INSERT ON attendances FOR EACH ROW EXECUTE FUNCTION refuse_attendance();
                """);
            var load = () => DemoSeed.LoadAsync(db, TimeProvider.System, "wiesbaden");
            (await load.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("attendance refused by the test");
        }
        await using (var db = database.NewDb())
        {
            (await CountsAsync(db)).Should().OnlyContain(count => count == 0, "places, catalogue and sessions were rolled back");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER refuse_attendance ON attendances; DROP FUNCTION refuse_attendance();");
        }
        await using (var db = database.NewDb())
        {
            var summary = await DemoSeed.LoadAsync(db, TimeProvider.System, "wiesbaden");
            summary.Should().Contain("attendances");
            (await CountsAsync(db)).Should().OnlyContain(count => count > 0);
            (await db.CityProfiles.SingleAsync()).Code.Should().Be("wiesbaden");
        }
    }

    [Fact]
    public async Task A_city_that_reproduces_a_whole_year_refuses_a_clock_inside_that_year_and_writes_nothing()
    {
        await using var database = await ImportDatabase.CreateAsync("demo_seed_clock", withCity: false);
        await using var db = database.NewDb();
        var loadableFrom = DemoCities.Find("kocaeli")!.LoadableFrom!.Value;
        var clock = new PinnedClock(new DateTimeOffset(loadableFrom.AddDays(-2).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

        var load = () => DemoSeed.LoadAsync(db, clock, "kocaeli");

        (await load.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain($"{loadableFrom:yyyy-MM-dd} or later");
        (await CountsAsync(db)).Should().OnlyContain(count => count == 0);
    }

    private static async Task<int[]> CountsAsync(FamilyServicesDb db) =>
    [
        await db.CityProfiles.CountAsync(), await db.Districts.CountAsync(), await db.Postcodes.CountAsync(),
        await db.Organisations.CountAsync(), await db.Centres.CountAsync(), await db.Programmes.CountAsync(),
        await db.Offerings.CountAsync(), await db.Sessions.CountAsync(), await db.Participants.CountAsync(),
    ];
}
