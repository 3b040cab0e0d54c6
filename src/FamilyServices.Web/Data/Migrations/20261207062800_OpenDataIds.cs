using System;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyServices.Web.Data.Migrations;

/// <summary>
/// Gives programmes, offerings, centres, organisations and categories the UUID they keep in the open data (HSDS API,
/// catalogue import and export). Existing rows get a random one once; from then on it never changes.
/// </summary>
public partial class OpenDataIds : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(
            name: "open_data_id",
            table: "programmes",
            type: "uuid",
            nullable: false,
            defaultValueSql: "gen_random_uuid()");

        migrationBuilder.AddColumn<Guid>(
            name: "open_data_id",
            table: "organisations",
            type: "uuid",
            nullable: false,
            defaultValueSql: "gen_random_uuid()");

        migrationBuilder.AddColumn<Guid>(
            name: "open_data_id",
            table: "offerings",
            type: "uuid",
            nullable: false,
            defaultValueSql: "gen_random_uuid()");

        migrationBuilder.AddColumn<Guid>(
            name: "open_data_id",
            table: "centres",
            type: "uuid",
            nullable: false,
            defaultValueSql: "gen_random_uuid()");

        migrationBuilder.AddColumn<Guid>(
            name: "open_data_id",
            table: "categories",
            type: "uuid",
            nullable: false,
            defaultValueSql: "gen_random_uuid()");

        migrationBuilder.CreateIndex(
            name: "ix_programmes_open_data_id",
            table: "programmes",
            column: "open_data_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_organisations_open_data_id",
            table: "organisations",
            column: "open_data_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_offerings_open_data_id",
            table: "offerings",
            column: "open_data_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_centres_open_data_id",
            table: "centres",
            column: "open_data_id",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "ix_categories_open_data_id",
            table: "categories",
            column: "open_data_id",
            unique: true);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(
            name: "ix_programmes_open_data_id",
            table: "programmes");

        migrationBuilder.DropIndex(
            name: "ix_organisations_open_data_id",
            table: "organisations");

        migrationBuilder.DropIndex(
            name: "ix_offerings_open_data_id",
            table: "offerings");

        migrationBuilder.DropIndex(
            name: "ix_centres_open_data_id",
            table: "centres");

        migrationBuilder.DropIndex(
            name: "ix_categories_open_data_id",
            table: "categories");

        migrationBuilder.DropColumn(
            name: "open_data_id",
            table: "programmes");

        migrationBuilder.DropColumn(
            name: "open_data_id",
            table: "organisations");

        migrationBuilder.DropColumn(
            name: "open_data_id",
            table: "offerings");

        migrationBuilder.DropColumn(
            name: "open_data_id",
            table: "centres");

        migrationBuilder.DropColumn(
            name: "open_data_id",
            table: "categories");
    }
}
