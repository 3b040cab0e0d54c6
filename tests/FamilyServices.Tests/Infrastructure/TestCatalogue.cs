using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>Small, readable catalogue rows for tests. Every code gets a suffix unique to the call, so tests sharing a database do not collide.</summary>
public sealed class TestCatalogue(FamilyServicesDb db)
{
    private static int _counter;

    public static string Unique(string prefix) => $"{prefix}{Interlocked.Increment(ref _counter)}";

    public async Task<CityProfile> CityAsync(string defaultLanguage = Languages.German)
    {
        var city = db.CityProfiles.OrderBy(c => c.Id).FirstOrDefault();
        if (city is not null) return city;
        city = new CityProfile
        {
            Code = "testcity", Name = "Teststadt", DefaultLanguage = defaultLanguage,
            TimeZone = "Europe/Berlin", Currency = "EUR", MapLatitude = 51.5, MapLongitude = 7.2,
        };
        db.CityProfiles.Add(city);
        await db.SaveChangesAsync();
        return city;
    }

    public async Task<Centre> CentreAsync(string? code = null)
    {
        var district = new District { Code = Unique("D"), Name = "Mitte", IsFocusArea = true };
        var operatorOrganisation = new Organisation { Code = Unique("O"), Name = "Stadt Teststadt, Fachbereich Kinder", Kind = OrganisationKind.MunicipalDepartment };
        var centre = new Centre
        {
            Code = code ?? Unique("C"), Name = "Familienzentrum Sonnenblume", Type = CentreType.FamilyCentre,
            Operator = operatorOrganisation, District = district,
            Street = "Bahnhofstraße 1", Postcode = "44623", Locality = "Herne", Latitude = 51.54, Longitude = 7.22,
            TimeZone = "Europe/Berlin", LanguagesSpoken = ["de", "tr"],
        };
        db.Centres.Add(centre);
        await db.SaveChangesAsync();
        return centre;
    }

    public async Task<Programme> ProgrammeAsync(
        PublicationState state = PublicationState.Published,
        params (string Language, string Title)[] titles)
    {
        var category = new Category { Code = Unique("cat"), Names = [new CategoryName { Language = "de", Name = "Bewegung" }] };
        var code = Unique("P");
        var programme = new Programme
        {
            Code = code, Slug = code.ToLowerInvariant(), Type = ProgrammeType.MovementAndSport, Category = category,
            Audience = Audience.Children, MinAgeMonths = 36, MaxAgeMonths = 72, IsFree = true,
            DeliveryLanguages = ["de"], PublicationState = state, LastCheckedOn = new DateOnly(2026, 10, 1),
            Texts = (titles.Length == 0 ? [("de", $"Angebot {code}")] : titles)
                .Select(t => new ProgrammeText { Language = t.Language, Title = t.Title, Summary = $"Kurzbeschreibung {t.Title}" })
                .ToList(),
        };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme;
    }

    public async Task<Offering> OfferingAsync(Programme programme, Centre centre, PublicationState state = PublicationState.Published, Schedule? schedule = null)
    {
        var offering = new Offering
        {
            Code = Unique("OF"), ProgrammeId = programme.Id, CentreId = centre.Id, PublicationState = state,
            Schedule = schedule ?? Schedule.Weekly(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 18),
                Weekdays.Monday | Weekdays.Wednesday, new TimeOnly(10, 0), new TimeOnly(11, 30)),
        };
        db.Offerings.Add(offering);
        await db.SaveChangesAsync();
        return offering;
    }
}
