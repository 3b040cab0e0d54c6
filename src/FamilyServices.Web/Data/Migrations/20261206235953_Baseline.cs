using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyServices.Web.Data.Migrations;

/// <summary>
/// The first migration made with <c>dotnet ef</c> (decision 0014). It changes nothing: the reviewed SQL migrations
/// before it (Initial … Privacy) already create this schema, which <c>MigratedSchemaMatchesModelTests</c> proves. It
/// exists for its model snapshot (Baseline.Designer.cs, FamilyServicesDbModelSnapshot.cs), which records today's
/// model, so that the next <c>dotnet ef migrations add</c> generates only the difference. A database made by the SQL
/// migrations only gains this migration's row in __EFMigrationsHistory when <c>migrate</c> runs.
/// </summary>
public partial class Baseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
