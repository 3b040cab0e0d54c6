using System.Security.Claims;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// The editors' programme list (ProgrammeList): text search, filters, sorting and paging in SQL; centre staff see only
/// the programmes running at their centres. The page shows it as a MudDataGrid whose rows link to their edit pages.
/// </summary>
public sealed class ProgrammeListTests(EditorWorld world) : EditorPageTest(world), IClassFixture<EditorWorld>
{
    private static readonly IReadOnlyList<ProgrammeType> TypeOrder = Enum.GetValues<ProgrammeType>();

    private async Task<(List<ProgrammeRow> Rows, int Total)> PageAsync(ClaimsPrincipal user, ProgrammeFilter filter,
        ProgrammeSort sort = ProgrammeSort.Title, bool descending = false, int page = 0, int pageSize = ProgrammeList.DefaultPageSize)
    {
        await using var db = Editors.NewDb();
        return await ProgrammeList.PageAsync(db, user, filter, sort, descending, page, pageSize, "en", "de", new DateOnly(2026, 6, 1), TypeOrder);
    }

    [Fact]
    public async Task Search_folds_case_and_diacritics_and_matches_codes()
    {
        var word = TestCatalogue.Unique("Jimnastik");
        await using (var db = Editors.NewDb())
        {
            await new TestCatalogue(db).ProgrammeAsync(PublicationState.Draft, ("tr", $"Çocuk {word}ı"));
        }
        var byCode = await Editors.ProgrammeAsync();
        var editor = await Editors.PrincipalAsync(Editors.Editor);

        (await PageAsync(editor, new ProgrammeFilter { Text = $"cocuk {word.ToUpperInvariant()}i" })).Rows.Select(r => r.Title).Should().Equal($"Çocuk {word}ı");
        (await PageAsync(editor, new ProgrammeFilter { Text = byCode.Code.ToLowerInvariant() })).Rows.Select(r => r.Code).Should().Equal(byCode.Code);
    }

    [Fact]
    public async Task State_filter_sort_and_pages_are_done_in_the_query()
    {
        var word = TestCatalogue.Unique("Seitenweise");
        await using (var db = Editors.NewDb())
        {
            var catalogue = new TestCatalogue(db);
            for (var i = 0; i < ProgrammeList.DefaultPageSize + 2; i++)
            {
                await catalogue.ProgrammeAsync(i == 0 ? PublicationState.InReview : PublicationState.Published, ("de", $"{word} {i:00}"));
            }
        }
        var editor = await Editors.PrincipalAsync(Editors.Editor);
        var all = new ProgrammeFilter { Text = word };

        var first = await PageAsync(editor, all, ProgrammeSort.State);
        first.Total.Should().Be(ProgrammeList.DefaultPageSize + 2);
        first.Rows.Select(r => r.Title).Should().HaveCount(ProgrammeList.DefaultPageSize).And.StartWith($"{word} 00", "in review comes first");
        (await PageAsync(editor, all, ProgrammeSort.State, page: 1)).Rows.Should().HaveCount(2);
        (await PageAsync(editor, all with { State = PublicationState.InReview })).Rows.Select(r => r.Title).Should().Equal($"{word} 00");
        (await PageAsync(editor, all, ProgrammeSort.Code)).Rows.Select(r => r.Code).Should().BeInAscendingOrder(StringComparer.Ordinal);
        (await PageAsync(editor, all, ProgrammeSort.Title, descending: true)).Rows[0].Title.Should().Be($"{word} {ProgrammeList.DefaultPageSize + 1:00}");
        (await PageAsync(editor, all, pageSize: 100_000)).Rows.Should().HaveCount(ProgrammeList.DefaultPageSize + 2, "at most 100 rows a page, and these are fewer");
    }

    [Fact]
    public async Task Category_type_centre_and_last_checked_filters_narrow_the_list()
    {
        var mine = await Editors.ProgrammeAsync();
        var elsewhere = await Editors.ProgrammeAsync(atCentreA: false);
        await using (var db = Editors.NewDb())
        {
            var stored = await db.Programmes.FindAsync(elsewhere.Id);
            stored!.LastCheckedOn = null;
            stored.Type = ProgrammeType.Counselling;
            await db.SaveChangesAsync();
        }
        var editor = await Editors.PrincipalAsync(Editors.Editor);

        (await PageAsync(editor, new ProgrammeFilter { CentreId = Editors.CentreA.Id })).Rows.Select(r => r.Id).Should().Contain(mine.Id).And.NotContain(elsewhere.Id);
        (await PageAsync(editor, new ProgrammeFilter { Checked = CheckedFilter.Never })).Rows.Select(r => r.Id).Should().Contain(elsewhere.Id).And.NotContain(mine.Id);
        (await PageAsync(editor, new ProgrammeFilter { Type = ProgrammeType.Counselling })).Rows.Select(r => r.Id).Should().Contain(elsewhere.Id).And.NotContain(mine.Id);
        (await PageAsync(editor, new ProgrammeFilter { CategoryId = mine.CategoryId })).Rows.Select(r => r.Id).Should().Equal(mine.Id);
        (await PageAsync(editor, new ProgrammeFilter { Checked = CheckedFilter.Stale })).Rows.Select(r => r.Id).Should().Contain(elsewhere.Id)
            .And.NotContain(mine.Id, "checked on 2026-10-01, after the limit of 2026-06-01");
    }

    [Fact]
    public async Task Centre_staff_see_only_the_programmes_running_at_their_centres_whatever_they_filter()
    {
        var mine = await Editors.ProgrammeAsync();
        var other = await Editors.ProgrammeAsync(atCentreA: false);
        await using (var db = Editors.NewDb())
        {
            await new TestCatalogue(db).OfferingAsync(other, Editors.CentreB);
        }
        var staff = await Editors.PrincipalAsync(Editors.StaffA);

        var codes = (await PageAsync(staff, new ProgrammeFilter(), pageSize: ProgrammeList.MaxPageSize)).Rows.Select(r => r.Code).ToList();
        var atB = (await PageAsync(staff, new ProgrammeFilter { CentreId = Editors.CentreB.Id }, pageSize: ProgrammeList.MaxPageSize)).Rows.Select(r => r.Code).ToList();

        codes.Should().Contain(mine.Code).And.NotContain(other.Code);
        atB.Should().NotContain(other.Code, "another centre as a filter shows nothing of it");
    }

    [Fact]
    public void Filters_read_from_the_address_ignore_what_was_not_offered()
    {
        ProgrammeFilter.FromQuery("  Tanz\0 ", "InReview", "3", "12", "x", "Stale").Should().Be(new ProgrammeFilter
        {
            Text = "Tanz", State = PublicationState.InReview, Type = null, CategoryId = 12, CentreId = null, Checked = CheckedFilter.Stale,
        });
        ProgrammeFilter.FromQuery(new string('a', 500), "<script>", null, "-1", null, "=HYPERLINK(1)").Should().Be(new ProgrammeFilter { Text = new string('a', 100) });
        ProgrammeList.SortFor("LastCheckedOn").Should().Be(ProgrammeSort.LastCheckedOn);
        ProgrammeList.SortFor("'; DROP TABLE programmes; --").Should().Be(ProgrammeSort.Title);
    }

    [Fact]
    public async Task The_grid_links_each_row_to_its_edit_page_and_counts_the_rows()
    {
        var word = TestCatalogue.Unique("Rasterzeile");
        Programme programme;
        await using (var db = Editors.NewDb())
        {
            programme = await new TestCatalogue(db).ProgrammeAsync(PublicationState.InReview, ("en", word));
        }
        await SignInAsync(Editors.Editor);
        var uri = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        uri.NavigateTo($"{ProgrammeListPage.Path}?q={word}&state=InReview");

        var page = Render<ProgrammeListPage>();

        page.WaitForAssertion(() => page.FindAll($"a[href='{ProgrammeEditPage.PathFor(programme.Id)}']").Should().ContainSingle().Which.TextContent.Should().Be(word), Patience);
        page.Find("#programme-count").TextContent.Should().Be(T("EditProgrammesCount", 1));
    }

    [Fact]
    public async Task The_translations_list_names_every_programme_missing_a_language()
    {
        Programme onlyGerman;
        await using (var db = Editors.NewDb())
        {
            onlyGerman = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Draft, ("de", TestCatalogue.Unique("Nur Deutsch ")));
        }
        await using (var db = Editors.NewDb())
        {
            var gaps = await TranslationGaps.ForAsync(db, "en", "de");
            foreach (var language in new[] { "nl", "tr", "en" })
            {
                gaps.Single(g => g.Language == language).Items.Should().Contain(i => i.Id == onlyGerman.Id && i.Title == onlyGerman.Texts[0].Title);
            }
            gaps.Single(g => g.Language == "de").Items.Should().NotContain(i => i.Id == onlyGerman.Id);
        }
        await SignInAsync(Editors.Editor);

        var page = Render<TranslationsPage>();

        page.WaitForAssertion(() => page.FindAll($"a[href='{ProgrammeEditPage.PathFor(onlyGerman.Id, "en")}']").Should().ContainSingle(), Patience);
    }
}
