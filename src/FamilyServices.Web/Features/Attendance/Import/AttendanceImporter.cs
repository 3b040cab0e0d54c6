using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Web.Features.Attendance.Import;

public sealed record ImportError(long Line, string Message);

public sealed record ImportSummary(int RowsRead, int RowsImported, int SessionsCreated, int ParticipantsCreated, IReadOnlyList<ImportError> Errors);

public enum ImportOutcome { Imported, Invalid, Forbidden, TooLarge }

public sealed record ImportResult(ImportOutcome Outcome, ImportSummary Summary);

/// <summary>
/// Imports attendance from a CSV file in one transaction: the raw rows are streamed into a staging table with COPY,
/// checked with set-based SQL (every bad row is reported with its line number), and only a clean file is written:
/// marks not stored yet are inserted, changed ones updated and copied to the trail, so importing the same file twice
/// changes nothing the second time. The roster's correction window
/// holds here too (<see cref="StaffSessions.MayWrite"/>): once it has closed, only Admins and the centre's
/// coordinators may record or change a session's attendance.
/// </summary>
public sealed partial class AttendanceImporter(FamilyServicesDb db, TimeProvider clock, IConfiguration configuration, AuditTrail audit)
{
    /// <summary>
    /// Up to this many children an import's audit entry lists each child's pseudonym; above it, only counts. A centre's
    /// weekly file or a term's back-fill stays below and can be found by a child's code; a city-wide migration of
    /// seasons would put up to a million pseudonyms into one row (megabytes, and a huge entry in the trail's index)
    /// that nobody reads, while each corrected mark stays in attendance_changes with who made it and when, and each
    /// added mark carries its recorder and time in attendances.
    /// </summary>
    public const int MaxAuditedChildren = 1000;

    public const long MaxBytes = 200L * 1024 * 1024;
    public const string MaxSizeText = "200 MB";

    public const string Header = "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status";

    private const string ImportWorkMem = "256MB";

    private const string Columns = "offering_code, session_date, start_time, participant_code, birth_year, birth_month, district_code, status";

    public async Task<ImportResult> ImportAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await ImportUnmeasuredAsync(csv, user, cancellationToken);
            outcome = result.Outcome switch
            {
                ImportOutcome.Imported => "imported",
                ImportOutcome.Invalid => "invalid",
                ImportOutcome.Forbidden => "forbidden",
                _ => "too_large",
            };
            if (result.Outcome == ImportOutcome.Imported) PortalMetrics.AttendanceImportRows.Add(result.Summary.RowsImported);
            return result;
        }
        finally
        {
            PortalMetrics.AttendanceImportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, PortalMetrics.Tag("outcome", outcome));
        }
    }

    private async Task<ImportResult> ImportUnmeasuredAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var isAdmin = user.IsInRole(Roles.Admin);
        var centreIds = user.CentreIds().ToArray();
        // The claim StaffPrincipal.MayCorrectLate reads, and the window as the roster reads it.
        var coordinatorCentreIds = user.FindAll(StaffAccounts.CoordinatorClaim)
            .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToArray();
        var windowDays = configuration.GetValue("Portal:Attendance:CorrectionDays", AttendanceCorrections.DefaultWindowDays);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await connection.OpenAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The grouping of a million rows and the hash tables of the distinct sessions and codes fit in memory
            // with this; with the default 4 MB each of them spills to disk in batches. Merge joins are off because
            // PostgreSQL chose them for the file's rows against the small tables of sessions and details, sorting a
            // million rows by text twice where hashing the small side costs a fraction (9 s against 35 s in one
            // profile). For this transaction only.
            await ExecuteAsync(connection, transaction, $"""
                SET LOCAL work_mem = '{ImportWorkMem}';
                SET LOCAL enable_mergejoin = off;
                CREATE TEMP TABLE import_rows (
                    line bigint GENERATED ALWAYS AS IDENTITY (START WITH 2),
                    offering_code text, session_date text, start_time text, participant_code text,
                    birth_year text, birth_month text, district_code text, status text
                ) ON COMMIT DROP
                """, cancellationToken);

            var copyProblem = await CopyAsync(connection, csv, cancellationToken);
            if (copyProblem is not null) return copyProblem;

            // Without statistics PostgreSQL takes each of the rows' key columns for nearly unique, expects the joins
            // with the small lookup tables below to return a handful of rows and nests loops over a million.
            await ExecuteAsync(connection, transaction, "ANALYZE import_rows", cancellationToken);
            var rowsRead = (int)(long)(await ScalarAsync(connection, transaction, "SELECT count(*) FROM import_rows", cancellationToken))!;
            if (rowsRead == 0) return Invalid(0, [new ImportError(1, "The file has a header but no rows.")]);

            await CheckAsync(connection, transaction, isAdmin, centreIds, coordinatorCentreIds, now, cancellationToken);
            var errors = await ReadErrorsAsync(connection, transaction, windowDays, now, cancellationToken);
            if (errors.Count > 0)
            {
                var forbidden = await ScalarAsync(connection, transaction,
                    "SELECT EXISTS (SELECT FROM import_sessions WHERE offering_id IS NOT NULL AND NOT allowed)", cancellationToken);
                var summary = new ImportSummary(rowsRead, 0, 0, 0, errors);
                return new ImportResult(forbidden is true ? ImportOutcome.Forbidden : ImportOutcome.Invalid, summary);
            }

            var (sessionsCreated, participantsCreated) = await WriteAsync(connection, transaction, userId, now, cancellationToken);
            await AuditAsync(transaction, userId, rowsRead, sessionsCreated, participantsCreated, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(ImportOutcome.Imported, new ImportSummary(rowsRead, rowsRead, sessionsCreated, participantsCreated, []));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.TableName == "attendances")
        {
            // New marks are plain inserts of the rows the comparison found missing; a roster that records one of
            // them between that comparison and the insert makes the insert fail. The transaction rolls back whole.
            return Invalid(0, [new ImportError(0,
                "Someone recorded attendance for one of these sessions while the file was being imported. Nothing was imported; import the file again.")]);
        }
        catch (ImportTooLargeException)
        {
            return new ImportResult(ImportOutcome.TooLarge, new ImportSummary(0, 0, 0, 0,
                [new ImportError(0, $"The file is larger than {MaxSizeText}. Split it into smaller files and import them one after the other.")]));
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }

    private static ImportResult Invalid(int rowsRead, IReadOnlyList<ImportError> errors) =>
        new(ImportOutcome.Invalid, new ImportSummary(rowsRead, 0, 0, 0, errors));

    /// <summary>
    /// Streams the body into COPY as it arrives. FORCE_NOT_NULL makes empty fields '' rather than NULL, so the
    /// text keys can be compared with plain equality (and hash joins) later.
    /// </summary>
    private static async Task<ImportResult?> CopyAsync(NpgsqlConnection connection, Stream csv, CancellationToken cancellationToken)
    {
        var limited = new SizeLimitedStream(csv, MaxBytes);
        // detectEncodingFromByteOrderMarks drops the BOM that spreadsheet programs put before the header.
        using var reader = new StreamReader(limited, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            await using var writer = await connection.BeginTextImportAsync(
                $"COPY import_rows ({Columns}) FROM STDIN (FORMAT csv, HEADER MATCH, FORCE_NOT_NULL ({Columns}))", cancellationToken);
            var buffer = new char[1 << 16];
            int read;
            try
            {
                while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            catch (Exception e) when (e is ImportTooLargeException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                await ((NpgsqlCopyTextWriter)writer).CancelAsync();
                throw new ImportTooLargeException();
            }
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            return Invalid(0, [new ImportError(CopyLine(e), CopyMessage(e))]);
        }
        return null;
    }

    private static long CopyLine(PostgresException e) =>
        e.Where is { } where && CopyLinePattern().Match(where) is { Success: true } match
            ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 1;

    private static string CopyMessage(PostgresException e) => e.MessageText switch
    {
        var m when m.StartsWith("column name mismatch", StringComparison.Ordinal) || m.StartsWith("wrong number of fields in header", StringComparison.Ordinal) =>
            $"The first line must be exactly \"{Header}\" ({m}).",
        var m when m.StartsWith("missing data", StringComparison.Ordinal) || m.StartsWith("extra data", StringComparison.Ordinal) =>
            $"The line must have exactly 8 comma-separated values ({m}).",
        var m => $"The line cannot be read as CSV ({m}).",
    };

    [GeneratedRegex(@"line (\d+)")]
    private static partial Regex CopyLinePattern();

    /// <summary>
    /// Types the file once: the distinct sessions, participant codes and detail values (birth year, month, district,
    /// status) are resolved and checked once each, since a file has many rows per session, per child and per value;
    /// each row then only looks its keys up in those small tables. A row's problems are put together only when one of
    /// its parts has one, so a clean file builds no arrays at all.
    /// </summary>
    private static async Task CheckAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, bool isAdmin, int[] centreIds, int[] coordinatorCentreIds, DateTime now,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE import_sessions ON COMMIT DROP AS
            SELECT row_number() OVER () AS sk, k.offering_code, k.session_date, k.start_time,
                   o.id AS offering_id, o.schedule_start_date, o.schedule_end_date,
                   ($1 OR o.centre_id = ANY ($2)) AS allowed,
                   ($1 OR o.centre_id = ANY ($3)) AS may_correct_late,
                   d.local_date, t.local_time,
                   (d.local_date + t.local_time) AT TIME ZONE c.time_zone AS starts_at,
                   (d.local_date + t.local_time + (o.schedule_end_time - o.schedule_start_time)) AT TIME ZONE c.time_zone AS ends_at,
                   NULL::bigint AS session_id, NULL::text AS session_status, NULL::text[] AS problems
            FROM (SELECT DISTINCT offering_code, session_date, start_time FROM import_rows) k
            LEFT JOIN offerings o ON o.code = trim(k.offering_code)
            LEFT JOIN centres c ON c.id = o.centre_id
            -- Nested CASEs, so a cast or make_date only ever sees text the pattern has let through.
            CROSS JOIN LATERAL (SELECT CASE WHEN k.session_date ~ '^\s*[12]\d{3}-\d{2}-\d{2}\s*$' THEN
                CASE WHEN substr(trim(k.session_date), 6, 2)::int BETWEEN 1 AND 12 THEN
                CASE WHEN substr(trim(k.session_date), 9, 2)::int BETWEEN 1 AND extract(day FROM make_date(substr(trim(k.session_date), 1, 4)::int,
                        substr(trim(k.session_date), 6, 2)::int, 1) + interval '1 month' - interval '1 day')
                THEN trim(k.session_date)::date END END END AS local_date) d
            CROSS JOIN LATERAL (SELECT CASE WHEN k.start_time ~ '^\s*([01]?\d|2[0-3]):[0-5]\d\s*$'
                THEN trim(k.start_time)::time END AS local_time) t
            """, cancellationToken, isAdmin, centreIds, coordinatorCentreIds);
        // A stored session keeps its own end, from which the roster counts the correction window; only new
        // sessions are inserted with the end computed from the schedule.
        await ExecuteAsync(connection, transaction, """
            UPDATE import_sessions i SET session_id = s.id, session_status = s.status, ends_at = s.ends_at
            FROM sessions s WHERE s.offering_id = i.offering_id AND s.starts_at = i.starts_at
            """, cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE import_sessions SET problems = NULLIF(array_remove(ARRAY[
                CASE WHEN trim(offering_code) = '' THEN 'The offering code is missing.'
                     WHEN offering_id IS NULL THEN format('Unknown offering code "%s".', offering_code) END,
                CASE WHEN offering_id IS NOT NULL AND NOT allowed THEN format('Offering "%s" belongs to a centre you do not work for.', offering_code) END,
                CASE WHEN local_date IS NULL THEN format('Session date "%s" is not a date in the form YYYY-MM-DD.', session_date) END,
                CASE WHEN local_time IS NULL THEN format('Start time "%s" is not a time in the form HH:MM.', start_time) END,
                CASE WHEN session_id IS NULL AND offering_id IS NOT NULL AND allowed AND local_time IS NOT NULL
                          AND local_date NOT BETWEEN schedule_start_date AND schedule_end_date
                     THEN format('Offering "%s" has no session on %s at %s, and that date is outside its period (%s to %s).',
                          offering_code, local_date, to_char(local_time, 'HH24:MI'), schedule_start_date, schedule_end_date) END,
                CASE WHEN session_status = 'Cancelled' AND allowed
                     THEN format('The session on %s at %s was cancelled; attendance cannot be recorded for it.', local_date, to_char(local_time, 'HH24:MI')) END
                ], NULL), '{}');
            ANALYZE import_sessions;
            """, cancellationToken);

        // The same rules as ParticipantCode: upper case without spaces and hyphens, and a Luhn mod 24 check character.
        await ExecuteAsync(connection, transaction, $$"""
            CREATE TEMP TABLE import_codes ON COMMIT DROP AS
            SELECT raw, upper(regexp_replace(raw, '[\s-]', '', 'g')) AS code
            FROM (SELECT DISTINCT participant_code AS raw FROM import_rows) r;
            CREATE TEMP TABLE import_people ON COMMIT DROP AS
            SELECT row_number() OVER () AS pk, n.code, p.id AS participant_id,
                   (n.code ~ '^[{{ParticipantCode.Alphabet}}]{{{ParticipantCode.Length}}}$' AND substr('{{ParticipantCode.Alphabet}}', (
                        SELECT (24 - sum(a / 24 + a % 24)::int % 24) % 24 + 1
                        FROM (SELECT CASE WHEN (7 - i) % 2 = 0 THEN 2 ELSE 1 END * (strpos('{{ParticipantCode.Alphabet}}', substr(n.code, i, 1)) - 1) AS a
                              FROM generate_series(1, 7) i) f), 1) = substr(n.code, 8, 1)) AS code_ok
            FROM (SELECT DISTINCT code FROM import_codes) n
            LEFT JOIN participants p ON p.code = n.code;
            ANALYZE import_codes;
            ANALYZE import_people;
            """, cancellationToken);

        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE import_details ON COMMIT DROP AS
            SELECT k.birth_year AS raw_birth_year, k.birth_month AS raw_birth_month, k.district_code AS raw_district_code, k.status AS raw_status,
                   y.birth_year, m.birth_month, di.id AS district_id, st.status,
                   (trim(k.birth_year) = '' OR trim(k.birth_month) = '' OR trim(k.district_code) = '') AS incomplete,
                   NULLIF(array_remove(ARRAY[
                       CASE WHEN trim(k.birth_year) <> '' AND y.birth_year IS NULL
                            THEN format('Birth year "%s" must be a year from 1990 to %s.', k.birth_year, $1) END,
                       CASE WHEN trim(k.birth_month) <> '' AND m.birth_month IS NULL
                            THEN format('Birth month "%s" must be a number from 1 to 12.', k.birth_month) END,
                       CASE WHEN trim(k.district_code) <> '' AND di.id IS NULL THEN format('Unknown district code "%s".', k.district_code) END,
                       CASE WHEN st.status IS NULL THEN format('Status "%s" must be present, absent or excused.', k.status) END
                   ], NULL), '{}') AS problems
            FROM (SELECT DISTINCT birth_year, birth_month, district_code, status FROM import_rows) k
            LEFT JOIN districts di ON di.code = trim(k.district_code)
            CROSS JOIN LATERAL (SELECT CASE WHEN k.birth_year ~ '^\s*\d{4}\s*$' THEN
                CASE WHEN trim(k.birth_year)::int BETWEEN 1990 AND $1 THEN trim(k.birth_year)::int END END AS birth_year) y
            CROSS JOIN LATERAL (SELECT CASE WHEN k.birth_month ~ '^\s*\d{1,2}\s*$' THEN
                CASE WHEN trim(k.birth_month)::int BETWEEN 1 AND 12 THEN trim(k.birth_month)::int END END AS birth_month) m
            CROSS JOIN LATERAL (SELECT CASE lower(trim(k.status)) WHEN 'present' THEN 'Present' WHEN 'absent' THEN 'Absent'
                WHEN 'excused' THEN 'Excused' END AS status) st;
            ANALYZE import_details;
            """, cancellationToken, now.Year);

        // The one pass over every row: its keys into the tables above, and its problems in the order a reader
        // checks a line (session, child, details).
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE import_checked ON COMMIT DROP AS
            SELECT r.line, s.sk, p.pk, s.offering_id, s.local_date, s.session_id, p.participant_id,
                d.status, d.birth_year, d.birth_month, d.district_id, p.participant_id IS NULL AS is_new,
                CASE WHEN s.problems IS NOT NULL OR x.problem IS NOT NULL OR d.problems IS NOT NULL
                     THEN array_remove(coalesce(s.problems, '{}') || x.problem || coalesce(d.problems, '{}'), NULL) END AS problems
            FROM import_rows r
            JOIN import_sessions s ON s.offering_code = r.offering_code AND s.session_date = r.session_date AND s.start_time = r.start_time
            JOIN import_codes c ON c.raw = r.participant_code
            JOIN import_people p ON p.code = c.code
            JOIN import_details d ON d.raw_birth_year = r.birth_year AND d.raw_birth_month = r.birth_month
                AND d.raw_district_code = r.district_code AND d.raw_status = r.status
            CROSS JOIN LATERAL (SELECT CASE WHEN c.code = '' THEN 'The participant code is missing.'
                WHEN p.participant_id IS NULL AND NOT p.code_ok
                THEN format('Participant code "%s" is not known here and is not a valid new code (8 characters, e.g. KX7M-4QRA).', r.participant_code)
                WHEN p.participant_id IS NULL AND d.incomplete
                THEN format('Participant "%s" is new: birth_year, birth_month and district_code are required.', r.participant_code) END AS problem) x
            """, cancellationToken);

        // One mark per session and child, and one set of details per new child; both serve the checks across rows
        // (min and max differ where two lines disagree) and then the writing. A mark keeps the ids its session and
        // child already had, so the writing joins only marks of new sessions or children again (the other columns of
        // the key follow from sk and pk: they only carry the ids along).
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE import_marks ON COMMIT DROP AS
            SELECT sk, pk, offering_id, local_date, session_id, participant_id, min(status) AS status, max(status) AS other_status
            FROM import_checked GROUP BY sk, pk, offering_id, local_date, session_id, participant_id;
            ANALYZE import_marks;
            CREATE TEMP TABLE import_newcomers ON COMMIT DROP AS
            SELECT pk, max(birth_year) AS birth_year, max(birth_month) AS birth_month, max(district_id) AS district_id,
                   min(birth_year) <> max(birth_year) OR min(birth_month) <> max(birth_month) OR min(district_id) <> max(district_id) AS conflicting
            FROM import_checked WHERE is_new GROUP BY pk;
            """, cancellationToken);
    }

    /// <summary>
    /// Every row's own problems, then the problems that only show across rows or against what is stored, in line
    /// order. All of them, however many: one complete list fixes a file faster than rounds of uploads. They are read
    /// row by row, so nothing but the error records themselves is held.
    /// </summary>
    private static async Task<List<ImportError>> ReadErrorsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int windowDays, DateTime now, CancellationToken cancellationToken)
    {
        // The sessions whose correction window has closed for this user, and the file's rows for them. Usually there
        // are none, and then neither those rows nor their check below touch the file's rows at all ($1, $2): left to
        // itself, PostgreSQL would sort the whole file to join it with nothing. The rows carry their session and child
        // ids, so the check is a plain two-table join with the stored attendance.
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE import_closed ON COMMIT DROP AS
            SELECT sk, session_id, local_date, local_time FROM import_sessions
            WHERE allowed AND NOT may_correct_late AND session_status IS DISTINCT FROM 'Cancelled'
              AND ends_at + make_interval(days => $1) < $2
            """, cancellationToken, windowDays, now);
        var anyClosed = await ScalarAsync(connection, transaction, "SELECT EXISTS (SELECT FROM import_closed)", cancellationToken) is true;
        await ExecuteAsync(connection, transaction, """
            CREATE TEMP TABLE import_closed_rows ON COMMIT DROP AS
            SELECT c.line, c.status, s.session_id, p.participant_id, s.local_date, s.local_time
            FROM import_closed s
            JOIN import_checked c ON c.sk = s.sk
            JOIN import_people p ON p.pk = c.pk
            WHERE $1 AND p.code <> '';
            ANALYZE import_closed_rows;
            """, cancellationToken, anyClosed);

        // closed_window: after the window a row may only repeat what is stored. One that would add a mark (none
        // stored, or a new session) or change one is refused unless the user may correct late, so re-importing an old
        // file stays a quiet no-op.
        const string sql = """
            WITH closed_window AS (
                SELECT r.line, format('The session on %s at %s ended more than %s days ago; only a coordinator of the centre can record or change its attendance.',
                       r.local_date, to_char(r.local_time, 'HH24:MI'), $1) AS message
                FROM import_closed_rows r
                LEFT JOIN attendances a ON a.session_id = r.session_id AND a.participant_id = r.participant_id
                WHERE $2 AND (a.status IS NULL OR (r.status IS NOT NULL AND a.status <> r.status))
            ), errors AS (
                SELECT line, unnest(problems) AS message, 0 AS kind FROM import_checked WHERE problems IS NOT NULL
                UNION ALL
                SELECT c.line, format('Participant "%s" appears more than once for this session with different statuses.', p.code), 1
                FROM import_marks x
                JOIN import_checked c ON c.sk = x.sk AND c.pk = x.pk
                JOIN import_people p ON p.pk = c.pk
                WHERE x.status <> x.other_status
                UNION ALL
                SELECT c.line, format('New participant "%s" is given with a different birth year, birth month or district on another line.', p.code), 2
                FROM import_newcomers x
                JOIN import_people p ON p.pk = x.pk
                JOIN import_checked c ON c.pk = x.pk
                WHERE x.conflicting AND p.code <> ''
                UNION ALL
                SELECT line, message, 3 FROM closed_window
            )
            SELECT line, message FROM errors ORDER BY line, kind
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        command.Parameters.AddWithValue(windowDays);
        command.Parameters.AddWithValue(anyClosed);
        var errors = new List<ImportError>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            errors.Add(new ImportError(reader.GetInt64(0), reader.GetString(1)));
        }
        return errors;
    }

    /// <summary>
    /// Writes in dependency order. Attendance is compared with what is stored first, so only real changes are
    /// written; a second import of the same file finds nothing to change and writes no attendance at all. Only marks
    /// whose session and child were both stored before the import can have a stored mark, so only they are compared
    /// (one join with attendance, on the ids the checks found); the others are new by construction. Enrolments come
    /// from the marks grouped by offering and child, and only the missing ones are written.
    /// </summary>
    private static async Task<(int Sessions, int Participants)> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string? userId, DateTime now, CancellationToken cancellationToken)
    {
        var sessions = await ExecuteAsync(connection, transaction, """
            INSERT INTO sessions (offering_id, starts_at, ends_at, status)
            SELECT offering_id, starts_at, ends_at, 'Held' FROM import_sessions WHERE session_id IS NULL
            ON CONFLICT (offering_id, starts_at) DO NOTHING
            """, cancellationToken);
        await ExecuteAsync(connection, transaction, """
            UPDATE import_sessions i SET session_id = s.id
            FROM sessions s WHERE i.session_id IS NULL AND s.offering_id = i.offering_id AND s.starts_at = i.starts_at;
            UPDATE sessions s SET status = 'Held' FROM import_sessions i WHERE s.id = i.session_id AND s.status = 'Scheduled';
            """, cancellationToken);

        var participants = await ExecuteAsync(connection, transaction, """
            INSERT INTO participants (code, birth_year, birth_month, district_id, created_at)
            SELECT p.code, n.birth_year, n.birth_month, n.district_id, $1
            FROM import_newcomers n JOIN import_people p ON p.pk = n.pk ORDER BY p.code
            ON CONFLICT (code) DO NOTHING
            """, cancellationToken, now);
        await ExecuteAsync(connection, transaction, """
            UPDATE import_people i SET participant_id = p.id
            FROM participants p WHERE i.participant_id IS NULL AND p.code = i.code;
            INSERT INTO enrolments (participant_id, offering_id, enrolled_on)
            SELECT p.participant_id, e.offering_id, e.enrolled_on
            FROM (SELECT offering_id, pk, min(local_date) AS enrolled_on FROM import_marks GROUP BY offering_id, pk) e
            JOIN import_people p ON p.pk = e.pk
            WHERE NOT EXISTS (SELECT FROM enrolments x WHERE x.offering_id = e.offering_id AND x.participant_id = p.participant_id)
            ORDER BY e.offering_id, p.participant_id
            ON CONFLICT (offering_id, participant_id) DO NOTHING;
            CREATE TEMP TABLE import_changes ON COMMIT DROP AS
            SELECT m.session_id, m.participant_id, a.status AS status_before, m.status AS status_after
            FROM import_marks m
            LEFT JOIN attendances a ON a.session_id = m.session_id AND a.participant_id = m.participant_id
            WHERE m.session_id IS NOT NULL AND m.participant_id IS NOT NULL AND a.status IS DISTINCT FROM m.status
            UNION ALL
            SELECT s.session_id, p.participant_id, NULL, m.status
            FROM import_marks m JOIN import_sessions s ON s.sk = m.sk JOIN import_people p ON p.pk = m.pk
            WHERE m.session_id IS NULL OR m.participant_id IS NULL;
            """, cancellationToken);
        // Marks the file adds are plain inserts (the comparison above found none stored), and they need no trail
        // entry: the row itself says who recorded it and when, and there is no "before" to keep (decision 0020).
        // Only corrections are updated in place and copied to the trail with what they replaced.
        await ExecuteAsync(connection, transaction, """
            INSERT INTO attendances (session_id, participant_id, status, recorded_by_id, recorded_at)
            SELECT session_id, participant_id, status_after, $1, $2 FROM import_changes WHERE status_before IS NULL
            ORDER BY session_id, participant_id;
            UPDATE attendances a SET status = c.status_after, recorded_by_id = $1, recorded_at = $2
            FROM import_changes c
            WHERE c.status_before IS NOT NULL AND a.session_id = c.session_id AND a.participant_id = c.participant_id;
            INSERT INTO attendance_changes (session_id, participant_id, status_before, status_after, changed_by_id, changed_at)
            SELECT session_id, participant_id, status_before, status_after, $1, $2 FROM import_changes WHERE status_before IS NOT NULL;
            """, cancellationToken, (object?)userId ?? DBNull.Value, now);
        // Rosters open on a changed session reload when the import commits.
        await ExecuteAsync(connection, transaction, AttendanceNotifications.NotifySessionsSql("import_changes", "session_id"), cancellationToken);
        return (sessions, participants);
    }

    /// <summary>
    /// One audit entry per import, whatever its size, written in the import's transaction; none when the file
    /// changed nothing (a second import of the same file). Reads only the import's own table of changes and sessions.
    /// </summary>
    private async Task AuditAsync(
        NpgsqlTransaction transaction, string? userId, int rowsRead, int sessionsCreated, int participantsCreated, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        int recorded, corrected, children;
        await using (var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE status_before IS NULL)::int, count(*) FILTER (WHERE status_before IS NOT NULL)::int,
                   count(DISTINCT participant_id)::int
            FROM import_changes
            """, connection, transaction) { CommandTimeout = 600 })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (recorded, corrected, children) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
        }
        if (recorded + corrected == 0) return;

        var centreIds = await ReadIdsAsync(transaction,
            "SELECT DISTINCT o.centre_id FROM import_sessions i JOIN offerings o ON o.id = i.offering_id ORDER BY 1", cancellationToken);
        var listed = children <= MaxAuditedChildren;
        var participantIds = listed
            ? await ReadIdsAsync(transaction, "SELECT DISTINCT participant_id FROM import_changes ORDER BY 1", cancellationToken)
            : [];
        // The entry goes through the audit trail's own code, on the import's connection and in its transaction.
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        try
        {
            await audit.AddAsync(AuditAction.AttendanceImported, centreIds.Count == 1 ? centreIds[0] : null, participantIds,
                new { centreIds, rowsRead, recorded, corrected, children, childrenListed = listed, sessionsCreated, participantsCreated },
                userId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, cancellationToken);
        }
    }

    private static async Task<List<int>> ReadIdsAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<int>();
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var batch = Batch(connection, transaction, sql, parameters);
        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Positional parameters do not allow several statements in one command, so each becomes a batch command.</summary>
    private static NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, object[] parameters)
    {
        var batch = new NpgsqlBatch(connection, transaction) { Timeout = 600 };
        foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = statement.TrimEnd(';');
            if (text.Length == 0) continue;
            var command = new NpgsqlBatchCommand(text);
            // Positional parameters up to the highest one the statement uses; a statement may use none.
            var count = Enumerable.Range(1, parameters.Length).LastOrDefault(n => text.Contains($"${n}", StringComparison.Ordinal));
            foreach (var value in parameters.Take(count)) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        return batch;
    }
}
