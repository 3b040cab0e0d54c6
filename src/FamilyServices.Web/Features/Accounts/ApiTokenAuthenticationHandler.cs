using System.Security.Claims;
using System.Text.Encodings.Web;
using FamilyServices.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FamilyServices.Web.Features.Accounts;

/// <summary>
/// Authenticates "Authorization: Bearer fs_..." with a personal API token. The principal carries the owner's
/// current roles and centres, read on every request, so a changed role or centre applies at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    UserManager<Domain.StaffUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();

        var found = await tokens.FindActiveAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is null) return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");

        var (token, user) = found.Value;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.Email ?? user.Id),
            new("fs:token", token.Id.ToString()),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(role => new Claim(ClaimTypes.Role, role)));
        claims.AddRange(user.Centres.Select(c => new Claim(StaffAccounts.CentreClaim, c.CentreId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        claims.AddRange(user.Centres.Where(c => c.IsCoordinator)
            .Select(c => new Claim(StaffAccounts.CoordinatorClaim, c.CentreId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
