using System.Security.Claims;
using FamilyServices.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Accounts;

public static class AccountApi
{
    public sealed record CurrentAccount(string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Centres);

    public static WebApplication MapAccountApi(this WebApplication app)
    {
        app.MapGet("/api/v1/me", GetCurrentAccount)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiTokenAuthenticationHandler.SchemeName });
        return app;
    }

    /// <summary>Who a token belongs to, with its roles and centres: lets an integrator check a token before using it.</summary>
    private static async Task<Ok<CurrentAccount>> GetCurrentAccount(ClaimsPrincipal principal, FamilyServicesDb db, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var centreCodes = await db.StaffCentres.Where(s => s.UserId == userId)
            .OrderBy(s => s.Centre.Code).Select(s => s.Centre.Code).ToListAsync(cancellationToken);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order().ToList();
        return TypedResults.Ok(new CurrentAccount(user.Email ?? "", user.DisplayName, roles, centreCodes));
    }
}
