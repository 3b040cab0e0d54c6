using System.Security.Claims;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Data;

public static class ActingAsExtensions
{
    /// <summary>A context for one operation of an interactive page, whose saves the history credits to <paramref name="user"/>.</summary>
    public static async Task<FamilyServicesDb> CreateForAsync(this IDbContextFactory<FamilyServicesDb> factory, ClaimsPrincipal user,
        CancellationToken cancellationToken = default)
    {
        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ActingUserId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db;
    }
}
