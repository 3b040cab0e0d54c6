using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Features.Catalogue.Search;

/// <summary>
/// A small Herne with known distances: centre A stands on postcode 44623, B is 2.0 km north of it, C 8.7 km north.
/// Programmes are chosen so that each filter keeps a different subset.
/// </summary>
public sealed class SearchFixture : PortalFixture, IAsyncLifetime
{
    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var city = new CityProfile { Code = "herne", Name = "Herne", DefaultLanguage = "de", TimeZone = "Europe/Berlin", Currency = "EUR", MapLatitude = 51.54, MapLongitude = 7.22 };
        var mitte = new District { Code = "MITTE", Name = "Herne-Mitte" };
        var sodingen = new District { Code = "SODINGEN", Name = "Sodingen" };
        var stadt = new Organisation { Code = "STADT", Name = "Stadt Herne", Kind = OrganisationKind.MunicipalDepartment };
        Centre Centre(string code, string name, District district, double latitude, string[] access) => new()
        {
            Code = code, Name = name, Type = CentreType.FamilyCentre, Operator = stadt, District = district,
            Street = "Bahnhofstraße 1", Postcode = "44623", Locality = "Herne", Latitude = latitude, Longitude = 7.2230,
            TimeZone = "Europe/Berlin", AccessibilityFeatures = access,
        };
        var a = Centre("A", "Familienzentrum Sonnenblume", mitte, 51.5420, [AccessibilityFeatures.StepFree]);
        var b = Centre("B", "Familienzentrum Regenbogen", mitte, 51.5600, []);
        var c = Centre("C", "Kita Löwenzahn", sodingen, 51.6200, [AccessibilityFeatures.StepFree]);
        var movement = new Category { Code = "movement", Names = [new CategoryName { Language = "de", Name = "Bewegung" }] };
        var swimming = new Category { Code = "swimming", Parent = movement, Names = [new CategoryName { Language = "de", Name = "Schwimmen" }] };
        var meeting = new Category { Code = "meeting", Names = [new CategoryName { Language = "de", Name = "Treffpunkte" }] };
        db.AddRange(city, a, b, c, swimming, meeting);
        db.Postcodes.Add(new Postcode { Code = "44623", Locality = "Herne", Latitude = 51.5420, Longitude = 7.2230 });

        var term = (From: new DateOnly(2026, 1, 5), To: new DateOnly(2027, 12, 31));
        Programme Programme(string code, Category category, int min, int max, bool free, string[] languages, params (string Language, string Title)[] titles) => new()
        {
            Code = code, Slug = code.ToLowerInvariant(), Type = ProgrammeType.Course, Category = category, Audience = Audience.Children,
            MinAgeMonths = min, MaxAgeMonths = max, IsFree = free, PriceAmount = free ? null : 25m, DeliveryLanguages = languages,
            PublicationState = PublicationState.Published,
            Texts = titles.Select(t => new ProgrammeText { Language = t.Language, Title = t.Title, Summary = "Für Kinder und Eltern" }).ToList(),
        };
        Offering Offering(string code, Programme programme, Centre centre, Weekdays days, int hour, bool online = false) => new()
        {
            Code = code, Programme = programme, Centre = centre, IsOnline = online, PublicationState = PublicationState.Published,
            Schedule = Schedule.Weekly(term.From, term.To, days, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0)),
        };

        var gym = Programme("GYM", movement, 36, 72, true, ["de", "tr"], ("de", "Kinderturnen"), ("tr", "Çocuk jimnastiği"));
        var swim = Programme("SWIM", swimming, 48, 96, false, ["de"], ("de", "Schwimmkurs für Anfänger"));
        var cafe = Programme("CAFE", meeting, 0, 72, true, ["de", "ar"], ("de", "Elterncafé am Abend"));
        var hidden = Programme("HIDDEN", movement, 0, 200, true, ["de"], ("de", "Kinderturnen Entwurf"));
        hidden.PublicationState = PublicationState.Draft;
        var gone = Programme("GONE", movement, 0, 200, true, ["de"], ("de", "Abgesagtes Turnen"));
        var cancelled = Offering("GONE-A", gone, a, Weekdays.Saturday, 11);
        cancelled.Status = OfferingStatus.Cancelled;
        db.AddRange(
            cancelled,
            Offering("GYM-A", gym, a, Weekdays.Saturday, 10),
            Offering("GYM-C", gym, c, Weekdays.Tuesday, 15),
            Offering("SWIM-B", swim, b, Weekdays.Monday, 16),
            Offering("CAFE-ON", cafe, a, Weekdays.Wednesday, 19, online: true),
            Offering("HIDDEN-A", hidden, a, Weekdays.Saturday, 10));
        await db.SaveChangesAsync();

        // One session of the swimming course in the coming days, for "this week".
        var swimOffering = db.Offerings.Single(o => o.Code == "SWIM-B");
        var soon = DateTime.UtcNow.AddDays(2);
        db.Sessions.Add(new Session { OfferingId = swimOffering.Id, StartsAt = soon, EndsAt = soon.AddHours(1), Status = SessionStatus.Scheduled });
        await db.SaveChangesAsync();
    }
}
