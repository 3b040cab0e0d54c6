using System.Text.Json;
using System.Text.Json.Serialization;

namespace FamilyServices.Web.Features.OpenData.Hsds;

// The objects of Open Referral HSDS 3.0 that the portal writes (API, export) and reads (import). Property names
// become the specification's snake_case through HsdsJson.Options; a null is left out, because the schemas type
// most fields as a plain string. Only the fields the portal maps are here: an import ignores the others.

public sealed record HsdsService
{
    public required Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public required string Name { get; init; }
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    /// <summary>active, inactive, defunct or temporarily closed.</summary>
    public required string Status { get; init; }
    public string? ApplicationProcess { get; init; }
    public string? FeesDescription { get; init; }
    public string? EligibilityDescription { get; init; }
    public decimal? MinimumAge { get; init; }
    public decimal? MaximumAge { get; init; }
    /// <summary>yyyy-MM-dd: when an editor last checked the entry.</summary>
    public string? AssuredDate { get; init; }
    public string? Alert { get; init; }
    public DateTimeOffset? LastModified { get; init; }
    public List<HsdsPhone>? Phones { get; init; }
    public List<HsdsSchedule>? Schedules { get; init; }
    public List<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }
    public List<HsdsLanguage>? Languages { get; init; }
    public HsdsOrganization? Organization { get; init; }
    public List<HsdsCostOption>? CostOptions { get; init; }
    public List<HsdsAttribute>? Attributes { get; init; }
    public List<HsdsMetadata>? Metadata { get; init; }
}

public sealed record HsdsOrganization
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? AlternateName { get; init; }
    /// <summary>Required by the schema; the portal has none, so it writes the name's kind ("Library", ...) when empty.</summary>
    public required string Description { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public Guid? ParentOrganizationId { get; init; }
    public List<HsdsPhone>? Phones { get; init; }
    public List<HsdsLocation>? Locations { get; init; }
    public List<HsdsOrganizationIdentifier>? OrganizationIdentifiers { get; init; }
    public List<HsdsAttribute>? Attributes { get; init; }
    public List<HsdsMetadata>? Metadata { get; init; }
}

public sealed record HsdsOrganizationIdentifier
{
    public required Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? IdentifierScheme { get; init; }
    public required string IdentifierType { get; init; }
    public required string Identifier { get; init; }
}

public sealed record HsdsLocation
{
    public required Guid Id { get; init; }
    /// <summary>physical, postal or virtual.</summary>
    public required string LocationType { get; init; }
    public string? Url { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? Name { get; init; }
    public string? AlternateName { get; init; }
    public string? Description { get; init; }
    public string? Transportation { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    /// <summary>The portal's centre code, e.g. "IZM"; <see cref="ExternalIdentifierType"/> says so.</summary>
    public string? ExternalIdentifier { get; init; }
    public string? ExternalIdentifierType { get; init; }
    public List<HsdsLanguage>? Languages { get; init; }
    public List<HsdsAddress>? Addresses { get; init; }
    public List<HsdsAccessibility>? Accessibility { get; init; }
    public List<HsdsPhone>? Phones { get; init; }
    /// <summary>The portal writes one, the centre's public e-mail address (no person's name).</summary>
    public List<HsdsContact>? Contacts { get; init; }
    public List<HsdsSchedule>? Schedules { get; init; }
    public List<HsdsAttribute>? Attributes { get; init; }
    public List<HsdsMetadata>? Metadata { get; init; }
}

/// <summary>HSDS 3.0 contact: how to reach an organization, service, service_at_location or location.</summary>
public sealed record HsdsContact
{
    public required Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? ServiceAtLocationId { get; init; }
    public Guid? LocationId { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Department { get; init; }
    public string? Email { get; init; }
    public List<HsdsPhone>? Phones { get; init; }
}

public sealed record HsdsServiceAtLocation
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? LocationId { get; init; }
    public string? Description { get; init; }
    public List<HsdsPhone>? Phones { get; init; }
    public List<HsdsSchedule>? Schedules { get; init; }
    public HsdsLocation? Location { get; init; }
    public List<HsdsAttribute>? Attributes { get; init; }
    public List<HsdsMetadata>? Metadata { get; init; }
}

public sealed record HsdsAddress
{
    public required Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    // The specification writes these with an underscore before the digit, which the snake_case policy does not.
    [JsonPropertyName("address_1")]
    public required string Address1 { get; init; }
    [JsonPropertyName("address_2")]
    public string? Address2 { get; init; }
    public required string City { get; init; }
    public string? Region { get; init; }
    public required string StateProvince { get; init; }
    public required string PostalCode { get; init; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string Country { get; init; }
    public required string AddressType { get; init; }
}

public sealed record HsdsPhone
{
    public required Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? OrganizationId { get; init; }
    public required string Number { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
}

public sealed record HsdsSchedule
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? LocationId { get; init; }
    public Guid? ServiceAtLocationId { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? Dtstart { get; init; }
    public string? Until { get; init; }
    /// <summary>WEEKLY or MONTHLY.</summary>
    public string? Freq { get; init; }
    public int? Interval { get; init; }
    /// <summary>Comma-separated two-letter days: "MO,WE".</summary>
    public string? Byday { get; init; }
    public string? Wkst { get; init; }
    public string? Description { get; init; }
    /// <summary>HH:mm:ss in the local time of the location.</summary>
    public string? OpensAt { get; init; }
    public string? ClosesAt { get; init; }
    public string? ScheduleLink { get; init; }
    public string? AttendingType { get; init; }
    public string? Notes { get; init; }
    public List<HsdsAttribute>? Attributes { get; init; }
}

public sealed record HsdsLanguage
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? LocationId { get; init; }
    public string? Name { get; init; }
    /// <summary>ISO 639-1.</summary>
    public string? Code { get; init; }
    public string? Note { get; init; }
}

public sealed record HsdsCostOption
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? Option { get; init; }
    /// <summary>ISO 4217.</summary>
    public string? Currency { get; init; }
    public decimal? Amount { get; init; }
    public string? AmountDescription { get; init; }
}

public sealed record HsdsAccessibility
{
    public required Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    public string? Description { get; init; }
    public string? Details { get; init; }
    public string? Url { get; init; }
}

public sealed record HsdsTaxonomy
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Uri { get; init; }
    public string? Version { get; init; }
}

public sealed record HsdsTaxonomyTerm
{
    public required Guid Id { get; init; }
    public string? Code { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public Guid? ParentId { get; init; }
    public string? Taxonomy { get; init; }
    public HsdsTaxonomy? TaxonomyDetail { get; init; }
    public string? Language { get; init; }
    public Guid? TaxonomyId { get; init; }
    public string? TermUri { get; init; }
}

/// <summary>
/// Links a taxonomy term to any object. The portal uses it for the service's categories (terms of the city's category
/// taxonomy) and for what HSDS has no field for (terms of <see cref="PortalVocabulary"/>: texts in further languages,
/// programme type, audience, codes, capacity...).
/// </summary>
public sealed record HsdsAttribute
{
    public required Guid Id { get; init; }
    public Guid? LinkId { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public string? LinkType { get; init; }
    public string? LinkEntity { get; init; }
    public string? Value { get; init; }
    public HsdsTaxonomyTerm? TaxonomyTerm { get; init; }
}

public sealed record HsdsMetadata
{
    public required Guid Id { get; init; }
    public Guid? ResourceId { get; init; }
    public string? ResourceType { get; init; }
    public required string LastActionDate { get; init; }
    public required string LastActionType { get; init; }
    public required string FieldName { get; init; }
    public required string PreviousValue { get; init; }
    public required string ReplacementValue { get; init; }
    /// <summary>A role at most ("editor", "import"): never a person's name.</summary>
    public required string UpdatedBy { get; init; }
}

/// <summary>The paging wrapper of every HSDS list endpoint.</summary>
public sealed record HsdsPage<T>
{
    public required int TotalItems { get; init; }
    public required int TotalPages { get; init; }
    public required int PageNumber { get; init; }
    public required int Size { get; init; }
    public required bool FirstPage { get; init; }
    public required bool LastPage { get; init; }
    public required bool Empty { get; init; }
    public required IReadOnlyList<T> Contents { get; init; }
}

public static class HsdsPage
{
    /// <summary>The wrapper for one page of <paramref name="totalItems"/> items, <paramref name="perPage"/> a page (page numbers from 1).</summary>
    public static HsdsPage<T> Of<T>(IReadOnlyList<T> contents, int totalItems, int pageNumber, int perPage)
    {
        var totalPages = totalItems == 0 ? 0 : (totalItems + perPage - 1) / perPage;
        return new HsdsPage<T>
        {
            TotalItems = totalItems,
            TotalPages = totalPages,
            PageNumber = pageNumber,
            Size = contents.Count,
            FirstPage = pageNumber == 1,
            LastPage = pageNumber >= totalPages,
            Empty = contents.Count == 0,
            Contents = contents,
        };
    }
}

public static class HsdsJson
{
    /// <summary>snake_case names, nulls left out, numbers as numbers: what the HSDS schemas accept.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        // Names and descriptions in Turkish, German or Dutch are written as they are, not as \u0131 escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
