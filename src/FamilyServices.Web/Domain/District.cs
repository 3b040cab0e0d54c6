namespace FamilyServices.Web.Domain;

public class District
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>A district the city gives extra support (Aandachtswijk, Fokusstadtteil, öncelikli mahalle).</summary>
    public bool IsFocusArea { get; set; }

    public List<DistrictPopulation> Population { get; set; } = [];

    /// <summary>PostgreSQL's row version (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

/// <summary>Children living in a district in a year and age band: the denominator of reach rates.</summary>
public class DistrictPopulation
{
    public int DistrictId { get; set; }
    public int Year { get; set; }
    public required string AgeBand { get; set; }
    public int Children { get; set; }
}
