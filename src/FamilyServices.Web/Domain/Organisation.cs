namespace FamilyServices.Web.Domain;

/// <summary>An operator of centres or a partner in programmes: a city department, a welfare association, a library...</summary>
public class Organisation
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public OrganisationKind Kind { get; set; }
    public string? Website { get; set; }

    /// <summary>PostgreSQL's row version (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }
}
