using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary>Prints the DDL EF Core derives from the model: the starting point when writing a migration by hand.</summary>
public static class SchemaScriptCommand
{
    public static int Run(IServiceProvider services, TextWriter output)
    {
        output.WriteLine(services.GetRequiredService<FamilyServicesDb>().Database.GenerateCreateScript());
        return 0;
    }
}
