using System.Globalization;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>
/// The roles and centres of an account as the user pages post them: a checkbox "roles" per role, and per centre a
/// field "centre-{id}" that says "staff" (works there), "coordinator" (coordinates it) or nothing.
/// </summary>
public sealed class UserAccessForm
{
    public const string Staff = "staff";
    public const string Coordinator = "coordinator";

    public List<string> Roles { get; init; } = [];
    public List<CentreAccess> Centres { get; init; } = [];

    public static string FieldFor(int centreId) => $"centre-{centreId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"staff", "coordinator" or "" for the centre's field.</summary>
    public string ValueFor(int centreId) => Centres.FirstOrDefault(c => c.CentreId == centreId) switch
    {
        null => "",
        { IsCoordinator: true } => Coordinator,
        _ => Staff,
    };

    /// <summary>The posted values; fields of centres that are not offered are ignored (and so never saved).</summary>
    public static UserAccessForm Read(IFormCollection form, IEnumerable<int> centreIds) => new()
    {
        Roles = form["roles"].Select(r => Domain.Roles.Find(r ?? "") ?? r ?? "").Where(r => r.Length > 0).Distinct().ToList(),
        Centres = centreIds.Select(id => form[FieldFor(id)].ToString() switch
        {
            Staff => new CentreAccess(id, false),
            Coordinator => new CentreAccess(id, true),
            _ => null,
        }).OfType<CentreAccess>().ToList(),
    };

    public static UserAccessForm From(IEnumerable<string> roles, IEnumerable<StaffCentre> centres) => new()
    {
        Roles = roles.ToList(),
        Centres = centres.Select(c => new CentreAccess(c.CentreId, c.IsCoordinator)).ToList(),
    };
}
