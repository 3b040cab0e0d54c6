using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The test world (two centres, an account per role) with attendance for the officials' reach pages, all at centre A.
/// In March 2025: ten children in a child class ("Spielgruppe"), three in a workshop whose title a spreadsheet would
/// run as a formula, and seven in a sports group ("Turnen"); the first child of the class is in the workshop too. So by
/// programme: 10 + 3 + 7 = 20 summed over groups, 19 distinct children. In November 2024 six of the class's children
/// came to the class already (year over year, a span of years). Centre A's district has 200 children aged 3–5 in 2025.
/// The figures are refreshed once; the background refresh is off, so they change only when a test refreshes them.
/// The tests compare what the pages show with <see cref="ReachOracle"/>, which counts from the attendance table.
/// </summary>
public sealed class ReachPagesFixture : TestWorld
{
    public const string FormulaTitle = "=HYPERLINK(\"http://example.org\",\"click\")";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
    }

    protected override async Task SeedAsync()
    {
        await using (var db = NewDb())
        {
            var catalogue = new TestCatalogue(db);
            var playgroup = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"));
            var workshop = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", FormulaTitle));
            var gym = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Turnen"));
            playgroup.Type = ProgrammeType.ChildClass;
            workshop.Type = ProgrammeType.Workshop;
            db.DistrictPopulations.Add(new DistrictPopulation { DistrictId = CentreA.DistrictId, Year = 2025, AgeBand = "3-5", Children = 200 });

            var random = new Random(6);
            var children = Enumerable.Range(0, 19).Select(_ => new Participant
            {
                Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 1, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.Participants.AddRange(children);
            var march2025 = new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc);
            var november2024 = new DateTime(2024, 11, 4, 9, 0, 0, DateTimeKind.Utc);
            var sessions = new (Programme Programme, DateTime StartsAt, List<Participant> Attendees)[]
            {
                (playgroup, march2025, children[..10]),
                (workshop, march2025, [children[0], children[10], children[11]]),
                (gym, march2025, children[12..]),
                (playgroup, november2024, children[..6]),
            };
            var offerings = new Dictionary<Programme, Offering>();
            foreach (var (programme, startsAt, attendees) in sessions)
            {
                if (!offerings.TryGetValue(programme, out var offering)) offerings[programme] = offering = await catalogue.OfferingAsync(programme, CentreA);
                var session = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1), Status = SessionStatus.Held };
                session.Attendances.AddRange(attendees.Select(child => new FamilyServices.Web.Domain.Attendance
                {
                    Participant = child, Status = AttendanceStatus.Present, RecordedAt = startsAt.AddHours(1),
                }));
                db.Sessions.Add(session);
            }
            await db.SaveChangesAsync();
        }

        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync();
    }

    /// <summary>Rows of a query, each as its columns joined by '|', sorted (see <see cref="ReachSql"/>).</summary>
    public Task<List<string>> RowsAsync(string sql) => ReachSql.RowsAsync(ConnectionString, sql);

    public Task<long> ScalarAsync(string sql) => ReachSql.ScalarAsync(ConnectionString, sql);
}
