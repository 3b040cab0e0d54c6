using System.Globalization;
using System.Net;
using Bunit;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.ToDo;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.ToDo;

/// <summary>
/// The editors' landing page (EditorToDo): what is in review, what nobody has checked for six months, open reports,
/// pending proposals and missing translations, each with its full count and a way onward. Counts are compared with
/// what they were before the test added its rows, never with figures of one day's data.
/// </summary>
public sealed class ToDoPageTests(EditorWorld world) : EditorPageTest(world), IClassFixture<EditorWorld>
{
    private EditorToDo ToDo => Editors.Services.GetRequiredService<EditorToDo>();

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    [Fact]
    public async Task The_to_do_list_counts_and_lists_what_needs_attention()
    {
        var editor = await Editors.PrincipalAsync(Editors.Editor);
        var before = (await ToDo.ForAsync(editor))!;
        var today = Today();
        var word = TestCatalogue.Unique("Aufgabe ");
        var checkedSevenMonthsAgo = await ProgrammeAsync($"{word}Seven months", PublicationState.Published, today.AddMonths(-7));
        var checkedLastMonth = await ProgrammeAsync($"{word}Last month", PublicationState.Published, today.AddMonths(-1));
        var neverChecked = await ProgrammeAsync($"{word}Never", PublicationState.Published, null);
        await ProgrammeAsync($"{word}Old draft", PublicationState.Draft, today.AddMonths(-9));
        var inReview = await ProgrammeAsync($"{word}In review", PublicationState.InReview, today);
        await ProgrammeAsync($"{word}Archived", PublicationState.Archived, today.AddYears(-2));
        await ProgrammeAsync($"{word}Everywhere", PublicationState.Published, today, ["de", "nl", "tr", "en"]);
        await using (var db = Editors.NewDb())
        {
            db.EntryReports.AddRange(
                new EntryReport { ProgrammeId = checkedLastMonth.Id, Message = "[Other] eins", Language = "de", ReceivedAt = DateTime.UtcNow },
                new EntryReport { ProgrammeId = neverChecked.Id, Message = "[Other] zwei", Language = "tr", ReceivedAt = DateTime.UtcNow },
                new EntryReport { ProgrammeId = neverChecked.Id, Message = "[Other] erledigt", Language = "nl", ReceivedAt = DateTime.UtcNow, ResolvedAt = DateTime.UtcNow });
            db.ChangeProposals.AddRange(
                new ChangeProposal { ItemType = "Programme", ItemId = checkedLastMonth.Id, Changes = "{}", ProposedAt = DateTime.UtcNow, Status = ProposalStatus.Pending },
                new ChangeProposal { ItemType = "Programme", ItemId = checkedLastMonth.Id, Changes = "{}", ProposedAt = DateTime.UtcNow, Status = ProposalStatus.Approved });
            await db.SaveChangesAsync();
        }

        var after = (await ToDo.ForAsync(editor))!;

        after.CheckedBefore.Should().Be(today.AddMonths(-6));
        (after.StaleCount - before.StaleCount).Should().Be(2, "the never checked and the seven months old; not the draft");
        after.Stale.Where(p => p.Title.StartsWith(word, StringComparison.Ordinal)).Select(p => p.Title).Should()
            .Equal($"{word}Never", $"{word}Seven months"); // never checked first, then the oldest
        (after.InReviewCount - before.InReviewCount).Should().Be(1);
        after.InReview.Should().Contain(p => p.Id == inReview.Id);
        (after.ReportCount - before.ReportCount).Should().Be(2, "the resolved report is done");
        (after.ProposalCount - before.ProposalCount).Should().Be(1);
        (after.UntranslatedCount - before.UntranslatedCount).Should().Be(5, "all but the archived and the fully translated one");
        _ = checkedSevenMonthsAgo;
    }

    [Fact]
    public async Task Programmes_drop_off_the_stale_list_exactly_when_they_were_checked_within_the_months()
    {
        var exactlySix = await ProgrammeAsync(TestCatalogue.Unique("Six "), PublicationState.Published, Today().AddMonths(-6));
        var sixAndADay = await ProgrammeAsync(TestCatalogue.Unique("Six and a day "), PublicationState.Published, Today().AddMonths(-6).AddDays(-1));
        await using var db = Editors.NewDb();
        var stale = await ProgrammeList.PageAsync(db, await Editors.PrincipalAsync(Editors.Admin),
            new ProgrammeFilter { State = PublicationState.Published, Checked = CheckedFilter.Stale }, ProgrammeSort.Title, false, 0, ProgrammeList.MaxPageSize,
            "en", "de", await ToDo.CheckedBeforeAsync(), Enum.GetValues<ProgrammeType>());

        stale.Rows.Select(r => r.Id).Should().Contain(sixAndADay.Id).And.NotContain(exactlySix.Id, "the list the to-do page links to applies the same rule");
        var summary = (await ToDo.ForAsync(await Editors.PrincipalAsync(Editors.Admin)))!;
        summary.StaleCount.Should().Be(stale.Total);
    }

    [Fact]
    public async Task The_months_after_which_a_programme_counts_as_unchecked_are_configurable()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Portal:Catalogue:StaleAfterMonths"] = "1" }).Build();
        var oneMonth = new EditorToDo(Editors.Services.GetRequiredService<IDbContextFactory<FamilyServicesDb>>(), Editors.Services.GetRequiredService<CurrentCity>(),
            TimeProvider.System, settings);
        var editor = await Editors.PrincipalAsync(Editors.Editor);
        var (oneMonthBefore, sixMonthsBefore) = ((await oneMonth.ForAsync(editor))!, (await ToDo.ForAsync(editor))!);

        await ProgrammeAsync(TestCatalogue.Unique("Fünf Wochen "), PublicationState.Published, Today().AddDays(-35));

        var (oneMonthAfter, sixMonthsAfter) = ((await oneMonth.ForAsync(editor))!, (await ToDo.ForAsync(editor))!);
        (oneMonth.StaleAfterMonths, oneMonthAfter.CheckedBefore).Should().Be((1, Today().AddMonths(-1)));
        sixMonthsAfter.CheckedBefore.Should().Be(Today().AddMonths(-EditorToDo.DefaultStaleAfterMonths));
        (oneMonthAfter.StaleCount - oneMonthBefore.StaleCount).Should().Be(1, "five weeks is more than a month");
        (sixMonthsAfter.StaleCount - sixMonthsBefore.StaleCount).Should().Be(0, "but less than six");
    }

    [Fact]
    public async Task Editors_see_the_to_do_list_with_links_into_the_filtered_programme_list()
    {
        var inReview = await ProgrammeAsync(TestCatalogue.Unique("Zur Prüfung "), PublicationState.InReview, Today());
        await SignInAsync(Editors.Admin);

        var page = Render<ToDoPage>();

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(T("ToDoTitle")), Patience);
        var summary = (await ToDo.ForAsync(await Editors.PrincipalAsync(Editors.Admin)))!;
        page.Find("h2#todo-stale").TextContent.Should().Be(T("ToDoStale", Today().AddMonths(-6).ToString("d", CultureInfo.CurrentCulture), summary.StaleCount));
        page.Find("h2#todo-review").TextContent.Should().Be(T("ToDoInReview", summary.InReviewCount));
        summary.InReview.Should().Contain(p => p.Id == inReview.Id, "this world has fewer programmes in review than the list shows");
        page.Find($"section[aria-labelledby='todo-review'] a[href='{ProgrammeEditPage.PathFor(inReview.Id)}']").TextContent.Should().Be(inReview.Texts[0].Title);
        page.FindAll("a[href='/editor/reports']").Should().NotBeEmpty();
    }

    [Fact]
    public void A_short_list_leads_to_the_whole_filtered_list()
    {
        var href = ProgrammeListPage.PathWith(new ProgrammeFilter { State = PublicationState.Published, Checked = CheckedFilter.Stale });

        var more = Render<ToDoMore>(p => p.Add(x => x.Shown, EditorToDo.ListLength).Add(x => x.Total, EditorToDo.ListLength + 2).Add(x => x.Href, href));

        href.Should().Be($"{ProgrammeListPage.Path}?state=Published&checked=Stale");
        more.Find("a").GetAttribute("href").Should().Be(href);
        more.Find("a").TextContent.Should().Be(T("ToDoMore", 2));
        Render<ToDoMore>(p => p.Add(x => x.Shown, 3).Add(x => x.Total, 3).Add(x => x.Href, href)).Markup.Trim().Should().BeEmpty("nothing more to show");
    }

    [Fact]
    public async Task Centre_staff_get_a_short_page_leading_to_their_programmes()
    {
        await SignInAsync(Editors.StaffA);

        var page = Render<ToDoPage>();

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(T("ToDoEditingTitle")), Patience);
        page.Find($"a[href='{ProgrammeListPage.Path}']").TextContent.Should().Be(T("ToDoCentreStaffLink"));
        page.FindAll("section").Should().BeEmpty("no counts of the whole catalogue");
        page.FindAll("a[href='/editor/reports']").Should().BeEmpty();
        (await ToDo.ForAsync(await Editors.PrincipalAsync(Editors.StaffA))).Should().BeNull();
    }

    [Fact]
    public async Task Officials_are_refused_and_anonymous_visitors_sent_to_sign_in()
    {
        using var official = await Editors.ClientAsync(Editors.Official);
        var refused = await official.GetAsync(ToDoPage.Path);
        refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        refused.Headers.Location!.AbsolutePath.Should().Be("/status/403");

        using var anonymous = await Editors.ClientAsync(null);
        var response = await anonymous.GetAsync(ToDoPage.Path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    private async Task<Programme> ProgrammeAsync(string title, PublicationState state, DateOnly? lastChecked, string[]? languages = null)
    {
        await using var db = Editors.NewDb();
        var programme = await new TestCatalogue(db).ProgrammeAsync(state, (languages ?? ["de"]).Select(l => (l, title)).ToArray());
        programme.LastCheckedOn = lastChecked;
        await db.SaveChangesAsync();
        return programme;
    }
}
