using Bunit;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using FamilyServices.Web.Features.Editing.ReferenceData.Organisations;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// The editors' lists page, sort and filter in the database: a page holds at most what the grid asked for, the count
/// is of every match, the text search folds letters like the parents' search, and "closed until" follows the
/// public notice rule where the centre is.
/// </summary>
public class CentreListTests(ReferenceDataFixture world) : EditorPageTest<ReferenceDataFixture>(world), IClassFixture<ReferenceDataFixture>
{
    [Fact]
    public async Task A_page_holds_at_most_the_rows_asked_for_and_the_count_is_of_every_match()
    {
        var tag = TestCatalogue.Unique("Qzx");
        for (var i = 0; i < 5; i++) await CentreAsync($"Zentrum {tag} {i}");
        await using var db = World.NewDb();

        var first = await CentreList.PageAsync(db, new CentreList.Filter(tag), new ListRequest(0, 2), World.Clock);
        var last = await CentreList.PageAsync(db, new CentreList.Filter(tag), new ListRequest(2, 2), World.Clock);
        var greedy = await CentreList.PageAsync(db, new CentreList.Filter(), new ListRequest(0, 1_000_000), World.Clock);

        first.Rows.Select(r => r.Name).Should().Equal($"Zentrum {tag} 0", $"Zentrum {tag} 1");
        first.Total.Should().Be(5);
        last.Rows.Select(r => r.Name).Should().Equal($"Zentrum {tag} 4");
        greedy.Rows.Count.Should().BeLessThanOrEqualTo(ListRequest.MaxPageSize, "no request reads every row");
    }

    [Fact]
    public async Task Filters_by_folded_text_district_type_and_status_and_sorts_closed_centres_first()
    {
        var tag = TestCatalogue.Unique("Wvk");
        var today = PublicNotice.LocalToday(World.Clock, "Europe/Berlin");
        var open = await CentreAsync($"Şirin {tag}");
        var closedSoon = await CentreAsync($"Güneş {tag}", CentreStatus.TemporarilyClosed, today.AddDays(3));
        var closedLater = await CentreAsync($"Ayşe {tag}", CentreStatus.TemporarilyClosed, today.AddDays(30));
        var ended = await CentreAsync($"Deniz {tag}", CentreStatus.TemporarilyClosed, today.AddDays(-1), CentreType.Library);
        await using var db = World.NewDb();

        async Task<List<string>> Names(CentreList.Filter filter, string? sortBy = null, bool descending = false) =>
            (await CentreList.PageAsync(db, filter, new ListRequest(0, 25, sortBy, descending), World.Clock)).Rows.Select(r => r.Name).ToList();

        (await Names(new($"sirin {tag}"))).Should().Equal([$"Şirin {tag}"], "case and diacritics are folded as in the parents' search");
        (await Names(new(tag, DistrictId: closedSoon.DistrictId))).Should().Equal($"Güneş {tag}");
        (await Names(new(tag, Type: CentreType.Library))).Should().Equal($"Deniz {tag}");
        (await Names(new(tag, Status: CentreStatus.Open))).Should().Equal($"Şirin {tag}");
        (await Names(new(tag), nameof(CentreList.Row.Status))).Should().Equal($"Deniz {tag}", $"Güneş {tag}", $"Ayşe {tag}", $"Şirin {tag}");
        var rows = (await CentreList.PageAsync(db, new(tag), new ListRequest(0, 25), World.Clock)).Rows.ToDictionary(r => r.Id);
        rows[closedSoon.Id].ClosureShown.Should().BeTrue();
        rows[ended.Id].ClosureShown.Should().BeFalse("its last closed day has passed: the public pages show it open again");
        rows[open.Id].ClosureShown.Should().BeFalse();
        _ = closedLater;
    }

    [Fact]
    public async Task The_page_links_each_centre_shows_its_closure_and_narrows_the_list_as_the_editor_types()
    {
        var tag = TestCatalogue.Unique("Plm");
        var today = PublicNotice.LocalToday(World.Clock, "Europe/Berlin");
        var open = await CentreAsync($"Lindenhof {tag}");
        var closed = await CentreAsync($"Eichenhof {tag}", CentreStatus.TemporarilyClosed, today.AddDays(10));
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<CentreListPage>(CentreListPage.Path);

        await page.TypeAsync("q", tag);

        await EventuallyAsync(() => page.FindAll("tbody a").Select(a => a.GetAttribute("href"))
            .Should().BeEquivalentTo([CentreEditPage.PathFor(open.Id), CentreEditPage.PathFor(closed.Id)]));
        page.Find("p[role=status]").TextContent.Should().Be("Centres: 2");
        page.Find($"a[href='{CentreEditPage.PathFor(closed.Id)}']").Closest("tr")!.TextContent.Should().Contain("Temporarily closed until");
        await page.TypeAsync("q", $"Linden {tag}");
        await EventuallyAsync(() => page.FindAll("tbody a").Should().BeEmpty("“Linden Plm…” matches no name"));
        await page.TypeAsync("q", $"Lindenhof {tag}");
        await EventuallyAsync(() => page.FindAll("tbody a").Should().ContainSingle().Which.TextContent.Should().Be($"Lindenhof {tag}"));
    }

    [Fact]
    public async Task Organisations_are_listed_with_the_number_of_centres_they_run_filtered_by_name_or_code_and_kind()
    {
        var centre = await CentreAsync($"Zentrum {TestCatalogue.Unique("Org")}");
        await using var db = World.NewDb();
        var code = db.Organisations.Single(o => o.Id == centre.OperatorId).Code;

        var byCode = await OrganisationList.PageAsync(db, new(code), new ListRequest(0, 25));
        var byKind = await OrganisationList.PageAsync(db, new(code, OrganisationKind.Library), new ListRequest(0, 25));

        byCode.Rows.Should().ContainSingle().Which.Centres.Should().Be(1);
        byKind.Rows.Should().BeEmpty("the operator is a municipal department");
    }

    private async Task<Centre> CentreAsync(string name, CentreStatus status = CentreStatus.Open, DateOnly? until = null, CentreType type = CentreType.FamilyCentre)
    {
        await using var db = World.NewDb();
        var centre = await new TestCatalogue(db).CentreAsync();
        centre.Name = name;
        centre.Status = status;
        centre.StatusReason = status == CentreStatus.Open ? null : "Renovierung";
        centre.ClosedUntil = until;
        centre.Type = type;
        await db.SaveChangesAsync();
        return centre;
    }
}
