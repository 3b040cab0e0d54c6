using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>Two centres, a staff member of each, and sessions with enrolled children at both.</summary>
public sealed class StaffFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = TestAccounts.Password;

    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public Session SessionA { get; private set; } = null!;
    public Session SessionB { get; private set; } = null!;
    public Session OpenMeetingA { get; private set; } = null!;
    public Session SpareSessionA { get; private set; } = null!;
    public Participant ChildB { get; private set; } = null!;
    public Session OldSessionA { get; private set; } = null!;
    public Session AuditSessionA { get; private set; } = null!;
    public string CoordinatorA { get; } = "coordinator.a@example.org";
    public List<Participant> ChildrenA { get; } = [];
    public string StaffA { get; } = "staff.a@example.org";
    public string StaffB { get; } = "staff.b@example.org";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        CentreA = await catalogue.CentreAsync();
        CentreB = await catalogue.CentreAsync();
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"));
        var offeringA = await catalogue.OfferingAsync(programme, CentreA);
        var offeringB = await catalogue.OfferingAsync(programme, CentreB);
        // Today at 10:00 Berlin time, so both sessions are on the Today page.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, berlin));
        var startsAt = Schedule.ToUtc(today, new TimeOnly(10, 0), berlin);
        SessionA = new Session { OfferingId = offeringA.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
        SessionB = new Session { OfferingId = offeringB.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
        var cafe = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Elterncafé"));
        cafe.Type = ProgrammeType.OpenMeeting;
        var cafeOffering = await catalogue.OfferingAsync(cafe, CentreA);
        OpenMeetingA = new Session { OfferingId = cafeOffering.Id, StartsAt = startsAt.AddHours(4), EndsAt = startsAt.AddHours(6) };
        SpareSessionA = new Session { OfferingId = offeringA.Id, StartsAt = startsAt.AddDays(-7), EndsAt = startsAt.AddDays(-7).AddHours(1) };
        OldSessionA = new Session { OfferingId = offeringA.Id, StartsAt = startsAt.AddDays(-20), EndsAt = startsAt.AddDays(-20).AddHours(1) };
        AuditSessionA = new Session { OfferingId = offeringA.Id, StartsAt = startsAt.AddDays(-2), EndsAt = startsAt.AddDays(-2).AddHours(1) };
        db.Sessions.AddRange(SessionA, SessionB, OpenMeetingA, SpareSessionA, OldSessionA, AuditSessionA);
        var random = new Random(5);
        for (var i = 0; i < 20; i++)
        {
            var child = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 1 + i % 12, DistrictId = CentreA.DistrictId, CreatedAt = DateTime.UtcNow };
            ChildrenA.Add(child);
            db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = offeringA.Id, EnrolledOn = today });
        }
        var childB = ChildB = new Participant { Code = ParticipantCode.Create(random), BirthYear = 2020, BirthMonth = 5, DistrictId = CentreB.DistrictId, CreatedAt = DateTime.UtcNow };
        db.Enrolments.Add(new Enrolment { Participant = childB, OfferingId = offeringB.Id, EnrolledOn = today });
        await db.SaveChangesAsync();

        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var (email, centre, coordinator) in new[] { (StaffA, CentreA, false), (StaffB, CentreB, false), (CoordinatorA, CentreA, true) })
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = email };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, Roles.CentreStaff);
            db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id, IsCoordinator = coordinator });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (email is null) return client;
        var response = await PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }

    /// <summary>Posts a page's form like a browser: fetches the page for its antiforgery token first.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await Html.ParseAsync(await client.GetAsync(path));
        fields["__RequestVerificationToken"] = page.AntiforgeryToken();
        fields["_handler"] = formName;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
