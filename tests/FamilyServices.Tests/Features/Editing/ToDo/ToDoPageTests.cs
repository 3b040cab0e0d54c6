using System.Globalization;
using System.Net;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Hosting;

namespace FamilyServices.Tests.Features.Editing.ToDo;

/// <summary>
/// The editors' landing page: what is in review, what nobody has checked for six months, open reports, pending
/// proposals and missing translations, each with its count and a way onward.
/// </summary>
public class ToDoPageTests(EditingPortalFixture portal) : IClassFixture<EditingPortalFixture>
{
    [Fact]
    public async Task The_to_do_list_counts_and_lists_what_needs_attention()
    {
        var today = Today();
        var checkedSevenMonthsAgo = await ProgrammeAsync("Seven months", PublicationState.Published, today.AddMonths(-7));
        var checkedLastMonth = await ProgrammeAsync("Last month", PublicationState.Published, today.AddMonths(-1));
        var neverChecked = await ProgrammeAsync("Never", PublicationState.Published, null);
        var oldDraft = await ProgrammeAsync("Old draft", PublicationState.Draft, today.AddMonths(-9));
        var inReview = await ProgrammeAsync("In review", PublicationState.InReview, today);
        var archived = await ProgrammeAsync("Archived", PublicationState.Archived, today.AddYears(-2));
        var translated = await ProgrammeAsync("Everywhere", PublicationState.Published, today, ["de", "nl", "tr", "en"]);
        await using (var db = portal.NewDb())
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
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);

        var response = await editor.GetAsync("/editor");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.Find("//h1").Text().Should().Be("Editors' to-do list");

        var stale = Section(page, "todo-stale");
        stale.Find(".//h2").Text().Should().Be($"Not checked since {today.AddMonths(-6).ToString("d", CultureInfo.GetCultureInfo("en"))} (2)");
        Titles(stale).Should().Equal("Never", "Seven months"); // never checked first, then the oldest
        stale.Find($".//a[@href='/editor/programmes/{neverChecked.Id}']/..").Text().Should().EndWith("never checked");

        var review = Section(page, "todo-review");
        review.Find(".//h2").Text().Should().Be("Waiting for review (1)");
        review.Find($".//a[@href='/editor/programmes/{inReview.Id}']").Text().Should().Be("In review");

        var reports = Section(page, "todo-reports");
        reports.Find(".//h2").Text().Should().Be("Open reports from the public (2)");
        Titles(reports).Should().BeEquivalentTo("Last month", "Never");
        reports.Find(".//a[@href='/editor/reports']").Should().NotBeNull();

        var proposals = Section(page, "todo-proposals");
        proposals.Find(".//h2").Text().Should().Be("Change proposals from centres (1)");
        proposals.Find(".//a[@href='/editor/proposals']").Should().NotBeNull();

        var translations = Section(page, "todo-translations");
        translations.Find(".//h2").Text().Should().Be("Programmes missing a translation (5)", "all but the archived and the fully translated one");
        Titles(translations).Should().NotContain(["Archived", "Everywhere"]);
        translations.Find($".//a[@href='/editor/programmes/{inReview.Id}']/..").Text().Should().Contain("missing in: Nederlands, Türkçe, English");
        translations.Find(".//a[@href='/editor/translations']").Should().NotBeNull();

        _ = (oldDraft, archived, translated, checkedSevenMonthsAgo);
    }

    [Fact]
    public async Task Programmes_drop_off_the_stale_list_exactly_when_they_were_checked_within_the_months()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        var exactlySix = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Six ")));
        var sixAndADay = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Six and a day ")));
        exactlySix.LastCheckedOn = Today().AddMonths(-6);
        sixAndADay.LastCheckedOn = Today().AddMonths(-6).AddDays(-1);
        await db.SaveChangesAsync();
        using var admin = await portal.ClientAsync(EditingPortalFixture.Admin);

        var stale = Section(await Html.ParseAsync(await admin.GetAsync("/editor")), "todo-stale");

        stale.SelectSingleNode($".//a[@href='/editor/programmes/{exactlySix.Id}']").Should().BeNull();
        stale.SelectSingleNode($".//a[@href='/editor/programmes/{sixAndADay.Id}']").Should().NotBeNull();
    }

    [Theory]
    [InlineData(EditingPortalFixture.Editor)]
    [InlineData(EditingPortalFixture.Admin)]
    public async Task Editors_and_admins_see_the_to_do_list(string email)
    {
        using var client = await portal.ClientAsync(email, "tr");

        var page = await Html.ParseAsync(await client.GetAsync("/editor"));

        page.Find("//h1").Text().Should().Be("Editörlerin yapılacaklar listesi");
        page.Find("//a[@href='/editor/reports']").Should().NotBeNull();
    }

    [Fact]
    public async Task Centre_staff_get_a_short_page_leading_to_their_programmes()
    {
        using var client = await portal.ClientAsync(EditingPortalFixture.CentreStaff, "nl");

        var response = await client.GetAsync("/editor");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.Find("//h1").Text().Should().Be("Catalogus bewerken");
        page.Find("//main//a[@href='/editor/programmes']").Text().Should().Be("Activiteiten van uw centra");
        page.DocumentNode.SelectSingleNode("//section").Should().BeNull("no counts of the whole catalogue");
        page.DocumentNode.SelectSingleNode("//a[@href='/editor/reports']").Should().BeNull();
    }

    [Fact]
    public async Task Officials_are_refused_and_anonymous_visitors_sent_to_sign_in()
    {
        using var official = await portal.ClientAsync(EditingPortalFixture.Official);
        await ReportInboxTests.AssertForbiddenAsync(official, await official.GetAsync("/editor"));

        using var anonymous = await portal.ClientAsync();
        var response = await anonymous.GetAsync("/editor");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(portal.Clock.Now.UtcDateTime,
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    private async Task<Programme> ProgrammeAsync(string title, PublicationState state, DateOnly? lastChecked, string[]? languages = null)
    {
        await using var db = portal.NewDb();
        var programme = await new TestCatalogue(db).ProgrammeAsync(state, (languages ?? ["de"]).Select(l => (l, title)).ToArray());
        programme.LastCheckedOn = lastChecked;
        await db.SaveChangesAsync();
        return programme;
    }

    private static HtmlNode Section(HtmlDocument page, string heading) => page.Find($"//section[@aria-labelledby='{heading}']");

    private static List<string> Titles(HtmlNode section) =>
        section.SelectNodes(".//li/a")?.Select(a => a.Text()).ToList() ?? [];
}

/// <summary>The months are configurable (Portal:Catalogue:StaleAfterMonths).</summary>
public sealed class OneMonthStaleFixture : EditingPortalFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Catalogue:StaleAfterMonths", "1");
    }
}

public class ToDoStaleMonthsTests(OneMonthStaleFixture portal) : IClassFixture<OneMonthStaleFixture>
{
    [Fact]
    public async Task The_months_after_which_a_programme_counts_as_unchecked_are_configurable()
    {
        await using var db = portal.NewDb();
        var programme = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Published, ("de", "Fünf Wochen"));
        programme.LastCheckedOn = DateOnly.FromDateTime(portal.Clock.Now.UtcDateTime).AddDays(-35);
        await db.SaveChangesAsync();
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor, "de");

        var page = await Html.ParseAsync(await editor.GetAsync("/editor"));

        var since = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(portal.Clock.Now.UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))).AddMonths(-1);
        page.Find("//h2[@id='todo-stale']").Text().Should().Be($"Seit {since.ToString("d", CultureInfo.GetCultureInfo("de"))} nicht geprüft (1)");
        page.Find($"//section[@aria-labelledby='todo-stale']//a[@href='/editor/programmes/{programme.Id}']").Text().Should().Be("Fünf Wochen");
    }
}
