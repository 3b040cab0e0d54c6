using System.Security.Claims;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>
/// The test world (centres A and B, an account per role, a session today at each centre) with what rosters need on
/// top: 20 children enrolled at centre A and one at centre B, an open activity (headcount only) today at A, and
/// sessions at A 2, 7 and 20 days ago (the last one past the 14-day correction window). Tests that change a session's
/// state make their own with <see cref="SessionAsync"/>, so tests of one class do not see each other's marks.
/// </summary>
public sealed class StaffFixture : TestWorld
{
    public Session OpenMeetingA { get; private set; } = null!;
    public Session SpareSessionA { get; private set; } = null!;
    public Session OldSessionA { get; private set; } = null!;
    public Session AuditSessionA { get; private set; } = null!;
    public List<Participant> ChildrenA { get; } = [];
    public Participant ChildB { get; private set; } = null!;

    protected override async Task SeedAsync()
    {
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        var startsAt = SessionA.StartsAt;
        var cafe = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Elterncafé"), ("en", "Parents' café"));
        cafe.Type = ProgrammeType.OpenMeeting;
        var cafeOffering = await catalogue.OfferingAsync(cafe, CentreA);
        OpenMeetingA = new Session { OfferingId = cafeOffering.Id, StartsAt = startsAt.AddHours(4), EndsAt = startsAt.AddHours(6) };
        SpareSessionA = Earlier(OfferingA, days: 7);
        OldSessionA = Earlier(OfferingA, days: 20);
        AuditSessionA = Earlier(OfferingA, days: 2);
        db.Sessions.AddRange(OpenMeetingA, SpareSessionA, OldSessionA, AuditSessionA);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(5);
        for (var i = 0; i < 20; i++)
        {
            var child = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 1 + i % 12, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            ChildrenA.Add(child);
            db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = OfferingA.Id, EnrolledOn = today });
        }
        ChildB = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2020, BirthMonth = 5, DistrictId = CentreB.DistrictId, CreatedAt = DateTime.UtcNow };
        db.Enrolments.Add(new Enrolment { Participant = ChildB, OfferingId = OfferingB.Id, EnrolledOn = today });
        await db.SaveChangesAsync();
    }

    private Session Earlier(Offering offering, int days) =>
        new() { OfferingId = offering.Id, StartsAt = SessionA.StartsAt.AddDays(-days), EndsAt = SessionA.EndsAt.AddDays(-days) };

    /// <summary>A further session of centre A's offering (whose 20 children are enrolled), <paramref name="daysAgo"/> days ago.</summary>
    public async Task<Session> SessionAsync(int daysAgo = 0, Offering? offering = null)
    {
        await using var db = NewDb();
        // Each call a minute apart, so (offering, start) stays unique however many sessions a class makes.
        var minutes = await db.Sessions.CountAsync();
        var session = Earlier(offering ?? OfferingA, daysAgo);
        session.StartsAt = session.StartsAt.AddMinutes(minutes);
        session.EndsAt = session.EndsAt.AddMinutes(minutes);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>
    /// Calls the roster's rules as the page does: with the account's principal as the database knows it now, through
    /// the portal's own services.
    /// </summary>
    public async Task<T> ActAsync<T>(Account account, Func<RosterActions, ClaimsPrincipal, Task<T>> action)
    {
        var user = await PrincipalAsync(account);
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<RosterActions>(), user);
    }

    /// <summary>Moves an account to another centre (or none), as an Admin would on the users page: the database changes, not the principal.</summary>
    public async Task MoveAsync(Account account, Centre? centre, bool coordinator = false)
    {
        await using var db = NewDb();
        db.StaffCentres.RemoveRange(db.StaffCentres.Where(c => c.UserId == account.Id));
        if (centre is not null) db.StaffCentres.Add(new StaffCentre { UserId = account.Id, CentreId = centre.Id, IsCoordinator = coordinator });
        await db.SaveChangesAsync();
    }

    /// <summary>Deactivates an account in the database.</summary>
    public async Task DeactivateAsync(Account account)
    {
        await using var db = NewDb();
        var user = await db.Users.SingleAsync(u => u.Id == account.Id);
        user.IsActive = false;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Posts a static page's form like a browser: fetches the page for its antiforgery token first. The sign-in and
    /// account pages (static) are still posted this way by several fixtures.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await Html.ParseAsync(await client.GetAsync(path));
        fields["__RequestVerificationToken"] = page.AntiforgeryToken();
        fields["_handler"] = formName;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
