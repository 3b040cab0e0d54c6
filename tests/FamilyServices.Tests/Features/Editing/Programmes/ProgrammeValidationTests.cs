using System.Net;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// The programme editor's rules (ProgrammeForm, checked again by ProgrammeEditor on every save): a refused form says
/// what to fix for each field, keeps what was typed, and saves nothing; hostile text is refused or stored as text.
/// </summary>
public class ProgrammeValidationTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    private string T(string key, params object[] arguments) => world.Texts[key, arguments];

    [Fact]
    public async Task Without_a_title_in_any_language_nothing_is_saved()
    {
        var form = world.NewForm();
        form.Texts["de"].Title = form.Texts["de"].Summary = form.Texts["de"].Description = "";

        var problems = await RefusedAsync(form);

        problems.Should().Contain(new FormProblem("title-de", T("EditTextsRequired")));
        form.Texts["nl"].IsMissing.Should().BeTrue("the Dutch tab is marked as missing");
    }

    [Fact]
    public async Task A_language_with_a_summary_but_no_title_is_named_and_the_input_is_kept()
    {
        var form = world.NewForm();
        form.Texts["tr"].Summary = "Çocuklar için hareket oyunları.";

        var problems = await RefusedAsync(form);

        problems.Should().Contain(new FormProblem("title-tr", T("EditTitleMissing", "Türkçe")));
        form.Texts["tr"].Summary.Should().Be("Çocuklar için hareket oyunları.", "what was typed is kept");
    }

    [Fact]
    public async Task A_minimum_age_above_the_maximum_is_refused()
    {
        var form = world.NewForm();
        (form.MinYears, form.MaxYears, form.MaxMonths) = ("6", "3", "6");

        var problems = await RefusedAsync(form);

        problems.Should().Contain(new FormProblem("minYears", T("EditAgeOrder")));
        form.MinYears.Should().Be("6");
    }

    [Fact]
    public async Task A_code_or_web_address_already_used_is_refused_with_a_clear_message()
    {
        var existing = await world.ProgrammeAsync();
        var sameCode = world.NewForm(code: existing.Code.ToLowerInvariant());
        var sameSlug = world.NewForm();
        sameSlug.Slug = existing.Slug;

        (await RefusedAsync(sameCode)).Should().Contain(new FormProblem("code", T("EditCodeTaken", existing.Code.ToLowerInvariant())));
        (await RefusedAsync(sameSlug)).Should().Contain(new FormProblem("slug", T("EditSlugTaken", existing.Slug, existing.Code)));
        (await world.Programmes.TakenAsync(sameCode, null)).Should().ContainSingle(p => p.Field == "code", "the editor sees it on leaving the field");
        (await world.Programmes.TakenAsync(await world.FormOfAsync(existing.Id), existing.Id)).Should().BeEmpty("its own code is no problem");
    }

    [Fact]
    public async Task A_code_with_pattern_characters_is_compared_literally()
    {
        var existing = await world.ProgrammeAsync();
        var form = world.NewForm(code: existing.Code[..^1] + "_");

        (await world.Programmes.TakenAsync(form, null)).Should().BeEmpty("\"_\" is a character of the code, not a wildcard");
    }

    [Fact]
    public async Task Overlong_input_is_refused_with_the_limit()
    {
        var form = world.NewForm();
        form.Texts["de"].Title = new string('x', 201);
        form.Code = new string('A', 41);

        var problems = await RefusedAsync(form);

        problems.Should().Contain(new FormProblem("title-de", T("EditTooLong", $"{T("EditTitle")} (Deutsch)", 200, 201)));
        problems.Should().Contain(new FormProblem("code", T("EditCodeInvalid", ProgrammeForm.CodeLength)));
    }

    [Fact]
    public async Task Online_registration_needs_a_web_address_and_a_price_needs_a_number()
    {
        var form = world.NewForm();
        form.RegistrationMode = nameof(RegistrationMode.Online);
        form.IsFree = false;
        form.Price = "zwölf";

        var problems = await RefusedAsync(form);

        problems.Should().Contain(new FormProblem("registrationUrl", T("EditRegistrationUrlRequired")));
        problems.Should().Contain(new FormProblem("price", T("EditPriceRequired")));
    }

    [Fact]
    public async Task Choices_that_were_not_offered_are_refused()
    {
        var form = world.NewForm();
        (form.Type, form.CategoryId, form.RegistrationMode) = ("3", "999999", "Carrier pigeon");
        form.DeliveryLanguages = ["<script>"];
        form.ForChildren = false;

        var problems = (await RefusedAsync(form)).Select(p => p.Field).ToList();

        problems.Should().Contain(["type", "categoryId", "registrationMode", "deliveryLanguages", "audience"]);
    }

    [Fact]
    public async Task An_empty_web_address_is_made_from_the_title()
    {
        var form = world.NewForm(titleDe: "Çocuk Jimnastiği für Ältere " + TestSuffix());

        var id = await world.CreateAsync(world.Editor, form);

        await using var db = world.NewDb();
        (await db.Programmes.SingleAsync(p => p.Id == id)).Slug.Should().StartWith("cocuk-jimnastigi-fur-altere-");
    }

    [Fact]
    public async Task The_publication_window_is_typed_in_the_citys_time_and_stored_in_UTC()
    {
        var backwards = world.NewForm();
        (backwards.PublishFrom, backwards.PublishUntil) = ("2026-12-01T09:30", "2026-12-01T09:00");
        (await RefusedAsync(backwards)).Should().Contain(new FormProblem("publishUntil", T("EditPublishWindowOrder")));

        var form = world.NewForm();
        (form.PublishFrom, form.PublishUntil) = ("2026-12-01T09:30", "2027-07-01T00:00");
        var id = await world.CreateAsync(world.Editor, form);

        await using var db = world.NewDb();
        var stored = await db.Programmes.SingleAsync(p => p.Id == id);
        stored.PublishFrom.Should().Be(new DateTime(2026, 12, 1, 8, 30, 0, DateTimeKind.Utc), "Berlin is UTC+1 in winter");
        stored.PublishUntil.Should().Be(new DateTime(2027, 6, 30, 22, 0, 0, DateTimeKind.Utc), "and UTC+2 in summer");
    }

    [Fact]
    public void Checking_as_the_editor_types_changes_nothing_that_was_typed()
    {
        var form = world.NewForm(titleDe: "  Spiele  ");
        form.Slug = "";
        form.Code = " ED-1 ";

        form.Validate(world.Texts, world.CityZone, [world.Category.Id], "de").Should().BeEmpty();

        (form.Slug, form.Code, form.Texts["de"].Title).Should().Be(("", " ED-1 ", "  Spiele  "), "the fields keep the typing, spaces and all");
        form.EffectiveSlug("de").Should().Be("spiele");
        form.CleanCode.Should().Be("ED-1");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("'; DROP TABLE programmes; --")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"klick\")")]
    [InlineData("\u202Eevil\u202C")]
    public async Task Hostile_codes_are_refused_and_nothing_is_saved(string hostile)
    {
        var problems = await RefusedAsync(world.NewForm(code: hostile));

        problems.Should().ContainSingle(p => p.Field == "code").Which.Message.Should().Be(T("EditCodeInvalid", ProgrammeForm.CodeLength));
    }

    [Fact]
    public async Task Control_characters_are_cleaned_and_twenty_thousand_characters_are_refused()
    {
        var overlong = world.NewForm();
        overlong.Texts["de"].Description = new string('y', 20_000);
        (await RefusedAsync(overlong)).Should().Contain(p => p.Field == "description-de");

        var withNul = world.NewForm(titleDe: "Spiele\0 mit\tNull " + TestSuffix());
        withNul.Texts["de"].Description = "Zeile eins\r\nZeile\0 zwei";
        var id = await world.CreateAsync(world.Editor, withNul);

        await using var db = world.NewDb();
        var text = await db.ProgrammeTexts.AsNoTracking().SingleAsync(t => t.ProgrammeId == id && t.Language == "de");
        text.Title.Should().StartWith("Spiele  mit Null", "a NUL and a tab become spaces: PostgreSQL stores no NUL");
        text.Description.Should().Be("Zeile eins\nZeile zwei");
    }

    [Fact]
    public async Task Hostile_text_that_is_saved_stays_text_on_the_preview()
    {
        var form = world.NewForm(titleDe: "Spiele <img src=x onerror=alert(1)> " + TestSuffix());
        form.Texts["de"].Description = "<script>alert('beschreibung')</script>";
        var id = await world.CreateAsync(world.Editor, form);
        using var editor = await world.ClientAsync(world.Editor);

        var response = await editor.GetAsync(ProgrammePreviewPage.PathFor(id));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the preview is a static page");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().NotContain("<script>alert('beschreibung')").And.NotContain("<img src=x");
        html.Should().Contain("&lt;script&gt;alert(").And.Contain("&lt;img src=x onerror=alert(1)&gt;");
    }

    private static string TestSuffix() => Guid.NewGuid().ToString("N")[..6];

    /// <summary>Saves a new programme as an editor; the save must be refused with nothing written.</summary>
    private async Task<IReadOnlyList<FormProblem>> RefusedAsync(ProgrammeForm form)
    {
        var before = await ProgrammeCountAsync();
        var result = await world.Programmes.SaveAsync(await world.PrincipalAsync(world.Editor), null, form);
        result.Status.Should().Be(SaveStatus.Invalid);
        (await ProgrammeCountAsync()).Should().Be(before, "nothing was saved");
        return result.Problems;
    }

    private async Task<int> ProgrammeCountAsync()
    {
        await using var db = world.NewDb();
        return await db.Programmes.CountAsync();
    }
}
