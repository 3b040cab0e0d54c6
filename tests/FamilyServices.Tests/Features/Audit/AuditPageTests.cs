using System.Net;
using Bunit;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>
/// The Admins' audit trail: newest first, a page at a time, filtered by action, account, centre, dates and a child's
/// code (turned into the child's pseudonym); every page shown is itself recorded, and no filter ever reaches an address.
/// </summary>
public sealed class AuditPageTests(AuditFixture portal) : AdminPageTest(portal), IClassFixture<AuditFixture>
{
    private const string Path = "/admin/audit";

    [Theory]
    [InlineData(AuditFixture.Staff)]
    [InlineData(AuditFixture.Official)]
    [InlineData(null)]
    public async Task Only_admins_may_open_the_trail(string? email)
    {
        using var client = await portal.ClientAsync(email);
        var before = await portal.LastEntryIdAsync();

        var response = await client.GetAsync(Path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.EntriesAfterAsync(before)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_admin_sees_the_newest_entries_first_with_the_actor_named_and_the_view_is_recorded_once()
    {
        await RecordAsync(AuditAction.RosterViewed, portal.Ids[AuditFixture.Staff], [portal.ChildrenA[0].Id]);
        await RecordAsync(AuditAction.ReachExported, portal.Ids[AuditFixture.Official], []);
        await SignInAsync(portal.NamedAdmin);
        var before = await portal.LastEntryIdAsync();

        var page = Open<AuditPage>();

        page.WaitForAssertion(() => Actions(page).Should().NotBeEmpty(), Wait);
        Actions(page).Take(2).Should().Equal("Reach figures exported", "Roster viewed");
        page.Markup.Should().Contain($"Mira Beispiel ({portal.Ids[AuditFixture.Staff]})");
        await Task.Delay(500);
        var viewed = (await portal.EntriesAfterAsync(before)).Should().ContainSingle("opening the page is one reading").Subject;
        viewed.Action.Should().Be(AuditAction.AuditTrailViewed);
        viewed.ActorId.Should().Be(portal.Ids[AuditFixture.Admin]);
        viewed.CorrelationId.Should().BeNull("an open page has no request of its own");
    }

    [Fact]
    public async Task A_childs_code_finds_only_that_childs_entries_and_is_neither_recorded_nor_put_into_an_address()
    {
        var child = portal.ChildrenA[3];
        await RecordAsync(AuditAction.AttendanceRecorded, "code-filter", [child.Id, portal.ChildrenA[4].Id]);
        await RecordAsync(AuditAction.AttendanceRecorded, "code-filter", [portal.ChildrenA[4].Id]);
        await SignInAsync(portal.NamedAdmin);
        var page = await OpenTrailAsync();
        var before = await portal.LastEntryIdAsync();

        page.Find("#audit-code").Change(ParticipantCode.Display(child.Code).ToLowerInvariant());
        page.Find("#audit-actor").Change("code-filter");
        Click(page, "#audit-show");

        page.WaitForAssertion(() => Actions(page).Should().ContainSingle(), Wait);
        Services.GetRequiredService<NavigationManager>().Uri.Should().NotContainEquivalentOf(child.Code, "the filter stays in the page");
        page.FindAll("a[href]").Select(a => a.GetAttribute("href")!).Should().NotContain(h => h.Contains(child.Code, StringComparison.OrdinalIgnoreCase));
        var view = (await portal.EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        view.Action.Should().Be(AuditAction.AuditTrailViewed);
        view.Subjects.Should().BeEmpty();
        view.Details.Should().Contain("\"byParticipantCode\": true").And.Contain("\"actor\": \"code-filter\"").And.NotContain(child.Code);
    }

    [Fact]
    public async Task An_unknown_or_erased_childs_code_says_why_nothing_can_be_found()
    {
        await SignInAsync(portal.NamedAdmin);
        var page = await OpenTrailAsync();

        page.Find("#audit-code").Change("KX7M-4QRA");
        Click(page, "#audit-show");

        page.WaitForAssertion(() => page.Find("#audit-problems").TextContent.Should().Contain("erased children cannot be found by their code"), Wait);
        page.WaitForAssertion(() => Actions(page).Should().BeEmpty(), Wait);
    }

    [Fact]
    public async Task An_actors_email_address_is_resolved_to_the_account()
    {
        await RecordAsync(AuditAction.RosterViewed, portal.Ids[AuditFixture.Official], []);
        await SignInAsync(portal.NamedAdmin);
        var page = await OpenTrailAsync();

        page.Find("#audit-actor").Change(AuditFixture.Official.ToUpperInvariant());
        Choose(page, "audit-action", nameof(AuditAction.RosterViewed));
        Click(page, "#audit-show");

        page.WaitForAssertion(() => Actions(page).Should().ContainSingle(), Wait);
        page.Find("table tbody").TextContent.Should().Contain(portal.Ids[AuditFixture.Official]);
    }

    [Fact]
    public async Task Fifty_entries_make_a_page_and_the_next_page_is_read_and_recorded_too()
    {
        for (var i = 0; i < 53; i++) await RecordAsync(AuditAction.RetentionApplied, "paging", []);
        await SignInAsync(portal.NamedAdmin);
        var page = await OpenTrailAsync();
        page.Find("#audit-actor").Change("paging");
        Click(page, "#audit-show");
        page.WaitForAssertion(() => page.Find("#audit-count").TextContent.Should().Be("53 entries"), Wait);
        Actions(page).Should().HaveCount(AuditSearch.DefaultPageSize);
        var before = await portal.LastEntryIdAsync();

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Actions(page).Should().HaveCount(3), Wait);
        var view = (await portal.EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        view.Details.Should().Contain("\"page\": 2");
        await using var db = portal.NewDb();
        var (rows, total) = await AuditSearch.PageAsync(db, Trail(db), new AuditFilter(null, "paging", null, null, null, null, false, false),
            TimeZoneInfo.Utc, 1, 50, oldestFirst: false, "test");
        (rows.Count, total).Should().Be((3, 53));
    }

    [Fact]
    public async Task Unreadable_filters_are_refused_with_a_message_and_the_input_kept()
    {
        await SignInAsync(portal.NamedAdmin);
        var page = await OpenTrailAsync();

        page.Find("#audit-from").Change("2026-13-01");
        page.Find("#audit-actor").Change("someone");
        Click(page, "#audit-show");

        page.WaitForAssertion(() => page.Find("#audit-problems").TextContent.Should().Contain("YYYY-MM-DD"), Wait);
        page.Find("#audit-actor").GetAttribute("value").Should().Be("someone");
        await using var db = portal.NewDb();
        var audit = Trail(db);
        (await AuditSearch.ResolveAsync(db, audit, new AuditFilterInput(From: "2026-03-02", To: "2026-03-01"))).Problems.Should().Equal(AuditFilterProblem.DatesOrder);
        (await AuditSearch.ResolveAsync(db, audit, new AuditFilterInput(Action: "42"))).Problems.Should().Equal(AuditFilterProblem.ActionInvalid);
        (await AuditSearch.ResolveAsync(db, audit, new AuditFilterInput(Action: "Nonsense"))).Problems.Should().Equal(AuditFilterProblem.ActionInvalid);
        (await AuditSearch.ResolveAsync(db, audit, new AuditFilterInput(Centre: "999999"))).Problems.Should().Equal(AuditFilterProblem.CentreInvalid);
        var (filter, problems) = await AuditSearch.ResolveAsync(db, audit, new AuditFilterInput(From: "2026-13-01"));
        (filter.MatchesNothing, problems.Single()).Should().Be((true, AuditFilterProblem.DateInvalid));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("' OR 1=1; --")]
    [InlineData("a\0b")]
    [InlineData("=HYPERLINK(\"https://evil.example\")")]
    [InlineData("\u202Eevil")]
    public async Task Hostile_text_in_the_filters_finds_nothing_and_breaks_nothing(string text)
    {
        await SignInAsync(portal.NamedAdmin);
        var page = await OpenTrailAsync();

        page.Find("#audit-actor").Change(text);
        page.Find("#audit-code").Change(text);
        Click(page, "#audit-show");

        page.WaitForAssertion(() => page.Find("#audit-count").TextContent.Should().Be("0 entries"), Wait);
        page.FindAll("script, img").Should().BeEmpty();
        page.Find("#audit-actor").GetAttribute("value").Should().Be(text.Replace('\0', '\uFFFD'), "kept as typed (the markup parser shows a NUL as U+FFFD)");
        await using var db = portal.NewDb();
        (await AuditSearch.ResolveAsync(db, Trail(db), new AuditFilterInput(Actor: new string('x', 20_000)))).Filter.ActorId
            .Should().HaveLength(AuditSearch.MaxActorLength);
    }

    [Fact]
    public async Task An_admin_who_lost_the_role_reads_nothing_more_and_no_reading_is_recorded()
    {
        var admin = await portal.AccountAsync($"{TestCatalogue.Unique("audit.demoted")}@example.org", Roles.Admin);
        await SignInAsync(admin);
        var page = await OpenTrailAsync();

        await RemoveRoleAsync(admin, Roles.Admin);
        var before = await portal.LastEntryIdAsync();
        Click(page, "#audit-show");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        await Task.Delay(500);
        (await portal.EntriesAfterAsync(before)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_deactivated_admin_pages_no_further_and_no_reading_is_recorded()
    {
        var admin = await portal.AccountAsync($"{TestCatalogue.Unique("audit.gone")}@example.org", Roles.Admin);
        await SignInAsync(admin);
        var page = await OpenTrailAsync();

        await DeactivateInDatabaseAsync(admin);
        var before = await portal.LastEntryIdAsync();
        if (page.FindAll("button[aria-label='Next page']") is [var next, ..]) next.Click();
        Click(page, "#audit-show");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        await Task.Delay(500);
        (await portal.EntriesAfterAsync(before)).Should().BeEmpty();
    }

    /// <summary>Every address in a page's markup (links, forms, sources): a filter must never end up in one.</summary>
    public static IEnumerable<string> UrlsOf(HtmlAgilityPack.HtmlDocument page) =>
        page.DocumentNode.Descendants()
            .SelectMany(n => n.Attributes.Where(a => a.Name is "href" or "action" or "src" or "formaction" or "hx-post" or "hx-get"))
            .Select(a => HtmlAgilityPack.HtmlEntity.DeEntitize(a.Value) ?? "");

    /// <summary>The page once its first entries are shown (one is recorded first, so there is always one).</summary>
    private async Task<IRenderedComponent<AuditPage>> OpenTrailAsync()
    {
        await RecordAsync(AuditAction.RetentionApplied, AuditTrail.System, []);
        var page = Open<AuditPage>();
        page.WaitForAssertion(() => Actions(page).Should().NotBeEmpty(), Wait);
        return page;
    }

    private static List<string> Actions(IRenderedComponent<AuditPage> page) =>
        page.FindAll("table tbody .audit-action").Select(a => a.TextContent.Trim()).ToList();

    private AuditTrail Trail(Web.Data.FamilyServicesDb db)
    {
        using var scope = portal.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AuditTrail>().With(db);
    }

    private async Task RecordAsync(AuditAction action, string actorId, int[] participantIds)
    {
        await using var scope = portal.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(action, portal.CentreA.Id, participantIds, actorId: actorId);
    }
}
