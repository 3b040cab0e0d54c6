namespace FamilyServices.Web.Domain;

/// <summary>An operator of centres or a partner in programmes: a city department, a welfare association, a library...</summary>
public class Organisation
{
    public int Id { get; set; }

    /// <summary>Its id in the open data (HSDS): a UUID that never changes, also across imports and demo reloads.</summary>
    public Guid OpenDataId { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? Website { get; set; }

    /// <summary>PostgreSQL's row version (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }
}
