namespace FamilyServices.Web.Domain;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string CentreStaff = "CentreStaff";
    public const string Official = "Official";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, CentreStaff, Official];

    /// <summary>Case-insensitive match against the known roles, returning the canonical spelling.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(role => string.Equals(role, name, StringComparison.OrdinalIgnoreCase));
}
