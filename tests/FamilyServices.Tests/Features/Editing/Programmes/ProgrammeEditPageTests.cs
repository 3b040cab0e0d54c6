using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// The programme edit page as its circuit runs it: texts in tabs marked when missing, validation as the editor types,
/// the conflict and publish dialogs, and handlers that check the account afresh before anything is written.
/// </summary>
public sealed class ProgrammeEditPageTests(EditorWorld world) : EditorPageTest(world), IClassFixture<EditorWorld>
{
    [Fact]
    public async Task Each_language_tab_is_marked_while_its_translation_is_missing()
    {
        var programme = await Editors.ProgrammeAsync();
        await SignInAsync(Editors.Editor);

        var page = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));

        page.WaitForAssertion(() => page.FindAll("[data-missing]").Select(m => m.GetAttribute("data-missing")).Should().Equal("nl", "tr"), Patience);
        page.FindAll("[data-missing]").Should().OnlyContain(m => m.TextContent == $"({T("EditTabMissing")})");
        Type(page, "title-tr", "Çocuk jimnastiği");
        page.WaitForAssertion(() => page.FindAll("[data-missing]").Select(m => m.GetAttribute("data-missing")).Should().Equal("nl"), Patience);
    }

    [Fact]
    public async Task Validation_shows_as_the_editor_types_with_the_rule_classes_message()
    {
        await SignInAsync(Editors.Editor);
        var page = Render<ProgrammeEditPage>();
        page.WaitForAssertion(() => page.Find("#code"), Patience);

        Type(page, "code", "kein Code!");

        page.WaitForAssertion(() => page.Markup.Should().Contain(T("EditCodeInvalid", ProgrammeForm.CodeLength)), Patience);
        page.Find("#code").GetAttribute("aria-invalid").Should().Be("true");
        page.Markup.Should().NotContain(T("EditSummaryMissing", "Deutsch"), "fields not yet reached show nothing");
    }

    [Fact]
    public async Task An_editor_creates_a_programme_and_the_history_credits_them()
    {
        await SignInAsync(Editors.Editor);
        var code = TestCatalogue.Unique("PAGE-");
        var page = Render<ProgrammeEditPage>();
        page.WaitForAssertion(() => page.Find("#code"), Patience);

        Type(page, "code", code);
        Choose(page, "type", nameof(ProgrammeType.Workshop));
        Choose(page, "categoryId", Editors.Category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Type(page, "title-en", "Robots for beginners");
        Type(page, "summary-en", "Children build and program small robots.");
        Click(page, "#save");

        page.WaitForAssertion(() => Snackbars.Should().Contain(T("EditProgrammeCreated")), Patience);
        await using var db = Editors.NewDb();
        var created = await db.Programmes.Include(p => p.Texts).SingleAsync(p => p.Code == code);
        (created.Type, created.PublicationState, created.Texts.Single().Title).Should().Be((ProgrammeType.Workshop, PublicationState.Draft, "Robots for beginners"));
        CurrentPath.Should().Be(ProgrammeEditPage.PathFor(created.Id));
        (await db.CatalogueChanges.SingleAsync(c => c.ItemType == "Programme" && c.ItemId == created.Id)).ChangedById.Should().Be(Editors.Editor.Id);
    }

    [Fact]
    public async Task A_refused_save_lists_every_problem_keeps_the_input_and_opens_the_tab_with_the_problem()
    {
        await SignInAsync(Editors.Editor);
        var page = Render<ProgrammeEditPage>();
        page.WaitForAssertion(() => page.Find("#code"), Patience);
        Type(page, "summary-tr", "Sadece özet, başlık yok.");

        Click(page, "#save");

        page.WaitForAssertion(() => page.FindAll("#problems li").Select(li => li.TextContent).Should()
            .Contain([T("EditCodeRequired"), T("EditTitleMissing", "Türkçe"), T("EditChooseFromList")]), Patience);
        page.Find("#summary-tr").GetAttribute("value").Should().Be("Sadece özet, başlık yok.", "what was typed is kept");
        page.Find("[role=tab][aria-selected=true]").TextContent.Should().Contain("Türkçe", "the problem's tab is open");
    }

    [Fact]
    public async Task A_conflict_names_who_saved_first_and_saving_again_knowingly_keeps_the_users_version()
    {
        var programme = await Editors.ProgrammeAsync();
        await SignInAsync(Editors.Editor);
        var page = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        page.WaitForAssertion(() => page.Find("#title-de"), Patience);
        var other = await Editors.FormOfAsync(programme.Id);
        other.Texts["de"].Title = "Vom zweiten Redakteur";
        (await Editors.Programmes.SaveAsync(await Editors.PrincipalAsync(Editors.SecondEditor), programme.Id, other)).Succeeded.Should().BeTrue();

        Type(page, "title-de", "Meine Fassung");
        Click(page, "#save");

        Dialogs.WaitForAssertion(() => Dialogs.Markup.Should().Contain(Editors.SecondEditor.Email.Split('@')[0]), Patience);
        page.Find("#title-de").GetAttribute("value").Should().Be("Meine Fassung", "the input is kept while the dialog is open");
        ClickInDialog(T("ConflictDialogSaveMine"));
        page.WaitForAssertion(() => Snackbars.Should().Contain(T("EditSaved")), Patience);
        await using var db = Editors.NewDb();
        (await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title.Should().Be("Meine Fassung");
        (await db.CatalogueChanges.Where(c => c.ItemType == "Programme" && c.ItemId == programme.Id).OrderBy(c => c.Id).Select(c => c.ChangedById).ToListAsync())
            .Should().Equal(Editors.SecondEditor.Id, Editors.Editor.Id);
    }

    [Fact]
    public async Task An_admin_publishes_from_a_dialog_and_can_change_their_mind()
    {
        var programme = await Editors.ProgrammeAsync(PublicationState.InReview);
        await SignInAsync(Editors.Admin);
        var page = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        page.WaitForAssertion(() => page.Find("#step-Publish"), Patience);

        page.Find("#step-Publish").Click();
        ClickInDialog(T("DialogCancel"));
        (await Editors.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.InReview, "cancelled in the dialog");

        page.Find("#step-Publish").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Markup.Should().Contain(T("EditConfirmPublishTitle")), Patience);
        ClickInDialog(T("EditStepPublish"));

        page.WaitForAssertion(() => Snackbars.Should().Contain(T("EditStepDonePublish")), Patience);
        (await Editors.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.Published);
        page.WaitForAssertion(() => page.Find("#step-Archive"), Patience);
    }

    [Fact]
    public async Task Saving_after_the_role_was_taken_away_changes_nothing()
    {
        var programme = await Editors.ProgrammeAsync();
        var editor = await Editors.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.Editor);
        await SignInAsync(editor);
        var page = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        page.WaitForAssertion(() => page.Find("#title-de"), Patience);
        await Editors.RemoveRoleAsync(editor);

        Type(page, "title-de", "Nach dem Entzug der Rolle");
        Click(page, "#save");
        page.Find("#still-correct").Click();

        page.WaitForAssertion(() => Snackbars.Should().Contain(T("EditNotAllowedNow")), Patience);
        await using var db = Editors.NewDb();
        (await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "de")).Title.Should().Be(programme.Texts.Single(t => t.Language == "de").Title);
        (await db.Programmes.SingleAsync(p => p.Id == programme.Id)).LastCheckedOn.Should().Be(programme.LastCheckedOn);
        (await Editors.HistoryCountAsync("Programme", programme.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Centre_staff_of_another_centre_get_not_found_and_centre_staff_of_a_running_centre_may_send_it_to_review()
    {
        var programme = await Editors.ProgrammeAsync();
        await SignInAsync(Editors.StaffB);
        var other = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        other.WaitForAssertion(() => other.Find("h1").TextContent.Should().Be(T("NotFoundTitle")), Patience);
        other.FindAll("#save, #step-SendToReview").Should().BeEmpty();

        await SignInAsync(Editors.StaffA);
        var own = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        own.WaitForAssertion(() => own.Find("#step-SendToReview"), Patience);
        own.FindAll("#save").Should().BeEmpty("only editors change the programme's details");
        own.Find("#step-SendToReview").Click();

        own.WaitForAssertion(() => Snackbars.Should().Contain(T("EditStepDoneSendToReview")), Patience);
        (await Editors.ProgrammeStateAsync(programme.Id)).Should().Be(PublicationState.InReview);
    }

    [Fact]
    public async Task Hostile_text_is_stored_and_shown_as_text()
    {
        const string hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        var programme = await Editors.ProgrammeAsync();
        await SignInAsync(Editors.Editor);
        var page = Render<ProgrammeEditPage>(p => p.Add(x => x.Id, programme.Id));
        page.WaitForAssertion(() => page.Find("#title-en"), Patience);

        Type(page, "title-en", hostile);
        Click(page, "#save");

        page.WaitForAssertion(() => page.Find("h1").TextContent.Should().Be(hostile), Patience);
        page.FindAll("script, img").Should().BeEmpty("the text is shown as text, never as markup");
        page.Find("h1").InnerHtml.Should().StartWith("&lt;script&gt;");
        await using var db = Editors.NewDb();
        (await db.ProgrammeTexts.SingleAsync(t => t.ProgrammeId == programme.Id && t.Language == "en")).Title.Should().Be(hostile);
    }

    [Fact]
    public async Task The_history_page_shows_newest_first_with_names_and_before_and_after()
    {
        var programme = await Editors.ProgrammeAsync();
        var editor = await Editors.PrincipalAsync(Editors.Editor);
        var form = await Editors.FormOfAsync(programme.Id);
        form.Texts["de"].Title = "Neuer Titel";
        (await Editors.Programmes.SaveAsync(editor, programme.Id, form)).Succeeded.Should().BeTrue();
        (await Editors.Programmes.TakeStepAsync(editor, programme.Id, WorkflowStep.SendToReview, await Editors.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();
        await SignInAsync(Editors.Editor);

        var page = Render<ProgrammeHistoryPage>(p => p.Add(x => x.Id, programme.Id));

        page.WaitForAssertion(() => page.FindAll("ol.history > li").Should().HaveCount(2), Patience);
        var entries = page.FindAll("ol.history > li");
        var who = Editors.Editor.Email.Split('@')[0];
        entries[0].TextContent.Trim().Should().StartWith(T("EditActionInReview")).And.Contain(who);
        entries[1].TextContent.Trim().Should().StartWith(T("EditActionUpdated")).And.Contain(who);
        var title = entries[1].QuerySelectorAll("dt").Single(dt => dt.TextContent == $"{T("EditTitle")} (de)");
        title.NextElementSibling!.TextContent.Should().EndWith("→ Neuer Titel");
    }
}
