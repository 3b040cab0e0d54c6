using Microsoft.EntityFrameworkCore.Migrations;

namespace FamilyServices.Web.Data.Migrations;

/// <summary>
/// Notifies the channel catalogue_changed at the commit of every change to what parents see, so every portal
/// instance empties its output cache of public answers (decision 0018).
/// </summary>
public partial class CatalogueChangeNotifications : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Decision 0018: every commit that changes what a parent can see notifies the portal instances, which empty
        // their output cache of public answers. Statement-level, so a bulk import sends one notification per table
        // and transaction (PostgreSQL folds equal notifications of one transaction into one).
        migrationBuilder.Sql("""
            CREATE OR REPLACE FUNCTION notify_catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('catalogue_changed', TG_TABLE_NAME);
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER city_profiles_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON city_profiles
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER organisations_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER districts_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON districts
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER centres_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON centres
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER rooms_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rooms
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER opening_hours_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON opening_hours
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER categories_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER category_names_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON category_names
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER programmes_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programmes
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER programme_texts_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme_texts
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER programme_partners_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON programme_partners
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER offerings_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offerings
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER postcodes_notify_catalogue_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON postcodes
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();

            -- Sessions: parents see their times, status and cancellation reason, not the headcounts every roster writes.
            CREATE TRIGGER sessions_notify_catalogue_changed AFTER INSERT OR DELETE OR TRUNCATE ON sessions
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            CREATE TRIGGER sessions_notify_catalogue_changed_on_update
                AFTER UPDATE OF offering_id, starts_at, ends_at, status, cancellation_reason ON sessions
                FOR EACH STATEMENT EXECUTE FUNCTION notify_catalogue_changed();
            """);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS city_profiles_notify_catalogue_changed ON city_profiles;
            DROP TRIGGER IF EXISTS organisations_notify_catalogue_changed ON organisations;
            DROP TRIGGER IF EXISTS districts_notify_catalogue_changed ON districts;
            DROP TRIGGER IF EXISTS centres_notify_catalogue_changed ON centres;
            DROP TRIGGER IF EXISTS rooms_notify_catalogue_changed ON rooms;
            DROP TRIGGER IF EXISTS opening_hours_notify_catalogue_changed ON opening_hours;
            DROP TRIGGER IF EXISTS categories_notify_catalogue_changed ON categories;
            DROP TRIGGER IF EXISTS category_names_notify_catalogue_changed ON category_names;
            DROP TRIGGER IF EXISTS programmes_notify_catalogue_changed ON programmes;
            DROP TRIGGER IF EXISTS programme_texts_notify_catalogue_changed ON programme_texts;
            DROP TRIGGER IF EXISTS programme_partners_notify_catalogue_changed ON programme_partners;
            DROP TRIGGER IF EXISTS offerings_notify_catalogue_changed ON offerings;
            DROP TRIGGER IF EXISTS postcodes_notify_catalogue_changed ON postcodes;
            DROP TRIGGER IF EXISTS sessions_notify_catalogue_changed ON sessions;
            DROP TRIGGER IF EXISTS sessions_notify_catalogue_changed_on_update ON sessions;
            DROP FUNCTION IF EXISTS notify_catalogue_changed();
            """);
    }
}
