using System.Net.Http.Json;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.OpenData;

/// <summary>
/// The test world plus a catalogue with what the HSDS API must map and filter: a category tree three deep, a partner,
/// centres near and far with postcodes, weekly, dated, online and full offerings, a paid programme, translations, an
/// editor's change, and what must never appear: a draft programme, a programme whose publication starts later, a
/// draft offering. The history is dated so modified_after has something to tell apart.
/// </summary>
public class HsdsWorld : TestWorld
{
    public static readonly DateTime OldChange = new(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime NewChange = new(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime NewerChange = new(2026, 7, 1, 8, 0, 0, DateTimeKind.Utc);

    public Category Root { get; private set; } = null!;
    public Category Child { get; private set; } = null!;
    public Category Grandchild { get; private set; } = null!;
    public Organisation Partner { get; private set; } = null!;
    public Centre CentreFar { get; private set; } = null!;
    public Programme Swimming { get; private set; } = null!;
    public Programme Cafe { get; private set; } = null!;
    public Programme Homework { get; private set; } = null!;
    public Programme Draft { get; private set; } = null!;
    public Programme Later { get; private set; } = null!;
    public Offering DraftOffering { get; private set; } = null!;
    public Offering CafeAtB { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "100000");
    }

    protected override async Task SeedAsync()
    {
        await using var db = NewDb();
        var tag = TestCatalogue.Unique("h");
        Root = new Category { Code = $"{tag}-family", Names = [new() { Language = "de", Name = "Familie" }, new() { Language = "en", Name = "Family" }] };
        Child = new Category { Code = $"{tag}-meeting", Parent = Root, Names = [new() { Language = "de", Name = "Treffpunkte" }] };
        Grandchild = new Category { Code = $"{tag}-cafe", Parent = Child, Names = [new() { Language = "de", Name = "Elterncafé" }, new() { Language = "tr", Name = "Veli kafesi" }] };
        Partner = new Organisation { Code = $"{tag}-LIB", Name = "Stadtbibliothek Teststadt", Kind = OrganisationKind.Library, Website = "https://bibliothek.example.org/" };
        db.AddRange(Root, Child, Grandchild, Partner);

        // CentreA and CentreB of the world sit together; B moves 7 km away and a third centre lies 14 km off.
        var centreB = await db.Centres.SingleAsync(c => c.Id == CentreB.Id);
        (centreB.Latitude, centreB.Longitude, centreB.Postcode) = (51.50, 7.30, "44649");
        var centreA = await db.Centres.Include(c => c.OpeningHours).SingleAsync(c => c.Id == CentreA.Id);
        centreA.AccessibilityFeatures = [AccessibilityFeatures.StepFree, AccessibilityFeatures.HearingLoop];
        centreA.Phone = "+49 2323 16-0";
        centreA.Website = "https://familienzentrum.example.org/";
        centreA.OpeningHours.AddRange([
            new OpeningHours { Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(16, 0) },
            new OpeningHours { Day = DayOfWeek.Tuesday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(16, 0) },
            new OpeningHours { Day = DayOfWeek.Friday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0) },
        ]);
        var operatorOrganisation = await db.Organisations.SingleAsync(o => o.Id == centreA.OperatorId);
        CentreFar = new Centre
        {
            Code = $"{tag}-FAR", Name = "Kinderzentrum Am Rand", Type = CentreType.ChildCentre, Operator = operatorOrganisation,
            DistrictId = centreA.DistrictId, Street = "Feldweg 9", Postcode = "44653", Locality = "Herne",
            Latitude = 51.60, Longitude = 7.40, TimeZone = "Europe/Berlin", LanguagesSpoken = ["de", "en"],
            Status = CentreStatus.TemporarilyClosed, StatusReason = "Renovierung", ClosedUntil = new DateOnly(2026, 12, 31),
        };
        db.Centres.Add(CentreFar);
        db.Postcodes.AddRange(
            new Postcode { Code = "44623", Locality = "Herne", Latitude = 51.54, Longitude = 7.22 },
            new Postcode { Code = "44649", Locality = "Herne-Wanne", Latitude = 51.52, Longitude = 7.15 });

        Swimming = NewProgramme(tag, "SWIM", Child, 6, 36, ("de", "Schwimmen für Kleinkinder", "Wassergewöhnung mit Eltern."), ("en", "Swimming for toddlers", "Getting used to water."));
        Swimming.IsFree = false;
        Swimming.PriceAmount = 12.50m;
        Swimming.LastCheckedOn = new DateOnly(2026, 11, 20);
        Swimming.RegistrationMode = RegistrationMode.Online;
        Swimming.RegistrationUrl = "https://anmeldung.example.org/schwimmen";
        Swimming.Texts[0].CostNote = "12,50 € je Termin";
        Swimming.Texts[0].Description = "Zehn Termine im Hallenbad.";
        Swimming.Partners = [new ProgrammePartner { Organisation = Partner }];
        Cafe = NewProgramme(tag, "CAFE", Grandchild, 0, 72, ("de", "Elterncafé Ümit", "Offener Treff für Eltern."), ("tr", "Ümit veli kafesi", "Veliler için açık buluşma."));
        Cafe.Audience = Audience.Parents | Audience.Families;
        Cafe.DeliveryLanguages = ["de", "tr"];
        Homework = NewProgramme(tag, "HOME", Root, 120, 168, ("de", "Hausaufgabenhilfe", "Lernen mit Unterstützung."));
        Homework.Type = ProgrammeType.LearningSupport;
        Draft = NewProgramme(tag, "DRAFT", Root, 0, 72, ("de", "Entwurf Krabbelgruppe", "Noch nicht veröffentlicht."));
        Draft.PublicationState = PublicationState.Draft;
        Later = NewProgramme(tag, "LATER", Root, 0, 72, ("de", "Später Spielkreis", "Erscheint erst später."));
        Later.PublishFrom = DateTime.UtcNow.AddDays(10);
        db.Programmes.AddRange(Swimming, Cafe, Homework, Draft, Later);
        await db.SaveChangesAsync();

        var autumn = (From: new DateOnly(2026, 9, 1), To: new DateOnly(2027, 6, 30));
        db.Offerings.AddRange(
            NewOffering($"{tag}-SWIM-A", Swimming, CentreA, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Tuesday, new TimeOnly(9, 0), new TimeOnly(10, 0))),
            NewOffering($"{tag}-SWIM-F", Swimming, CentreFar, Schedule.OnDates([new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 10)], new TimeOnly(15, 0), new TimeOnly(16, 0))),
            CafeAtB = NewOffering($"{tag}-CAFE-B", Cafe, CentreB, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Friday, new TimeOnly(16, 0), new TimeOnly(18, 0))
                with { ExcludedDates = [new DateOnly(2026, 12, 25), new DateOnly(2027, 1, 1)] }),
            NewOffering($"{tag}-CAFE-ON", Cafe, CentreA, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Thursday, new TimeOnly(19, 0), new TimeOnly(20, 0))),
            NewOffering($"{tag}-HOME-F", Homework, CentreFar, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Wednesday | Weekdays.Monday, new TimeOnly(14, 0), new TimeOnly(15, 30))),
            DraftOffering = NewOffering($"{tag}-HOME-DRAFT", Homework, CentreB, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Saturday, new TimeOnly(10, 0), new TimeOnly(12, 0))),
            NewOffering($"{tag}-DRAFT-A", Draft, CentreA, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0))),
            NewOffering($"{tag}-LATER-A", Later, CentreA, Schedule.Weekly(autumn.From, autumn.To, Weekdays.Monday, new TimeOnly(10, 0), new TimeOnly(11, 0))));
        CafeAtB.Status = OfferingStatus.Full;
        CafeAtB.StatusNote = "Warteliste";
        CafeAtB.Capacity = 12;
        DraftOffering.PublicationState = PublicationState.Draft;
        var online = db.ChangeTracker.Entries<Offering>().Single(e => e.Entity.Code == $"{tag}-CAFE-ON").Entity;
        (online.IsOnline, online.OnlineUrl) = (true, "https://meet.example.org/elterncafe");
        await db.SaveChangesAsync();

        // The history (test contexts save without the portal's audit interceptor, so it is written here): every item
        // created long ago, the café's offering at B changed in June, the homework programme in July, and an editor's
        // check of the swimming course, which names the account in the history and must show only a role outside.
        var programmeIds = await db.Programmes.Select(p => p.Id).ToListAsync();
        var offeringIds = await db.Offerings.Select(o => o.Id).ToListAsync();
        db.CatalogueChanges.AddRange(programmeIds.Select(id => Change(nameof(Programme), id, "Created", OldChange, null))
            .Concat(offeringIds.Select(id => Change(nameof(Offering), id, "Created", OldChange, null))));
        db.CatalogueChanges.AddRange(
            Change(nameof(Offering), CafeAtB.Id, "Updated", NewChange, null),
            Change(nameof(Programme), Homework.Id, "Published", NewerChange, null),
            Change(nameof(Programme), Swimming.Id, "Updated", OldChange.AddDays(1), Editor.Id));
        await db.SaveChangesAsync();
    }

    private static CatalogueChange Change(string itemType, int itemId, string action, DateTime at, string? by) => new()
    {
        ItemType = itemType, ItemId = itemId, Action = action, ChangedAt = at, ChangedById = by,
        Changes = """{"LastCheckedOn":{"before":"2026-10-01","after":"2026-11-20"}}""",
    };

    private static Programme NewProgramme(string tag, string code, Category category, int minMonths, int maxMonths, params (string Language, string Title, string Summary)[] texts) => new()
    {
        Code = $"{tag}-{code}", Slug = $"{tag}-{code}".ToLowerInvariant(), Type = ProgrammeType.ParentEducation, Category = category,
        Audience = Audience.Children | Audience.Parents, MinAgeMonths = minMonths, MaxAgeMonths = maxMonths, IsFree = true,
        DeliveryLanguages = ["de"], PublicationState = PublicationState.Published, LastCheckedOn = new DateOnly(2026, 10, 1),
        RegistrationMode = RegistrationMode.AtCentre,
        Texts = [.. texts.Select(t => new ProgrammeText { Language = t.Language, Title = t.Title, Summary = t.Summary, RegistrationNote = "Im Zentrum anmelden." })],
    };

    private static Offering NewOffering(string code, Programme programme, Centre centre, Schedule schedule) => new()
    {
        Code = code, ProgrammeId = programme.Id, CentreId = centre.Id, PublicationState = PublicationState.Published, Schedule = schedule,
    };

    // ---------- reading the API ----------

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue($"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a list endpoint (one page of up to 200, which must hold them all).</summary>
    public async Task<List<JsonElement>> AllAsync(string path, string query = "")
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var page = await GetJsonAsync($"{path}{separator}per_page=200{(query.Length > 0 ? "&" + query : "")}");
        page.GetProperty("total_pages").GetInt32().Should().BeLessThanOrEqualTo(1);
        return [.. page.GetProperty("contents").EnumerateArray()];
    }

    public async Task<List<Guid>> IdsAsync(string path, string query = "") =>
        [.. (await AllAsync(path, query)).Select(item => item.GetProperty("id").GetGuid())];

    /// <summary>The public programmes with everything the expectations need, read straight from the database.</summary>
    public async Task<List<Programme>> PublicProgrammesAsync()
    {
        await using var db = NewDb();
        var now = DateTime.UtcNow;
        var programmes = await db.Programmes.AsNoTracking()
            .Include(p => p.Texts).Include(p => p.Partners).ThenInclude(pp => pp.Organisation)
            .Include(p => p.Offerings).ThenInclude(o => o.Centre).ThenInclude(c => c.Operator)
            .ToListAsync();
        foreach (var programme in programmes)
        {
            programme.Offerings = [.. programme.Offerings.Where(o => Publication.IsPublic(o.PublicationState, o.PublishFrom, o.PublishUntil, now))];
        }
        return [.. programmes.Where(p => Publication.IsPublic(p.PublicationState, p.PublishFrom, p.PublishUntil, now))];
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public static Task<T?> ReadAsync<T>(HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>(Json);
}
