using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>
/// The roles and centres an Admin is choosing for an account, as the user pages hold them while the Admin works: a set
/// of roles, and per centre "staff" (works there), "coordinator" (coordinates it) or nothing. <see cref="Problem"/>
/// applies the same rules as the save (<see cref="StaffAccountAdministration.Access"/>), so the page can say what is
/// missing as the Admin chooses; the save checks everything again.
/// </summary>
public sealed class UserAccessForm
{
    public const string Staff = "staff";
    public const string Coordinator = "coordinator";

    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, bool> _centres = [];

    /// <summary>The chosen roles, in the order of <see cref="Domain.Roles.All"/>.</summary>
    public IReadOnlyList<string> Roles => [.. Domain.Roles.All.Where(_roles.Contains)];

    public IReadOnlyList<CentreAccess> Centres => [.. _centres.OrderBy(c => c.Key).Select(c => new CentreAccess(c.Key, c.Value))];

    public bool Has(string role) => _roles.Contains(role);

    /// <summary>Turns a role on or off; a name that is not a role is ignored.</summary>
    public void Set(string role, bool on)
    {
        if (Domain.Roles.Find(role) is not { } known) return;
        if (on) _roles.Add(known);
        else _roles.Remove(known);
    }

    /// <summary>"staff", "coordinator" or "" for the centre.</summary>
    public string ValueFor(int centreId) => _centres.TryGetValue(centreId, out var coordinates) ? coordinates ? Coordinator : Staff : "";

    /// <summary>Sets a centre to "staff", "coordinator" or anything else (nothing).</summary>
    public void Choose(int centreId, string? value)
    {
        switch (value)
        {
            case Staff: _centres[centreId] = false; break;
            case Coordinator: _centres[centreId] = true; break;
            default: _centres.Remove(centreId); break;
        }
    }

    /// <summary>What the save would refuse in these choices (unknown centres aside, which only the database knows).</summary>
    public AccountProblem? Problem => StaffAccountAdministration.Access(Roles, Centres).Problem;

    public static UserAccessForm From(IEnumerable<string> roles, IEnumerable<CentreAccess> centres)
    {
        var form = new UserAccessForm();
        foreach (var role in roles) form.Set(role, true);
        foreach (var centre in centres) form.Choose(centre.CentreId, centre.IsCoordinator ? Coordinator : Staff);
        return form;
    }
}
