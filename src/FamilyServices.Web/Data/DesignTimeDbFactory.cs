using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FamilyServices.Web.Data;

/// <summary>
/// The DbContext for <c>dotnet ef</c> (migrations add, has-pending-model-changes, migrations script): configured as
/// the portal configures it, without the web host, its configuration or a database. The connection string is never
/// opened by those commands; <c>dotnet ef database update</c> is not how the portal is migrated (use the
/// <c>migrate</c> verb, docs/operations.md).
/// </summary>
public sealed class DesignTimeDbFactory : IDesignTimeDbContextFactory<FamilyServicesDb>
{
    public FamilyServicesDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FamilyServicesDb>();
        Database.Configure(options, "Host=localhost;Database=familyservices_design_time");
        return new FamilyServicesDb(options.Options);
    }
}
