using System.Xml.Linq;
using FamilyServices.Web.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Platform;

/// <summary>
/// Keeps Data Protection keys in PostgreSQL, so cookies and antiforgery tokens survive restarts and work on
/// every instance. (Microsoft's EF Core package for this is not in our registry; this is the same idea.)
/// </summary>
public sealed class DatabaseXmlRepository(IDbContextFactory<FamilyServicesDb> dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
