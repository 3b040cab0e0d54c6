using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>What the database already holds that a dataset may refer to without carrying it.</summary>
internal sealed record KnownItems(
    IReadOnlySet<Guid> Organisations, IReadOnlyDictionary<string, Guid> OrganisationCodes, IReadOnlySet<Guid> Categories, IReadOnlySet<Guid> Centres)
{
    /// <summary>The room names of the portal's centres, by the centre's OpenDataId (an offering may name a room of a centre the dataset leaves out).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlySet<string>> CentreRooms { get; init; } = new Dictionary<Guid, IReadOnlySet<string>>();
}

/// <summary>
/// Checks a whole dataset and turns it into plans in the portal's terms. Every problem is listed with its place and
/// a reason a person can act on; nothing stops at the first one. Facts HSDS has no field for come from
/// <see cref="PortalVocabulary"/> attributes; a foreign dataset without them gets the defaults documented in
/// docs/open-data.md (workshop, for children, registration at the centre, codes from names).
/// </summary>
internal sealed partial class DatasetCheck(HsdsDataset dataset, string defaultLanguage, KnownItems known)
{
    private static readonly HashSet<string> IsoLanguages = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.TwoLetterISOLanguageName).Where(c => c.Length == 2).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<Guid, string> PortalTerms = PortalVocabulary.Codes.ToDictionary(PortalVocabulary.TermId);

    private static readonly Dictionary<string, Weekdays> Days = new(StringComparer.Ordinal)
    {
        ["MO"] = Weekdays.Monday, ["TU"] = Weekdays.Tuesday, ["WE"] = Weekdays.Wednesday, ["TH"] = Weekdays.Thursday,
        ["FR"] = Weekdays.Friday, ["SA"] = Weekdays.Saturday, ["SU"] = Weekdays.Sunday,
    };

    public List<ImportProblem> Problems { get; } = [];
    public List<string> Notes { get; } = [];
    public Dictionary<Guid, OrganisationPlan> Organisations { get; } = [];
    public Dictionary<Guid, CategoryPlan> Categories { get; } = [];
    public Dictionary<Guid, CentrePlan> Centres { get; } = [];
    public List<ProgrammePlan> Programmes { get; } = [];

    /// <summary>Partner codes that no organisation of the dataset or the portal has.</summary>
    public SortedSet<string> UnknownPartners { get; } = new(StringComparer.Ordinal);

    /// <summary>Partners given in full (a partner attribute's JSON object) by code: how to create one that no organisation has.</summary>
    public Dictionary<string, OrganisationPlan> PartnerDetails { get; } = new(StringComparer.Ordinal);

    /// <summary>Offerings that name a room, checked against their centre's rooms once every location is checked.</summary>
    private readonly List<(OfferingPlan Offering, ImportPlace Place)> _offeringsInRooms = [];

    /// <summary>Operators of locations (organization_id) that neither the dataset nor the portal holds.</summary>
    public SortedSet<Guid> UnknownOperators { get; } = [];

    private readonly Dictionary<Guid, Dictionary<string, string>> _termTranslations = [];
    private readonly Dictionary<Guid, HsdsTaxonomyTerm> _terms = [];
    private readonly Dictionary<Guid, HsdsOrganization> _organizations = [];
    private readonly Dictionary<Guid, HsdsLocation> _locations = [];
    private readonly Dictionary<Guid, Guid> _locationOperators = [];

    public void Run(DateOnly today)
    {
        Problems.AddRange(dataset.Problems);
        if (dataset.Problems.Count > 0) return;
        if (dataset.Services.Count == 0)
        {
            Problem(new ImportPlace(dataset.Source), "The dataset holds no services: nothing to import.");
            return;
        }
        Collect();
        foreach (var term in _terms.Values) CheckTerm(term);
        foreach (var organization in _organizations.Values) CheckOrganization(organization);
        var seenServices = new HashSet<Guid>();
        foreach (var service in dataset.Services)
        {
            if (!seenServices.Add(service.Id))
            {
                Problem(At(service).Field("id"), $"The service id {service.Id} appears twice: each service once.");
                continue;
            }
            CheckService(service, today);
        }
        foreach (var location in _locations.Values) CheckLocation(location);
        CheckOfferingRooms();
    }

    private void CheckOfferingRooms()
    {
        foreach (var (offering, place) in _offeringsInRooms)
        {
            IEnumerable<string> rooms = Centres.TryGetValue(offering.LocationId, out var centre) ? centre.Rooms.Select(r => r.Name)
                : known.CentreRooms.GetValueOrDefault(offering.LocationId) ?? (IEnumerable<string>)[];
            if (rooms.Contains(offering.RoomName, StringComparer.Ordinal)) continue;
            Problem(place, $"The location of this service_at_location has no room “{Short(offering.RoomName!)}”: add it to the location (a room attribute) or correct the name.");
        }
    }

    /// <summary>Every term, organization, location and term translation of the dataset, once by id (the first wins).</summary>
    private void Collect()
    {
        foreach (var term in dataset.TaxonomyTerms) AddTerm(term);
        foreach (var service in dataset.Services)
        {
            foreach (var attribute in AllAttributes(service)) if (attribute.TaxonomyTerm is { } term) AddTerm(term);
            if (service.Organization is { } organization) _organizations.TryAdd(organization.Id, organization);
            foreach (var sal in service.ServiceAtLocations ?? [])
            {
                if (sal.Location is not { } location) continue;
                _locations.TryAdd(location.Id, location);
                var operatorId = location.OrganizationId ?? service.Organization?.Id ?? service.OrganizationId;
                if (operatorId is { } id) _locationOperators.TryAdd(location.Id, id);
            }
        }
        foreach (var attribute in dataset.Services.SelectMany(AllAttributes).Concat(dataset.Attributes))
        {
            if (PortalCode(attribute) != PortalVocabulary.Translation || attribute.LinkType != "taxonomy_term" || attribute.LinkId is not { } termId) continue;
            if (Translation(attribute) is not { } translation || !translation.TryGetValue("name", out var name)) continue;
            if (!_termTranslations.TryGetValue(termId, out var names)) _termTranslations[termId] = names = [];
            names.TryAdd(translation["language"], name);
        }
    }

    private void AddTerm(HsdsTaxonomyTerm term)
    {
        if (PortalTerms.ContainsKey(term.Id) || term.TaxonomyId == PortalVocabulary.TaxonomyId) return;
        _terms.TryAdd(term.Id, term);
    }

    private static IEnumerable<HsdsAttribute> AllAttributes(HsdsService service) =>
        (service.Attributes ?? []).Concat((service.ServiceAtLocations ?? []).SelectMany(s => (s.Attributes ?? [])
            .Concat((s.Schedules ?? []).SelectMany(x => x.Attributes ?? []))
            .Concat(s.Location?.Attributes ?? [])))
            .Concat(service.Organization?.Attributes ?? []);

    private void CheckTerm(HsdsTaxonomyTerm term)
    {
        var at = At(term);
        if (string.IsNullOrWhiteSpace(term.Name)) Problem(at.Field("name"), "The taxonomy term has no name: give it the category's name.");
        if (term.ParentId is { } parent && !_terms.ContainsKey(parent) && !known.Categories.Contains(parent))
        {
            Problem(at.Field("parent_id"), $"The parent term {parent} is neither in the dataset nor a category of the portal: add the parent term or leave parent_id empty.");
        }
        Categories[term.Id] = new CategoryPlan(term.Id, Clean(term.Code), Clean(term.Name) ?? "", term.ParentId,
            _termTranslations.GetValueOrDefault(term.Id) ?? []);
        var length = Categories[term.Id].Name.Length;
        if (length > 200) Problem(at.Field("name"), $"The name has {length} characters; the portal keeps at most 200.");
    }

    private void CheckOrganization(HsdsOrganization organization)
    {
        var at = At(organization);
        var name = Clean(organization.Name);
        if (name is null) Problem(at.Field("name"), "The organization has no name: give it the name people know it by.");
        else if (name.Length > 200) Problem(at.Field("name"), $"The name has {name.Length} characters; the portal keeps at most 200.");
        var attributes = Own(organization.Attributes, organization.Id);
        var kind = Enum(attributes, PortalVocabulary.OrganisationKind, OrganisationKind.Other, at);
        var website = Clean(organization.Website);
        if (website is { Length: > 500 }) Problem(at.Field("website"), "The website address is longer than 500 characters.");
        Organisations[organization.Id] = new OrganisationPlan(organization.Id, name ?? "", Value(attributes, PortalVocabulary.Code), kind, website);
    }

    private void CheckService(HsdsService service, DateOnly today)
    {
        var at = At(service);
        var name = Clean(service.Name);
        if (name is null) Problem(at.Field("name"), "The service has no name: give it the programme's title.");
        else if (name.Length > 200) Problem(at.Field("name"), $"The name has {name.Length} characters; a title has at most 200.");
        var organizationId = service.Organization?.Id ?? service.OrganizationId;
        // A service may name no organization (HSDS allows it; a programme has no operator of its own in the portal).
        if (organizationId is not null && !_organizations.ContainsKey(organizationId.Value) && !known.Organisations.Contains(organizationId.Value))
        {
            Problem(at.Field("organization_id"), $"No organization has the id {organizationId}: add the organization to the dataset or correct organization_id.");
        }
        if (service.Organization is not null && service.OrganizationId is { } oid && oid != service.Organization.Id)
        {
            Problem(at.Field("organization_id"), $"organization_id {oid} differs from the id of the organization given with the service ({service.Organization.Id}).");
        }

        var attributes = Own(service.Attributes, service.Id);
        var type = Enum(attributes, PortalVocabulary.ProgrammeType, ProgrammeType.Workshop, at);
        var registration = Enum(attributes, PortalVocabulary.RegistrationMode, RegistrationMode.AtCentre, at);
        var audience = AudienceOf(attributes, at);

        var min = Age(service.MinimumAge, at.Field("minimum_age")) ?? 0;
        var max = Age(service.MaximumAge, at.Field("maximum_age")) ?? 18 * 12;
        if (service.MinimumAge is >= 0 && service.MaximumAge is >= 0 && min > max)
        {
            Problem(at.Field("minimum_age"), $"minimum_age {service.MinimumAge} is above maximum_age {service.MaximumAge}.");
        }

        DateOnly? assured = null;
        if (Clean(service.AssuredDate) is { } assuredText)
        {
            if (Date(assuredText) is { } date) assured = date;
            else Problem(at.Field("assured_date"), $"“{Short(assuredText)}” is not a date: write it as yyyy-MM-dd, e.g. 2026-03-01.");
        }

        var languages = new List<string>();
        foreach (var language in service.Languages ?? [])
        {
            if (LanguageCode(language.Code, At(language).Field("code")) is { } code && !languages.Contains(code)) languages.Add(code);
        }

        var free = true;
        decimal? price = null;
        foreach (var cost in service.CostOptions ?? [])
        {
            if (cost.Amount is < 0) Problem(At(cost).Field("amount"), $"The amount {cost.Amount} is negative: give the price, or 0 when it is free.");
            else if (cost.Amount is > 0 || string.Equals(cost.Option, "fee", StringComparison.OrdinalIgnoreCase))
            {
                if (string.Equals(cost.Option, "free", StringComparison.OrdinalIgnoreCase)) continue;
                free = false;
                price ??= cost.Amount;
            }
        }

        var texts = new Dictionary<string, TextPlan>(StringComparer.Ordinal);
        if (name is not null) texts[defaultLanguage] = Text(name, service.Description, service.FeesDescription, service.ApplicationProcess, at);
        foreach (var attribute in attributes.Where(a => PortalCode(a) == PortalVocabulary.Translation))
        {
            var translation = Translation(attribute);
            if (translation is null || !translation.TryGetValue("name", out var title) || Clean(title) is null)
            {
                Problem(At(attribute).Field("value"), "A translation needs a JSON object with \"language\" (ISO 639-1) and \"name\", e.g. {\"language\":\"en\",\"name\":\"Parent café\"}.");
                continue;
            }
            if (translation["language"] == defaultLanguage) continue;
            texts[translation["language"]] = Text(Clean(title)!, translation.GetValueOrDefault("description"), translation.GetValueOrDefault("fees_description"),
                translation.GetValueOrDefault("application_process"), At(attribute).Field("value"));
        }

        var categoryTerms = (service.Attributes ?? []).Where(a => a.LinkType != "taxonomy_term" && PortalCode(a) is null)
            .Select(a => a.TaxonomyTerm?.Id ?? a.TaxonomyTermId).OfType<Guid>().Where(id => !PortalTerms.ContainsKey(id)).Distinct().ToList();
        foreach (var termId in categoryTerms.Where(id => !_terms.ContainsKey(id) && !known.Categories.Contains(id)))
        {
            Problem(at.Field("attributes"), $"The taxonomy term {termId} is neither in the dataset nor a category of the portal: add the term.");
        }
        var parents = categoryTerms.Select(id => _terms.GetValueOrDefault(id)?.ParentId).OfType<Guid>().ToHashSet();
        var category = categoryTerms.FirstOrDefault(id => !parents.Contains(id));

        var offerings = new List<OfferingPlan>();
        var seenOfferings = new HashSet<Guid>();
        foreach (var sal in service.ServiceAtLocations ?? [])
        {
            if (!seenOfferings.Add(sal.Id)) Problem(At(sal).Field("id"), $"The service_at_location id {sal.Id} appears twice.");
            else if (CheckOffering(service, sal, today) is { } offering) offerings.Add(offering);
        }

        var url = Clean(service.Url);
        if (url is { Length: > 500 }) Problem(at.Field("url"), "The address is longer than 500 characters.");
        Programmes.Add(new ProgrammePlan
        {
            Id = service.Id,
            OrganisationId = organizationId ?? Guid.Empty,
            Code = Value(attributes, PortalVocabulary.Code),
            Name = name ?? "",
            Type = type,
            CategoryId = category == Guid.Empty ? null : category,
            Audience = audience,
            MinAgeMonths = min,
            MaxAgeMonths = Math.Max(min, max),
            IsFree = free,
            PriceAmount = price,
            RegistrationMode = registration,
            RegistrationUrl = url,
            DeliveryLanguages = [.. languages],
            LastCheckedOn = assured,
            Texts = texts,
            PartnerCodes = [.. attributes.Where(a => PortalCode(a) == PortalVocabulary.Partner).Select(PartnerCode).OfType<string>()],
            PublicationState = PublicationStateOf(attributes, at),
            Offerings = offerings,
        });
        foreach (var partner in attributes.Where(a => PortalCode(a) == PortalVocabulary.Partner))
        {
            if (Clean(partner.Value) is { } text && text.StartsWith('{'))
            {
                if (PartnerInFull(partner) is not { } plan) continue;
                PartnerDetails.TryAdd(plan.Code!, plan);
            }
            var code = PartnerCode(partner);
            if (code is null || code.Length > 40)
            {
                Problem(At(partner).Field("value"), $"“{Short(code ?? "")}” is not an organisation code: give the partner's code (at most 40 characters).");
            }
            else if (!known.OrganisationCodes.ContainsKey(code) && !_organizations.Values.Any(o => Value(Own(o.Attributes, o.Id), PortalVocabulary.Code) == code))
            {
                // A list of services carries a partner by its code only: the import creates it by that code (once), for an editor to name.
                UnknownPartners.Add(code);
            }
        }
    }

    /// <summary>The code of a partner attribute: its bare value (earlier exports), or the "code" of its JSON object.</summary>
    private static string? PartnerCode(HsdsAttribute attribute)
    {
        var value = Clean(attribute.Value);
        if (value is null || !value.StartsWith('{')) return value;
        try
        {
            return Clean(JsonSerializer.Deserialize<PartnerAttributeValue>(value, HsdsJson.Options)?.Code);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A partner given as {"code":..,"name":..,"kind":..,"website":..}; null (and a problem) when it is not that.</summary>
    private OrganisationPlan? PartnerInFull(HsdsAttribute attribute, string what = "A partner is its organisation code, or")
    {
        var at = At(attribute).Field("value");
        PartnerAttributeValue? value = null;
        try
        {
            value = JsonSerializer.Deserialize<PartnerAttributeValue>(attribute.Value!, HsdsJson.Options);
        }
        catch (JsonException)
        {
        }
        var name = Clean(value?.Name);
        var kind = value?.Kind is { } k ? ParseKebab<OrganisationKind>(k) : null;
        if (value is null || Clean(value.Code) is not { Length: <= 40 } code || name is not { Length: <= 200 } || kind is null || value.Website is { Length: > 500 })
        {
            Problem(at, $"{what} a JSON object {{\"code\":\"STADTBIB\",\"name\":\"Stadtbibliothek\",\"kind\":\"library\",\"website\":\"https://...\"}} "
                + $"(code at most 40 characters, name at most 200, kind one of {string.Join(", ", System.Enum.GetValues<OrganisationKind>().Select(v => Kebab(v.ToString())))}, website optional).");
            return null;
        }
        return new OrganisationPlan(value.Id ?? Guid.Empty, name, code, kind.Value, Clean(value.Website));
    }

    /// <summary>A publication-state attribute's state; null without one (then --publish decides).</summary>
    private PublicationState? PublicationStateOf(List<HsdsAttribute> attributes, ImportPlace at)
    {
        if (Value(attributes, PortalVocabulary.PublicationState) is not { } text) return null;
        if (ParseKebab<PublicationState>(text) is { } state) return state;
        Problem(AttributePlace(attributes, PortalVocabulary.PublicationState, at),
            $"The publication-state “{Short(text)}” is unknown: use draft, in-review or archived (a published item carries none).");
        return null;
    }

    /// <summary>The rooms of a location's room attributes; each bad one is a problem.</summary>
    private List<RoomPlan> Rooms(List<HsdsAttribute> attributes)
    {
        var rooms = new List<RoomPlan>();
        foreach (var attribute in attributes.Where(a => PortalCode(a) == PortalVocabulary.Room))
        {
            var at = At(attribute).Field("value");
            RoomAttributeValue? value = null;
            try
            {
                value = JsonSerializer.Deserialize<RoomAttributeValue>(attribute.Value ?? "", HsdsJson.Options);
            }
            catch (JsonException)
            {
            }
            var name = Clean(value?.Name);
            var kind = value?.Kind is { } k ? ParseKebab<RoomKind>(k) : null;
            if (value is null || name is not { Length: <= 100 } || kind is null || value.Capacity is <= 0)
            {
                Problem(at, $"“{Short(attribute.Value ?? "")}” is not a room: give a JSON object {{\"name\":\"Saal\",\"kind\":\"meeting-room\",\"capacity\":20}} "
                    + $"(name at most 100 characters, kind one of {string.Join(", ", System.Enum.GetValues<RoomKind>().Select(v => Kebab(v.ToString())))}, capacity a whole number above 0 or left out).");
                continue;
            }
            if (rooms.Any(r => r.Name == name))
            {
                Problem(at, $"The room “{Short(name)}” appears twice on this location: each room once.");
                continue;
            }
            rooms.Add(new RoomPlan(name, kind.Value, value.Capacity));
        }
        return rooms;
    }

    private OfferingPlan? CheckOffering(HsdsService service, HsdsServiceAtLocation sal, DateOnly today)
    {
        var at = At(sal);
        var locationId = sal.Location?.Id ?? sal.LocationId;
        if (sal.Location is null && (locationId is null || !(known.Centres.Contains(locationId.Value) || _locations.ContainsKey(locationId.Value))))
        {
            Problem(at.Field(sal.LocationId is null ? "location" : "location_id"), locationId is null
                ? "The service_at_location has no location: give the location (the centre) where the service is offered."
                : $"The location {locationId} of this service_at_location is missing: add it to the dataset (the location object or locations.csv).");
        }
        if (sal.Location is { } l && !_locationOperators.ContainsKey(l.Id) && (service.Organization?.Id ?? service.OrganizationId) is { } op) _locationOperators[l.Id] = op;

        var attributes = Own(sal.Attributes, sal.Id);
        var schedule = sal.Schedules?.FirstOrDefault() ?? service.Schedules?.FirstOrDefault();
        if (schedule is null)
        {
            Problem(at.Field("schedules"), "The service_at_location has no schedule: give one with freq WEEKLY, byday (e.g. MO,WE), opens_at and closes_at, valid_from and valid_to.");
            return null;
        }
        var parsed = OfferingSchedule(schedule, today);
        var capacityText = Value(attributes, PortalVocabulary.Capacity);
        int? capacity = null;
        if (capacityText is not null)
        {
            if (int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c > 0) capacity = c;
            else Problem(AttributePlace(sal.Attributes, PortalVocabulary.Capacity, at), $"The capacity “{Short(capacityText)}” is not a whole number above 0.");
        }
        var (status, note) = (OfferingStatus.Scheduled, (string?)null);
        if (Value(attributes, PortalVocabulary.OfferingStatus) is { } statusText)
        {
            var colon = statusText.IndexOf(':', StringComparison.Ordinal);
            var word = (colon < 0 ? statusText : statusText[..colon]).Trim();
            note = colon < 0 ? null : Clean(statusText[(colon + 1)..]);
            if (ParseKebab<OfferingStatus>(word) is { } s) status = s;
            else Problem(AttributePlace(sal.Attributes, PortalVocabulary.OfferingStatus, at), $"The offering status “{Short(word)}” is unknown: use full or cancelled, with a note after a colon.");
        }
        var online = string.Equals(Clean(schedule.AttendingType), "online", StringComparison.OrdinalIgnoreCase);
        var code = Value(attributes, PortalVocabulary.Code);
        if (code is { Length: > 20 }) Problem(AttributePlace(sal.Attributes, PortalVocabulary.Code, at), $"The offering code “{Short(code)}” is longer than 20 characters.");
        var roomName = Value(attributes, PortalVocabulary.Room);
        if (roomName is { Length: > 100 }) Problem(AttributePlace(sal.Attributes, PortalVocabulary.Room, at), $"The room name “{Short(roomName)}” is longer than 100 characters.");
        var publicationState = PublicationStateOf(attributes, at);
        if (parsed is null || locationId is null) return null;
        var plan = new OfferingPlan
        {
            Id = sal.Id,
            LocationId = locationId.Value,
            Code = code,
            Schedule = parsed,
            IsOnline = online,
            OnlineUrl = Value(attributes, PortalVocabulary.OnlineUrl),
            Capacity = capacity,
            Status = status,
            StatusNote = note,
            RoomName = roomName,
            PublicationState = publicationState,
        };
        if (roomName is { Length: <= 100 }) _offeringsInRooms.Add((plan, AttributePlace(sal.Attributes, PortalVocabulary.Room, at)));
        return plan;
    }

    private Schedule? OfferingSchedule(HsdsSchedule schedule, DateOnly today)
    {
        var at = At(schedule);
        var ok = true;
        var opens = Time(schedule.OpensAt, at.Field("opens_at"), ref ok);
        var closes = Time(schedule.ClosesAt, at.Field("closes_at"), ref ok);
        if (opens is { } o && closes is { } c && c <= o)
        {
            Problem(at.Field("opens_at"), $"opens_at {schedule.OpensAt} is not before closes_at {schedule.ClosesAt}.");
            ok = false;
        }
        var attributes = schedule.Attributes ?? [];
        var extra = Dates(Value(attributes, PortalVocabulary.ExtraDates), AttributePlace(attributes, PortalVocabulary.ExtraDates, at), ref ok);
        var excluded = Dates(Value(attributes, PortalVocabulary.ExcludedDates), AttributePlace(attributes, PortalVocabulary.ExcludedDates, at), ref ok);
        var from = DateField(schedule.ValidFrom ?? schedule.Dtstart, at.Field(schedule.ValidFrom is null ? "dtstart" : "valid_from"), ref ok);
        var to = DateField(schedule.ValidTo ?? schedule.Until, at.Field(schedule.ValidTo is null ? "until" : "valid_to"), ref ok);
        if (from is { } f && to is { } t && t < f)
        {
            Problem(at.Field("valid_to"), $"valid_to {t:yyyy-MM-dd} is before valid_from {f:yyyy-MM-dd}.");
            ok = false;
        }
        var freq = Clean(schedule.Freq);
        if (freq is null)
        {
            if (extra.Length == 0)
            {
                Problem(at.Field("freq"), "The schedule has neither freq WEEKLY with byday nor dates (an extra-dates attribute): say when the offering meets.");
                return null;
            }
            if (!ok || opens is null || closes is null) return null;
            return Schedule.OnDates(extra, opens.Value, closes.Value) with { ExcludedDates = excluded };
        }
        if (!string.Equals(freq, "WEEKLY", StringComparison.OrdinalIgnoreCase) || schedule.Interval is > 1)
        {
            Problem(at.Field("freq"), $"Only weekly schedules (freq WEEKLY, interval 1) or lists of dates can be imported, not “{Short(freq)}”{(schedule.Interval is > 1 ? $" every {schedule.Interval}" : "")}.");
            return null;
        }
        var days = Byday(schedule.Byday, at.Field("byday"), ref ok);
        if (!ok || opens is null || closes is null) return null;
        if (from is null)
        {
            from = today;
            Notes.Add($"{at}: no valid_from, the offering starts on the day of the import ({today:yyyy-MM-dd}).");
        }
        if (to is null)
        {
            to = from.Value.AddYears(1);
            Notes.Add($"{at}: no valid_to, the offering runs for a year (to {to:yyyy-MM-dd}).");
        }
        return Schedule.Weekly(from.Value, to.Value, days, opens.Value, closes.Value) with { ExtraDates = extra, ExcludedDates = excluded };
    }

    private void CheckLocation(HsdsLocation location)
    {
        var at = At(location);
        var name = Clean(location.Name);
        if (name is null) Problem(at.Field("name"), "The location has no name: give the centre's name.");
        else if (name.Length > 200) Problem(at.Field("name"), $"The name has {name.Length} characters; the portal keeps at most 200.");
        if (location.Latitude is < -90 or > 90) Problem(at.Field("latitude"), $"The latitude {location.Latitude} is outside -90 to 90.");
        if (location.Longitude is < -180 or > 180) Problem(at.Field("longitude"), $"The longitude {location.Longitude} is outside -180 to 180.");
        Guid? operatorId = location.OrganizationId ?? (_locationOperators.TryGetValue(location.Id, out var byService) ? byService : null);
        var attributes = Own(location.Attributes, location.Id);
        if (location.OrganizationId is { } runBy && !_organizations.ContainsKey(runBy)
            && attributes.FirstOrDefault(a => PortalCode(a) == PortalVocabulary.Operator) is { } operatorAttribute)
        {
            // The operator in full (operator attribute): created or updated by its id like an organization of the dataset.
            if (PartnerInFull(operatorAttribute, "An operator is") is { } plan) Organisations.TryAdd(runBy, plan with { Id = runBy });
        }
        else if (location.OrganizationId is { } oid && !_organizations.ContainsKey(oid) && !known.Organisations.Contains(oid))
        {
            // A list of services carries only the organisations that deliver them; another centre's operator comes by its id alone.
            UnknownOperators.Add(oid);
        }
        var type = Enum(attributes, PortalVocabulary.CentreType, CentreType.FamilyCentre, at);
        var zone = Value(attributes, PortalVocabulary.TimeZone);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            Problem(AttributePlace(location.Attributes, PortalVocabulary.TimeZone, at), $"“{Short(zone)}” is not a time zone: use an IANA name such as Europe/Berlin.");
        }
        var address = location.Addresses?.FirstOrDefault(a => a.AddressType == "physical") ?? location.Addresses?.FirstOrDefault();
        var languages = new List<string>();
        foreach (var language in location.Languages ?? [])
        {
            if (LanguageCode(language.Code, At(language).Field("code")) is { } code && !languages.Contains(code)) languages.Add(code);
        }
        DateOnly? closedUntil = null;
        string? closedReason = null;
        var closedNow = false;
        if (Value(attributes, PortalVocabulary.ClosedUntil) is { } closed)
        {
            // "closed until 2026-03-01: reason", "closed: reason" or "closed".
            var match = DateText().Match(closed);
            closedNow = true;
            if (match.Success && Date(match.Value) is { } date) closedUntil = date;
            else if (match.Success) Problem(AttributePlace(location.Attributes, PortalVocabulary.ClosedUntil, at), $"“{match.Value}” is not a date: write “closed until 2026-03-01: reason”.");
            var colon = closed.IndexOf(':', match.Success ? match.Index + match.Length : 0);
            closedReason = colon < 0 ? null : Clean(closed[(colon + 1)..]);
        }
        var hours = new List<(DayOfWeek, TimeOnly, TimeOnly)>();
        foreach (var schedule in location.Schedules ?? [])
        {
            var sat = At(schedule);
            var ok = true;
            var days = Byday(schedule.Byday, sat.Field("byday"), ref ok);
            var opens = Time(schedule.OpensAt, sat.Field("opens_at"), ref ok);
            var closes = Time(schedule.ClosesAt, sat.Field("closes_at"), ref ok);
            if (opens is { } o && closes is { } c && c <= o)
            {
                Problem(sat.Field("opens_at"), $"opens_at {schedule.OpensAt} is not before closes_at {schedule.ClosesAt}.");
                ok = false;
            }
            if (ok && opens is not null && closes is not null) hours.AddRange(days.Days().Select(d => (d, opens.Value, closes.Value)));
        }
        var email = (location.Contacts ?? []).Select(c => Clean(c.Email)).FirstOrDefault(e => e is not null);
        if (email is { Length: > 200 }) Problem(at.Field("contacts"), "The e-mail address is longer than 200 characters.");
        var street = Clean(address?.Address1) ?? "";
        var postcode = Clean(address?.PostalCode) ?? "";
        if (postcode.Length > 16) Problem(At(address!).Field("postal_code"), "The postal code is longer than 16 characters.");
        Centres[location.Id] = new CentrePlan
        {
            Id = location.Id,
            Name = name ?? "",
            Code = location.ExternalIdentifierType == "familyservices-centre-code" ? Clean(location.ExternalIdentifier) : null,
            Type = type,
            OperatorId = operatorId == Guid.Empty ? null : operatorId,
            DistrictCode = Value(attributes, PortalVocabulary.District),
            Street = street.Length > 200 ? street[..200] : street,
            Postcode = postcode,
            Locality = Clean(address?.City) ?? "",
            Latitude = location.Latitude,
            Longitude = location.Longitude,
            Phone = Clean(location.Phones?.FirstOrDefault()?.Number) is { } phone ? (phone.Length > 40 ? phone[..40] : phone) : null,
            Website = Clean(location.Url),
            Email = email,
            Rooms = Rooms(attributes),
            TimeZone = zone,
            Accessibility = [.. (location.Accessibility ?? []).SelectMany(AccessibilityCodes).Distinct()],
            Languages = [.. languages],
            Closed = closedNow,
            ClosedUntil = closedUntil,
            ClosedReason = closedReason,
            OpeningHours = hours,
        };
        if (operatorId is null || operatorId == Guid.Empty)
        {
            Problem(at.Field("organization_id"), "No organization runs this location: give its organization_id, or offer a service with an organization there.");
        }
    }

    /// <summary>The portal's feature codes for an accessibility description in English words ("Step-free access" → step-free).</summary>
    internal static IEnumerable<string> AccessibilityCodes(HsdsAccessibility accessibility)
    {
        if (AccessibilityFeatures.All.Contains(accessibility.Details ?? "")) return [accessibility.Details!];
        var words = Regex.Replace((accessibility.Description ?? "").ToLowerInvariant(), "[^a-z]+", " ");
        var codes = AccessibilityFeatures.All.Where(code => words.Contains(code.Replace('-', ' '), StringComparison.Ordinal)).ToList();
        if (words.Contains("wheelchair", StringComparison.Ordinal) && !codes.Contains(AccessibilityFeatures.StepFree)) codes.Add(AccessibilityFeatures.StepFree);
        if (words.Contains("induction loop", StringComparison.Ordinal) && !codes.Contains(AccessibilityFeatures.HearingLoop)) codes.Add(AccessibilityFeatures.HearingLoop);
        return codes;
    }

    private TextPlan Text(string title, string? description, string? cost, string? registration, ImportPlace at)
    {
        var text = (description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var summary = split < 0 ? text : text[..split].Trim();
        var rest = split < 0 ? "" : text[(split + 2)..].Trim();
        if (summary.Length > 500)
        {
            // A foreign description in one long paragraph: its first 500 characters are the summary, all of it the description.
            rest = text;
            summary = summary[..499].TrimEnd() + "…";
        }
        if (rest.Length > 8000) Problem(at.Field("description"), $"The description has {rest.Length} characters; the portal keeps at most 8000.");
        if (cost is { Length: > 500 }) Problem(at.Field("fees_description"), "fees_description is longer than 500 characters.");
        if (registration is { Length: > 500 }) Problem(at.Field("application_process"), "application_process is longer than 500 characters.");
        return new TextPlan(title, summary.Length == 0 ? title : summary, rest, Clean(cost), Clean(registration));
    }

    private int? Age(decimal? years, ImportPlace at)
    {
        if (years is null) return null;
        if (years < 0)
        {
            Problem(at, $"The age {years} is negative: give an age in years, 0 or more.");
            return null;
        }
        if (years > 120)
        {
            Problem(at, $"The age {years} is not an age in years.");
            return null;
        }
        return (int)Math.Round(years.Value * 12, MidpointRounding.AwayFromZero);
    }

    private Audience AudienceOf(List<HsdsAttribute> attributes, ImportPlace at)
    {
        if (Value(attributes, PortalVocabulary.Audience) is not { } text) return Audience.Children;
        var audience = Audience.None;
        foreach (var word in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ParseKebab<Audience>(word) is { } a and not Audience.None) audience |= a;
            else Problem(AttributePlace(attributes, PortalVocabulary.Audience, at), $"The audience “{Short(word)}” is unknown: use children, parents or families, separated by commas.");
        }
        return audience == Audience.None ? Audience.Children : audience;
    }

    private T Enum<T>(List<HsdsAttribute> attributes, string code, T fallback, ImportPlace at) where T : struct, Enum
    {
        if (Value(attributes, code) is not { } text) return fallback;
        if (ParseKebab<T>(text) is { } value) return value;
        Problem(AttributePlace(attributes, code, at),
            $"The {code} “{Short(text)}” is unknown: use one of {string.Join(", ", System.Enum.GetValues<T>().Select(v => Kebab(v.ToString())))}.");
        return fallback;
    }

    private string? LanguageCode(string? code, ImportPlace at)
    {
        var clean = Clean(code)?.ToLowerInvariant();
        if (clean is not null && clean.Length == 2 && IsoLanguages.Contains(clean)) return clean;
        Problem(at, $"“{Short(code ?? "")}” is not an ISO 639-1 language code: use two letters such as de, nl, tr or en.");
        return null;
    }

    private Weekdays Byday(string? byday, ImportPlace at, ref bool ok)
    {
        var days = Weekdays.None;
        var unknown = new List<string>();
        foreach (var token in (byday ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Days.TryGetValue(token.ToUpperInvariant(), out var day)) days |= day;
            else unknown.Add(token);
        }
        if (unknown.Count > 0)
        {
            Problem(at, $"“{Short(string.Join(",", unknown))}” is not a day: byday lists two-letter days MO, TU, WE, TH, FR, SA, SU separated by commas.");
            ok = false;
        }
        else if (days == Weekdays.None)
        {
            Problem(at, "byday is empty: list the days it meets, e.g. MO,WE.");
            ok = false;
        }
        return days;
    }

    private TimeOnly? Time(string? text, ImportPlace at, ref bool ok)
    {
        if (Clean(text) is not { } value)
        {
            Problem(at, "The time is missing: write it as HH:mm:ss, e.g. 09:30:00.");
            ok = false;
            return null;
        }
        if (TimeOnly.TryParseExact(value, ["HH:mm:ss", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        // HSDS allows a zone offset after the time ("09:30:00+01:00"); the portal's times are local to the centre.
        if (value.Length > 8 && TimeOnly.TryParseExact(value[..8], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out time)) return time;
        Problem(at, $"“{Short(value)}” is not a time: write it as HH:mm:ss, e.g. 09:30:00.");
        ok = false;
        return null;
    }

    private DateOnly? DateField(string? text, ImportPlace at, ref bool ok)
    {
        if (Clean(text) is not { } value) return null;
        if (Date(value) is { } date) return date;
        Problem(at, $"“{Short(value)}” is not a date: write it as yyyy-MM-dd, e.g. 2026-03-01.");
        ok = false;
        return null;
    }

    private DateOnly[] Dates(string? text, ImportPlace at, ref bool ok)
    {
        var dates = new List<DateOnly>();
        foreach (var token in (text ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Date(token) is { } date) dates.Add(date);
            else
            {
                Problem(at, $"“{Short(token)}” is not a date: list dates as yyyy-MM-dd separated by spaces.");
                ok = false;
            }
        }
        return [.. dates.Distinct().Order()];
    }

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Length > 10 && text[10] == 'T' ? text[..10] : text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The attributes that describe <paramref name="id"/> itself (not a term's translation, not another object).</summary>
    private static List<HsdsAttribute> Own(List<HsdsAttribute>? attributes, Guid id) =>
        [.. (attributes ?? []).Where(a => a.LinkType != "taxonomy_term" && (a.LinkId is null || a.LinkId == id))];

    private static string? Value(List<HsdsAttribute> attributes, string code) =>
        attributes.Where(a => PortalCode(a) == code).Select(a => Clean(a.Value)).FirstOrDefault(v => v is not null);

    private ImportPlace AttributePlace(List<HsdsAttribute>? attributes, string code, ImportPlace fallback) =>
        (attributes ?? []).FirstOrDefault(a => PortalCode(a) == code) is { } attribute ? At(attribute).Field("value") : fallback.Field("attributes");

    internal static string? PortalCode(HsdsAttribute attribute)
    {
        var id = attribute.TaxonomyTermId ?? attribute.TaxonomyTerm?.Id;
        if (id is { } termId && PortalTerms.TryGetValue(termId, out var code)) return code;
        return attribute.TaxonomyTerm is { TaxonomyId: var taxonomy, Code: { } c } && taxonomy == PortalVocabulary.TaxonomyId ? c : null;
    }

    /// <summary>A translation attribute's value: "language" (checked ISO 639-1) and the translated fields; null when it is not that.</summary>
    private Dictionary<string, string>? Translation(HsdsAttribute attribute)
    {
        try
        {
            var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(attribute.Value ?? "");
            if (values is null || !values.TryGetValue("language", out var language) || language.ValueKind != JsonValueKind.String) return null;
            var result = values.Where(v => v.Value.ValueKind == JsonValueKind.String).ToDictionary(v => v.Key, v => v.Value.GetString()!, StringComparer.Ordinal);
            return LanguageCode(result["language"], At(attribute).Field("value")) is { } code ? new Dictionary<string, string>(result) { ["language"] = code } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Kebab(string name) => string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    internal static T? ParseKebab<T>(string text) where T : struct, Enum =>
        System.Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => string.Equals(Kebab(v!.Value.ToString()), text.Trim(), StringComparison.OrdinalIgnoreCase));

    private ImportPlace At(object item) => dataset.PlaceOf(item);

    private void Problem(ImportPlace place, string reason) => Problems.Add(new ImportProblem(place, reason));

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Short(string value) => HsdsJsonReader.Shorten(value);

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateText();
}
