using System.Net;
using System.Net.Http.Headers;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Security;

/// <summary>
/// A small city for the security walks: centres A and B, each with its own published programme, offering, today's
/// session and an enrolled child; one account per role (the centre staff member works at A only), each with a
/// sign-in cookie and an API token. Two test-only paths throw, one under /api and one for pages, so error answers
/// can be inspected. Rate limits are lifted: the walks post to the public forms more often than a person would.
/// </summary>
public sealed class SecurityFixture : PortalFixture, IAsyncLifetime
{
    public const string FailingApiPath = "/api/__test/fail";
    public const string FailingPagePath = "/__test/fail";

    /// <summary>What the deliberate failure says; none of it may reach an answer.</summary>
    public const string FailureMessage = "Deliberate failure with secret detail 4711 at FamilyServices.Tests.Security";

    public static readonly string[] Principals = ["Anonymous", Roles.CentreStaff, Roles.Editor, Roles.Official, Roles.Admin];

    public CityData A { get; private set; } = null!;
    public CityData B { get; private set; } = null!;
    public Dictionary<string, string> Emails { get; } = [];
    public Dictionary<string, string> AccountIds { get; } = [];
    public Dictionary<string, string> Tokens { get; } = [];
    public int CategoryId { get; private set; }
    public int DistrictId { get; private set; }
    public int OrganisationId { get; private set; }

    /// <summary>The open-data id of <see cref="OrganisationId"/>, for the HSDS API's /organizations/{id}.</summary>
    public Guid OrganisationOpenDataId { get; private set; }

    /// <summary>The rows of one centre that a route parameter can point at.</summary>
    public sealed record CityData(Centre Centre, Programme Programme, Offering Offering, Session Session, Participant Child);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "100000");
        builder.UseSetting("Portal:RateLimits:ReportsPerHour", "100000");
        // Set by the two-factor work for its own fixtures: the walks sign in with a password only.
        builder.UseSetting("Portal:Accounts:TwoFactorRequiredRoles", "");
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, FailingPaths>());
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        A = await SeedCentreAsync("Spielgruppe A");
        B = await SeedCentreAsync("Spielgruppe B");
        await using (var db = NewDb())
        {
            CategoryId = (await db.Categories.OrderBy(c => c.Id).FirstAsync()).Id;
            DistrictId = A.Centre.DistrictId;
            OrganisationId = (await db.Centres.AsNoTracking().SingleAsync(c => c.Id == A.Centre.Id)).OperatorId;
            OrganisationOpenDataId = await db.Organisations.Where(o => o.Id == OrganisationId).Select(o => o.OpenDataId).SingleAsync();
        }

        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokenService>();
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}.walk@example.org";
            var user = new StaffUser { UserName = email, Email = email, DisplayName = role };
            (await users.CreateAsync(user, StaffFixture.Password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
            if (role == Roles.CentreStaff)
            {
                await using var db = NewDb();
                db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = A.Centre.Id });
                await db.SaveChangesAsync();
            }
            Emails[role] = email;
            AccountIds[role] = user.Id;
            Tokens[role] = (await tokens.IssueAsync(user, "security walk", 30)).Token;
        }
    }

    private async Task<CityData> SeedCentreAsync(string title)
    {
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync();
        var centre = await catalogue.CentreAsync();
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", title));
        var offering = await catalogue.OfferingAsync(programme, centre);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, berlin));
        var startsAt = Schedule.ToUtc(today, new TimeOnly(10, 0), berlin);
        var session = new Session { OfferingId = offering.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(1) };
        db.Sessions.Add(session);
        var child = new Participant
        {
            Code = ParticipantCode.Create(new Random(centre.Id)), BirthYear = 2021, BirthMonth = 3, DistrictId = centre.DistrictId, CreatedAt = DateTime.UtcNow,
        };
        db.Enrolments.Add(new Enrolment { Participant = child, OfferingId = offering.Id, EnrolledOn = today });
        await db.SaveChangesAsync();
        return new CityData(centre, programme, offering, session, child);
    }

    /// <summary>
    /// A client for one principal: anonymous, or signed in through the sign-in form (cookie). For /api paths pass
    /// <paramref name="bearer"/>: the client then carries the principal's API token and no cookie.
    /// </summary>
    public async Task<HttpClient> ClientAsync(string principal, bool bearer = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        if (principal == "Anonymous") return client;
        if (bearer)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[principal]);
            return client;
        }
        var response = await UsersFixture.SignInAsync(client, Emails[principal], StaffFixture.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{principal} signs in with the right password");
        return client;
    }

    /// <summary>Added after the portal's own pipeline, so the exceptions travel through its error handling like real ones.</summary>
    private sealed class FailingPaths : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingApiPath, failing => failing.Run(_ => throw new InvalidOperationException(FailureMessage)));
            app.Map(FailingPagePath, failing => failing.Run(_ => throw new InvalidOperationException(FailureMessage)));
        };
    }
}
