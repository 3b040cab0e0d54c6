using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyServices.Web.Data.Migrations;

[DbContext(typeof(FamilyServicesDb))]
[Migration("20261122010000_SearchAndPlaces")]
public sealed class SearchAndPlaces : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqlScript.Read("0002_search_and_places.sql"));
}
