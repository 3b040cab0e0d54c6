using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.OpenData.Hsds;

/// <summary>
/// The portal's own taxonomy for what HSDS 3.0 has no field for. Each fact is an HSDS attribute whose taxonomy term
/// is one of these, whose link_id/link_type say which object it describes and whose value holds the fact, so the
/// documents stay valid HSDS and another portal can ignore what it does not know. Ids are name-based: never rename
/// a code. docs/open-data.md lists them with examples.
/// </summary>
public static class PortalVocabulary
{
    public static readonly Guid TaxonomyId = OpenDataIds.NameBased(OpenDataIds.Namespace, "taxonomy/familyservices");

    public static readonly HsdsTaxonomy Taxonomy = new()
    {
        Id = TaxonomyId,
        Name = "FamilyServices",
        Description = "Facts of the FamilyServices portal that HSDS 3.0 has no field for: texts in further languages, codes, programme types, audiences.",
        Version = "1",
    };

    /// <summary>value: JSON object {"language":"en", and the translated fields by their HSDS names: "name", "description", ...}.</summary>
    public const string Translation = "translation";
    /// <summary>value: the item's short code in the portal (programme "KOC-ZUMBA", offering "IZM-ZUM-25", organisation, category).</summary>
    public const string Code = "code";
    /// <summary>value on a service: child-class, workshop, course, parent-education, counselling, early-help, movement-and-sport, learning-support, open-meeting.</summary>
    public const string ProgrammeType = "programme-type";
    /// <summary>value on a service: children, parents, families, comma-separated.</summary>
    public const string Audience = "audience";
    /// <summary>value on a service: not-needed, at-centre, by-phone, online.</summary>
    public const string RegistrationMode = "registration-mode";
    /// <summary>value on an organization: municipal-department, welfare-association, school, childcare-provider, health-service, library, sports-club, cultural-institution, other.</summary>
    public const string OrganisationKind = "organisation-kind";
    /// <summary>
    /// value on a service: a partner organisation (the delivering one is organization_id), a JSON object
    /// {"code":"STADTBIB","name":"Stadtbibliothek","kind":"library","website":"https://..."} (website left out when none).
    /// An import also accepts the bare code, the form of earlier exports.
    /// </summary>
    public const string Partner = "partner";
    /// <summary>value on a location: family-centre, child-centre, kita, school, library, community-centre.</summary>
    public const string CentreType = "centre-type";
    /// <summary>value on a location: the code of the city district it lies in.</summary>
    public const string District = "district";
    /// <summary>value on a location: the IANA time zone its times are in.</summary>
    public const string TimeZone = "time-zone";
    /// <summary>value on a location: "closed until yyyy-MM-dd: reason" while a centre is temporarily closed.</summary>
    public const string ClosedUntil = "closed-until";
    /// <summary>value on a service_at_location: the number of places.</summary>
    public const string Capacity = "capacity";
    /// <summary>value on a service_at_location: full or cancelled, with the note after a colon.</summary>
    public const string OfferingStatus = "offering-status";
    /// <summary>value on a service_at_location: the address of an online offering.</summary>
    public const string OnlineUrl = "online-url";
    /// <summary>value on a schedule: dates it does not meet (holidays), yyyy-MM-dd separated by spaces.</summary>
    public const string ExcludedDates = "excluded-dates";
    /// <summary>value on a schedule: dates it meets besides (or, without freq, instead of) a weekly pattern.</summary>
    public const string ExtraDates = "extra-dates";

    /// <summary>
    /// value on a service or service_at_location that is not published: draft, in-review or archived. Published items
    /// carry none (the API shows only those), so only a complete export (<c>catalogue export --all</c>) has it.
    /// </summary>
    public const string PublicationState = "publication-state";
    /// <summary>
    /// value on a location: one room, a JSON object {"name":"Saal","kind":"meeting-room","capacity":20} (capacity left out
    /// when unknown); one attribute per room. On a service_at_location: the name of the room it meets in.
    /// </summary>
    public const string Room = "room";
    /// <summary>
    /// value on a location: the organisation that runs it, in full like a partner: {"code":..,"name":..,"kind":..,"website":..}.
    /// A list of services nests only the delivering organisation, so without it a centre's other operator arrives by its id alone.
    /// </summary>
    public const string Operator = "operator";

    public static readonly IReadOnlyList<string> Codes =
    [
        Translation, Code, ProgrammeType, Audience, RegistrationMode, OrganisationKind, Partner, CentreType, District,
        TimeZone, ClosedUntil, Capacity, OfferingStatus, OnlineUrl, ExcludedDates, ExtraDates, PublicationState, Room, Operator,
    ];

    public static Guid TermId(string code) => OpenDataIds.NameBased(TaxonomyId, code);

    public static HsdsTaxonomyTerm Term(string code) => new()
    {
        Id = TermId(code),
        Code = code,
        Name = code,
        Description = $"FamilyServices portal: {code}",
        TaxonomyId = TaxonomyId,
        Taxonomy = Taxonomy.Name,
    };

    /// <summary>The attribute saying <paramref name="value"/> about the object <paramref name="linkId"/> of HSDS type <paramref name="linkType"/>.</summary>
    public static HsdsAttribute Attribute(string code, Guid linkId, string linkType, string value) => Attribute(code, linkId, linkType, value, value);

    /// <summary>
    /// The same, with the id derived from <paramref name="key"/> instead of the value: for values that are JSON objects
    /// (a room, a partner), whose id stays the same when a detail of the object changes.
    /// </summary>
    public static HsdsAttribute Attribute(string code, Guid linkId, string linkType, string value, string key) => new()
    {
        Id = OpenDataIds.Derived(linkId, $"attribute/{code}/{key}"),
        LinkId = linkId,
        LinkType = linkType,
        LinkEntity = linkType,
        TaxonomyTermId = TermId(code),
        TaxonomyTerm = Term(code),
        Value = value,
    };
}
