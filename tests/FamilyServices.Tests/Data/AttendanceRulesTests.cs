using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FamilyServices.Tests.Data;

public class AttendanceRulesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_participant_has_at_most_one_attendance_per_session()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        var centre = await catalogue.CentreAsync();
        var offering = await catalogue.OfferingAsync(await catalogue.ProgrammeAsync(), centre);
        var session = new Session
        {
            OfferingId = offering.Id, Status = SessionStatus.Held,
            StartsAt = new DateTime(2026, 9, 7, 8, 0, 0, DateTimeKind.Utc), EndsAt = new DateTime(2026, 9, 7, 9, 30, 0, DateTimeKind.Utc),
        };
        var child = new Participant
        {
            Code = ParticipantCode.Create(new Random(11)), BirthYear = 2021, BirthMonth = 4, DistrictId = centre.DistrictId,
            CreatedAt = DateTime.UtcNow,
        };
        db.AddRange(session, child);
        await db.SaveChangesAsync();
        db.Attendances.Add(new Attendance { SessionId = session.Id, ParticipantId = child.Id, Status = AttendanceStatus.Present, RecordedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        await using var secondDb = portal.NewDb();
        secondDb.Attendances.Add(new Attendance { SessionId = session.Id, ParticipantId = child.Id, Status = AttendanceStatus.Absent, RecordedAt = DateTime.UtcNow });
        var second = () => secondDb.SaveChangesAsync();

        (await second.Should().ThrowAsync<DbUpdateException>())
            .WithInnerException<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.UniqueViolation);
        (await db.Attendances.CountAsync(a => a.SessionId == session.Id)).Should().Be(1);
    }

    [Fact]
    public async Task A_participant_birth_month_outside_1_to_12_is_refused_by_the_database()
    {
        await using var db = portal.NewDb();
        var centre = await new TestCatalogue(db).CentreAsync();
        db.Participants.Add(new Participant
        {
            Code = ParticipantCode.Create(new Random(12)), BirthYear = 2021, BirthMonth = 13, DistrictId = centre.DistrictId, CreatedAt = DateTime.UtcNow,
        });

        (await db.Invoking(d => d.SaveChangesAsync()).Should().ThrowAsync<DbUpdateException>())
            .WithInnerException<PostgresException>().Which.SqlState.Should().Be(PostgresErrorCodes.CheckViolation);
    }
}
