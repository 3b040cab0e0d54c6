using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.OpenData.Import;

// What a checked dataset asks for, in the portal's terms: CatalogueImport fills these while it checks, and writes
// them only when no problem was found.

internal sealed record OrganisationPlan(Guid Id, string Name, string? Code, OrganisationKind Kind, string? Website);

internal sealed record CategoryPlan(Guid Id, string? Code, string Name, Guid? ParentId, IReadOnlyDictionary<string, string> Translations);

internal sealed record CentrePlan
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? Code { get; init; }
    public CentreType Type { get; init; }
    public Guid? OperatorId { get; init; }
    public string? DistrictCode { get; init; }
    public required string Street { get; init; }
    public required string Postcode { get; init; }
    public required string Locality { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Phone { get; init; }
    public string? Website { get; init; }
    public string? Email { get; init; }
    public List<RoomPlan> Rooms { get; init; } = [];
    public string? TimeZone { get; init; }
    public string[] Accessibility { get; init; } = [];
    public string[] Languages { get; init; } = [];
    public bool Closed { get; init; }
    public DateOnly? ClosedUntil { get; init; }
    public string? ClosedReason { get; init; }
    public List<(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)> OpeningHours { get; init; } = [];
}

internal sealed record RoomPlan(string Name, RoomKind Kind, int? Capacity);

internal sealed record TextPlan(string Title, string Summary, string Description, string? CostNote, string? RegistrationNote);

internal sealed record ProgrammePlan
{
    public required Guid Id { get; init; }
    public required Guid OrganisationId { get; init; }
    public string? Code { get; init; }
    public required string Name { get; init; }
    public ProgrammeType Type { get; init; }
    public Guid? CategoryId { get; init; }
    public Audience Audience { get; init; }
    public int MinAgeMonths { get; init; }
    public int MaxAgeMonths { get; init; }
    public bool IsFree { get; init; }
    public decimal? PriceAmount { get; init; }
    public RegistrationMode RegistrationMode { get; init; }
    public string? RegistrationUrl { get; init; }
    public string[] DeliveryLanguages { get; init; } = [];
    public DateOnly? LastCheckedOn { get; init; }
    public required Dictionary<string, TextPlan> Texts { get; init; }
    public List<string> PartnerCodes { get; init; } = [];
    /// <summary>From a publication-state attribute; null when the dataset says nothing (then --publish decides).</summary>
    public PublicationState? PublicationState { get; init; }
    public List<OfferingPlan> Offerings { get; init; } = [];
}

internal sealed record OfferingPlan
{
    public required Guid Id { get; init; }
    public required Guid LocationId { get; init; }
    public string? Code { get; init; }
    public required Schedule Schedule { get; init; }
    public bool IsOnline { get; init; }
    public string? OnlineUrl { get; init; }
    public int? Capacity { get; init; }
    public OfferingStatus Status { get; init; }
    public string? StatusNote { get; init; }
    /// <summary>The name of a room of its centre (room attribute); null leaves the offering's room as it is.</summary>
    public string? RoomName { get; init; }
    public PublicationState? PublicationState { get; init; }
}
