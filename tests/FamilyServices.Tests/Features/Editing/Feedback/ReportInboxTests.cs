using System.Globalization;
using System.Net;
using Bunit;
using FamilyServices.Tests.Features.Editing.ReferenceData;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Feedback;
using FamilyServices.Web.Features.Editing.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Feedback;

/// <summary>
/// The editors' inbox of the public's reports: newest first with the kind in the editor's language and the text shown
/// as text, resolved with one click (a second resolution keeps the first), and only for Editors and Admins, also when
/// the right goes while the page is open.
/// </summary>
public class ReportInboxTests(EditingPortalFixture world) : EditorPageTest<EditingPortalFixture>(world), IClassFixture<EditingPortalFixture>
{
    [Fact]
    public async Task Open_reports_are_listed_newest_first_with_their_kind_in_the_editors_language_and_their_text_as_text()
    {
        var older = await ReportAsync("[WrongContact] Die Nummer stimmt nicht mehr.", received: World.Clock.Now.UtcDateTime.AddDays(-2));
        var newer = await ReportAsync("Ohne Art geschrieben, <script>alert('x')</script>\nzweite Zeile", received: World.Clock.Now.UtcDateTime.AddHours(-1));
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);

        var page = Open<ReportInboxPage>(ReportInboxPage.Path);

        await EventuallyAsync(() => page.FindAll($"#report-{older.Id}").Should().ContainSingle());
        var ids = page.FindAll("[id^='report-']").Select(n => n.Id).ToList();
        ids.IndexOf($"report-{newer.Id}").Should().BeLessThan(ids.IndexOf($"report-{older.Id}"));
        var olderRow = RowOf(page, older.Id);
        olderRow.QuerySelector(".report-kind")!.TextContent.Should().Be("Falsche Kontaktangaben");
        olderRow.QuerySelector(".report-text[lang='de']")!.TextContent.Trim().Should().Be("Die Nummer stimmt nicht mehr.");
        var newerRow = RowOf(page, newer.Id);
        newerRow.QuerySelector(".report-kind").Should().BeNull("a message without a known kind is all text");
        newerRow.QuerySelector(".report-text")!.InnerHtml.Should().Contain("&lt;script&gt;").And.Contain("<br>", "line breaks are kept");
        page.Markup.Should().NotContain("<script>alert");
    }

    [Fact]
    public async Task Marking_a_report_resolved_moves_it_to_the_resolved_list_and_a_second_resolution_keeps_the_first()
    {
        var report = await ReportAsync("[Other] Bitte einmal prüfen, danke.");
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<ReportInboxPage>(ReportInboxPage.Path);
        await EventuallyAsync(() => page.FindAll($"#report-{report.Id}").Should().ContainSingle());

        var before = DateTime.UtcNow;
        await page.ClickAsync(() => RowOf(page, report.Id).QuerySelectorAll("button"), "Mark as resolved");

        await EventuallyAsync(() => Snackbars.Should().Contain("The report has been marked as resolved."));
        var after = DateTime.UtcNow;
        await EventuallyAsync(() => page.FindAll($"#report-{report.Id}").Should().BeEmpty("it left the open list"));
        var resolved = await FindAsync(report.Id);
        // A page rendered with bunit runs on the machine's clock (MudBlazor registers the system TimeProvider).
        resolved.ResolvedAt.Should().BeOnOrAfter(before.AddSeconds(-1)).And.BeOnOrBefore(after.AddSeconds(1));
        resolved.ResolvedById.Should().Be(World.Accounts[EditingPortalFixture.Editor].Id);
        await page.PressAsync("Resolved");
        await EventuallyAsync(() => page.FindAll($"#report-{report.Id}").Should().ContainSingle());
        RowOf(page, report.Id).TextContent.Should().Contain("resolved on");
        RowOf(page, report.Id).QuerySelectorAll("button").Should().BeEmpty();

        World.Clock.Advance(TimeSpan.FromMinutes(3));
        var admin = await World.PrincipalAsync(World.Accounts[EditingPortalFixture.Admin]);
        await using (var db = World.NewDb())
        {
            (await ReportInbox.ResolveAsync(db, admin, report.Id, World.Clock)).Should().Be(ResolveOutcome.AlreadyResolved);
        }
        (await FindAsync(report.Id)).Should().BeEquivalentTo(resolved, "resolving twice changes nothing");
    }

    [Fact]
    public async Task Resolving_an_unknown_report_is_not_found()
    {
        var admin = await World.PrincipalAsync(World.Accounts[EditingPortalFixture.Admin]);
        await using var db = World.NewDb();

        (await ReportInbox.ResolveAsync(db, admin, 987654, World.Clock)).Should().Be(ResolveOutcome.NotFound);
    }

    [Theory]
    [InlineData(EditingPortalFixture.Official)]
    [InlineData(EditingPortalFixture.CentreStaff)]
    public async Task Officials_and_centre_staff_may_neither_read_nor_resolve_reports(string email)
    {
        var report = await ReportAsync("[Other] Nur für die Redaktion bestimmt.");
        using var client = await World.ClientAsync(email);
        var user = await World.PrincipalAsync(World.Accounts[email]);

        await AssertForbiddenAsync(client, await client.GetAsync(ReportInboxPage.Path));
        await using var db = World.NewDb();
        (await ReportInbox.PageAsync(db, user, resolved: false, new ListRequest(0, 25), "en", "de")).Rows.Should().BeEmpty();
        (await ReportInbox.ResolveAsync(db, user, report.Id, World.Clock)).Should().Be(ResolveOutcome.Refused);
        (await FindAsync(report.Id)).ResolvedAt.Should().BeNull();
    }

    [Fact]
    public async Task An_editor_whose_account_is_deactivated_while_the_inbox_is_open_resolves_nothing()
    {
        var report = await ReportAsync("[Other] Bitte prüfen.");
        var leaving = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.Editor);
        await SignInAsync(leaving);
        var page = Open<ReportInboxPage>(ReportInboxPage.Path);
        await EventuallyAsync(() => page.FindAll($"#report-{report.Id}").Should().ContainSingle());
        await using (var db = World.NewDb())
        {
            (await db.Users.SingleAsync(u => u.Id == leaving.Id)).IsActive = false;
            await db.SaveChangesAsync();
        }

        await page.ClickAsync(() => RowOf(page, report.Id).QuerySelectorAll("button"), "Mark as resolved");

        await EventuallyAsync(() => Snackbars.Should().Contain("You may no longer do this"));
        (await FindAsync(report.Id)).ResolvedAt.Should().BeNull();
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var client = await World.ClientAsync();

        var response = await client.GetAsync(ReportInboxPage.Path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    internal static async Task AssertForbiddenAsync(HttpClient client, HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signed-in staff without the role are refused");
        response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        (await client.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>The grid row that shows the report.</summary>
    private static AngleSharp.Dom.IElement RowOf(IRenderedComponent<ReportInboxPage> page, long id) => page.Find($"#report-{id}").Closest("tr")!;

    private async Task<EntryReport> ReportAsync(string message, DateTime? received = null)
    {
        await using var db = World.NewDb();
        var programme = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Elterncafé ")));
        var report = new EntryReport
        {
            ProgrammeId = programme.Id, Message = message, Language = "de", ReceivedAt = received ?? World.Clock.Now.UtcDateTime,
        };
        db.EntryReports.Add(report);
        await db.SaveChangesAsync();
        return report;
    }

    private async Task<EntryReport> FindAsync(long id)
    {
        await using var db = World.NewDb();
        return await db.EntryReports.AsNoTracking().SingleAsync(r => r.Id == id);
    }
}
