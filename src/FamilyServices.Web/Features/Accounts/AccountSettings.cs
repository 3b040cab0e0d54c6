using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Accounts;

/// <summary>
/// How long a sign-in lasts and who must use two-factor sign-in, from <c>Portal:Accounts</c> (see docs/operations.md).
/// </summary>
public sealed class AccountSettings
{
    public const string Section = "Portal:Accounts";

    /// <summary>Roles whose accounts must set up an authenticator app before they can use the portal.</summary>
    public IReadOnlyList<string> TwoFactorRequiredRoles { get; init; } = [Roles.Admin, Roles.Editor, Roles.Official];

    /// <summary>A sign-in ends after this long without a request.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A sign-in ends this long after the password was given, however busy the person is.</summary>
    public TimeSpan Absolute { get; init; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How often an open staff page (a circuit) checks that its sign-in still holds: the account is active, was not
    /// signed out everywhere, and neither limit has passed. Half a minute, so a deactivated account loses its pages
    /// within a minute.
    /// </summary>
    public TimeSpan CircuitRevalidation { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Read by hand rather than bound, so an empty <c>TwoFactorRequiredRoles</c> means "nobody" (a binder would keep the
    /// default) and an unknown role name stops the portal at start instead of silently requiring nothing.
    /// </summary>
    public static AccountSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var required = section["TwoFactorRequiredRoles"] is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => Roles.Find(name) ?? throw new InvalidOperationException(
                    $"{Section}:TwoFactorRequiredRoles names an unknown role \"{name}\"; known roles: {string.Join(", ", Roles.All)}."))
                .Distinct().ToList()
            : [Roles.Admin, Roles.Editor, Roles.Official];
        var idle = section.GetValue("IdleMinutes", 30);
        var absolute = section.GetValue("AbsoluteHours", 8);
        if (idle < 1) throw new InvalidOperationException($"{Section}:IdleMinutes must be at least 1.");
        if (absolute < 1) throw new InvalidOperationException($"{Section}:AbsoluteHours must be at least 1.");
        var revalidation = section.GetValue("CircuitRevalidationSeconds", 30);
        if (revalidation is < 1 or > 60) throw new InvalidOperationException($"{Section}:CircuitRevalidationSeconds must be between 1 and 60.");
        return new AccountSettings
        {
            TwoFactorRequiredRoles = required, Idle = TimeSpan.FromMinutes(idle), Absolute = TimeSpan.FromHours(absolute),
            CircuitRevalidation = TimeSpan.FromSeconds(revalidation),
        };
    }

    public bool RequiresTwoFactor(IEnumerable<string> roles) => roles.Any(TwoFactorRequiredRoles.Contains);
}
