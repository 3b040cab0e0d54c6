using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FamilyServices.Web.Data.Migrations;

/// <summary>
/// Reach figures adjusted by what changed (decision 0021): the offerings' held sessions per month, the offerings
/// whose sessions changed, the distinct children of every span of years, the sessions' triggers that note offerings
/// instead of whole periods, and the notification that wakes the refresher. Existing figures are recomputed once.
/// </summary>
public partial class ReachIncremental : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "reach_offering_months",
            columns: table => new
            {
                period_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                period_year = table.Column<int>(type: "integer", nullable: false),
                offering_id = table.Column<int>(type: "integer", nullable: false),
                month = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                sessions_held = table.Column<int>(type: "integer", nullable: false),
                headcount_children = table.Column<int>(type: "integer", nullable: false),
                headcount_adults = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reach_offering_months", x => new { x.period_kind, x.period_year, x.offering_id, x.month });
            });

        migrationBuilder.CreateTable(
            name: "reach_spans",
            columns: table => new
            {
                period_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                from_year = table.Column<int>(type: "integer", nullable: false),
                to_year = table.Column<int>(type: "integer", nullable: false),
                distinct_children = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reach_spans", x => new { x.period_kind, x.from_year, x.to_year });
            });

        migrationBuilder.CreateTable(
            name: "reach_stale_offerings",
            columns: table => new
            {
                period_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                period_year = table.Column<int>(type: "integer", nullable: false),
                offering_id = table.Column<int>(type: "integer", nullable: false)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_reach_stale_offerings", x => new { x.period_kind, x.period_year, x.offering_id });
            });

        migrationBuilder.Sql(SqlScript.Read("0009_reach_incremental.sql"));
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(SqlScript.Read("0009_reach_incremental_down.sql"));

        migrationBuilder.DropTable(
            name: "reach_offering_months");

        migrationBuilder.DropTable(
            name: "reach_spans");

        migrationBuilder.DropTable(
            name: "reach_stale_offerings");
    }
}
