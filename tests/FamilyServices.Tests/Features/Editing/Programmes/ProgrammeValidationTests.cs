using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Editing.Programmes;
using HtmlAgilityPack;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>A refused programme form says what to fix, next to each field, keeps what was typed, and saves nothing.</summary>
public class ProgrammeValidationTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task Without_a_title_in_any_language_nothing_is_saved()
    {
        var fields = portal.ProgrammeFields();
        fields["title-de"] = fields["summary-de"] = fields["description-de"] = "";

        var page = await RefusedAsync(fields);

        Problems(page).Should().Contain("Give a title and a summary in at least one language.");
        page.Find("//fieldset[@id='texts-nl']/p[@class='edit-missing']").Text().Should().Be("Missing in Nederlands");
    }

    [Fact]
    public async Task A_language_with_a_summary_but_no_title_is_named()
    {
        var fields = portal.ProgrammeFields();
        fields["summary-tr"] = "Çocuklar için hareket oyunları.";

        var page = await RefusedAsync(fields);

        Problems(page).Should().Contain("Türkçe: the title is missing. Give a title and a summary, or leave the language empty.");
        page.Find("//input[@id='title-tr']").GetAttributeValue("aria-invalid", "").Should().Be("true");
        page.Find("//textarea[@id='summary-tr']").Text().Should().Be("Çocuklar için hareket oyunları.", "what was typed is kept");
    }

    [Fact]
    public async Task A_minimum_age_above_the_maximum_is_refused()
    {
        var fields = portal.ProgrammeFields();
        fields["minYears"] = "6";
        fields["maxYears"] = "3";
        fields["maxMonths"] = "6";

        var page = await RefusedAsync(fields);

        Problems(page).Should().Contain(p => p.StartsWith("The minimum age is above the maximum age.", StringComparison.Ordinal));
        page.Find("//input[@id='minYears']").GetAttributeValue("value", "").Should().Be("6");
    }

    [Fact]
    public async Task A_code_or_web_address_already_used_is_refused_with_a_clear_message()
    {
        var existing = await portal.ProgrammeAsync();
        var sameCode = portal.ProgrammeFields(code: existing.Code.ToLowerInvariant());
        var sameSlug = portal.ProgrammeFields();
        sameSlug["slug"] = existing.Slug;

        Problems(await RefusedAsync(sameCode)).Should().Contain($"The code {existing.Code.ToLowerInvariant()} is already used. Choose another one.");
        Problems(await RefusedAsync(sameSlug)).Should().Contain($"The web address {existing.Slug} is already used by programme {existing.Code}. Choose another one.");
    }

    [Fact]
    public async Task Overlong_input_is_refused_with_the_limit()
    {
        var fields = portal.ProgrammeFields();
        fields["title-de"] = new string('x', 201);
        fields["code"] = new string('A', 41);

        var problems = Problems(await RefusedAsync(fields));

        problems.Should().Contain("Title (Deutsch): at most 200 characters (now 201).");
        problems.Should().Contain(p => p.StartsWith("Use at most 40 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_input_is_shown_as_text_never_as_markup()
    {
        var fields = portal.ProgrammeFields(code: "<script>alert(1)</script>", titleDe: "<script>alert('titel')</script>");

        var before = await ProgrammeCountAsync();
        var response = await PostNewAsync(fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProgrammeCountAsync()).Should().Be(before, "nothing was saved");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().NotContain("<script>alert").And.Contain("&lt;script&gt;alert");
        Problems(await Html.ParseAsync(response)).Should().Contain(p => p.StartsWith("Use at most 40 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_text_that_is_saved_stays_text_on_the_preview()
    {
        var fields = portal.ProgrammeFields(titleDe: "Spiele <img src=x onerror=alert(1)>");
        fields["description-de"] = "<script>alert('beschreibung')</script>";
        var created = await PostNewAsync(fields);
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = created.Headers.Location!.ToString().Split('?')[0].Split('/').Last();
        using var editor = await portal.ClientAsync(portal.Editor);

        var html = await editor.GetStringAsync(ProgrammePreviewPage.PathFor(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)));

        html.Should().NotContain("<script>alert('beschreibung')").And.NotContain("<img src=x");
        html.Should().Contain("&lt;script&gt;alert(").And.Contain("&lt;img src=x onerror=alert(1)&gt;");
    }

    [Fact]
    public async Task Online_registration_needs_a_web_address_and_a_price_needs_a_number()
    {
        var fields = portal.ProgrammeFields();
        fields["registrationMode"] = "Online";
        fields["isFree"] = "";
        fields["price"] = "zwölf";

        var problems = Problems(await RefusedAsync(fields));

        problems.Should().Contain("Give the web address for online registration.");
        problems.Should().Contain(p => p.StartsWith("Give the price as a number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_web_address_is_made_from_the_title()
    {
        var fields = portal.ProgrammeFields(titleDe: "Çocuk Jimnastiği für Ältere");

        var created = await PostNewAsync(fields);

        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        (await db.Programmes.SingleAsync(p => p.Code == fields["code"])).Slug.Should().Be("cocuk-jimnastigi-fur-altere");
    }

    [Fact]
    public async Task The_publication_window_is_typed_in_the_citys_time_and_stored_in_UTC()
    {
        var backwards = portal.ProgrammeFields();
        backwards["publishFrom"] = "2026-12-01T09:30";
        backwards["publishUntil"] = "2026-12-01T09:00";
        Problems(await RefusedAsync(backwards)).Should().Contain("“Public until” must be after “Public from”.");

        var fields = portal.ProgrammeFields();
        fields["publishFrom"] = "2026-12-01T09:30";
        fields["publishUntil"] = "2027-07-01T00:00";
        (await PostNewAsync(fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = portal.NewDb();
        var stored = await db.Programmes.SingleAsync(p => p.Code == fields["code"]);
        stored.PublishFrom.Should().Be(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc), "Berlin is UTC+1 in winter");
        stored.PublishUntil.Should().Be(new DateTime(2027, 6, 30, 22, 0, 0, DateTimeKind.Utc), "and UTC+2 in summer");
    }

    private async Task<HttpResponseMessage> PostNewAsync(Dictionary<string, string> fields)
    {
        using var editor = await portal.ClientAsync(portal.Editor);
        return await EditorFixture.PostAsync(editor, ProgrammeEditPage.NewPath, "programme", fields);
    }

    private async Task<HtmlDocument> RefusedAsync(Dictionary<string, string> fields)
    {
        var before = await ProgrammeCountAsync();
        var response = await PostNewAsync(fields);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ProgrammeCountAsync()).Should().Be(before, "nothing was saved");
        return await Html.ParseAsync(response);
    }

    private async Task<int> ProgrammeCountAsync()
    {
        await using var db = portal.NewDb();
        return await db.Programmes.CountAsync();
    }

    private static List<string> Problems(HtmlDocument page) =>
        page.DocumentNode.SelectNodes("//div[@class='error-summary']//li")?.Select(li => li.Text()).ToList() ?? [];
}
