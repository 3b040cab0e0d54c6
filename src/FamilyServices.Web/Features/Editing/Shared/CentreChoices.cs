using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.Shared;

public sealed record CentreChoice(int Id, string Name, string TimeZone);

/// <summary>The centres a user may choose in the catalogue's editors: editors and Admins all, centre staff their own.</summary>
public static class CentreChoices
{
    public static async Task<IReadOnlyList<CentreChoice>> ForAsync(FamilyServicesDb db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var mine = user.CentreIds().ToArray();
        var centres = db.Centres.AsNoTracking();
        if (!user.IsEditor()) centres = centres.Where(c => mine.Contains(c.Id));
        return (await centres.OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name, c.TimeZone }).ToListAsync(cancellationToken))
            .Select(c => new CentreChoice(c.Id, c.Name, c.TimeZone)).ToList();
    }
}
