using Npgsql;
using NpgsqlTypes;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// Writes the high-volume demo rows with binary COPY: hundreds of thousands of attendance rows through
/// EF would take minutes, COPY takes seconds. Ids are made in memory, so the identity sequences are moved
/// past them afterwards. Runs inside the caller's transaction.
/// </summary>
internal static class BulkLoader
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<DemoSession> sessions, AttendancePlanner plan)
    {
        await WriteSessionsAsync(connection, sessions);
        await WriteParticipantsAsync(connection, plan.Children);
        await WriteEnrolmentsAsync(connection, plan.Enrolments);
        await WriteAttendancesAsync(connection, plan.Attendances);
        await ResetSequenceAsync(connection, "SELECT setval(pg_get_serial_sequence('sessions', 'id'), (SELECT max(id) FROM sessions))");
        await ResetSequenceAsync(connection, "SELECT setval(pg_get_serial_sequence('participants', 'id'), (SELECT max(id) FROM participants))");
    }

    private static async Task WriteSessionsAsync(NpgsqlConnection connection, IEnumerable<DemoSession> sessions)
    {
        await using var writer = await BeginAsync(connection,
            "COPY sessions (id, offering_id, starts_at, ends_at, status, cancellation_reason, headcount_children, headcount_adults) FROM STDIN (FORMAT BINARY)");
        foreach (var session in sessions)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(session.Id, NpgsqlDbType.Bigint);
            await writer.WriteAsync(session.Offering.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(session.StartsAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(session.EndsAt, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(session.Status.ToString(), NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, session.CancellationReason, NpgsqlDbType.Varchar);
            await WriteNullableAsync(writer, session.HeadcountChildren, NpgsqlDbType.Integer);
            await WriteNullableAsync(writer, session.HeadcountAdults, NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
    }

    private static async Task WriteParticipantsAsync(NpgsqlConnection connection, IEnumerable<DemoChild> children)
    {
        await using var writer = await BeginAsync(connection,
            "COPY participants (id, code, birth_year, birth_month, district_id, created_at) FROM STDIN (FORMAT BINARY)");
        foreach (var child in children)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(child.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(child.Code, NpgsqlDbType.Varchar);
            await writer.WriteAsync(child.BirthYear, NpgsqlDbType.Integer);
            await writer.WriteAsync(child.BirthMonth, NpgsqlDbType.Integer);
            await writer.WriteAsync(child.DistrictId, NpgsqlDbType.Integer);
            await writer.WriteAsync(child.CreatedAt, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }

    private static async Task WriteEnrolmentsAsync(NpgsqlConnection connection, IEnumerable<DemoEnrolment> enrolments)
    {
        await using var writer = await BeginAsync(connection,
            "COPY enrolments (offering_id, participant_id, enrolled_on) FROM STDIN (FORMAT BINARY)");
        // In key order, so the primary key index is appended to rather than split all over.
        foreach (var enrolment in enrolments.OrderBy(e => e.OfferingId).ThenBy(e => e.ParticipantId))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(enrolment.OfferingId, NpgsqlDbType.Integer);
            await writer.WriteAsync(enrolment.ParticipantId, NpgsqlDbType.Integer);
            await writer.WriteAsync(enrolment.EnrolledOn, NpgsqlDbType.Date);
        }
        await writer.CompleteAsync();
    }

    private static async Task WriteAttendancesAsync(NpgsqlConnection connection, IEnumerable<DemoAttendance> attendances)
    {
        // recorded_by_id is left out: demo attendance was recorded by nobody in particular.
        await using var writer = await BeginAsync(connection,
            "COPY attendances (session_id, participant_id, status, recorded_at) FROM STDIN (FORMAT BINARY)");
        foreach (var attendance in attendances.OrderBy(a => a.Session.Id).ThenBy(a => a.Child.Id))
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(attendance.Session.Id, NpgsqlDbType.Bigint);
            await writer.WriteAsync(attendance.Child.Id, NpgsqlDbType.Integer);
            await writer.WriteAsync(attendance.Status.ToString(), NpgsqlDbType.Varchar);
            await writer.WriteAsync(attendance.Session.EndsAt, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }

    private static async Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string copy)
    {
        var writer = await connection.BeginBinaryImportAsync(copy);
        writer.Timeout = TimeSpan.FromMinutes(5);
        return writer;
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : class =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, type);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type) where T : struct =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value.Value, type);

    private static async Task ResetSequenceAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteScalarAsync();
    }
}
