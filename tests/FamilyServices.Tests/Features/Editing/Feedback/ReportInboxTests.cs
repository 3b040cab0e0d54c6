using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Feedback;

/// <summary>The editors' inbox of the public's reports: newest first, resolved with one post, and only for Editors and Admins.</summary>
public class ReportInboxTests(EditingPortalFixture portal) : IClassFixture<EditingPortalFixture>
{
    [Fact]
    public async Task Open_reports_are_listed_newest_first_with_their_kind()
    {
        var older = await ReportAsync("[WrongContact] Die Nummer stimmt nicht mehr.", received: portal.Clock.Now.UtcDateTime.AddDays(-2));
        var newer = await ReportAsync("Ohne Art geschrieben, einfach so.", received: portal.Clock.Now.UtcDateTime.AddHours(-1));
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor, "de");

        var page = await Html.ParseAsync(await editor.GetAsync("/editor/reports"));

        var ids = page.DocumentNode.SelectNodes("//li[starts-with(@id,'report-')]")!.Select(n => n.Id).ToList();
        ids.IndexOf($"report-{newer.Id}").Should().BeLessThan(ids.IndexOf($"report-{older.Id}"));
        page.Find($"//li[@id='report-{older.Id}']//strong").Text().Should().Be("Falsche Kontaktangaben");
        page.Find($"//li[@id='report-{older.Id}']//p[@lang='de']").Text().Should().Be("Die Nummer stimmt nicht mehr.");
        page.DocumentNode.SelectSingleNode($"//li[@id='report-{newer.Id}']//strong").Should().BeNull("a message without a known kind is all text");
    }

    [Fact]
    public async Task Marking_a_report_resolved_moves_it_to_the_resolved_list_and_a_second_post_keeps_the_first_resolution()
    {
        var report = await ReportAsync("[Other] Bitte einmal prüfen, danke.");
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);

        var response = await ResolveAsync(editor, report.Id);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.Should().Be("/editor/reports?done=1");
        var resolved = await FindAsync(report.Id);
        resolved.ResolvedAt.Should().Be(portal.Clock.Now.UtcDateTime);
        resolved.ResolvedById.Should().Be(await UserIdAsync(EditingPortalFixture.Editor));
        var open = await Html.ParseAsync(await editor.GetAsync(response.Headers.Location));
        open.Find("//p[@role='status']").Text().Should().Be("The report has been marked as resolved.");
        open.DocumentNode.SelectSingleNode($"//li[@id='report-{report.Id}']").Should().BeNull();
        var done = await Html.ParseAsync(await editor.GetAsync("/editor/reports?show=resolved"));
        done.Find($"//li[@id='report-{report.Id}']").Text().Should().Contain("resolved on");
        done.Find($"//li[@id='report-{report.Id}']").SelectSingleNode(".//button").Should().BeNull();

        portal.Clock.Advance(TimeSpan.FromMinutes(3));
        using var admin = await portal.ClientAsync(EditingPortalFixture.Admin);
        (await ResolveAsync(admin, report.Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await FindAsync(report.Id)).Should().BeEquivalentTo(resolved, "resolving twice changes nothing");
    }

    [Fact]
    public async Task Resolving_an_unknown_report_is_not_found()
    {
        using var editor = await portal.ClientAsync(EditingPortalFixture.Admin);

        (await ResolveAsync(editor, 987654)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(EditingPortalFixture.Official)]
    [InlineData(EditingPortalFixture.CentreStaff)]
    public async Task Officials_and_centre_staff_may_neither_read_nor_resolve_reports(string email)
    {
        var report = await ReportAsync("[Other] Nur für die Redaktion bestimmt.");
        using var client = await portal.ClientAsync(email);
        var token = (await Html.ParseAsync(await client.GetAsync("/account/sign-in"))).AntiforgeryToken();

        await AssertForbiddenAsync(client, await client.GetAsync("/editor/reports"));
        await AssertForbiddenAsync(client, await client.PostAsync("/editor/reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "resolve", ["report"] = report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })));
        (await FindAsync(report.Id)).ResolvedAt.Should().BeNull();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = await portal.ClientAsync();

        var response = await client.GetAsync("/editor/reports");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    internal static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signed-in staff without the role are refused");
        response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        (await client.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<HttpResponseMessage> ResolveAsync(HttpClient client, long id)
    {
        var token = (await Html.ParseAsync(await client.GetAsync("/editor/reports"))).AntiforgeryToken();
        return await client.PostAsync("/editor/reports", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "resolve", ["report"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }

    private async Task<EntryReport> ReportAsync(string message, DateTime? received = null)
    {
        await using var db = portal.NewDb();
        var programme = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Elterncafé ")));
        var report = new EntryReport
        {
            ProgrammeId = programme.Id, Message = message, Language = "de", ReceivedAt = received ?? portal.Clock.Now.UtcDateTime,
        };
        db.EntryReports.Add(report);
        await db.SaveChangesAsync();
        return report;
    }

    private async Task<EntryReport> FindAsync(long id)
    {
        await using var db = portal.NewDb();
        return await db.EntryReports.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = portal.Scope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }
}
