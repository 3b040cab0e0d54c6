namespace FamilyServices.Web.Domain;

/// <summary>A postcode of the city with its centre point: lets parents search "near 41040" without an external geocoder.</summary>
public class Postcode
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Locality { get; set; }
    public int? DistrictId { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}
