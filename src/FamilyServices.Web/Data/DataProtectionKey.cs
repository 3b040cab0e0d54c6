namespace FamilyServices.Web.Data;

/// <summary>One ASP.NET Core Data Protection key, kept in the database so restarts and every instance share cookies.</summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public required string Xml { get; set; }
}
