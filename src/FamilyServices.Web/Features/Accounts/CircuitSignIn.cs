using System.Security.Claims;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.SignIn;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyServices.Web.Features.Accounts;

/// <summary>
/// Sign-in in the interactive staff area. A page request is checked by the cookie on every request; an open page (a
/// circuit) lives on without requests, so it is checked here instead: every handler asks <see cref="CurrentStaff"/>
/// for the account as the database knows it now, and <see cref="StaffCircuitRevalidation"/> ends the circuit's
/// sign-in within <see cref="AccountSettings.CircuitRevalidation"/> of a deactivation or "sign out everywhere".
/// </summary>
public static class CircuitSignIn
{
    public static WebApplicationBuilder AddCircuitSignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StaffSignInCheck>();
        builder.Services.AddScoped<CurrentStaff>();
        builder.Services.AddScoped<AuthenticationStateProvider, StaffCircuitRevalidation>();
        return builder;
    }
}

/// <summary>Why a circuit's sign-in no longer holds, if it does not.</summary>
public enum SignInProblem
{
    None,
    NotSignedIn,
    AccountGone,
    Deactivated,
    SignedOutEverywhere,
    TooOld,
    Idle,
}

/// <summary>
/// The signed-in staff member of this circuit (or request), read afresh from the database: an event handler calls
/// <see cref="GetAsync"/> and gets a principal with the account's current roles and centres, or null when the
/// account was deactivated, signed out everywhere, or its sign-in is past the absolute or idle limit. Rules that take
/// a <see cref="ClaimsPrincipal"/> (centre scope, editor rights) then decide with today's facts, not with the claims
/// the circuit started with.
/// </summary>
public sealed class CurrentStaff(AuthenticationStateProvider authentication, StaffSignInCheck check)
{
    /// <summary>The principal as of now, or null when the sign-in no longer holds. Counts as the person's activity.</summary>
    public async Task<ClaimsPrincipal?> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var (principal, problem) = await check.CheckAsync(state.User, touch: true);
        return problem == SignInProblem.None ? principal : null;
    }

    /// <summary>The principal as of now if it is in one of <paramref name="roles"/> (comma-separated), else null.</summary>
    public async Task<ClaimsPrincipal?> GetInRoleAsync(string roles)
    {
        var principal = await GetAsync();
        return principal is not null && roles.Split(',').Any(principal.IsInRole) ? principal : null;
    }
}

/// <summary>
/// Whether a circuit's sign-in still holds, with the same rules as the cookie's: the account exists and is active,
/// its security stamp is unchanged (no "sign out everywhere", no new password), the absolute limit has not passed,
/// and the person did something within the idle limit. One per circuit: it remembers the last activity.
/// </summary>
public sealed class StaffSignInCheck(IServiceScopeFactory scopes, AccountSettings settings, IOptions<IdentityOptions> identityOptions, TimeProvider clock)
{
    private DateTimeOffset? _lastActivity;

    /// <summary><paramref name="touch"/>: the call counts as the person's activity (handlers and page loads do, the periodic check does not).</summary>
    public async Task<(ClaimsPrincipal? Principal, SignInProblem Problem)> CheckAsync(ClaimsPrincipal circuitUser, bool touch)
    {
        if (circuitUser.Identity?.IsAuthenticated != true) return (null, SignInProblem.NotSignedIn);
        var now = clock.GetUtcNow();
        if (!SessionLifetime.SignedInRecently(circuitUser, now, settings.Absolute)) return (null, SignInProblem.TooOld);
        if (_lastActivity is { } last && now - last >= settings.Idle) return (null, SignInProblem.Idle);

        // A scope of its own: a circuit's scoped services (and DbContext) live as long as the circuit, and this must
        // read the account as it is now.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(circuitUser);
        if (user is null) return (null, SignInProblem.AccountGone);
        if (!user.IsActive) return (null, SignInProblem.Deactivated);
        var stamp = circuitUser.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        if (stamp is null || stamp != await users.GetSecurityStampAsync(user)) return (null, SignInProblem.SignedOutEverywhere);

        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
        if (circuitUser.FindFirst(SessionLifetime.SignedInAtClaim) is { } signedInAt && principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionLifetime.SignedInAtClaim, signedInAt.Value));
        }
        if (touch || _lastActivity is null) _lastActivity = now;
        return (principal, SignInProblem.None);
    }
}

/// <summary>
/// Checks an open circuit's sign-in every <see cref="AccountSettings.CircuitRevalidation"/>; when it no longer holds,
/// the circuit's user becomes anonymous and the staff layout sends the browser to the sign-in page.
/// </summary>
public sealed partial class StaffCircuitRevalidation(ILoggerFactory loggerFactory, AccountSettings settings, StaffSignInCheck check)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<StaffCircuitRevalidation>();

    protected override TimeSpan RevalidationInterval => settings.CircuitRevalidation;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true) return true;
        // The same checks as a handler's, without counting as activity: a page left open is idle.
        var (_, problem) = await check.CheckAsync(authenticationState.User, touch: false);
        if (problem == SignInProblem.None) return true;
        var userId = authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        LogCircuitSignInEnded(_logger, userId, problem);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An open staff page of account {UserId} was signed out: {Problem}")]
    private static partial void LogCircuitSignInEnded(ILogger logger, string userId, SignInProblem problem);
}
