using System.Net;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Proposals;

/// <summary>
/// Two centres (A with two rooms), and one account per role: an editor, an admin, centre staff of A and of B, an
/// official. Catalogue rows made here bypass the audit; whatever the pages change is audited.
/// </summary>
public sealed class ProposalFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = StaffFixture.Password;

    public const string Editor = "editor@example.org";
    public const string Admin = "admin@example.org";
    public const string StaffA = "staff.a@example.org";
    public const string StaffB = "staff.b@example.org";
    public const string Official = "official@example.org";

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public Centre CentreA { get; private set; } = null!;
    public Centre CentreB { get; private set; } = null!;
    public Room GroupRoom { get; private set; } = null!;
    public Room Garden { get; private set; } = null!;
    public Dictionary<string, string> Ids { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        await catalogue.CityAsync(Languages.German);
        CentreA = await catalogue.CentreAsync();
        CentreB = await catalogue.CentreAsync();
        GroupRoom = new Room { CentreId = CentreA.Id, Name = "Gruppenraum", Kind = RoomKind.Playroom };
        Garden = new Room { CentreId = CentreA.Id, Name = "Garten", Kind = RoomKind.Outdoor };
        db.Rooms.AddRange(GroupRoom, Garden);
        await db.SaveChangesAsync();

        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var (email, name, role, centre) in new (string, string, string, Centre?)[]
        {
            (Editor, "Erika Editor", Roles.Editor, null), (Admin, "Ada Admin", Roles.Admin, null),
            (StaffA, "Anna Zentrum A", Roles.CentreStaff, CentreA), (StaffB, "Bernd Zentrum B", Roles.CentreStaff, CentreB),
            (Official, "Olga Official", Roles.Official, null),
        })
        {
            var user = new StaffUser { UserName = email, Email = email, DisplayName = name };
            (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(user, role);
            if (centre is not null) db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id });
            Ids[email] = user.Id;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A programme (German and English texts) with a weekly offering at the centre, Tuesdays 15:00–16:00 from next week on.</summary>
    public async Task<(Programme Programme, Offering Offering)> ItemsAsync(bool atCentreA = true)
    {
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Kinderturnen ")), ("en", TestCatalogue.Unique("Children's gym ")));
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var offering = await catalogue.OfferingAsync(programme, atCentreA ? CentreA : CentreB, PublicationState.Published,
            Schedule.Weekly(from, from.AddDays(27), Weekdays.Tuesday, new TimeOnly(15, 0), new TimeOnly(16, 0)));
        return (programme, offering);
    }

    /// <summary>A browser-like client (cookies, https, no automatic redirects), signed in when an e-mail is given.</summary>
    public async Task<HttpClient> ClientAsync(string? email = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        if (email is null) return client;
        var response = await StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in with the right password succeeds");
        return client;
    }

    /// <summary>What a browser would post for a form of the page as shown: every field with its value, checked boxes, selected options.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(HtmlDocument page, string form)
    {
        var node = page.Find($"//form[input[@name='_handler' and @value='{form}']]");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var field in node.SelectNodes(".//input|.//textarea|.//select") ?? Enumerable.Empty<HtmlNode>())
        {
            var name = field.GetAttributeValue("name", "");
            if (name.Length == 0) continue;
            var type = field.GetAttributeValue("type", "text");
            string? value = field.Name switch
            {
                "textarea" => HtmlEntity.DeEntitize(field.InnerText),
                "select" => HtmlEntity.DeEntitize((field.SelectSingleNode(".//option[@selected]") ?? field.SelectSingleNode(".//option"))?.GetAttributeValue("value", "") ?? ""),
                _ when type is "checkbox" or "radio" => field.Attributes.Contains("checked") ? HtmlEntity.DeEntitize(field.GetAttributeValue("value", "on")) : null,
                _ => HtmlEntity.DeEntitize(field.GetAttributeValue("value", "")),
            };
            if (value is not null) fields.Add(new(name, value));
        }
        return fields;
    }

    /// <summary>The fields with <paramref name="name"/> replaced by the given values (none: removed).</summary>
    public static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, params string[] values) =>
        [.. fields.Where(f => f.Key != name), .. values.Select(v => new KeyValuePair<string, string>(name, v))];

    /// <summary>Posts fields as they are (they carry the page's antiforgery token and form name).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields));
}
