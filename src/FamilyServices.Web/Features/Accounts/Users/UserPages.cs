using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Accounts.Users;

/// <summary>A centre to choose on the user pages.</summary>
public sealed record CentreChoice(int Id, string Name);

/// <summary>What the three user pages share: their addresses, the centres to choose from, and refusals in words.</summary>
public static class UserPages
{
    public const string ListPath = "/admin/users";
    public const string InvitePath = "/admin/users/new";

    public static string PathFor(string userId) => $"{ListPath}/{Uri.EscapeDataString(userId)}";

    public static string ActorId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static async Task<List<CentreChoice>> CentresAsync(FamilyServicesDb db, CancellationToken cancellationToken = default) =>
        (await db.Centres.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Code).Select(c => new { c.Id, c.Name, c.Code }).ToListAsync(cancellationToken))
            .Select(c => new CentreChoice(c.Id, $"{c.Name} ({c.Code})")).ToList();

    /// <summary>The field a refusal belongs to (for the mark on the form) and what to tell the Admin.</summary>
    public static (string Field, string Message) Describe(AccountRefusal refusal, IStringLocalizer<Text> t) => Describe(refusal.Problem, t, refusal.Detail);

    public static (string Field, string Message) Describe(AccountProblem problem, IStringLocalizer<Text> t, string? detail = null) => problem switch
    {
        AccountProblem.EmailInvalid => ("email", t["UsersProblemEmailInvalid"]),
        AccountProblem.EmailTaken => ("email", t["UsersProblemEmailTaken"]),
        AccountProblem.DisplayNameTooLong => ("displayName", t["UsersProblemDisplayNameTooLong", StaffAccountAdministration.DisplayNameLength]),
        AccountProblem.DisplayNameInvalid => ("displayName", t["UsersProblemDisplayNameInvalid"]),
        AccountProblem.RoleMissing => ("roles", t["UsersProblemRoleMissing"]),
        AccountProblem.RoleUnknown => ("roles", t["UsersProblemRoleUnknown"]),
        AccountProblem.OwnAdminRole => ("roles", t["UsersProblemOwnAdminRole"]),
        AccountProblem.CentreUnknown => ("centres", t["UsersProblemCentreUnknown"]),
        AccountProblem.CentreMissing => ("centres", t["UsersProblemCentreMissing"]),
        AccountProblem.OwnDeactivation => ("deactivate", t["UsersProblemOwnDeactivation"]),
        AccountProblem.NotFound => ("", t["UsersProblemNotFound"]),
        _ => ("", t["UsersProblemRefused", detail ?? ""]),
    };
}
