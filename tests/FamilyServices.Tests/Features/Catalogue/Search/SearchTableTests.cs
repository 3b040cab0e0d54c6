using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Catalogue.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Catalogue.Search;

/// <summary>
/// Two districts, two centres 6.7 km apart and a small category tree; each test adds its own programme with codes
/// unique to it, changes one source of the search table the way a writer does, and searches again.
/// </summary>
public sealed class SearchTableFixture : PortalFixture, IAsyncLifetime
{
    public int CentreA { get; private set; }
    public int CentreB { get; private set; }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var city = new CityProfile { Code = "herne", Name = "Herne", DefaultLanguage = "de", TimeZone = "Europe/Berlin", Currency = "EUR", MapLatitude = 51.54, MapLongitude = 7.22 };
        var mitte = new District { Code = "MITTE", Name = "Herne-Mitte" };
        var nord = new District { Code = "NORD", Name = "Herne-Nord" };
        var stadt = new Organisation { Code = "STADT", Name = "Stadt Herne", Kind = OrganisationKind.MunicipalDepartment };
        Centre Centre(string code, District district, double latitude) => new()
        {
            Code = code, Name = $"Familienzentrum {code}", Type = CentreType.FamilyCentre, Operator = stadt, District = district,
            Street = "Bahnhofstraße 1", Postcode = "44623", Locality = "Herne", Latitude = latitude, Longitude = 7.2230,
            TimeZone = "Europe/Berlin", AccessibilityFeatures = [],
        };
        var a = Centre("A", mitte, 51.5420);
        var b = Centre("B", nord, 51.6020);
        var movement = new Category { Code = "movement", Names = [new CategoryName { Language = "de", Name = "Bewegung" }] };
        var meeting = new Category { Code = "meeting", Names = [new CategoryName { Language = "de", Name = "Treffpunkte" }] };
        db.AddRange(city, a, b, movement, meeting);
        await db.SaveChangesAsync();
        (CentreA, CentreB) = (a.Id, b.Id);
    }
}

/// <summary>
/// The search reads a table that triggers keep (decision 0017). Every kind of change an editor, the import or a bulk
/// update makes must show in the next search, and what depends on the clock (publication windows, a schedule's last
/// day) must turn at its minute with nothing refreshed.
/// </summary>
public class SearchTableTests(SearchTableFixture world) : IClassFixture<SearchTableFixture>
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Publishing_shows_a_programme_and_archiving_hides_it()
    {
        var (programme, _) = await AddAsync("PUB", "Wasserspiele", PublicationState.Draft);
        (await FoundAsync("q=wasserspiele")).Should().BeEmpty("a draft is not public");

        await ChangeProgrammeAsync(programme, p => p.PublicationState = PublicationState.Published);
        (await FoundAsync("q=wasserspiele")).Should().Equal("PUB");

        await ChangeProgrammeAsync(programme, p => p.PublicationState = PublicationState.Archived);
        (await FoundAsync("q=wasserspiele")).Should().BeEmpty("an archived programme is not public");
    }

    [Fact]
    public async Task An_edited_text_is_found_by_its_new_words_in_every_language()
    {
        var (programme, _) = await AddAsync("TXT", "Malwerkstatt");
        await using (var db = world.NewDb())
        {
            db.ProgrammeTexts.Add(new ProgrammeText { ProgrammeId = programme, Language = "tr", Title = "Resim atölyesi", Summary = "Çocuklar için" });
            await db.SaveChangesAsync();
        }
        (await FoundAsync("q=atolyesi", language: "tr")).Should().Equal("TXT");

        await using (var db = world.NewDb())
        {
            var turkish = await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme && t.Language == "tr");
            turkish.Title = "Seramik kursu";
            var german = await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme && t.Language == "de");
            german.Title = "Töpferkurs";
            await db.SaveChangesAsync();
        }

        (await FoundAsync("q=atolyesi", language: "tr")).Should().BeEmpty();
        (await FoundAsync("q=seramik", language: "tr")).Should().Equal("TXT");
        (await FoundAsync("q=malwerkstatt")).Should().BeEmpty();
        (await FoundAsync("q=topferkurs")).Should().Equal("TXT");
    }

    [Fact]
    public async Task A_changed_weekday_and_start_time_move_the_offering_between_day_and_time_filters()
    {
        var (_, offering) = await AddAsync("SCHED", "Trommelkreis", days: Weekdays.Monday, hour: 10);
        (await FoundAsync("q=trommelkreis&day=monday&time=morning")).Should().Equal("SCHED");
        (await FoundAsync("q=trommelkreis&day=thursday")).Should().BeEmpty();

        await ChangeOfferingAsync(offering, o => o.Schedule = Schedule.Weekly(
            o.Schedule.StartDate, o.Schedule.EndDate, Weekdays.Thursday, new TimeOnly(18, 0), new TimeOnly(19, 0)));

        (await FoundAsync("q=trommelkreis&day=monday")).Should().BeEmpty();
        (await FoundAsync("q=trommelkreis&day=thursday&time=morning")).Should().BeEmpty();
        (await FoundAsync("q=trommelkreis&day=thursday&time=evening")).Should().Equal("SCHED");
    }

    [Fact]
    public async Task A_schedule_that_ended_yesterday_is_gone_and_one_extended_comes_back()
    {
        var (_, offering) = await AddAsync("ENDED", "Laternenbasteln");
        await ChangeOfferingAsync(offering, o => o.Schedule = Schedule.Weekly(
            new DateOnly(2026, 9, 1), DateOnly.FromDateTime(Now).AddDays(-1), Weekdays.Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0)));
        (await FoundAsync("q=laternenbasteln")).Should().BeEmpty("its last day was yesterday");
        (await FoundAsync("q=laternenbasteln", Now.AddDays(-1))).Should().Equal(["ENDED"], "yesterday it still ran");

        await ChangeOfferingAsync(offering, o => o.Schedule = Schedule.Weekly(
            o.Schedule.StartDate, DateOnly.FromDateTime(Now), Weekdays.Tuesday, new TimeOnly(10, 0), new TimeOnly(11, 0)));
        (await FoundAsync("q=laternenbasteln")).Should().Equal("ENDED");
    }

    [Fact]
    public async Task A_cancelled_offering_disappears_and_comes_back_when_reinstated()
    {
        var (_, offering) = await AddAsync("CANCEL", "Vorlesestunde");

        await ChangeOfferingAsync(offering, o => o.Status = OfferingStatus.Cancelled);
        (await FoundAsync("q=vorlesestunde")).Should().BeEmpty();

        await ChangeOfferingAsync(offering, o => o.Status = OfferingStatus.Scheduled);
        (await FoundAsync("q=vorlesestunde")).Should().Equal("CANCEL");
    }

    [Fact]
    public async Task A_programme_is_found_while_any_of_its_offerings_remains_and_not_after_the_last_is_deleted()
    {
        var (programme, first) = await AddAsync("DEL", "Kletterzwerge");
        var second = await AddOfferingAsync(programme, "DEL-2", world.CentreB, Weekdays.Friday, 15);

        await using (var db = world.NewDb())
        {
            await db.Offerings.Where(o => o.Id == first).ExecuteDeleteAsync();
        }
        (await HitsAsync("q=kletterzwerge")).Single().NearestCentreId.Should().Be(world.CentreB);

        await using (var db = world.NewDb())
        {
            await db.Offerings.Where(o => o.Id == second).ExecuteDeleteAsync();
        }
        (await FoundAsync("q=kletterzwerge")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_centre_that_moves_changes_the_distance_and_one_that_changes_district_the_district_filter()
    {
        await AddAsync("MOVE", "Bewegungsbaustelle", centre: world.CentreB);
        var near = "near=51.5420,7.2230";
        var before = (await HitsAsync($"q=bewegungsbaustelle&{near}")).Single();
        before.DistanceMetres.Should().BeApproximately(ExpectedMetres(51.5420, 51.6020), 1);
        (await FoundAsync($"q=bewegungsbaustelle&{near}&radiusKm=5")).Should().BeEmpty("centre B is 6.7 km away");

        await ChangeCentreAsync(world.CentreB, c => c.Latitude = 51.5510);
        var after = (await HitsAsync($"q=bewegungsbaustelle&{near}&radiusKm=5")).Single();
        after.DistanceMetres.Should().BeApproximately(ExpectedMetres(51.5420, 51.5510), 1);

        (await FoundAsync("q=bewegungsbaustelle&district=NORD")).Should().Equal("MOVE");
        await using (var db = world.NewDb())
        {
            var mitte = await db.Districts.SingleAsync(d => d.Code == "MITTE");
            (await db.Centres.SingleAsync(c => c.Id == world.CentreB)).DistrictId = mitte.Id;
            await db.SaveChangesAsync();
        }
        (await FoundAsync("q=bewegungsbaustelle&district=NORD")).Should().BeEmpty();
        (await FoundAsync("q=bewegungsbaustelle&district=MITTE")).Should().Equal("MOVE");

        await ChangeCentreAsync(world.CentreB, c => c.AccessibilityFeatures = [AccessibilityFeatures.StepFree]);
        (await FoundAsync($"q=bewegungsbaustelle&access={AccessibilityFeatures.StepFree}")).Should().Equal("MOVE");
    }

    [Fact]
    public async Task A_renamed_district_code_is_what_the_district_filter_matches()
    {
        await AddAsync("DIST", "Familienfrühstück");
        (await FoundAsync("q=familienfruhstuck&district=MITTE")).Should().Equal("DIST");

        await using (var db = world.NewDb())
        {
            (await db.Districts.SingleAsync(d => d.Code == "MITTE")).Code = "ZENTRUM";
            await db.SaveChangesAsync();
        }

        (await FoundAsync("q=familienfruhstuck&district=MITTE")).Should().BeEmpty();
        (await FoundAsync("q=familienfruhstuck&district=ZENTRUM")).Should().Equal("DIST");
        await using (var db = world.NewDb())
        {
            (await db.Districts.SingleAsync(d => d.Code == "ZENTRUM")).Code = "MITTE";
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_category_moved_under_another_parent_takes_its_programmes_into_that_parents_filter()
    {
        await using (var db = world.NewDb())
        {
            db.Categories.Add(new Category { Code = "dance", Parent = await db.Categories.SingleAsync(c => c.Code == "meeting"),
                Names = [new CategoryName { Language = "de", Name = "Tanz" }] });
            await db.SaveChangesAsync();
        }
        await AddAsync("CAT", "Kindertanz", category: "dance");
        (await FoundAsync("q=kindertanz&category=meeting")).Should().Equal("CAT");
        (await FoundAsync("q=kindertanz&category=movement")).Should().BeEmpty();

        await using (var db = world.NewDb())
        {
            var dance = await db.Categories.SingleAsync(c => c.Code == "dance");
            dance.ParentId = (await db.Categories.SingleAsync(c => c.Code == "movement")).Id;
            await db.SaveChangesAsync();
        }

        (await FoundAsync("q=kindertanz&category=meeting")).Should().BeEmpty();
        (await FoundAsync("q=kindertanz&category=movement")).Should().Equal("CAT");
        (await FoundAsync("q=kindertanz&category=dance")).Should().Equal("CAT");
    }

    [Fact]
    public async Task A_programmes_publication_window_opens_and_closes_at_its_minute()
    {
        var opens = Now.AddMinutes(30);
        var closes = Now.AddHours(3);
        var (programme, _) = await AddAsync("PWIN", "Sternenkunde");
        await ChangeProgrammeAsync(programme, p => (p.PublishFrom, p.PublishUntil) = (opens, closes));

        (await FoundAsync("q=sternenkunde", opens.AddMinutes(-1))).Should().BeEmpty("the window opens a minute later");
        (await FoundAsync("q=sternenkunde", opens)).Should().Equal("PWIN");
        (await FoundAsync("q=sternenkunde", closes.AddMinutes(-1))).Should().Equal("PWIN");
        (await FoundAsync("q=sternenkunde", closes)).Should().BeEmpty("the window closed at this minute");
    }

    [Fact]
    public async Task An_offerings_window_inside_its_programmes_window_decides_from_when_until_when_it_shows()
    {
        var (programme, offering) = await AddAsync("OWIN", "Waldentdecker");
        await ChangeProgrammeAsync(programme, p => (p.PublishFrom, p.PublishUntil) = (Now, Now.AddDays(10)));
        await ChangeOfferingAsync(offering, o => (o.PublishFrom, o.PublishUntil) = (Now.AddHours(1), Now.AddDays(20)));

        (await FoundAsync("q=waldentdecker", Now.AddMinutes(59))).Should().BeEmpty("the offering's window opens later than the programme's");
        (await FoundAsync("q=waldentdecker", Now.AddHours(1))).Should().Equal("OWIN");
        (await FoundAsync("q=waldentdecker", Now.AddDays(10).AddMinutes(-1))).Should().Equal("OWIN");
        (await FoundAsync("q=waldentdecker", Now.AddDays(10))).Should().BeEmpty("the programme's window closes before the offering's");
    }

    [Fact]
    public async Task A_bulk_update_like_the_demo_loaders_archives_every_row_it_touches()
    {
        var (one, _) = await AddAsync("BULK-1", "Seifenkisten");
        var (two, _) = await AddAsync("BULK-2", "Seifenblasen");
        (await FoundAsync("q=seifen")).Should().BeEquivalentTo("BULK-1", "BULK-2");

        await using (var db = world.NewDb())
        {
            await db.Offerings.Where(o => o.ProgrammeId == one || o.ProgrammeId == two)
                .ExecuteUpdateAsync(o => o.SetProperty(x => x.PublicationState, PublicationState.Archived));
        }

        (await FoundAsync("q=seifen")).Should().BeEmpty();
    }

    [Fact]
    public async Task Age_free_and_delivery_language_follow_the_programmes_edits()
    {
        var (programme, _) = await AddAsync("EDIT", "Zirkusschule");
        (await FoundAsync("q=zirkusschule&age=3&free=true")).Should().BeEmpty("it is for 4 to 8 year olds and costs");

        await ChangeProgrammeAsync(programme, p => (p.MinAgeMonths, p.IsFree, p.PriceAmount, p.DeliveryLanguages) = (24, true, null, ["de", "uk"]));

        (await FoundAsync("q=zirkusschule&age=3&free=true&language=uk")).Should().Equal("EDIT");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private async Task<(int Programme, int Offering)> AddAsync(
        string code, string title, PublicationState state = PublicationState.Published, Weekdays days = Weekdays.Saturday,
        int hour = 10, int? centre = null, string category = "movement")
    {
        int programmeId;
        await using (var db = world.NewDb())
        {
            var programme = new Programme
            {
                Code = code, Slug = code.ToLowerInvariant(), Type = ProgrammeType.Course,
                Category = await db.Categories.SingleAsync(c => c.Code == category), Audience = Audience.Children,
                MinAgeMonths = 48, MaxAgeMonths = 96, IsFree = false, PriceAmount = 20m, DeliveryLanguages = ["de"],
                PublicationState = state,
                Texts = [new ProgrammeText { Language = "de", Title = title, Summary = "Ein Angebot im Familienzentrum" }],
            };
            db.Programmes.Add(programme);
            await db.SaveChangesAsync();
            programmeId = programme.Id;
        }
        return (programmeId, await AddOfferingAsync(programmeId, $"{code}-1", centre ?? world.CentreA, days, hour));
    }

    private async Task<int> AddOfferingAsync(int programme, string code, int centre, Weekdays days, int hour)
    {
        await using var db = world.NewDb();
        var offering = new Offering
        {
            Code = code, ProgrammeId = programme, CentreId = centre, PublicationState = PublicationState.Published,
            Schedule = Schedule.Weekly(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31), days, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0)),
        };
        db.Offerings.Add(offering);
        await db.SaveChangesAsync();
        return offering.Id;
    }

    private async Task ChangeProgrammeAsync(int id, Action<Programme> change)
    {
        await using var db = world.NewDb();
        change(await db.Programmes.SingleAsync(p => p.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task ChangeOfferingAsync(int id, Action<Offering> change)
    {
        await using var db = world.NewDb();
        change(await db.Offerings.SingleAsync(o => o.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task ChangeCentreAsync(int id, Action<Centre> change)
    {
        await using var db = world.NewDb();
        change(await db.Centres.SingleAsync(c => c.Id == id));
        await db.SaveChangesAsync();
    }

    private async Task<List<ProgrammeHit>> HitsAsync(string query, DateTime? now = null, string language = "de")
    {
        var at = now ?? Now;
        var (filters, problems) = SearchFilters.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), DateOnly.FromDateTime(at));
        problems.Should().BeEmpty();
        await using var db = world.NewDb();
        return [.. (await new ProgrammeSearch(db).FindAsync(filters, null, language, "de", at, 100)).Hits];
    }

    private async Task<List<string>> FoundAsync(string query, DateTime? now = null, string language = "de")
    {
        var ids = (await HitsAsync(query, now, language)).Select(h => h.ProgrammeId).ToList();
        await using var db = world.NewDb();
        var codes = await db.Programmes.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code);
        return [.. ids.Select(id => codes[id])];
    }

    /// <summary>Great-circle distance on PostgreSQL's earth (radius 6,378,168 m) between two points on one meridian.</summary>
    private static double ExpectedMetres(double latitude1, double latitude2) =>
        6_378_168 * Math.Abs(latitude2 - latitude1) * Math.PI / 180;
}
