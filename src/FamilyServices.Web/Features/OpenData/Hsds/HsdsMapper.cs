using System.Globalization;
using System.Text;
using System.Text.Json;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.OpenData.Hsds;

/// <summary>
/// What every mapping needs besides the item itself: the city (default language, currency, country), the category
/// tree (a service carries its category and every ancestor), the portal's public address (absolute calendar links)
/// and the catalogue history of the items being mapped.
/// </summary>
public sealed class HsdsMapContext
{
    public required CityProfile City { get; init; }
    public required IReadOnlyDictionary<int, Category> Categories { get; init; }
    /// <summary>The portal's public base address, e.g. https://familyservices.example.org/ (ends with a slash).</summary>
    public required Uri BaseAddress { get; init; }
    /// <summary>Catalogue changes by (item type, item id), oldest first. Missing keys: no history.</summary>
    public IReadOnlyDictionary<(string ItemType, int ItemId), IReadOnlyList<CatalogueChange>> History { get; init; } =
        new Dictionary<(string, int), IReadOnlyList<CatalogueChange>>();

    public Guid TaxonomyId => HsdsMapper.CityTaxonomyId(City);
    public string Country => HsdsMapper.CountryOf(City);

    public IReadOnlyList<CatalogueChange> HistoryOf(string itemType, int itemId) =>
        History.TryGetValue((itemType, itemId), out var changes) ? changes : [];
}

/// <summary>
/// The portal's catalogue as HSDS 3.0 objects, following the mapping in docs/open-data.md. Pure functions over loaded
/// entities (the caller includes what is needed, see <see cref="HsdsCatalogue"/>); every id is the item's OpenDataId
/// or derived from it, so the same catalogue always gives the same documents.
/// </summary>
public static class HsdsMapper
{
    public const string CentreCodeType = "familyservices-centre-code";

    public static Guid CityTaxonomyId(CityProfile city) => OpenDataIds.NameBased(OpenDataIds.Namespace, $"taxonomy/city/{city.Code}");

    public static HsdsTaxonomy CityTaxonomy(CityProfile city) => new()
    {
        Id = CityTaxonomyId(city),
        Name = $"{city.Name} categories",
        Description = $"The category tree of the {city.Name} family-services catalogue.",
        Version = "1",
    };

    /// <summary>ISO 3166-1 alpha-2 of the city's country, from its default language (the portal serves cities in TR, NL, DE).</summary>
    public static string CountryOf(CityProfile city) => city.DefaultLanguage switch
    {
        Languages.Turkish => "TR",
        Languages.Dutch => "NL",
        Languages.German => "DE",
        _ => "GB",
    };

    // ---------- services ----------

    /// <summary>
    /// The full service. <paramref name="programme"/> needs Texts, Partners.Organisation and the public offerings only
    /// (each with Centre, Centre.Operator, Centre.District, Centre.OpeningHours).
    /// </summary>
    public static HsdsService Service(Programme programme, HsdsMapContext context, DateTimeOffset? lastModified)
    {
        var id = programme.OpenDataId;
        var city = context.City;
        var text = programme.TextIn(city.DefaultLanguage, city.DefaultLanguage);
        var offerings = programme.Offerings.OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        var organisation = OperatorOf(programme);

        return new HsdsService
        {
            Id = id,
            OrganizationId = organisation?.OpenDataId,
            Name = text?.Title ?? programme.Code,
            Description = text is null ? null : DescriptionOf(text.Summary, text.Description),
            Url = AbsoluteUri(programme.RegistrationUrl),
            Status = StatusOf(programme.PublicationState),
            ApplicationProcess = Blank(text?.RegistrationNote),
            FeesDescription = Blank(text?.CostNote),
            MinimumAge = Years(programme.MinAgeMonths),
            MaximumAge = Years(programme.MaxAgeMonths),
            AssuredDate = programme.LastCheckedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastModified = lastModified,
            Languages = [.. programme.DeliveryLanguages.Select(code => Language(code, id, serviceId: id, locationId: null))],
            CostOptions =
            [
                new HsdsCostOption
                {
                    Id = OpenDataIds.Derived(id, "cost-option"),
                    ServiceId = id,
                    Option = programme.IsFree ? "free" : "fee",
                    Amount = programme.IsFree ? 0 : programme.PriceAmount,
                    Currency = city.Currency,
                    AmountDescription = Blank(text?.CostNote),
                },
            ],
            Organization = organisation is null ? null : Organization(organisation, context),
            ServiceAtLocations = [.. offerings.Select(o => ServiceAtLocation(o, programme, context))],
            Attributes = ServiceAttributes(programme, context),
            Metadata = Metadata(id, "service", context.HistoryOf(nameof(Programme), programme.Id)),
        };
    }

    /// <summary>HSDS status of a programme: published → active, draft and in review → inactive, archived → defunct.</summary>
    public static string StatusOf(PublicationState state) => state switch
    {
        PublicationState.Published => "active",
        PublicationState.Archived => "defunct",
        _ => "inactive",
    };

    /// <summary>The value of a publication-state attribute ("draft", "in-review", "archived"); null for a published item, which carries none.</summary>
    public static string? PublicationStateValue(PublicationState state) => state == PublicationState.Published ? null : Kebab(state.ToString());

    /// <summary>
    /// The service without its history (metadata at every level, last_modified), so the same catalogue always gives the
    /// same bytes: what a dataset kept in a repository needs.
    /// </summary>
    public static HsdsService WithoutHistory(HsdsService service) => service with
    {
        LastModified = null,
        Metadata = null,
        Organization = service.Organization is null ? null : service.Organization with { Metadata = null },
        ServiceAtLocations = service.ServiceAtLocations?.Select(sal => sal with
        {
            Metadata = null,
            Location = sal.Location is null ? null : sal.Location with { Metadata = null },
        }).ToList(),
    };

    /// <summary>
    /// The service as a complete dataset writes it: a location in full only where <paramref name="locationsWritten"/>
    /// does not hold it yet (afterwards the service_at_location names it by location_id), and the portal's own
    /// attributes by taxonomy_term_id without the term object, which every reader of our vocabulary knows. HSDS allows
    /// both; without them a city's file repeats each centre in every offering and is three times the size.
    /// </summary>
    public static HsdsService Compact(HsdsService service, ISet<Guid> locationsWritten) => service with
    {
        Attributes = Compact(service.Attributes),
        Organization = service.Organization is null ? null : service.Organization with { Attributes = Compact(service.Organization.Attributes) },
        ServiceAtLocations = service.ServiceAtLocations?.Select(sal => sal with
        {
            Attributes = Compact(sal.Attributes),
            Schedules = sal.Schedules?.Select(schedule => schedule with { Attributes = Compact(schedule.Attributes) }).ToList(),
            Location = sal.Location is { } location && locationsWritten.Add(location.Id) ? location with { Attributes = Compact(location.Attributes) } : null,
        }).ToList(),
    };

    private static List<HsdsAttribute>? Compact(List<HsdsAttribute>? attributes) =>
        attributes?.Select(a => a.TaxonomyTerm?.TaxonomyId == PortalVocabulary.TaxonomyId ? a with { TaxonomyTerm = null } : a).ToList();

    /// <summary>The service without nested arrays and objects (the "minimal" form of the API).</summary>
    public static HsdsService Minimal(HsdsService service) => service with
    {
        Phones = null, Schedules = null, ServiceAtLocations = null, Languages = null, Organization = null,
        CostOptions = null, Attributes = null, Metadata = null,
    };

    /// <summary>The delivering organisation: the operator of the centre of the first public offering, else the first partner.</summary>
    public static Organisation? OperatorOf(Programme programme) =>
        programme.Offerings.OrderBy(o => o.Code, StringComparer.Ordinal).Select(o => o.Centre?.Operator).FirstOrDefault(o => o is not null)
        ?? programme.Partners.Select(p => p.Organisation).Where(o => o is not null).OrderBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>Summary, a blank line, then the description (an import takes the first paragraph as the summary).</summary>
    public static string DescriptionOf(string summary, string? description) =>
        string.IsNullOrWhiteSpace(description) ? summary : $"{summary}\n\n{description}";

    public static decimal Years(int months) => Math.Round(months / 12m, 2, MidpointRounding.AwayFromZero);

    private static List<HsdsAttribute> ServiceAttributes(Programme programme, HsdsMapContext context)
    {
        var id = programme.OpenDataId;
        var attributes = new List<HsdsAttribute>();
        foreach (var category in Lineage(programme.CategoryId, context))
        {
            var term = TaxonomyTerm(category, context);
            attributes.Add(new HsdsAttribute
            {
                Id = OpenDataIds.Derived(id, $"attribute/category/{category.Code}"),
                LinkId = id,
                LinkType = "service",
                LinkEntity = "service",
                TaxonomyTermId = term.Id,
                TaxonomyTerm = term,
                Value = category.Code,
            });
            foreach (var name in category.Names.Where(n => n.Language != context.City.DefaultLanguage).OrderBy(n => n.Language, StringComparer.Ordinal))
            {
                attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Translation, term.Id, "taxonomy_term",
                    Translation(name.Language, ("name", name.Name))));
            }
        }
        foreach (var text in programme.Texts.Where(t => t.Language != context.City.DefaultLanguage).OrderBy(t => t.Language, StringComparer.Ordinal))
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Translation, id, "service", Translation(text.Language,
                ("name", text.Title), ("description", DescriptionOf(text.Summary, text.Description)),
                ("fees_description", Blank(text.CostNote)), ("application_process", Blank(text.RegistrationNote)))));
        }
        attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Code, id, "service", programme.Code));
        attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.ProgrammeType, id, "service", Kebab(programme.Type.ToString())));
        attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Audience, id, "service", AudienceValue(programme.Audience)));
        attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.RegistrationMode, id, "service", Kebab(programme.RegistrationMode.ToString())));
        foreach (var partner in programme.Partners.Select(p => p.Organisation).Where(o => o is not null).OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            // The id stays the one of the bare code earlier exports wrote.
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Partner, id, "service", PartnerValue(partner), partner.Code));
        }
        if (PublicationStateValue(programme.PublicationState) is { } state)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.PublicationState, id, "service", state));
        }
        return attributes;
    }

    /// <summary>The category and its ancestors, the category itself first.</summary>
    public static IEnumerable<Category> Lineage(int categoryId, HsdsMapContext context)
    {
        var seen = new HashSet<int>();
        int? current = categoryId;
        while (current is { } id && seen.Add(id) && context.Categories.TryGetValue(id, out var category))
        {
            yield return category;
            current = category.ParentId;
        }
    }

    /// <summary>The value of a partner (or a location's operator) attribute: {"code":..,"name":..,"kind":..,"website":..,"id":..}, website left out when none.</summary>
    public static string PartnerValue(Organisation partner) =>
        JsonSerializer.Serialize(new PartnerAttributeValue(partner.Code, partner.Name, Kebab(partner.Kind.ToString()), AbsoluteUri(partner.Website), partner.OpenDataId), HsdsJson.Options);

    /// <summary>The value of a room attribute of a location: {"name":..,"kind":..,"capacity":..}, capacity left out when unknown.</summary>
    public static string RoomValue(Room room) =>
        JsonSerializer.Serialize(new RoomAttributeValue(room.Name, Kebab(room.Kind.ToString()), room.Capacity), HsdsJson.Options);

    public static string AudienceValue(Audience audience) =>
        string.Join(",", new[] { Audience.Children, Audience.Parents, Audience.Families }
            .Where(a => audience.HasFlag(a)).Select(a => a.ToString().ToLowerInvariant()));

    /// <summary>The value of a translation attribute: {"language":"en","name":...}; empty fields left out.</summary>
    public static string Translation(string language, params (string Field, string? Value)[] fields)
    {
        var values = new Dictionary<string, string> { ["language"] = language };
        foreach (var (field, value) in fields)
        {
            if (!string.IsNullOrWhiteSpace(value)) values[field] = value;
        }
        return JsonSerializer.Serialize(values, HsdsJson.Options);
    }

    // ---------- service at location ----------

    /// <summary>A public offering at its centre. <paramref name="offering"/> needs Centre (with Operator, District, OpeningHours).</summary>
    public static HsdsServiceAtLocation ServiceAtLocation(Offering offering, Programme programme, HsdsMapContext context)
    {
        var id = offering.OpenDataId;
        var attributes = new List<HsdsAttribute>
        {
            PortalVocabulary.Attribute(PortalVocabulary.Code, id, "service_at_location", offering.Code),
        };
        if (offering.Capacity is { } capacity)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Capacity, id, "service_at_location", capacity.ToString(CultureInfo.InvariantCulture)));
        }
        if (offering.Status != OfferingStatus.Scheduled)
        {
            var status = offering.Status.ToString().ToLowerInvariant();
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.OfferingStatus, id, "service_at_location",
                string.IsNullOrWhiteSpace(offering.StatusNote) ? status : $"{status}: {offering.StatusNote}"));
        }
        if (offering.IsOnline && !string.IsNullOrWhiteSpace(offering.OnlineUrl))
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.OnlineUrl, id, "service_at_location", offering.OnlineUrl));
        }
        if (offering.RoomId is { } roomId && (offering.Room ?? offering.Centre.Rooms.FirstOrDefault(r => r.Id == roomId)) is { } room)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Room, id, "service_at_location", room.Name));
        }
        if (PublicationStateValue(offering.PublicationState) is { } state)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.PublicationState, id, "service_at_location", state));
        }
        return new HsdsServiceAtLocation
        {
            Id = id,
            ServiceId = programme.OpenDataId,
            LocationId = offering.Centre.OpenDataId,
            Schedules = [OfferingSchedule(offering, context)],
            Location = Location(offering.Centre, context),
            Attributes = attributes,
            Metadata = Metadata(id, "service_at_location", context.HistoryOf(nameof(Offering), offering.Id)),
        };
    }

    public static HsdsServiceAtLocation Minimal(HsdsServiceAtLocation item) => item with
    {
        Phones = null, Schedules = null, Location = null, Attributes = null, Metadata = null,
    };

    public static HsdsSchedule OfferingSchedule(Offering offering, HsdsMapContext context)
    {
        var id = OpenDataIds.Derived(offering.OpenDataId, "schedule");
        var schedule = offering.Schedule;
        var attributes = new List<HsdsAttribute>();
        if (schedule.ExcludedDates.Length > 0)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.ExcludedDates, id, "schedule", Dates(schedule.ExcludedDates)));
        }
        if (schedule.ExtraDates.Length > 0)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.ExtraDates, id, "schedule", Dates(schedule.ExtraDates)));
        }
        var weekly = schedule.Kind == ScheduleKind.Weekly;
        return new HsdsSchedule
        {
            Id = id,
            ServiceAtLocationId = offering.OpenDataId,
            ValidFrom = Date(schedule.StartDate),
            ValidTo = Date(schedule.EndDate),
            Dtstart = Date(schedule.StartDate),
            Until = Date(schedule.EndDate),
            Freq = weekly ? "WEEKLY" : null,
            Interval = weekly ? 1 : null,
            Byday = weekly ? ByDay(schedule.Weekdays) : null,
            Wkst = weekly ? "MO" : null,
            OpensAt = Time(schedule.StartTime),
            ClosesAt = Time(schedule.EndTime),
            ScheduleLink = new Uri(context.BaseAddress, Catalogue.Calendar.CalendarEndpoints.OfferingPath(offering.Code).TrimStart('/')).AbsoluteUri,
            AttendingType = offering.IsOnline ? "online" : "in person",
            Attributes = attributes.Count > 0 ? attributes : null,
        };
    }

    public static string ByDay(Weekdays days) => string.Join(",", days.Days().Select(DayCode));

    public static string DayCode(DayOfWeek day) => day.ToString()[..2].ToUpperInvariant();

    private static string Dates(IEnumerable<DateOnly> dates) => string.Join(" ", dates.Order().Select(Date));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    // ---------- locations ----------

    /// <summary>A centre as a physical location. <paramref name="centre"/> needs Operator, District and OpeningHours.</summary>
    public static HsdsLocation Location(Centre centre, HsdsMapContext context)
    {
        var id = centre.OpenDataId;
        var attributes = new List<HsdsAttribute>
        {
            PortalVocabulary.Attribute(PortalVocabulary.Code, id, "location", centre.Code),
            PortalVocabulary.Attribute(PortalVocabulary.CentreType, id, "location", Kebab(centre.Type.ToString())),
            PortalVocabulary.Attribute(PortalVocabulary.TimeZone, id, "location", centre.TimeZone),
        };
        if (centre.District is { } district)
        {
            attributes.Insert(2, PortalVocabulary.Attribute(PortalVocabulary.District, id, "location", district.Code));
        }
        if (centre.Status == CentreStatus.TemporarilyClosed)
        {
            var until = centre.ClosedUntil is { } date ? $"closed until {Date(date)}" : "closed";
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.ClosedUntil, id, "location",
                string.IsNullOrWhiteSpace(centre.StatusReason) ? until : $"{until}: {centre.StatusReason}"));
        }
        if (centre.Operator is { } operatorOrganisation)
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Operator, id, "location", PartnerValue(operatorOrganisation), operatorOrganisation.Code));
        }
        foreach (var room in centre.Rooms.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            attributes.Add(PortalVocabulary.Attribute(PortalVocabulary.Room, id, "location", RoomValue(room), room.Name));
        }
        return new HsdsLocation
        {
            Id = id,
            LocationType = "physical",
            Url = AbsoluteUri(centre.Website),
            OrganizationId = centre.Operator?.OpenDataId,
            Name = centre.Name,
            Latitude = centre.Latitude,
            Longitude = centre.Longitude,
            ExternalIdentifier = centre.Code,
            ExternalIdentifierType = CentreCodeType,
            Languages = [.. centre.LanguagesSpoken.Select(code => Language(code, id, serviceId: null, locationId: id))],
            Addresses =
            [
                new HsdsAddress
                {
                    Id = OpenDataIds.Derived(id, "address"),
                    LocationId = id,
                    Address1 = centre.Street,
                    City = centre.Locality,
                    StateProvince = context.City.Name,
                    PostalCode = centre.Postcode,
                    Country = context.Country,
                    AddressType = "physical",
                },
            ],
            Accessibility = [.. centre.AccessibilityFeatures.Select(feature => new HsdsAccessibility
            {
                Id = OpenDataIds.Derived(id, $"accessibility/{feature}"),
                LocationId = id,
                Description = AccessibilityWords(feature),
                Details = feature,
            })],
            Phones = string.IsNullOrWhiteSpace(centre.Phone)
                ? []
                : [new HsdsPhone { Id = OpenDataIds.Derived(id, "phone"), LocationId = id, Number = centre.Phone }],
            // The centre's public address, as HSDS gives one: a contact without a person's name.
            Contacts = string.IsNullOrWhiteSpace(centre.Email)
                ? null
                : [new HsdsContact { Id = OpenDataIds.Derived(id, "contact"), LocationId = id, Email = centre.Email.Trim() }],
            Schedules = OpeningSchedules(centre),
            Attributes = attributes,
            Metadata = Metadata(id, "location", context.HistoryOf(nameof(Centre), centre.Id)),
        };
    }

    /// <summary>Opening hours as weekly schedules, one per distinct opening time with the days it applies to.</summary>
    public static List<HsdsSchedule> OpeningSchedules(Centre centre) =>
    [
        .. centre.OpeningHours
            .GroupBy(h => (h.Opens, h.Closes))
            .OrderBy(g => g.Key.Opens).ThenBy(g => g.Key.Closes)
            .Select(g =>
            {
                var days = g.Select(h => h.Day.ToWeekdays()).Aggregate(Weekdays.None, (all, day) => all | day);
                return new HsdsSchedule
                {
                    Id = OpenDataIds.Derived(centre.OpenDataId, $"opening-hours/{Time(g.Key.Opens)}-{Time(g.Key.Closes)}"),
                    LocationId = centre.OpenDataId,
                    Freq = "WEEKLY",
                    Interval = 1,
                    Wkst = "MO",
                    Byday = ByDay(days),
                    OpensAt = Time(g.Key.Opens),
                    ClosesAt = Time(g.Key.Closes),
                    Description = "Opening hours",
                };
            }),
    ];

    public static string AccessibilityWords(string feature) => feature switch
    {
        AccessibilityFeatures.StepFree => "Step-free access",
        AccessibilityFeatures.AccessibleToilet => "Accessible toilet",
        AccessibilityFeatures.Lift => "Lift",
        AccessibilityFeatures.HearingLoop => "Hearing loop",
        AccessibilityFeatures.PramParking => "Pram parking",
        AccessibilityFeatures.BabyChanging => "Baby changing facilities",
        _ => feature,
    };

    // ---------- organisations ----------

    public static HsdsOrganization Organization(Organisation organisation, HsdsMapContext context)
    {
        var id = organisation.OpenDataId;
        var kind = Kebab(organisation.Kind.ToString());
        return new HsdsOrganization
        {
            Id = id,
            Name = organisation.Name,
            Description = KindWords(organisation.Kind),
            Website = AbsoluteUri(organisation.Website),
            Attributes =
            [
                PortalVocabulary.Attribute(PortalVocabulary.Code, id, "organization", organisation.Code),
                PortalVocabulary.Attribute(PortalVocabulary.OrganisationKind, id, "organization", kind),
            ],
            Metadata = Metadata(id, "organization", context.HistoryOf(nameof(Organisation), organisation.Id)),
        };
    }

    public static HsdsOrganization Minimal(HsdsOrganization organization) => organization with
    {
        Phones = null, Locations = null, OrganizationIdentifiers = null, Attributes = null, Metadata = null,
    };

    /// <summary>The organisation's kind in words: "Municipal department", "Sports club".</summary>
    public static string KindWords(OrganisationKind kind)
    {
        var words = Kebab(kind.ToString()).Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    // ---------- taxonomy ----------

    /// <summary>A category as a term of the city's taxonomy; its name in the city's default language.</summary>
    public static HsdsTaxonomyTerm TaxonomyTerm(Category category, HsdsMapContext context)
    {
        var path = Lineage(category.Id, context).Reverse().Select(c => NameOf(c, context.City.DefaultLanguage)).ToList();
        return new HsdsTaxonomyTerm
        {
            Id = category.OpenDataId,
            Code = category.Code,
            Name = NameOf(category, context.City.DefaultLanguage),
            Description = path.Count > 0 ? string.Join(" › ", path) : NameOf(category, context.City.DefaultLanguage),
            ParentId = category.ParentId is { } parentId && context.Categories.TryGetValue(parentId, out var parent) ? parent.OpenDataId : null,
            Taxonomy = CityTaxonomy(context.City).Name,
            Language = context.City.DefaultLanguage,
            TaxonomyId = context.TaxonomyId,
        };
    }

    public static string NameOf(Category category, string language) =>
        category.Names.FirstOrDefault(n => n.Language == language)?.Name ?? category.Names.OrderBy(n => n.Language, StringComparer.Ordinal).FirstOrDefault()?.Name ?? category.Code;

    // ---------- shared ----------

    public static HsdsLanguage Language(string code, Guid ownerId, Guid? serviceId, Guid? locationId) => new()
    {
        Id = OpenDataIds.Derived(ownerId, $"language/{code}"),
        ServiceId = serviceId,
        LocationId = locationId,
        Code = code,
        Name = LanguageName(code),
    };

    /// <summary>The English name of an ISO 639-1 code ("tr" → "Turkish"); the code itself when unknown.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.EnglishName.StartsWith("Unknown", StringComparison.Ordinal) ? code : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>
    /// The item's catalogue changes as HSDS metadata: when, what kind, which fields. Values are left out (they can be
    /// long texts, and the API describes the current item); who changed it is a role, never a name or an address.
    /// </summary>
    public static List<HsdsMetadata> Metadata(Guid resourceId, string resourceType, IReadOnlyList<CatalogueChange> changes) =>
    [
        // The id comes from the change's place in the item's history, not its time, so a reloaded demo keeps it.
        .. changes.Select((change, index) => new HsdsMetadata
        {
            Id = OpenDataIds.Derived(resourceId, $"metadata/{index}/{change.Action}"),
            ResourceId = resourceId,
            ResourceType = resourceType,
            LastActionDate = change.ChangedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            LastActionType = change.Action.ToLowerInvariant(),
            FieldName = ChangedFields(change.Changes),
            PreviousValue = "",
            ReplacementValue = "",
            UpdatedBy = RoleOf(change),
        }),
    ];

    /// <summary>Who made a change, as a role: "system" (no account: the demo loader, an operator verb), "import", else "editor".</summary>
    public static string RoleOf(CatalogueChange change) =>
        change.Action.Contains("import", StringComparison.OrdinalIgnoreCase) ? "import"
        : change.ChangedById is null ? "system"
        : "editor";

    private static string ChangedFields(string changesJson)
    {
        try
        {
            using var document = JsonDocument.Parse(changesJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return "";
            return string.Join(",", document.RootElement.EnumerateObject().Select(p => Snake(p.Name)));
        }
        catch (JsonException)
        {
            return "";
        }
    }

    /// <summary>"MovementAndSport" → "movement-and-sport".</summary>
    public static string Kebab(string pascal) => Separate(pascal, '-');

    private static string Snake(string pascal) => Separate(pascal, '_');

    private static string Separate(string pascal, char separator)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0 && pascal[i - 1] != separator) builder.Append(separator);
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? AbsoluteUri(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;
}

/// <summary>A partner attribute's value (snake_case JSON through <see cref="HsdsJson.Options"/>).</summary>
/// <summary>A partner or operator in full. Id: its HSDS id, so the organisation keeps it when an import creates it.</summary>
public sealed record PartnerAttributeValue(string Code, string Name, string Kind, string? Website, Guid? Id = null);

/// <summary>A room attribute's value on a location.</summary>
public sealed record RoomAttributeValue(string Name, string Kind, int? Capacity);
