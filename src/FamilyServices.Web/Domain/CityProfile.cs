namespace FamilyServices.Web.Domain;

/// <summary>The one city this installation serves: its name, default content language, time zone and map centre.</summary>
public class CityProfile
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string DefaultLanguage { get; set; }
    public required string TimeZone { get; set; }
    public required string Currency { get; set; }
    public double MapLatitude { get; set; }
    public double MapLongitude { get; set; }
}
