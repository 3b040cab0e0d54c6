using System.Globalization;
using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>Created, updated and unchanged items of one kind.</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Created} created, {Updated} updated, {Unchanged} unchanged");
}

public sealed record CatalogueImportResult(
    IReadOnlyList<ImportProblem> Problems,
    ImportCounts Organisations,
    ImportCounts Centres,
    ImportCounts Programmes,
    ImportCounts Offerings,
    ImportCounts Categories,
    IReadOnlyList<string> Notes)
{
    public bool Imported => Problems.Count == 0;

    public static CatalogueImportResult Refused(IReadOnlyList<ImportProblem> problems) =>
        new(problems, Zero, Zero, Zero, Zero, Zero, []);

    private static readonly ImportCounts Zero = new(0, 0, 0);

    /// <summary>The summary an operator reads: one line per kind, then the notes.</summary>
    public string Summary() => string.Join(Environment.NewLine,
        new[] { $"organisations: {Organisations}", $"centres: {Centres}", $"programmes: {Programmes}", $"offerings: {Offerings}", $"categories: {Categories}" }
            .Concat(Notes.Select(n => "note: " + n)));
}

/// <summary>
/// Loads an HSDS 3.0 dataset into the catalogue. All or nothing: the whole dataset is checked first
/// (<see cref="DatasetCheck"/>) and every problem listed with its place; only a clean dataset is written, in one
/// transaction. Items are matched by their HSDS id (OpenDataId) and updated in place; a value is assigned only when it
/// differs, so importing the same dataset again touches no row, writes no history and leaves every xmin as it was.
/// New items are drafts unless <c>publish</c>; a re-import keeps an item's publication state unless <c>publish</c>.
/// The catalogue's history credits the context's acting user (the Admin on the page; none for the operator's verb).
/// </summary>
public sealed class CatalogueImport(FamilyServicesDb db, TimeProvider clock)
{
    public const string UnassignedDistrictCode = "UNASSIGNED";
    public const string UncategorisedCode = "IMPORTED";

    /// <summary>How far the nearest postcode may be for a centre to take its district.</summary>
    public const double NearestPostcodeKm = 25;

    /// <summary>The Admins' way in: anyone else is refused and nothing is read or written.</summary>
    public async Task<CatalogueImportResult> ImportAsync(ClaimsPrincipal user, HsdsDataset dataset, bool publish, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return CatalogueImportResult.Refused([new ImportProblem(new ImportPlace(dataset.Source), "Only an Admin may import a catalogue.")]);
        }
        return await ImportAsync(dataset, publish, cancellationToken);
    }

    /// <summary>The operator's way in (the verb), and the one the Admins' way ends in.</summary>
    public async Task<CatalogueImportResult> ImportAsync(HsdsDataset dataset, bool publish, CancellationToken cancellationToken = default)
    {
        var city = await db.CityProfiles.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return CatalogueImportResult.Refused([new ImportProblem(new ImportPlace(dataset.Source),
                "The database has no city yet: a catalogue is imported into a portal set up for its city (city profile, districts, postcodes).")]);
        }
        var known = new KnownItems(
            (await db.Organisations.Select(o => o.OpenDataId).ToListAsync(cancellationToken)).ToHashSet(),
            await db.Organisations.ToDictionaryAsync(o => o.Code, o => o.OpenDataId, cancellationToken),
            (await db.Categories.Select(c => c.OpenDataId).ToListAsync(cancellationToken)).ToHashSet(),
            (await db.Centres.Select(c => c.OpenDataId).ToListAsync(cancellationToken)).ToHashSet())
        {
            CentreRooms = (await db.Centres.Select(c => new { c.OpenDataId, Rooms = c.Rooms.Select(r => r.Name).ToList() }).ToListAsync(cancellationToken))
                .ToDictionary(c => c.OpenDataId, c => (IReadOnlySet<string>)c.Rooms.ToHashSet(StringComparer.Ordinal)),
        };
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, zone));
        var check = new DatasetCheck(dataset, city.DefaultLanguage, known);
        check.Run(today);
        if (check.Problems.Count > 0) return CatalogueImportResult.Refused(check.Problems);

        var writer = new Writer(db, city, check, publish, nowUtc);
        // A caller that loads more around the catalogue (the demo seed) holds its own transaction: the import joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var result = await writer.WriteAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private sealed class Writer(FamilyServicesDb db, CityProfile city, DatasetCheck check, bool publish, DateTime nowUtc)
    {
        private readonly List<string> _notes = [.. check.Notes];
        private readonly Dictionary<Guid, Organisation> _organisations = [];
        private readonly Dictionary<Guid, Category> _categories = [];
        private readonly Dictionary<Guid, Centre> _centres = [];
        private int _createdPartners;
        private Codes _organisationCodes = null!, _categoryCodes = null!, _centreCodes = null!, _programmeCodes = null!, _offeringCodes = null!, _slugs = null!;

        public async Task<CatalogueImportResult> WriteAsync(CancellationToken cancellationToken)
        {
            _organisationCodes = new Codes(await db.Organisations.Select(o => o.Code).ToListAsync(cancellationToken), 40);
            _categoryCodes = new Codes(await db.Categories.Select(o => o.Code).ToListAsync(cancellationToken), 60);
            _centreCodes = new Codes(await db.Centres.Select(o => o.Code).ToListAsync(cancellationToken), 40);
            _programmeCodes = new Codes(await db.Programmes.Select(o => o.Code).ToListAsync(cancellationToken), 40);
            _offeringCodes = new Codes(await db.Offerings.Select(o => o.Code).ToListAsync(cancellationToken), 20);
            _slugs = new Codes(await db.Programmes.Select(o => o.Slug).ToListAsync(cancellationToken), 120);

            var organisations = await UpsertOrganisationsAsync(cancellationToken);
            var categories = await UpsertCategoriesAsync(cancellationToken);
            var centres = await UpsertCentresAsync(cancellationToken);
            var (programmes, offerings, touched) = await UpsertProgrammesAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            await WriteSessionsAsync(touched, cancellationToken);
            organisations = organisations with { Created = organisations.Created + _createdPartners };
            return new CatalogueImportResult([], organisations, centres, programmes, offerings, categories, _notes);
        }

        /// <summary>
        /// The future sessions of every offering created or changed, by the editors' rule. A new offering has none yet,
        /// so its sessions are simply added, a few thousand per save; a changed one goes through
        /// <see cref="OfferingSessions.SyncAsync"/>, which keeps what was recorded. The change tracker is emptied
        /// first and between saves: with a whole catalogue tracked, every save would compare all of it again.
        /// </summary>
        private async Task WriteSessionsAsync(List<(Offering Offering, OfferingStatus? PreviousStatus, string? PreviousNote)> touched, CancellationToken cancellationToken)
        {
            var zones = (await db.Centres.Select(c => new { c.Id, c.TimeZone }).ToListAsync(cancellationToken))
                .ToDictionary(c => c.Id, c => TimeZoneInfo.FindSystemTimeZoneById(c.TimeZone));
            db.ChangeTracker.Clear();
            const int SessionsPerSave = 5_000;
            var pending = 0;
            foreach (var (offering, previousStatus, previousNote) in touched)
            {
                var zone = zones[offering.CentreId];
                if (previousStatus is null)
                {
                    var cancelled = offering.Status == OfferingStatus.Cancelled;
                    var sessions = offering.Schedule.Occurrences(zone).Where(o => o.StartsAtUtc > nowUtc).Select(o => new Session
                    {
                        OfferingId = offering.Id,
                        StartsAt = o.StartsAtUtc,
                        EndsAt = o.EndsAtUtc,
                        Status = cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled,
                        CancellationReason = cancelled ? offering.StatusNote : null,
                    }).ToList();
                    db.Sessions.AddRange(sessions);
                    pending += sessions.Count;
                    if (pending < SessionsPerSave) continue;
                }
                else
                {
                    await OfferingSessions.SyncAsync(db, offering, zone, nowUtc, previousStatus, previousNote);
                }
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                pending = 0;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        private async Task<ImportCounts> UpsertOrganisationsAsync(CancellationToken cancellationToken)
        {
            var ids = check.Organisations.Keys.ToList();
            var stored = await db.Organisations.Where(o => ids.Contains(o.OpenDataId)).ToDictionaryAsync(o => o.OpenDataId, cancellationToken);
            var counts = new Counter();
            foreach (var plan in check.Organisations.Values)
            {
                var changes = new Changes();
                if (!stored.TryGetValue(plan.Id, out var organisation))
                {
                    organisation = new Organisation { OpenDataId = plan.Id, Code = _organisationCodes.New(plan.Code, plan.Name, _notes, "organisation"), Name = plan.Name };
                    db.Organisations.Add(organisation);
                    changes.Created = true;
                }
                else if (plan.Code is { } code && code != organisation.Code && _organisationCodes.TryMove(organisation.Code, code))
                {
                    organisation.Code = code;
                    changes.Changed = true;
                }
                changes.Set(organisation.Name, plan.Name, v => organisation.Name = v);
                changes.Set(organisation.Kind, plan.Kind, v => organisation.Kind = v);
                changes.SetUrl(organisation.Website, plan.Website, v => organisation.Website = v);
                _organisations[plan.Id] = organisation;
                counts.Add(changes);
            }
            return counts.Counts;
        }

        private async Task<ImportCounts> UpsertCategoriesAsync(CancellationToken cancellationToken)
        {
            var counts = new Counter();
            var ids = check.Categories.Keys.ToList();
            var stored = await db.Categories.Include(c => c.Names).Where(c => ids.Contains(c.OpenDataId)).ToDictionaryAsync(c => c.OpenDataId, cancellationToken);
            var parentIds = check.Categories.Values.Select(c => c.ParentId).OfType<Guid>().Where(id => !check.Categories.ContainsKey(id)).ToList();
            foreach (var parent in await db.Categories.Where(c => parentIds.Contains(c.OpenDataId)).ToListAsync(cancellationToken)) _categories[parent.OpenDataId] = parent;

            // Parents before children, so a new child can point at its new parent.
            var ordered = new List<CategoryPlan>();
            var placed = new HashSet<Guid>();
            void Place(CategoryPlan plan, int depth)
            {
                if (placed.Contains(plan.Id) || depth > 50) return;
                if (plan.ParentId is { } parent && check.Categories.TryGetValue(parent, out var parentPlan)) Place(parentPlan, depth + 1);
                if (placed.Add(plan.Id)) ordered.Add(plan);
            }
            foreach (var plan in check.Categories.Values) Place(plan, 0);

            foreach (var plan in ordered)
            {
                var changes = new Changes();
                if (!stored.TryGetValue(plan.Id, out var category))
                {
                    category = new Category { OpenDataId = plan.Id, Code = _categoryCodes.New(plan.Code, plan.Name, _notes, "category") };
                    db.Categories.Add(category);
                    changes.Created = true;
                }
                else if (plan.Code is { } code && code != category.Code && _categoryCodes.TryMove(category.Code, code))
                {
                    category.Code = code;
                    changes.Changed = true;
                }
                var parent = plan.ParentId is { } p ? _categories.GetValueOrDefault(p) : null;
                if (parent is null && category.ParentId is not null || parent is not null && (parent.Id == 0 ? category.Parent != parent : category.ParentId != parent.Id))
                {
                    category.Parent = parent;
                    if (parent is null) category.ParentId = null;
                    changes.Changed = true;
                }
                var names = new Dictionary<string, string>(plan.Translations) { [city.DefaultLanguage] = plan.Name };
                foreach (var (language, name) in names)
                {
                    var clipped = name.Length > 200 ? name[..200] : name;
                    var existing = category.Names.FirstOrDefault(n => n.Language == language);
                    if (existing is null)
                    {
                        category.Names.Add(new CategoryName { Language = language, Name = clipped });
                        changes.Changed = true;
                    }
                    else changes.Set(existing.Name, clipped, v => existing.Name = v);
                }
                _categories[plan.Id] = category;
                counts.Add(changes);
            }
            return counts.Counts;
        }

        private async Task<ImportCounts> UpsertCentresAsync(CancellationToken cancellationToken)
        {
            var counts = new Counter();
            var ids = check.Centres.Keys.ToList();
            var stored = await db.Centres.AsSplitQuery().Include(c => c.OpeningHours).Include(c => c.Rooms).Where(c => ids.Contains(c.OpenDataId)).ToDictionaryAsync(c => c.OpenDataId, cancellationToken);
            var districts = await db.Districts.ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
            var postcodes = await db.Postcodes.AsNoTracking().ToListAsync(cancellationToken);
            var operatorIds = check.Centres.Values.Select(c => c.OperatorId).OfType<Guid>().Where(id => !_organisations.ContainsKey(id)).ToList();
            foreach (var organisation in await db.Organisations.Where(o => operatorIds.Contains(o.OpenDataId)).ToListAsync(cancellationToken)) _organisations[organisation.OpenDataId] = organisation;
            foreach (var id in check.UnknownOperators.Where(id => !_organisations.ContainsKey(id)))
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Organisation {id.ToString()[..8]}");
                var stub = new Organisation { OpenDataId = id, Code = _organisationCodes.New(null, "ORG-" + id.ToString("N")[..8], _notes, "organisation"), Name = name, Kind = OrganisationKind.Other };
                db.Organisations.Add(stub);
                _organisations[id] = stub;
                _createdPartners++;
                _notes.Add($"the organisation {id} runs a centre but is named in the dataset by its id only: it was created as “{name}”; give it its name, code and kind on the organisations' page.");
            }
            District? unassigned = null;

            foreach (var plan in check.Centres.Values)
            {
                var changes = new Changes();
                var postcode = postcodes.FirstOrDefault(p => string.Equals(p.Code.Replace(" ", "", StringComparison.Ordinal), plan.Postcode.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
                var (latitude, longitude) = (plan.Latitude, plan.Longitude) switch
                {
                    ({ } lat, { } lon) => (lat, lon),
                    _ when postcode is not null => (postcode.Latitude, postcode.Longitude),
                    _ => (city.MapLatitude, city.MapLongitude),
                };
                if (plan.Latitude is null || plan.Longitude is null)
                {
                    _notes.Add($"centre {plan.Name}: no coordinates in the dataset, placed at {(postcode is not null ? $"postcode {postcode.Code}" : "the city's map centre")}.");
                }

                District? district = null;
                if (plan.DistrictCode is { } code && !districts.TryGetValue(code, out district))
                {
                    _notes.Add($"centre {plan.Name}: no district has the code {code}; the district of the nearest postcode is used.");
                }
                if (district is null)
                {
                    // The nearest postcode of the city's own table, if it is near at all (a centre elsewhere gets no district of this city).
                    var nearest = postcodes.Where(p => p.DistrictId is not null)
                        .Select(p => (Postcode: p, Km: 111.2 * Math.Sqrt(Math.Pow(p.Latitude - latitude, 2) + Math.Pow((p.Longitude - longitude) * Math.Cos(latitude * Math.PI / 180), 2))))
                        .Where(p => p.Km <= NearestPostcodeKm).OrderBy(p => p.Km).Select(p => p.Postcode)
                        .FirstOrDefault();
                    district = nearest is not null ? districts.Values.FirstOrDefault(d => d.Id == nearest.DistrictId) : null;
                }
                if (district is null)
                {
                    if (unassigned is null && !districts.TryGetValue(UnassignedDistrictCode, out unassigned))
                    {
                        unassigned = new District { Code = UnassignedDistrictCode, Name = "Unassigned (catalogue import)" };
                        db.Districts.Add(unassigned);
                        districts[UnassignedDistrictCode] = unassigned;
                        _notes.Add($"created the district {UnassignedDistrictCode} for centres whose district could not be found: assign them on the centres' pages.");
                    }
                    district ??= unassigned;
                }
                var operatorOrganisation = _organisations[plan.OperatorId!.Value];

                if (!stored.TryGetValue(plan.Id, out var centre))
                {
                    centre = new Centre
                    {
                        OpenDataId = plan.Id, Code = _centreCodes.New(plan.Code, plan.Name, _notes, "centre"), Name = plan.Name,
                        Street = plan.Street, Postcode = plan.Postcode, Locality = plan.Locality, TimeZone = plan.TimeZone ?? city.TimeZone,
                        Operator = operatorOrganisation, District = district!,
                    };
                    db.Centres.Add(centre);
                    changes.Created = true;
                }
                else
                {
                    if (plan.Code is { } centreCode && centreCode != centre.Code && _centreCodes.TryMove(centre.Code, centreCode))
                    {
                        centre.Code = centreCode;
                        changes.Changed = true;
                    }
                    if (operatorOrganisation.Id == 0 || centre.OperatorId != operatorOrganisation.Id)
                    {
                        centre.Operator = operatorOrganisation;
                        changes.Changed = true;
                    }
                    // An editor's district stays unless the dataset names one.
                    if (plan.DistrictCode is not null && district is not null && (district.Id == 0 || centre.DistrictId != district.Id))
                    {
                        centre.District = district;
                        changes.Changed = true;
                    }
                }
                changes.Set(centre.Name, plan.Name, v => centre.Name = v);
                changes.Set(centre.Type, plan.Type, v => centre.Type = v);
                changes.Set(centre.Street, plan.Street, v => centre.Street = v);
                changes.Set(centre.Postcode, plan.Postcode, v => centre.Postcode = v);
                changes.Set(centre.Locality, plan.Locality, v => centre.Locality = v);
                changes.Set(centre.Latitude, latitude, v => centre.Latitude = v);
                changes.Set(centre.Longitude, longitude, v => centre.Longitude = v);
                changes.Set(centre.Phone, plan.Phone, v => centre.Phone = v);
                changes.SetUrl(centre.Website, plan.Website, v => centre.Website = v);
                changes.Set(centre.Email, plan.Email, v => centre.Email = v);
                // Rooms are matched by name; a room the dataset does not name stays (an import never deletes).
                foreach (var roomPlan in plan.Rooms)
                {
                    var room = centre.Rooms.FirstOrDefault(r => r.Name == roomPlan.Name);
                    if (room is null)
                    {
                        centre.Rooms.Add(new Room { Name = roomPlan.Name, Kind = roomPlan.Kind, Capacity = roomPlan.Capacity });
                        changes.Changed = true;
                        continue;
                    }
                    changes.Set(room.Kind, roomPlan.Kind, v => room.Kind = v);
                    changes.Set(room.Capacity, roomPlan.Capacity, v => room.Capacity = v);
                }
                changes.Set(centre.TimeZone, plan.TimeZone ?? centre.TimeZone, v => centre.TimeZone = v);
                changes.SetArray(centre.AccessibilityFeatures, plan.Accessibility, v => centre.AccessibilityFeatures = v);
                changes.SetArray(centre.LanguagesSpoken, plan.Languages, v => centre.LanguagesSpoken = v);
                var status = plan.Closed ? CentreStatus.TemporarilyClosed : CentreStatus.Open;
                changes.Set(centre.Status, status, v => centre.Status = v);
                changes.Set(centre.ClosedUntil, plan.ClosedUntil, v => centre.ClosedUntil = v);
                changes.Set(centre.StatusReason, plan.ClosedReason, v => centre.StatusReason = v);

                var wanted = plan.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).ToList();
                var current = centre.OpeningHours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).Select(h => (h.Day, h.Opens, h.Closes)).ToList();
                if (!current.SequenceEqual(wanted))
                {
                    foreach (var hours in centre.OpeningHours.ToList()) db.OpeningHours.Remove(hours);
                    centre.OpeningHours.Clear();
                    centre.OpeningHours.AddRange(wanted.Select(h => new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }));
                    changes.Changed = true;
                }
                _centres[plan.Id] = centre;
                counts.Add(changes);
            }
            return counts.Counts;
        }

        private async Task<(ImportCounts Programmes, ImportCounts Offerings, List<(Offering, OfferingStatus?, string?)> Touched)> UpsertProgrammesAsync(CancellationToken cancellationToken)
        {
            var programmeCounts = new Counter();
            var offeringCounts = new Counter();
            var touched = new List<(Offering, OfferingStatus?, string?)>();
            var ids = check.Programmes.Select(p => p.Id).ToList();
            var stored = await db.Programmes.AsSplitQuery().Include(p => p.Texts).Include(p => p.Partners)
                .Where(p => ids.Contains(p.OpenDataId)).ToDictionaryAsync(p => p.OpenDataId, cancellationToken);
            var offeringIds = check.Programmes.SelectMany(p => p.Offerings).Select(o => o.Id).ToList();
            var storedOfferings = await db.Offerings.Where(o => offeringIds.Contains(o.OpenDataId)).ToDictionaryAsync(o => o.OpenDataId, cancellationToken);
            var centreIds = check.Programmes.SelectMany(p => p.Offerings).Select(o => o.LocationId).Where(id => !_centres.ContainsKey(id)).ToList();
            foreach (var centre in await db.Centres.Include(c => c.Rooms).Where(c => centreIds.Contains(c.OpenDataId)).ToListAsync(cancellationToken)) _centres[centre.OpenDataId] = centre;
            var organisationsByCode = await db.Organisations.ToDictionaryAsync(o => o.Code, cancellationToken);
            foreach (var organisation in _organisations.Values) organisationsByCode[organisation.Code] = organisation;
            var datasetCodes = check.Organisations.Values.Where(o => o.Code is not null).ToDictionary(o => o.Code!, o => _organisations[o.Id]);
            foreach (var code in check.UnknownPartners.Where(c => !organisationsByCode.ContainsKey(c) && !datasetCodes.ContainsKey(c)))
            {
                var partner = check.PartnerDetails.TryGetValue(code, out var details)
                    ? new Organisation
                    {
                        // The partner's own id when the dataset gives one nobody has, so a reloaded catalogue keeps it.
                        OpenDataId = details.Id != Guid.Empty && !await db.Organisations.AnyAsync(o => o.OpenDataId == details.Id, cancellationToken)
                            && !_organisations.ContainsKey(details.Id) ? details.Id : Guid.NewGuid(),
                        Code = _organisationCodes.New(code, details.Name, _notes, "organisation"), Name = details.Name, Kind = details.Kind, Website = details.Website,
                    }
                    : new Organisation { Code = _organisationCodes.New(code, code, _notes, "organisation"), Name = code, Kind = OrganisationKind.Other };
                db.Organisations.Add(partner);
                organisationsByCode[code] = partner;
                if (details is null)
                {
                    _notes.Add($"partner organisation {code} is named in the dataset by its code only: it was created with that code as its name; give it its name and kind on the organisations' page.");
                }
                _createdPartners++;
            }
            Category? uncategorised = null;

            foreach (var plan in check.Programmes)
            {
                var changes = new Changes();
                Category category;
                if (plan.CategoryId is { } categoryId && _categories.TryGetValue(categoryId, out var found)) category = found;
                else if (plan.CategoryId is { } storedId) category = _categories[storedId] = await db.Categories.FirstAsync(c => c.OpenDataId == storedId, cancellationToken);
                else category = uncategorised ??= await UncategorisedAsync(cancellationToken);

                var isNew = !stored.TryGetValue(plan.Id, out var programme);
                if (programme is null)
                {
                    var slugText = TitleSlug.Of(plan.Name, city.DefaultLanguage);
                    programme = new Programme
                    {
                        OpenDataId = plan.Id,
                        Code = _programmeCodes.New(plan.Code, plan.Name, _notes, "programme"),
                        Slug = _slugs.NewSlug(slugText.Length == 0 ? "programme" : slugText),
                        Category = category,
                        PublicationState = plan.PublicationState ?? (publish ? PublicationState.Published : PublicationState.Draft),
                    };
                    db.Programmes.Add(programme);
                    changes.Created = true;
                }
                else
                {
                    if (plan.Code is { } code && code != programme.Code && _programmeCodes.TryMove(programme.Code, code))
                    {
                        programme.Code = code;
                        changes.Changed = true;
                    }
                    if (category.Id == 0 || programme.CategoryId != category.Id)
                    {
                        programme.Category = category;
                        changes.Changed = true;
                    }
                    // The dataset's publication-state wins over --publish, which applies to items without one.
                    if (plan.PublicationState is { } state) changes.Set(programme.PublicationState, state, v => programme.PublicationState = v);
                    else if (publish) changes.Set(programme.PublicationState, PublicationState.Published, v => programme.PublicationState = v);
                }
                changes.Set(programme.Type, plan.Type, v => programme.Type = v);
                changes.Set(programme.Audience, plan.Audience, v => programme.Audience = v);
                changes.Set(programme.MinAgeMonths, plan.MinAgeMonths, v => programme.MinAgeMonths = v);
                changes.Set(programme.MaxAgeMonths, plan.MaxAgeMonths, v => programme.MaxAgeMonths = v);
                changes.Set(programme.IsFree, plan.IsFree, v => programme.IsFree = v);
                changes.Set(programme.PriceAmount, plan.PriceAmount, v => programme.PriceAmount = v);
                changes.Set(programme.RegistrationMode, plan.RegistrationMode, v => programme.RegistrationMode = v);
                changes.SetUrl(programme.RegistrationUrl, plan.RegistrationUrl, v => programme.RegistrationUrl = v);
                changes.SetArray(programme.DeliveryLanguages, plan.DeliveryLanguages, v => programme.DeliveryLanguages = v);
                changes.Set(programme.LastCheckedOn, plan.LastCheckedOn, v => programme.LastCheckedOn = v);

                foreach (var (language, text) in plan.Texts)
                {
                    var existing = programme.Texts.FirstOrDefault(t => t.Language == language);
                    if (existing is null)
                    {
                        programme.Texts.Add(new ProgrammeText
                        {
                            Language = language, Title = text.Title, Summary = text.Summary, Description = text.Description,
                            CostNote = text.CostNote, RegistrationNote = text.RegistrationNote,
                        });
                        changes.Changed = true;
                        continue;
                    }
                    changes.Set(existing.Title, text.Title, v => existing.Title = v);
                    changes.Set(existing.Summary, text.Summary, v => existing.Summary = v);
                    changes.Set(existing.Description, text.Description, v => existing.Description = v);
                    changes.Set(existing.CostNote, text.CostNote, v => existing.CostNote = v);
                    changes.Set(existing.RegistrationNote, text.RegistrationNote, v => existing.RegistrationNote = v);
                }

                var partners = plan.PartnerCodes.Select(c => datasetCodes.GetValueOrDefault(c) ?? organisationsByCode[c]).Distinct().ToList();
                var currentPartnerIds = programme.Partners.Select(p => p.OrganisationId).Order().ToList();
                if (partners.Any(p => p.Id == 0) || !currentPartnerIds.SequenceEqual(partners.Select(p => p.Id).Order()))
                {
                    foreach (var link in programme.Partners.Where(l => !partners.Any(p => p.Id == l.OrganisationId)).ToList()) programme.Partners.Remove(link);
                    foreach (var partner in partners.Where(p => p.Id == 0 || !programme.Partners.Any(l => l.OrganisationId == p.Id)))
                    {
                        programme.Partners.Add(new ProgrammePartner { Organisation = partner });
                    }
                    changes.Changed = true;
                }
                programmeCounts.Add(changes);

                foreach (var offeringPlan in plan.Offerings)
                {
                    var offeringChanges = new Changes();
                    var centre = _centres[offeringPlan.LocationId];
                    storedOfferings.TryGetValue(offeringPlan.Id, out var offering);
                    OfferingStatus? previousStatus = offering?.Status;
                    var previousNote = offering?.StatusNote;
                    if (offering is null)
                    {
                        offering = new Offering
                        {
                            OpenDataId = offeringPlan.Id,
                            Code = _offeringCodes.New(offeringPlan.Code, $"{programme.Code}-{centre.Code}", _notes, "offering"),
                            Programme = programme,
                            Centre = centre,
                            Schedule = offeringPlan.Schedule,
                            PublicationState = offeringPlan.PublicationState ?? (publish ? PublicationState.Published : PublicationState.Draft),
                        };
                        db.Offerings.Add(offering);
                        offeringChanges.Created = true;
                    }
                    else
                    {
                        if (offeringPlan.Code is { } code && code != offering.Code && _offeringCodes.TryMove(offering.Code, code))
                        {
                            offering.Code = code;
                            offeringChanges.Changed = true;
                        }
                        if (isNew || offering.ProgrammeId != programme.Id)
                        {
                            offering.Programme = programme;
                            offeringChanges.Changed = true;
                        }
                        if (centre.Id == 0 || offering.CentreId != centre.Id)
                        {
                            offering.Centre = centre;
                            offeringChanges.Changed = true;
                        }
                        if (!SameSchedule(offering.Schedule, offeringPlan.Schedule))
                        {
                            offering.Schedule = offeringPlan.Schedule;
                            offeringChanges.Changed = true;
                        }
                        if (offeringPlan.PublicationState is { } state) offeringChanges.Set(offering.PublicationState, state, v => offering.PublicationState = v);
                        else if (publish) offeringChanges.Set(offering.PublicationState, PublicationState.Published, v => offering.PublicationState = v);
                    }
                    offeringChanges.Set(offering.IsOnline, offeringPlan.IsOnline, v => offering.IsOnline = v);
                    offeringChanges.SetUrl(offering.OnlineUrl, offeringPlan.OnlineUrl, v => offering.OnlineUrl = v);
                    offeringChanges.Set(offering.Capacity, offeringPlan.Capacity, v => offering.Capacity = v);
                    offeringChanges.Set(offering.Status, offeringPlan.Status, v => offering.Status = v);
                    offeringChanges.Set(offering.StatusNote, offeringPlan.StatusNote, v => offering.StatusNote = v);
                    // An editor's room stays unless the dataset names one (DatasetCheck made sure the centre has it).
                    if (offeringPlan.RoomName is { } roomName && centre.Rooms.First(r => r.Name == roomName) is var room
                        && (room.Id == 0 || offering.RoomId != room.Id))
                    {
                        offering.Room = room;
                        offeringChanges.Changed = true;
                    }
                    if (offeringChanges.Created || offeringChanges.Changed) touched.Add((offering, previousStatus, previousNote));
                    offeringCounts.Add(offeringChanges);
                }
            }
            return (programmeCounts.Counts, offeringCounts.Counts, touched);
        }

        private async Task<Category> UncategorisedAsync(CancellationToken cancellationToken)
        {
            var existing = await db.Categories.FirstOrDefaultAsync(c => c.Code == UncategorisedCode, cancellationToken);
            if (existing is not null) return existing;
            var category = new Category { Code = UncategorisedCode, Names = [new CategoryName { Language = city.DefaultLanguage, Name = "Imported" }] };
            db.Categories.Add(category);
            _notes.Add($"created the category {UncategorisedCode} for services without a category: move them into the category tree.");
            return category;
        }

        private static bool SameSchedule(Schedule a, Schedule b) =>
            a.Kind == b.Kind && a.StartDate == b.StartDate && a.EndDate == b.EndDate && a.Weekdays == b.Weekdays && a.StartTime == b.StartTime
            && a.EndTime == b.EndTime && a.ExtraDates.SequenceEqual(b.ExtraDates) && a.ExcludedDates.SequenceEqual(b.ExcludedDates);
    }

    /// <summary>Whether an item was created or changed: a value is assigned only when it differs.</summary>
    private sealed class Changes
    {
        public bool Created { get; set; }
        public bool Changed { get; set; }

        public void Set<T>(T current, T wanted, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, wanted)) return;
            assign(wanted);
            Changed = true;
        }

        /// <summary>An address the export wrote in its absolute form ("https://www.herne.de/" for "https://www.herne.de") is the same address.</summary>
        public void SetUrl(string? current, string? wanted, Action<string?> assign)
        {
            if (current is not null && wanted is not null && Uri.TryCreate(current, UriKind.Absolute, out var a) && Uri.TryCreate(wanted, UriKind.Absolute, out var b)
                && a.AbsoluteUri == b.AbsoluteUri) return;
            Set(current, wanted, assign);
        }

        public void SetArray(string[] current, string[] wanted, Action<string[]> assign)
        {
            if (current.SequenceEqual(wanted)) return;
            assign(wanted);
            Changed = true;
        }
    }

    private sealed class Counter
    {
        private int _created, _updated, _unchanged;

        public void Add(Changes changes)
        {
            if (changes.Created) _created++;
            else if (changes.Changed) _updated++;
            else _unchanged++;
        }

        public ImportCounts Counts => new(_created, _updated, _unchanged);
    }

    /// <summary>Unique codes of one kind: a code taken by another item gets a suffix (-2, -3, ...), and the summary says so.</summary>
    private sealed class Codes(IEnumerable<string> taken, int maxLength)
    {
        private readonly HashSet<string> _taken = new(taken, StringComparer.OrdinalIgnoreCase);

        public string New(string? wanted, string name, List<string> notes, string kind)
        {
            var code = wanted ?? Derive(name);
            var unique = Unique(code);
            if (wanted is not null && unique != wanted) notes.Add($"{kind} code {wanted} was taken by another item: the new {kind} got {unique}.");
            return unique;
        }

        public string NewSlug(string slug) => Unique(slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug);

        public bool TryMove(string from, string to)
        {
            if (_taken.Contains(to)) return false;
            _taken.Remove(from);
            _taken.Add(to);
            return true;
        }

        private string Unique(string code)
        {
            code = code.Length > maxLength ? code[..maxLength] : code;
            var candidate = code;
            for (var i = 2; _taken.Contains(candidate); i++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $"-{i}");
                candidate = (code.Length + suffix.Length > maxLength ? code[..(maxLength - suffix.Length)] : code) + suffix;
            }
            _taken.Add(candidate);
            return candidate;
        }

        /// <summary>"Ouderkamer Heechterp" → "OUDERKAMER-HEECHTERP": the name's ASCII letters and digits, upper case.</summary>
        private string Derive(string name)
        {
            // Marks are dropped first: Turkish "İzmit" is "Izmit", not "i-zmit".
            var plain = string.Concat(name.Normalize(System.Text.NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark));
            var slug = TitleSlug.Of(plain, "en").ToUpperInvariant();
            if (slug.Length == 0) slug = "ITEM";
            return slug.Length > maxLength ? slug[..maxLength].TrimEnd('-') : slug;
        }
    }
}
