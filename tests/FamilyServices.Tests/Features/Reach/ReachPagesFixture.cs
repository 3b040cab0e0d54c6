using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// A small city for the officials' reach pages. In March 2025, at one centre: ten children in a child class
/// ("Spielgruppe"), three in a workshop whose title a spreadsheet would run as a formula, and seven in a sports
/// group ("Turnen"); the first child of the class is in the workshop too. So by programme: 10 + 3 + 7 = 20 summed over
/// groups, 19 distinct children. Accounts: an official, an admin and a member of the centre's staff.
/// </summary>
public sealed class ReachPagesFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = "a long enough passphrase";
    public const string Official = "official.pages@example.org";
    public const string Admin = "admin.pages@example.org";
    public const string Staff = "staff.pages@example.org";
    public const string FormulaTitle = "=HYPERLINK(\"http://example.org\",\"click\")";

    public Centre Centre { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Figures change only when the fixture refreshes them, not when the background service wakes up.
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using (var db = NewDb())
        {
            var catalogue = new TestCatalogue(db);
            await catalogue.CityAsync();
            Centre = await catalogue.CentreAsync();
            var playgroup = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"));
            var workshop = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", FormulaTitle));
            var gym = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Turnen"));
            playgroup.Type = ProgrammeType.ChildClass;
            workshop.Type = ProgrammeType.Workshop;
            db.DistrictPopulations.Add(new DistrictPopulation { DistrictId = Centre.DistrictId, Year = 2025, AgeBand = "3-5", Children = 200 });

            var random = new Random(6);
            var children = Enumerable.Range(0, 19).Select(_ => new Participant
            {
                Code = ParticipantCode.Create(random), BirthYear = 2021, BirthMonth = 1, DistrictId = Centre.DistrictId, CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.Participants.AddRange(children);
            var startsAt = new DateTime(2025, 3, 10, 9, 0, 0, DateTimeKind.Utc);
            var groups = new (Programme Programme, List<Participant> Attendees)[]
            {
                (playgroup, children[..10]), (workshop, [children[0], children[10], children[11]]), (gym, children[12..]),
            };
            foreach (var (programme, attendees) in groups)
            {
                var offering = await catalogue.OfferingAsync(programme, Centre);
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
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var (email, role) in new[] { (Official, Roles.Official), (Admin, Roles.Admin), (Staff, Roles.CentreStaff) })
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = email };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            if (role == Roles.CentreStaff)
            {
                await using var db = NewDb();
                db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = Centre.Id });
                await db.SaveChangesAsync();
            }
        }
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (email is null) return client;
        var response = await SignInAsync(client, email);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }

    /// <summary>Posts the sign-in form like a browser: fetches the page for its antiforgery token first.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/account/sign-in"));
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = page.AntiforgeryToken(),
            ["_handler"] = "sign-in",
        }));
    }
}
