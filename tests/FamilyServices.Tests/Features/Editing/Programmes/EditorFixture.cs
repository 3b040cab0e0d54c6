using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// Two centres and one account per role: two editors, an admin, centre staff of each centre, an official.
/// Catalogue rows made here bypass the audit (<see cref="PortalFixture.NewDb()"/>); everything done through the pages is audited.
/// </summary>
public sealed class EditorFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = StaffFixture.Password;

    public string Editor { get; } = "editor@example.org";
    public string SecondEditor { get; } = "editor.two@example.org";
    public string Admin { get; } = "admin@example.org";
    public string StaffA { get; } = "staff.a@example.org";
    public string StaffB { get; } = "staff.b@example.org";
    public string Official { get; } = "official@example.org";

    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public Category Category { get; private set; } = null!;
    public TimeZoneInfo CityZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync(Languages.German);
        CentreA = await catalogue.CentreAsync();
        CentreB = await catalogue.CentreAsync();
        Category = new Category { Code = TestCatalogue.Unique("cat"), Names = [new CategoryName { Language = "de", Name = "Bewegung" }, new CategoryName { Language = "en", Name = "Movement" }] };
        db.Categories.Add(Category);
        db.Rooms.Add(new Room { CentreId = CentreA.Id, Name = "Gruppenraum", Kind = RoomKind.Playroom });
        await db.SaveChangesAsync();

        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var accounts = new (string Email, string Name, string Role, Centre? Centre)[]
        {
            (Editor, "Erika Editor", Roles.Editor, null),
            (SecondEditor, "Emil Zweitredakteur", Roles.Editor, null),
            (Admin, "Ada Admin", Roles.Admin, null),
            (StaffA, "Anna Zentrum A", Roles.CentreStaff, CentreA),
            (StaffB, "Bernd Zentrum B", Roles.CentreStaff, CentreB),
            (Official, "Olga Official", Roles.Official, null),
        };
        foreach (var (email, name, role, centre) in accounts)
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = name };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, role);
            if (centre is not null) db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        if (email is null) return client;
        var response = await StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }

    /// <summary>A programme made directly in the database (no history), with an offering at centre A when asked.</summary>
    public async Task<Programme> ProgrammeAsync(PublicationState state = PublicationState.Draft, bool atCentreA = true, PublicationState offeringState = PublicationState.Draft)
    {
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        var programme = await catalogue.ProgrammeAsync(state, ("de", TestCatalogue.Unique("Kinderturnen ")), ("en", TestCatalogue.Unique("Children's gym ")));
        if (atCentreA) await catalogue.OfferingAsync(programme, CentreA, offeringState, FutureWeekly());
        return programme;
    }

    public static Schedule FutureWeekly()
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        return Schedule.Weekly(from, from.AddMonths(3), Weekdays.Tuesday, new TimeOnly(15, 0), new TimeOnly(16, 0));
    }

    /// <summary>A complete, valid programme form; tests change what they need.</summary>
    public Dictionary<string, string> ProgrammeFields(string? code = null, string? titleDe = null, string? titleEn = null) => new()
    {
        ["code"] = code ?? TestCatalogue.Unique("ED-"),
        ["slug"] = "",
        ["type"] = nameof(ProgrammeType.MovementAndSport),
        ["categoryId"] = Category.Id.ToString(CultureInfo.InvariantCulture),
        ["forChildren"] = "true",
        ["minYears"] = "3", ["minMonths"] = "0",
        ["maxYears"] = "6", ["maxMonths"] = "0",
        ["isFree"] = "true",
        ["price"] = "",
        ["registrationMode"] = nameof(RegistrationMode.AtCentre),
        ["registrationUrl"] = "",
        ["deliveryLanguages"] = "de",
        ["publishFrom"] = "", ["publishUntil"] = "",
        ["lastCheckedOn"] = "2026-10-01",
        ["title-de"] = titleDe ?? TestCatalogue.Unique("Bewegungsspiele "),
        ["summary-de"] = "Toben, klettern und balancieren.",
        ["description-de"] = "Jede Woche neue Bewegungsspiele.",
        ["title-en"] = titleEn ?? "",
        ["summary-en"] = titleEn is null ? "" : "Running, climbing and balancing.",
    };

    public static async Task<HtmlDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path}");
        return await Html.ParseAsync(response);
    }

    /// <summary>The version a form of the page carries (the hidden "version" field).</summary>
    public static string Version(HtmlDocument page, string form) =>
        page.Find($"//form[input[@name='_handler' and @value='{form}']]//input[@name='version']").GetAttributeValue("value", "");

    /// <summary>Posts a form with the page's antiforgery token (any page of a signed-in user has one: the sign-out form).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields, string? tokenFrom = null) =>
        PostAsync(client, path, form, fields.AsEnumerable(), tokenFrom);

    /// <summary>As above, for forms with a field given several times (checkboxes of one name).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(tokenFrom ?? path));
        var posted = fields.Where(f => f.Key is not "__RequestVerificationToken" and not "_handler").ToList();
        posted.Add(new("__RequestVerificationToken", page.AntiforgeryToken()));
        posted.Add(new("_handler", form));
        return await client.PostAsync(path, new FormUrlEncodedContent(posted));
    }

    /// <summary>Takes a workflow step from the edit page as it is now.</summary>
    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, string path, string step, string? tokenFrom = null)
    {
        var page = await Html.ParseAsync(await client.GetAsync(tokenFrom ?? path));
        var version = page.DocumentNode.SelectSingleNode("//form[input[@name='_handler' and @value='workflow']]//input[@name='version']")?.GetAttributeValue("value", "") ?? "0";
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken(), ["_handler"] = "workflow", ["step"] = step, ["version"] = version,
        }));
    }
}
