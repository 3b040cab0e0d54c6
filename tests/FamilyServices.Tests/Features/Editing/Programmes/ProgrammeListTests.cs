using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using HtmlAgilityPack;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>The editors' programme list: text search, state filter, sort and paging, all in the query string.</summary>
public class ProgrammeListTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task Search_folds_case_and_diacritics_and_matches_codes()
    {
        var word = TestCatalogue.Unique("Jimnastik");
        await using (var db = portal.NewDb())
        {
            await new TestCatalogue(db).ProgrammeAsync(PublicationState.Draft, ("tr", $"Çocuk {word}ı"));
        }
        var byCode = await portal.ProgrammeAsync();
        using var editor = await portal.ClientAsync(portal.Editor);

        Titles(await EditorFixture.PageAsync(editor, $"{ProgrammeListPage.Path}?q=cocuk+{word.ToUpperInvariant()}i")).Should().Equal($"Çocuk {word}ı");
        Codes(await EditorFixture.PageAsync(editor, $"{ProgrammeListPage.Path}?q={byCode.Code.ToLowerInvariant()}")).Should().Equal(byCode.Code);
    }

    [Fact]
    public async Task The_state_filter_sort_and_pages_stay_in_the_address()
    {
        var word = TestCatalogue.Unique("Seitenweise");
        await using (var db = portal.NewDb())
        {
            var catalogue = new TestCatalogue(db);
            for (var i = 0; i < ProgrammeListPage.PageSize + 2; i++)
            {
                await catalogue.ProgrammeAsync(i == 0 ? PublicationState.InReview : PublicationState.Published, ("de", $"{word} {i:00}"));
            }
        }
        using var editor = await portal.ClientAsync(portal.Editor);

        var first = await EditorFixture.PageAsync(editor, $"{ProgrammeListPage.Path}?q={word}&sort=state");
        Titles(first).Should().HaveCount(ProgrammeListPage.PageSize).And.StartWith($"{word} 00", "in review comes first");
        var next = HtmlEntity.DeEntitize(first.Find("//a[@rel='next']").GetAttributeValue("href", ""));
        next.Should().Be($"{ProgrammeListPage.Path}?q={word}&sort=state&page=2");
        Titles(await EditorFixture.PageAsync(editor, next)).Should().HaveCount(2);

        Titles(await EditorFixture.PageAsync(editor, $"{ProgrammeListPage.Path}?q={word}&state=InReview")).Should().Equal($"{word} 00");
        var byCode = Codes(await EditorFixture.PageAsync(editor, $"{ProgrammeListPage.Path}?q={word}&sort=code"));
        byCode.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Centre_staff_see_only_the_programmes_running_at_their_centres()
    {
        var mine = await portal.ProgrammeAsync();
        var other = await portal.ProgrammeAsync(atCentreA: false);
        using var staff = await portal.ClientAsync(portal.StaffA);

        var codes = Codes(await EditorFixture.PageAsync(staff, ProgrammeListPage.Path));

        codes.Should().Contain(mine.Code).And.NotContain(other.Code);
    }

    [Fact]
    public async Task The_translations_list_names_every_programme_missing_a_language()
    {
        Programme onlyGerman;
        await using (var db = portal.NewDb())
        {
            onlyGerman = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Draft, ("de", TestCatalogue.Unique("Nur Deutsch ")));
        }
        using var editor = await portal.ClientAsync(portal.Editor);

        var page = await EditorFixture.PageAsync(editor, TranslationsPage.Path);

        var link = $"{ProgrammeEditPage.PathFor(onlyGerman.Id)}#texts-";
        foreach (var language in new[] { "nl", "tr", "en" })
        {
            page.Find($"//section[h2[@id='missing-{language}']]//a[@href='{link}{language}']").Text().Should().Be(onlyGerman.Texts[0].Title);
        }
        page.DocumentNode.SelectSingleNode($"//section[h2[@id='missing-de']]//a[@href='{link}de']").Should().BeNull();
    }

    private static List<string> Titles(HtmlDocument page) =>
        page.DocumentNode.SelectNodes("//ul[@class='editor-list']/li/h2/a")?.Select(a => a.Text()).ToList() ?? [];

    private static List<string> Codes(HtmlDocument page) =>
        page.DocumentNode.SelectNodes("//ul[@class='editor-list']/li/p")?.Select(p => p.Text().Split(' ')[0]).ToList() ?? [];
}
