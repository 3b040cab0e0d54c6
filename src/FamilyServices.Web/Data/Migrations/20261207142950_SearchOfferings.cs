using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

namespace FamilyServices.Web.Data.Migrations;

/// <summary>
/// The search table (decision 0017): search_offerings, its refresh function and the triggers on offerings,
/// programmes, centres, districts and categories that keep it current (Sql/search_offerings.sql), filled for the
/// offerings already there.
/// </summary>
public partial class SearchOfferings : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "search_offerings",
            columns: table => new
            {
                offering_id = table.Column<int>(type: "integer", nullable: false),
                programme_id = table.Column<int>(type: "integer", nullable: false),
                centre_id = table.Column<int>(type: "integer", nullable: false),
                slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                min_age_months = table.Column<int>(type: "integer", nullable: false),
                max_age_months = table.Column<int>(type: "integer", nullable: false),
                is_free = table.Column<bool>(type: "boolean", nullable: false),
                delivery_languages = table.Column<string[]>(type: "text[]", nullable: false),
                category_codes = table.Column<string[]>(type: "text[]", nullable: false),
                is_online = table.Column<bool>(type: "boolean", nullable: false),
                weekdays = table.Column<int>(type: "integer", nullable: false),
                starts_at = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                district_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                accessibility_features = table.Column<string[]>(type: "text[]", nullable: false),
                centre_point = table.Column<NpgsqlCube>(type: "cube", nullable: false),
                visible_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                visible_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_search_offerings", x => x.offering_id);
            });

        migrationBuilder.CreateIndex(
            name: "ix_search_offerings_centre_id",
            table: "search_offerings",
            column: "centre_id");

        migrationBuilder.CreateIndex(
            name: "ix_search_offerings_centre_point",
            table: "search_offerings",
            column: "centre_point")
            .Annotation("Npgsql:IndexMethod", "gist");

        migrationBuilder.CreateIndex(
            name: "ix_search_offerings_programme_id",
            table: "search_offerings",
            column: "programme_id");

        migrationBuilder.Sql(SqlScript.Read("search_offerings.sql"));
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER refresh_search_on_insert ON offerings;
            DROP TRIGGER refresh_search_on_update ON offerings;
            DROP TRIGGER refresh_search_on_delete ON offerings;
            DROP TRIGGER refresh_search_on_update ON programmes;
            DROP TRIGGER refresh_search_on_update ON centres;
            DROP TRIGGER refresh_search_on_update ON districts;
            DROP TRIGGER refresh_search_on_update ON categories;
            DROP FUNCTION offerings_refresh_search(), programmes_refresh_search(), centres_refresh_search(),
                districts_refresh_search(), categories_refresh_search(), search_offerings_refresh(integer[]);
            """);
        migrationBuilder.DropTable(
            name: "search_offerings");
    }
}
