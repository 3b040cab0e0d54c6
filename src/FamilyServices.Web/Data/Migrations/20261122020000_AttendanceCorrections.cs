using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyServices.Web.Data.Migrations;

[DbContext(typeof(FamilyServicesDb))]
[Migration("20261122020000_AttendanceCorrections")]
public sealed class AttendanceCorrections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqlScript.Read("0003_attendance_corrections.sql"));
}
