using System.Net;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Audit;
using HtmlAgilityPack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Audit;

public sealed class AuditPageTests(AuditFixture portal) : IClassFixture<AuditFixture>
{
    private const string Path = "/admin/audit";

    [Theory]
    [InlineData(AuditFixture.Staff)]
    [InlineData(AuditFixture.Official)]
    [InlineData(null)]
    public async Task Only_admins_may_read_the_trail(string? email)
    {
        using var client = await portal.ClientAsync(email);
        var before = await portal.LastEntryIdAsync();

        var response = await client.GetAsync(Path);

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().NotContain("Audit trail viewed");
        (await portal.EntriesAfterAsync(before)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_admin_sees_the_newest_entries_first_with_the_actor_named_and_the_view_is_recorded()
    {
        await RecordAsync(AuditAction.RosterViewed, portal.Ids[AuditFixture.Staff], [portal.ChildrenA[0].Id]);
        await RecordAsync(AuditAction.ReachExported, portal.Ids[AuditFixture.Official], []);
        using var admin = await portal.ClientAsync(AuditFixture.Admin);
        var before = await portal.LastEntryIdAsync();

        var page = await Html.ParseAsync(await admin.GetAsync(Path));

        var headings = (page.DocumentNode.SelectNodes("//ol[@class='audit-list']/li/h2") ?? Enumerable.Empty<HtmlNode>()).Select(h => h.Text()).ToList();
        headings.Take(2).Should().Equal("Reach figures exported", "Roster viewed");
        page.DocumentNode.InnerText.Should().Contain($"Mira Beispiel ({portal.Ids[AuditFixture.Staff]})");
        page.Find("//a[@href='/admin/audit']").Should().NotBeNull("the Admin navigation links to the trail");
        var viewed = (await portal.EntriesAfterAsync(before)).Should().ContainSingle().Subject;
        viewed.Action.Should().Be(AuditAction.AuditTrailViewed);
        viewed.ActorId.Should().Be(portal.Ids[AuditFixture.Admin]);
    }

    [Fact]
    public async Task A_childs_code_posted_finds_only_that_childs_entries_and_is_neither_recorded_nor_put_into_an_address()
    {
        var child = portal.ChildrenA[3];
        await RecordAsync(AuditAction.AttendanceRecorded, "code-filter", [child.Id, portal.ChildrenA[4].Id]);
        await RecordAsync(AuditAction.AttendanceRecorded, "code-filter", [portal.ChildrenA[4].Id]);
        using var admin = await portal.ClientAsync(AuditFixture.Admin);
        var before = await portal.LastEntryIdAsync();

        var response = await UsersFixture.PostAsync(admin, Path, "audit-filter", [new("code", ParticipantCode.Display(child.Code).ToLowerInvariant()), new("actor", "code-filter")]);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        var page = await Html.ParseAsync(response);
        page.DocumentNode.SelectNodes("//ol[@class='audit-list']/li").Should().ContainSingle();
        UrlsOf(page).Should().NotContain(u => u.Contains(child.Code, StringComparison.OrdinalIgnoreCase));
        // The page was opened (for the form's token), then the filter posted: two views, the second by code.
        var views = await portal.EntriesAfterAsync(before);
        views.Should().HaveCount(2).And.OnlyContain(e => e.Action == AuditAction.AuditTrailViewed && e.Subjects.Length == 0);
        views[1].Details.Should().Contain("\"byParticipantCode\": true").And.Contain("\"actor\": \"code-filter\"").And.NotContain(child.Code);
    }

    [Fact]
    public async Task An_unknown_or_erased_childs_code_says_why_nothing_can_be_found()
    {
        using var admin = await portal.ClientAsync(AuditFixture.Admin);

        var page = await Html.ParseAsync(await UsersFixture.PostAsync(admin, Path, "audit-filter", [new("code", "KX7M-4QRA")]));

        page.Find("//div[@role='alert']").Text().Should().Contain("erased children cannot be found by their code");
        page.DocumentNode.SelectNodes("//ol[@class='audit-list']/li").Should().BeNull();
    }

    [Fact]
    public async Task An_actors_email_address_is_resolved_to_the_account()
    {
        await RecordAsync(AuditAction.RosterViewed, portal.Ids[AuditFixture.Official], []);
        using var admin = await portal.ClientAsync(AuditFixture.Admin);

        var page = await Html.ParseAsync(await UsersFixture.PostAsync(admin, Path, "audit-filter",
            [new("actor", AuditFixture.Official.ToUpperInvariant()), new("action", nameof(AuditAction.RosterViewed))]));

        var items = page.DocumentNode.SelectNodes("//ol[@class='audit-list']/li");
        items.Should().ContainSingle().Which.InnerText.Should().Contain(portal.Ids[AuditFixture.Official]);
    }

    [Fact]
    public async Task Fifty_entries_make_a_page_and_the_next_page_is_posted_too()
    {
        for (var i = 0; i < 53; i++) await RecordAsync(AuditAction.RetentionApplied, "paging", []);
        using var admin = await portal.ClientAsync(AuditFixture.Admin);

        var first = await Html.ParseAsync(await UsersFixture.PostAsync(admin, Path, "audit-filter", [new("actor", "paging")]));
        var second = await Html.ParseAsync(await UsersFixture.PostAsync(admin, Path, "audit-filter", [new("actor", "paging"), new("page", "2")]));

        first.DocumentNode.SelectNodes("//ol[@class='audit-list']/li").Should().HaveCount(AuditPage.PageSize);
        first.Find("//button[@name='page']").GetAttributeValue("value", "").Should().Be("2");
        second.DocumentNode.SelectNodes("//ol[@class='audit-list']/li").Should().HaveCount(3);
        second.DocumentNode.InnerText.Should().Contain("Page 2 of 2");
    }

    [Fact]
    public async Task Bad_dates_are_refused_with_a_message_and_the_input_kept()
    {
        using var admin = await portal.ClientAsync(AuditFixture.Admin);

        var response = await UsersFixture.PostAsync(admin, Path, "audit-filter", [new("from", "2026-13-01"), new("actor", "someone")]);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Find("//div[@role='alert']").Text().Should().Contain("YYYY-MM-DD");
        page.Find("//input[@name='actor']").GetAttributeValue("value", "").Should().Be("someone");
    }

    private async Task RecordAsync(AuditAction action, string actorId, int[] participantIds)
    {
        await using var scope = portal.Scope();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(action, portal.CentreA.Id, participantIds, actorId: actorId);
    }

    public static IEnumerable<string> UrlsOf(HtmlDocument page) =>
        page.DocumentNode.Descendants()
            .SelectMany(n => n.Attributes.Where(a => a.Name is "href" or "action" or "src" or "formaction" or "hx-post" or "hx-get"))
            .Select(a => HtmlEntity.DeEntitize(a.Value) ?? "");
}
