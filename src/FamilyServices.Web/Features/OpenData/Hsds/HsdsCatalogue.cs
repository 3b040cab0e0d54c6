using System.Runtime.CompilerServices;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.OpenData.Hsds;

/// <summary>
/// The public catalogue as HSDS 3.0 documents, for the open-data API and the catalogue export. Only published,
/// current items (<see cref="Publication"/>); organisations and locations only when a public service uses them.
/// Items are loaded in batches of <see cref="BatchSize"/> with a fixed number of queries per batch (no query per
/// item), so a whole city can be streamed without holding it in memory.
/// </summary>
/// <remarks>
/// Typical use: <c>var context = await catalogue.ContextAsync(baseAddress); await foreach (var s in
/// catalogue.FullServicesAsync(context)) ...</c>. The selections (<see cref="PublicProgrammes"/> ...) can be narrowed
/// with more Where clauses before they are passed back in; they are ordered and paged by code here.
/// </remarks>
public sealed class HsdsCatalogue(FamilyServicesDb db, TimeProvider clock)
{
    public const int BatchSize = 100;

    private DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>The city, its category tree and the public base address every mapping needs.</summary>
    public async Task<HsdsMapContext> ContextAsync(Uri baseAddress, CancellationToken cancellationToken = default)
    {
        var city = await db.CityProfiles.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken)
            ?? Platform.CurrentCity.Unconfigured;
        var categories = await db.Categories.AsNoTracking().Include(c => c.Names).ToDictionaryAsync(c => c.Id, cancellationToken);
        var address = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        return new HsdsMapContext { City = city, Categories = categories, BaseAddress = address };
    }

    // ---------- what is public ----------

    public IQueryable<Programme> PublicProgrammes() => db.Programmes.AsNoTracking().Where(Publication.PublicProgramme(NowUtc));

    public IQueryable<Offering> PublicOfferings() => db.Offerings.AsNoTracking().Where(Publication.PublicOffering(NowUtc));

    /// <summary>Organisations that run a centre of a public offering or are partners in a public programme.</summary>
    public IQueryable<Organisation> PublicOrganisations()
    {
        var offerings = PublicOfferings();
        var programmes = PublicProgrammes();
        return db.Organisations.AsNoTracking().Where(org =>
            offerings.Any(o => o.Centre.OperatorId == org.Id) || programmes.Any(p => p.Partners.Any(pp => pp.OrganisationId == org.Id)));
    }

    /// <summary>Programmes whose last_modified is on or after <paramref name="afterUtc"/> (as HSDS words modified_after): a change to it or one of its offerings, else its publish time.</summary>
    public IQueryable<Programme> ModifiedAfter(IQueryable<Programme> programmes, DateTime afterUtc) =>
        programmes.Where(p =>
            db.CatalogueChanges.Any(c => c.ChangedAt >= afterUtc
                && ((c.ItemType == nameof(Programme) && c.ItemId == p.Id) || (c.ItemType == nameof(Offering) && p.Offerings.Any(o => o.Id == c.ItemId))))
            || (p.PublishFrom >= afterUtc && !db.CatalogueChanges.Any(c =>
                (c.ItemType == nameof(Programme) && c.ItemId == p.Id) || (c.ItemType == nameof(Offering) && p.Offerings.Any(o => o.Id == c.ItemId)))));

    /// <summary>Organisations with a catalogue change on or after <paramref name="afterUtc"/>.</summary>
    public IQueryable<Organisation> ModifiedAfter(IQueryable<Organisation> organisations, DateTime afterUtc) =>
        organisations.Where(org => db.CatalogueChanges.Any(c => c.ItemType == nameof(Organisation) && c.ItemId == org.Id && c.ChangedAt >= afterUtc));

    // ---------- everything (the complete export) ----------

    /// <summary>Every programme, in every publication state and publication window: the catalogue a complete export holds.</summary>
    public IQueryable<Programme> AllProgrammes() => db.Programmes.AsNoTracking();

    /// <summary>Every offering: past, future, archived, outside its publication window.</summary>
    public IQueryable<Offering> AllOfferings() => db.Offerings.AsNoTracking();

    /// <summary>Every service of the catalogue with every offering, full, in code order (<c>catalogue export --all</c>; never the API).</summary>
    public IAsyncEnumerable<HsdsService> EveryServiceAsync(HsdsMapContext context, CancellationToken cancellationToken = default) =>
        ServicesAsync(AllProgrammes(), context, CatalogueScope.Everything, cancellationToken);

    // ---------- services ----------

    /// <summary>Every public service, full, in code order.</summary>
    public IAsyncEnumerable<HsdsService> FullServicesAsync(HsdsMapContext context, CancellationToken cancellationToken = default) =>
        ServicesAsync(PublicProgrammes(), context, cancellationToken);

    /// <summary>The services of <paramref name="selection"/> (public programmes, narrowed), full, in code order, streamed in batches.</summary>
    public IAsyncEnumerable<HsdsService> ServicesAsync(IQueryable<Programme> selection, HsdsMapContext context, CancellationToken cancellationToken = default) =>
        ServicesAsync(selection, context, CatalogueScope.Public, cancellationToken);

    private async IAsyncEnumerable<HsdsService> ServicesAsync(
        IQueryable<Programme> selection, HsdsMapContext context, CatalogueScope scope, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var batch = await Next(selection, p => p.Code, after).Take(BatchSize).Select(p => new { p.Id, p.Code }).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            foreach (var service in await ServicesAsync(batch.Select(b => b.Id).ToList(), context, scope, cancellationToken)) yield return service;
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Code;
        }
    }

    /// <summary>Full services of these programmes (which the caller has checked are public), in the given order.</summary>
    public Task<IReadOnlyList<HsdsService>> ServicesAsync(IReadOnlyList<int> programmeIds, HsdsMapContext context, CancellationToken cancellationToken = default) =>
        ServicesAsync(programmeIds, context, CatalogueScope.Public, cancellationToken);

    /// <summary>Full services of these programmes with their public offerings, or with all of them for <see cref="CatalogueScope.Everything"/>.</summary>
    private async Task<IReadOnlyList<HsdsService>> ServicesAsync(
        IReadOnlyList<int> programmeIds, HsdsMapContext context, CatalogueScope scope, CancellationToken cancellationToken)
    {
        if (programmeIds.Count == 0) return [];
        var programmes = await db.Programmes.AsNoTracking().AsSplitQuery()
            .Where(p => programmeIds.Contains(p.Id))
            .Include(p => p.Texts)
            .Include(p => p.Partners).ThenInclude(pp => pp.Organisation)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var offeringSelection = scope == CatalogueScope.Everything ? AllOfferings() : PublicOfferings();
        var offerings = await LoadOfferingsAsync(offeringSelection.Where(o => programmeIds.Contains(o.ProgrammeId)), cancellationToken);
        foreach (var group in offerings.GroupBy(o => o.ProgrammeId)) programmes[group.Key].Offerings = [.. group];

        var lastModified = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id))
            .Select(p => new
            {
                p.Id,
                Changed = db.CatalogueChanges
                    .Where(c => (c.ItemType == nameof(Programme) && c.ItemId == p.Id) || (c.ItemType == nameof(Offering) && p.Offerings.Any(o => o.Id == c.ItemId)))
                    .Max(c => (DateTime?)c.ChangedAt),
                p.PublishFrom,
            })
            .ToDictionaryAsync(p => p.Id, p => p.Changed ?? p.PublishFrom, cancellationToken);

        var organisations = programmes.Values.SelectMany(p => p.Partners.Select(pp => pp.Organisation))
            .Concat(offerings.Select(o => o.Centre.Operator)).DistinctBy(o => o.Id).ToList();
        var withHistory = await WithHistoryAsync(context,
            programmes.Keys.Select(id => (nameof(Programme), id))
                .Concat(offerings.Select(o => (nameof(Offering), o.Id)))
                .Concat(offerings.Select(o => (nameof(Centre), o.CentreId)).Distinct())
                .Concat(organisations.Select(o => (nameof(Organisation), o.Id))),
            cancellationToken);

        return [.. programmeIds.Where(programmes.ContainsKey).Select(id => HsdsMapper.Service(programmes[id], withHistory,
            lastModified.GetValueOrDefault(id) is { } stamp ? new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Utc)) : null))];
    }

    // ---------- service at locations ----------

    public IAsyncEnumerable<HsdsServiceAtLocation> FullServiceAtLocationsAsync(HsdsMapContext context, CancellationToken cancellationToken = default) =>
        ServiceAtLocationsAsync(PublicOfferings(), context, cancellationToken);

    public async IAsyncEnumerable<HsdsServiceAtLocation> ServiceAtLocationsAsync(
        IQueryable<Offering> selection, HsdsMapContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var batch = await Next(selection, o => o.Code, after).Take(BatchSize).Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            foreach (var item in await ServiceAtLocationsAsync(batch.Select(b => b.Id).ToList(), context, cancellationToken)) yield return item;
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Code;
        }
    }

    /// <summary>These offerings (which the caller has checked are public) at their centres, in the given order.</summary>
    public async Task<IReadOnlyList<HsdsServiceAtLocation>> ServiceAtLocationsAsync(
        IReadOnlyList<int> offeringIds, HsdsMapContext context, CancellationToken cancellationToken = default)
    {
        if (offeringIds.Count == 0) return [];
        var offerings = await LoadOfferingsAsync(db.Offerings.AsNoTracking().Where(o => offeringIds.Contains(o.Id)), cancellationToken);
        var programmeIds = offerings.Select(o => o.ProgrammeId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var withHistory = await WithHistoryAsync(context,
            offerings.Select(o => (nameof(Offering), o.Id)).Concat(offerings.Select(o => (nameof(Centre), o.CentreId)).Distinct()),
            cancellationToken);
        var byId = offerings.ToDictionary(o => o.Id);
        return [.. offeringIds.Where(byId.ContainsKey).Select(id => HsdsMapper.ServiceAtLocation(byId[id], programmes[byId[id].ProgrammeId], withHistory))];
    }

    // ---------- organizations ----------

    public IAsyncEnumerable<HsdsOrganization> FullOrganizationsAsync(HsdsMapContext context, CancellationToken cancellationToken = default) =>
        OrganizationsAsync(PublicOrganisations(), context, cancellationToken);

    public async IAsyncEnumerable<HsdsOrganization> OrganizationsAsync(
        IQueryable<Organisation> selection, HsdsMapContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var batch = await Next(selection, o => o.Code, after).Take(BatchSize).Select(o => new { o.Id, o.Code }).ToListAsync(cancellationToken);
            if (batch.Count == 0) yield break;
            foreach (var item in await OrganizationsAsync(batch.Select(b => b.Id).ToList(), context, cancellationToken)) yield return item;
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Code;
        }
    }

    public async Task<IReadOnlyList<HsdsOrganization>> OrganizationsAsync(
        IReadOnlyList<int> organisationIds, HsdsMapContext context, CancellationToken cancellationToken = default)
    {
        if (organisationIds.Count == 0) return [];
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var withHistory = await WithHistoryAsync(context, organisations.Keys.Select(id => (nameof(Organisation), id)), cancellationToken);
        return [.. organisationIds.Where(organisations.ContainsKey).Select(id => HsdsMapper.Organization(organisations[id], withHistory))];
    }

    // ---------- taxonomies ----------

    /// <summary>The city's category taxonomy and the portal's own vocabulary.</summary>
    public static IReadOnlyList<HsdsTaxonomy> Taxonomies(HsdsMapContext context) => [HsdsMapper.CityTaxonomy(context.City), PortalVocabulary.Taxonomy];

    /// <summary>Every category of the city (tree order: parents before children, then by code), then the portal vocabulary's terms.</summary>
    public static IReadOnlyList<HsdsTaxonomyTerm> TaxonomyTerms(HsdsMapContext context)
    {
        var categories = context.Categories.Values
            .OrderBy(c => HsdsMapper.Lineage(c.Id, context).Count())
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => HsdsMapper.TaxonomyTerm(c, context));
        return [.. categories, .. PortalVocabulary.Codes.Select(PortalVocabulary.Term)];
    }

    // ---------- loading ----------

    private static IQueryable<T> Next<T>(IQueryable<T> selection, System.Linq.Expressions.Expression<Func<T, string>> code, string? after)
    {
        var ordered = selection.OrderBy(code);
        if (after is null) return ordered;
        var parameter = code.Parameters[0];
        var greater = System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(
            System.Linq.Expressions.Expression.GreaterThan(
                System.Linq.Expressions.Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!,
                    code.Body, System.Linq.Expressions.Expression.Constant(after)),
                System.Linq.Expressions.Expression.Constant(0)),
            parameter);
        return selection.Where(greater).OrderBy(code);
    }

    /// <summary>Offerings with their centres (operator, district, opening hours, rooms); each centre loaded once.</summary>
    private async Task<List<Offering>> LoadOfferingsAsync(IQueryable<Offering> offerings, CancellationToken cancellationToken)
    {
        var list = await offerings.ToListAsync(cancellationToken);
        var centreIds = list.Select(o => o.CentreId).Distinct().ToList();
        var centres = await db.Centres.AsNoTracking().AsSplitQuery()
            .Where(c => centreIds.Contains(c.Id))
            .Include(c => c.Operator).Include(c => c.District).Include(c => c.OpeningHours).Include(c => c.Rooms)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var offering in list) offering.Centre = centres[offering.CentreId];
        return list;
    }

    /// <summary>The context with the catalogue history of these items (oldest change first).</summary>
    private async Task<HsdsMapContext> WithHistoryAsync(
        HsdsMapContext context, IEnumerable<(string ItemType, int ItemId)> items, CancellationToken cancellationToken)
    {
        var history = new Dictionary<(string, int), IReadOnlyList<CatalogueChange>>();
        foreach (var type in items.GroupBy(i => i.ItemType))
        {
            var ids = type.Select(i => i.ItemId).Distinct().ToList();
            var changes = await db.CatalogueChanges.AsNoTracking()
                .Where(c => c.ItemType == type.Key && ids.Contains(c.ItemId))
                .OrderBy(c => c.ChangedAt).ThenBy(c => c.Id)
                .ToListAsync(cancellationToken);
            foreach (var group in changes.GroupBy(c => c.ItemId)) history[(type.Key, group.Key)] = [.. group];
        }
        return new HsdsMapContext { City = context.City, Categories = context.Categories, BaseAddress = context.BaseAddress, History = history };
    }
}

/// <summary>What a catalogue query holds: the public catalogue (API, default export) or everything (the complete export).</summary>
public enum CatalogueScope { Public, Everything }
