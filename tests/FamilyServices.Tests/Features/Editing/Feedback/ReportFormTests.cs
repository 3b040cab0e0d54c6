using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Feedback;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using HtmlAgilityPack;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Feedback;

/// <summary>
/// The public "report a problem with this entry" form (issue 7): no account, no personal data, spam kept out by
/// antiforgery, a honeypot, a minimum time between showing and sending, and a limit per address.
/// </summary>
public class ReportFormTests(EditingPortalFixture portal) : IClassFixture<EditingPortalFixture>
{
    private const string Message = "Der Kurs findet seit September nicht mehr statt, bitte prüfen.";

    [Fact]
    public async Task A_report_lands_in_the_inbox_with_the_programme_linked_and_only_its_language_is_stored()
    {
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var visitor = await portal.ClientAsync(language: "tr");
        visitor.DefaultRequestHeaders.UserAgent.ParseAdd("Reporter-Browser/9.9");
        visitor.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        var form = await Html.ParseAsync(await visitor.GetAsync($"/report?programme={programme.Slug}"));
        var evil = "Kurs artık yok <script>alert('x')</script> lütfen\nkontrol edin";
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await SendAsync(visitor, $"/report?programme={programme.Slug}", form, "NoLongerRuns", evil);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.Should().Be($"/report/sent?programme={programme.Slug}");
        var thanks = await Html.ParseAsync(await visitor.GetAsync(response.Headers.Location));
        thanks.Find("//h1").Text().Should().Be("Bildiriminiz için teşekkürler");
        thanks.Find($"//main//a[@href='/programmes/{programme.Slug}']").Should().NotBeNull("the thank-you page leads back to the entry");

        var stored = await ReportsAboutAsync(programme.Id);
        stored.Should().ContainSingle();
        var report = stored[0];
        report.CentreId.Should().BeNull();
        report.Language.Should().Be("tr");
        report.ReceivedAt.Should().Be(portal.Clock.Now.UtcDateTime);
        report.ResolvedAt.Should().BeNull();
        report.Message.Should().Be($"[NoLongerRuns] {evil}");
        // Nothing about the sender: every column of the row, none holding the address or the browser.
        var row = await RowAsync(report.Id);
        row.Keys.Should().BeEquivalentTo(["id", "programme_id", "centre_id", "message", "language", "received_at", "resolved_at", "resolved_by_id"]);
        row.Values.Should().NotContain(v => v.Contains("203.0.113.77") || v.Contains("Reporter-Browser") || v.Contains("127.0.0.1"));

        var item = await InboxRowAsync(EditingPortalFixture.Editor, report.Id);
        item.EditorPath.Should().Be($"/editor/programmes/{programme.Id}");
        item.EntryName.Should().Be(programme.Texts.Single().Title);
        item.Kind.Should().Be(ReportKind.NoLongerRuns, "the kind travels as a code; the inbox shows it in the editor's language (ReportInboxTests)");
        item.Language.Should().Be("tr");
        item.Text.Should().Be(evil, "the public's text reaches the editors as it was written; the inbox shows it as text (ReportInboxTests)");
    }

    [Fact]
    public async Task A_report_about_a_centre_links_the_centres_editor_page()
    {
        Centre centre;
        await using (var db = portal.NewDb())
        {
            centre = await new TestCatalogue(db).CentreAsync();
        }
        using var visitor = await portal.ClientAsync(language: "de");
        var path = $"/report?centre={centre.Code}";
        var form = await Html.ParseAsync(await visitor.GetAsync(path));
        form.DocumentNode.SelectNodes("//input[@name='Input.Kind']")!.Select(n => n.GetAttributeValue("value", ""))
            .Should().Equal("Closed", "WrongAddressOrHours", "WrongContact", "Other");
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        (await SendAsync(visitor, path, form, "WrongContact", "Die Telefonnummer ist nicht mehr aktuell.")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var check = portal.NewDb();
        var report = await check.EntryReports.SingleAsync(r => r.CentreId == centre.Id);
        report.ProgrammeId.Should().BeNull();
        report.Language.Should().Be("de");
        var item = await InboxRowAsync(EditingPortalFixture.Admin, report.Id);
        (item.IsCentre, item.EntryName, item.EditorPath).Should().Be((true, centre.Name, CentreEditPage.PathFor(centre.Id)));
    }

    [Fact]
    public async Task A_filled_honeypot_gets_the_thank_you_page_but_nothing_is_stored()
    {
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var bot = await portal.ClientAsync();
        var path = $"/report?programme={programme.Slug}";
        var form = await Html.ParseAsync(await bot.GetAsync(path));
        var honeypot = form.Find("//input[@name='Input.Website']");
        honeypot.GetAttributeValue("tabindex", "").Should().Be("-1");
        honeypot.Ancestors("div").First().GetAttributeValue("aria-hidden", "").Should().Be("true");
        honeypot.Ancestors("div").First().GetAttributeValue("class", "").Should().Contain("visually-hidden");
        form.Find("//label[@for='website']").Text().Should().Be("Leave this field empty");
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await SendAsync(bot, path, form, "Other", "Buy cheap watches at example dot com now", website: "https://spam.example");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "a bot is told nothing it could adapt to");
        response.Headers.Location!.PathAndQuery.Should().StartWith("/report/sent?programme=");
        (await ReportsAboutAsync(programme.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_form_sent_too_fast_is_not_stored_and_asks_to_send_again_keeping_the_text()
    {
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var visitor = await portal.ClientAsync(language: "nl");
        var path = $"/report?programme={programme.Slug}";
        var form = await Html.ParseAsync(await visitor.GetAsync(path));
        portal.Clock.Advance(TimeSpan.FromSeconds(1));

        var tooFast = await SendAsync(visitor, path, form, "WrongTimeOrPlace", "Het begint om tien uur, niet om negen.");

        tooFast.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(tooFast);
        page.Find("//div[@role='alert']").Text().Should().Contain("Wacht een paar seconden en verstuur het opnieuw");
        page.Find("//textarea[@name='Input.Message']").Text().Should().Be("Het begint om tien uur, niet om negen.");
        page.Find("//input[@name='Input.Kind' and @value='WrongTimeOrPlace']").GetAttributeValue("checked", null).Should().NotBeNull();
        (await ReportsAboutAsync(programme.Id)).Should().BeEmpty();

        // A forged or missing stamp is no better than a fresh one.
        portal.Clock.Advance(TimeSpan.FromSeconds(5));
        (await SendAsync(visitor, path, form, "Other", "Het begint om tien uur, niet om negen.", stamp: "forged")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReportsAboutAsync(programme.Id)).Should().BeEmpty();

        // Waiting and sending the re-shown form again works.
        portal.Clock.Advance(TimeSpan.FromSeconds(5));
        (await SendAsync(visitor, path, page, "WrongTimeOrPlace", "Het begint om tien uur, niet om negen.")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ReportsAboutAsync(programme.Id)).Should().ContainSingle();
    }

    [Theory]
    [InlineData("Other", "", "Write what is wrong, in at least 10 characters.")]
    [InlineData("Other", "   \r\n  ", "Write what is wrong, in at least 10 characters.")]
    [InlineData("Other", "too short", "Your message is too short. Please write at least 10 characters.")]
    [InlineData("Other", "LONG", "Your message is too long (1951 characters). Please shorten it to at most 1950 characters.")]
    [InlineData("", "The course moved to the library on Mondays.", "Choose what is wrong.")]
    [InlineData("Closed", "The course moved to the library on Mondays.", "Choose what is wrong.")]
    public async Task An_invalid_report_is_refused_with_a_clear_message_and_the_typed_text_kept(string kind, string message, string problem)
    {
        if (message == "LONG") message = new string('x', 1951);
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var visitor = await portal.ClientAsync();
        var path = $"/report?programme={programme.Slug}";
        var form = await Html.ParseAsync(await visitor.GetAsync(path));
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await SendAsync(visitor, path, form, kind, message);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.Find("//div[@role='alert']//li").Text().Should().Be(problem);
        page.Find("//textarea[@name='Input.Message']").Text().Should().Be(message.Trim(), "nothing typed is lost");
        (await ReportsAboutAsync(programme.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_not_stored()
    {
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var visitor = await portal.ClientAsync();
        var path = $"/report?programme={programme.Slug}";
        var form = await Html.ParseAsync(await visitor.GetAsync(path));
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        var response = await visitor.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "report", ["Input.Kind"] = "Other", ["Input.Message"] = Message,
            ["Input.Shown"] = form.Find("//input[@name='Input.Shown']").GetAttributeValue("value", ""),
        }));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ReportsAboutAsync(programme.Id)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(PublicationState.Draft)]
    [InlineData(PublicationState.InReview)]
    [InlineData(PublicationState.Archived)]
    public async Task Entries_the_public_cannot_see_have_no_report_form(PublicationState state)
    {
        var programme = await ProgrammeAsync(state);
        using var visitor = await portal.ClientAsync();
        var published = await Html.ParseAsync(await visitor.GetAsync($"/report?programme={(await ProgrammeAsync(PublicationState.Published)).Slug}"));
        portal.Clock.Advance(TimeSpan.FromSeconds(5));

        (await visitor.GetAsync($"/report?programme={programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var post = await SendAsync(visitor, $"/report?programme={programme.Slug}", published, "Other", Message);
        post.StatusCode.Should().Be(HttpStatusCode.NotFound, "a post about an entry unpublished meanwhile gets the not-found page");
        (await Html.ParseAsync(post)).Find("//h1").Text().Should().Be("Page not found");
        (await visitor.GetAsync($"/report/sent?programme={programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ReportsAboutAsync(programme.Id)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/report?programme=no-such-programme")]
    [InlineData("/report?centre=NO-SUCH")]
    [InlineData("/report")]
    [InlineData("/report/sent?centre=NO-SUCH")]
    public async Task An_unknown_entry_is_not_found(string path)
    {
        using var visitor = await portal.ClientAsync();

        (await visitor.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_programme_past_its_publish_until_time_has_no_report_form()
    {
        var programme = await ProgrammeAsync(PublicationState.Published, until: portal.Clock.Now.UtcDateTime.AddMinutes(1));
        using var visitor = await portal.ClientAsync();
        (await visitor.GetAsync($"/report?programme={programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.OK);

        portal.Clock.Advance(TimeSpan.FromMinutes(2));

        (await visitor.GetAsync($"/report?programme={programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_form_asks_for_no_personal_data()
    {
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var visitor = await portal.ClientAsync(language: "de");

        var page = await Html.ParseAsync(await visitor.GetAsync($"/report?programme={programme.Slug}"));

        page.Find("//p[contains(@class,'notice')]").Text().Should().StartWith("Bitte schreiben Sie keinen Namen, keine Telefonnummer, keine E-Mail-Adresse");
        var fields = page.DocumentNode.SelectNodes("//main//form//input|//main//form//textarea")!.Select(n => n.GetAttributeValue("name", "")).Distinct();
        fields.Should().BeEquivalentTo(["__RequestVerificationToken", "_handler", "Input.Shown", "Input.Kind", "Input.Message", "Input.Website"],
            "no name, e-mail or phone field");
        page.DocumentNode.SelectNodes("//input[@type='email' or @type='tel']").Should().BeNull();
    }

    [Theory]
    [InlineData("de", "Zuletzt geprüft am 01.10.2026", "Ein Problem mit diesem Eintrag melden")]
    [InlineData("nl", "Laatst gecontroleerd op 01-10-2026", "Een probleem met deze vermelding melden")]
    [InlineData("tr", "Son kontrol: 1.10.2026", "Bu kayıtla ilgili bir sorun bildirin")]
    [InlineData("en", "Last checked on 10/1/2026", "Report a problem with this entry")]
    public async Task The_programme_page_shows_the_last_checked_date_and_links_the_report_form(string language, string lastChecked, string link)
    {
        var programme = await ProgrammeAsync(PublicationState.Published);
        using var visitor = await portal.ClientAsync(language: language);

        var page = await Html.ParseAsync(await visitor.GetAsync($"/programmes/{programme.Slug}"));

        page.Find("//p[@class='last-checked']").Text().Should().Be(lastChecked);
        page.Find($"//a[@href='/report?programme={programme.Slug}']").Text().Should().Be(link);
    }

    [Fact]
    public async Task The_centre_page_links_the_report_form()
    {
        Centre centre;
        await using (var db = portal.NewDb())
        {
            centre = await new TestCatalogue(db).CentreAsync();
        }
        using var visitor = await portal.ClientAsync(language: "nl");

        var page = await Html.ParseAsync(await visitor.GetAsync($"/centres/{centre.Code}"));

        page.Find($"//a[@href='/report?centre={centre.Code}']").Text().Should().Be("Een probleem met deze vermelding melden");
    }

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, HtmlDocument form, string kind, string message,
        string website = "", string? stamp = null) =>
        client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken(),
            ["_handler"] = "report",
            ["Input.Shown"] = stamp ?? form.Find("//input[@name='Input.Shown']").GetAttributeValue("value", ""),
            ["Input.Kind"] = kind,
            ["Input.Message"] = message,
            ["Input.Website"] = website,
        }));

    private async Task<Programme> ProgrammeAsync(PublicationState state, DateTime? until = null)
    {
        await using var db = portal.NewDb();
        var programme = await new TestCatalogue(db).ProgrammeAsync(state, ("de", TestCatalogue.Unique("Kinderturnen ")));
        if (until is not null)
        {
            programme.PublishUntil = until;
            await db.SaveChangesAsync();
        }
        return programme;
    }

    private async Task<List<EntryReport>> ReportsAboutAsync(int programmeId)
    {
        await using var db = portal.NewDb();
        return await db.EntryReports.AsNoTracking().Where(r => r.ProgrammeId == programmeId).ToListAsync();
    }

    /// <summary>The stored row as the database has it, every column as text.</summary>
    private async Task<Dictionary<string, string>> RowAsync(long id)
    {
        await using var db = portal.NewDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM entry_reports WHERE id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        return Enumerable.Range(0, reader.FieldCount)
            .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!);
    }

    /// <summary>The report as the editors' inbox lists it (ReportInbox, the rule behind /editor/reports).</summary>
    private async Task<ReportInbox.Row> InboxRowAsync(string email, long id)
    {
        var user = await portal.PrincipalAsync(portal.Accounts[email]);
        await using var db = portal.NewDb();
        var page = await ReportInbox.PageAsync(db, user, resolved: false, new ListRequest(0, ListRequest.MaxPageSize), "en", "de");
        return page.Rows.Single(r => r.Id == id);
    }
}
