using System.Data;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace FamilyServices.Web.Features.Catalogue.Search;

/// <summary>One programme found: how far its nearest matching offering is, and how well its text matched.</summary>
public sealed record ProgrammeHit(int ProgrammeId, double? DistanceMetres, double? Rank, int NearestCentreId);

public sealed record SearchResultPage(IReadOnlyList<ProgrammeHit> Hits, int Total, int Page, int PageSize);

/// <summary>
/// The parents' search as one SQL statement: published programmes with at least one published, running offering
/// that passes every filter; nearest first when a place is given, else best text match first, else by name.
/// It reads the search table <c>search_offerings</c>, which triggers keep current (decision 0017); what depends on
/// the clock (publication windows, the schedule's last day, sessions this week) is compared with @now and @today
/// here. Text is folded by fs_search_text (migration 0002) on both sides, and matches by substring or, for typos,
/// by trigram word similarity. The benchmark replays this same statement with pgbench, beside the previous one.
/// </summary>
public sealed class ProgrammeSearch(FamilyServicesDb db)
{
    public const string Sql = """
        WITH text_matches AS (
            SELECT t.programme_id,
                   max(word_similarity(fs_search_text(@q), t.search_text) + CASE WHEN t.language = @language THEN 0.001 ELSE 0 END) AS rank
            FROM programme_texts t
            WHERE @q IS NOT NULL AND t.language IN (@language, @fallback)
              AND (t.search_text LIKE '%' || fs_search_text(@q) || '%' OR fs_search_text(@q) <% t.search_text)
            GROUP BY t.programme_id
        ),
        matching AS (
            SELECT s.programme_id AS id, s.slug, tm.rank, s.centre_id,
                   CASE WHEN s.is_online OR @lat IS NULL THEN NULL
                        ELSE sec_to_gc(cube_distance((SELECT ll_to_earth(@lat, @lon)), s.centre_point)) END AS distance
            FROM search_offerings s
            LEFT JOIN text_matches tm ON tm.programme_id = s.programme_id
            WHERE (s.visible_from IS NULL OR s.visible_from <= @now) AND (s.visible_until IS NULL OR s.visible_until > @now)
              AND s.ends_on >= @today
              AND (@q IS NULL OR tm.programme_id IS NOT NULL)
              AND (@age_months IS NULL OR @age_months BETWEEN s.min_age_months AND s.max_age_months)
              AND (NOT @free_only OR s.is_free)
              AND (@delivery_language IS NULL OR s.delivery_languages @> ARRAY[@delivery_language]::text[])
              AND (@category IS NULL OR s.category_codes @> ARRAY[@category]::text[])
              AND (@weekdays IS NULL OR s.weekdays & @weekdays <> 0)
              AND (@starts_from IS NULL OR (s.starts_at >= @starts_from AND s.starts_at < @starts_before))
              AND (@online IS NULL OR s.is_online = @online)
              AND (@district IS NULL OR s.district_code = @district)
              AND (@accessibility IS NULL OR s.accessibility_features @> ARRAY[@accessibility]::text[])
              -- Within the radius: only in-person rows get here (online ones stay only when the online filter asks for
              -- them, and then no radius applies), so the indexed box comes first, then the exact distance. The point
              -- is a subquery so that even a generic plan computes it once, not per row.
              AND (@lat IS NULL OR @radius_metres IS NULL OR @online IS TRUE
                   OR (s.centre_point <@ (SELECT earth_box(ll_to_earth(@lat, @lon), @radius_metres))
                       AND sec_to_gc(cube_distance((SELECT ll_to_earth(@lat, @lon)), s.centre_point)) <= @radius_metres))
              AND (@lat IS NULL OR @online IS NOT NULL OR NOT s.is_online)
              AND (NOT @this_week OR EXISTS (
                    SELECT 1 FROM sessions x
                    WHERE x.offering_id = s.offering_id AND x.status = 'Scheduled' AND x.starts_at >= @now AND x.starts_at < @week_end))
        ),
        programmes_found AS (
            SELECT DISTINCT ON (id) id, slug, rank, distance, centre_id
            FROM matching
            ORDER BY id, distance NULLS LAST, centre_id
        )
        SELECT id, distance, rank, centre_id, count(*) OVER () AS total
        FROM programmes_found
        ORDER BY distance NULLS LAST, rank DESC NULLS LAST, slug
        LIMIT @limit OFFSET @offset
        """;

    public async Task<SearchResultPage> FindAsync(
        SearchFilters filters, ResolvedPlace? place, string language, string fallbackLanguage, DateTime nowUtc,
        int pageSize, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var mustClose = connection.State != ConnectionState.Open;
        if (mustClose) await connection.OpenAsync(cancellationToken);
        try
        {
            var (hits, total) = await ReadAsync(connection, Parameters(filters, place, language, fallbackLanguage, nowUtc, pageSize), cancellationToken);
            // A page past the end still needs the total, to say how many there are.
            if (hits.Count == 0 && filters.Page > 1)
            {
                (_, total) = await ReadAsync(connection, Parameters(filters with { Page = 1 }, place, language, fallbackLanguage, nowUtc, 1), cancellationToken);
            }
            return new SearchResultPage(hits, total, filters.Page, pageSize);
        }
        finally
        {
            if (mustClose) await connection.CloseAsync();
        }
    }

    private static async Task<(List<ProgrammeHit> Hits, int Total)> ReadAsync(
        NpgsqlConnection connection, IEnumerable<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddRange(parameters.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<ProgrammeHit>();
        var total = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new ProgrammeHit(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetDouble(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.GetInt32(3)));
            total = (int)reader.GetInt64(4);
        }
        return (hits, total);
    }

    /// <summary>The statement's parameters, typed so that an unset filter is a typed NULL.</summary>
    public static IEnumerable<NpgsqlParameter> Parameters(
        SearchFilters filters, ResolvedPlace? place, string language, string fallbackLanguage, DateTime nowUtc, int pageSize)
    {
        (TimeOnly? from, TimeOnly? before) = filters.Time switch
        {
            TimeOfDay.Morning => (new TimeOnly(0, 0), new TimeOnly(12, 0)),
            TimeOfDay.Afternoon => (new TimeOnly(12, 0), new TimeOnly(17, 0)),
            TimeOfDay.Evening => (new TimeOnly(17, 0), TimeOnly.MaxValue),
            _ => ((TimeOnly?)null, (TimeOnly?)null),
        };
        // Day and weekend combine: "Saturday" at the weekend is Saturday; "Monday" at the weekend matches nothing (0).
        int? weekdays = filters.Time == TimeOfDay.Weekend ? (int)(Weekdays.Saturday | Weekdays.Sunday) : null;
        if (filters.Day is { } day) weekdays = (weekdays ?? int.MaxValue) & (int)day.ToWeekdays();
        var latitude = filters.Near?.Latitude ?? place?.Latitude;
        var longitude = filters.Near?.Longitude ?? place?.Longitude;

        yield return Typed("q", NpgsqlDbType.Text, filters.Text);
        yield return Typed("language", NpgsqlDbType.Text, language);
        yield return Typed("fallback", NpgsqlDbType.Text, fallbackLanguage);
        yield return Typed("category", NpgsqlDbType.Text, filters.Category);
        yield return Typed("age_months", NpgsqlDbType.Integer, filters.AgeMonths);
        yield return Typed("free_only", NpgsqlDbType.Boolean, filters.FreeOnly);
        yield return Typed("delivery_language", NpgsqlDbType.Text, filters.Language);
        yield return Typed("today", NpgsqlDbType.Date, DateOnly.FromDateTime(nowUtc));
        yield return Typed("weekdays", NpgsqlDbType.Integer, weekdays);
        yield return Typed("starts_from", NpgsqlDbType.Time, from);
        yield return Typed("starts_before", NpgsqlDbType.Time, before);
        yield return Typed("online", NpgsqlDbType.Boolean, filters.Online);
        yield return Typed("district", NpgsqlDbType.Text, filters.District);
        yield return Typed("accessibility", NpgsqlDbType.Text, filters.Accessibility);
        yield return Typed("lat", NpgsqlDbType.Double, latitude);
        yield return Typed("lon", NpgsqlDbType.Double, longitude);
        yield return Typed("radius_metres", NpgsqlDbType.Double, filters.RadiusKm * 1000);
        yield return Typed("this_week", NpgsqlDbType.Boolean, filters.ThisWeek);
        yield return Typed("now", NpgsqlDbType.TimestampTz, nowUtc);
        yield return Typed("week_end", NpgsqlDbType.TimestampTz, nowUtc.AddDays(7));
        yield return Typed("limit", NpgsqlDbType.Integer, pageSize);
        yield return Typed("offset", NpgsqlDbType.Integer, (filters.Page - 1) * pageSize);
    }

    private static NpgsqlParameter Typed(string name, NpgsqlDbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };
}
