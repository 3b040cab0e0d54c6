using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyServices.Web.Data.Migrations;

[DbContext(typeof(FamilyServicesDb))]
[Migration("20261122030000_ParticipantNicknames")]
public sealed class ParticipantNicknames : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqlScript.Read("0004_participant_nicknames.sql"));
}
