using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The officials' interactive dashboard, rendered as in a circuit against the real database. Every figure it shows is
/// compared with <see cref="ReachOracle"/>, which counts from the attendance table, never with a number written here.
/// Filters and drill-downs change the address (NavigationManager) and the same page shows the new figures.
/// </summary>
public sealed class ReachPagesTests(ReachPagesFixture world) : InteractivePageTest(world), IClassFixture<ReachPagesFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private ReachPagesFixture Reach => (ReachPagesFixture)World;

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Theory]
    [InlineData(Roles.Official)]
    [InlineData(Roles.Admin)]
    public async Task Officials_and_Admins_see_each_child_once_beside_the_sum_over_groups(string role)
    {
        await SignInAsync(role == Roles.Admin ? World.Admin : World.Official);

        var page = Open("/officials/reach?year=2025&groupBy=programme");

        var period = await OraclePeriodAsync("Calendar", 2025);
        var programmes = await OracleGroupsAsync("Calendar", 2025, "", "programme");
        page.Find("#distinct-children").TextContent.Trim().Should().Be(Number(period.Children));
        page.Find("#participations").TextContent.Trim().Should().Be(Number(period.Participations));
        page.Find("#sum-over-groups").TextContent.Trim().Should().Be(Number(programmes.Values.Sum(g => g.Children)));
        programmes.Values.Sum(g => g.Children).Should().BeGreaterThan(period.Children, "a child in two programmes counts twice when groups are added up");

        var labels = await ProgrammeTitlesAsync();
        var expected = programmes
            .OrderByDescending(g => g.Value.Children)
            .Select(g => new[] { labels[g.Key], Number(g.Value.Children), Number(g.Value.Participations), Number(g.Value.Sessions) })
            .Append([T("ReachSumOverGroups"), Number(programmes.Values.Sum(g => g.Children)), Number(programmes.Values.Sum(g => g.Participations)),
                Number(programmes.Values.Sum(g => g.Sessions))])
            .Append([T("ReachEachChildOnce"), Number(period.Children), "", ""])
            .ToList();
        Rows(page, "breakdown-table").Should().BeEquivalentTo(expected, options => options.WithStrictOrdering());

        var march = (await OracleGroupsAsync("Calendar", 2025, "", "month"))["2025-03"];
        Rows(page, "months-table").Should().ContainEquivalentOf(new[]
        {
            ReachReports.MonthLabel("2025-03"), Number(march.Children), Number(march.Participations), Number(march.Sessions),
        });
        var district = (await OracleGroupsAsync("Calendar", 2025, "", "district"))[World.CentreA.District.Code];
        Rows(page, "equity-table").Should().Contain(row => row[2] == Number(district.Children) && row[3] == Number(200)
            && row[4] == (100.0 * district.Children / 200).ToString("0.0", English), "centre A's district: reached, population and rate");
    }

    [Fact]
    public async Task A_programme_type_drills_down_to_its_centres_then_to_a_centres_programmes_and_back_in_the_same_page()
    {
        await SignInAsync(World.Official);
        var page = Open("/officials/reach?year=2025&groupBy=programmeType");
        var dashboard = page.Instance;

        var types = await OracleGroupsAsync("Calendar", 2025, "", "programmeType");
        BreakdownChildren(page).Should().BeEquivalentTo(types.ToDictionary(t => TypeLabel(t.Key), t => Number(t.Value.Children)));
        var workshops = Href(page.Find("#breakdown-table tbody a[href*='programmeType=Workshop']"));
        workshops.Should().Be("/officials/reach?year=2025&groupBy=centre&programmeType=Workshop");

        await FollowAsync(page, workshops);
        page.WaitForAssertion(() => page.Find(".reach-scope strong").TextContent.Should().Be($"Within: {TypeLabel("Workshop")}"), Patience);
        page.Instance.Should().BeSameAs(dashboard, "a drill-down updates the page, it does not load another one");
        var centres = await OracleGroupsAsync("Calendar", 2025, "programmeType:Workshop", "centre");
        BreakdownChildren(page).Should().BeEquivalentTo(new Dictionary<string, string> { [World.CentreA.Name] = Number(centres[World.CentreA.Code].Children) });
        Rows(page, "breakdown-table").Last()[1].Should().Be(Number(types["Workshop"].Children), "the workshops' distinct children stand below their centres");
        Href(page.Find("#reach-drill-up")).Should().Be("/officials/reach?year=2025&groupBy=programmeType");
        var centre = Href(page.Find("#breakdown-table tbody a"));
        centre.Should().Be($"/officials/reach?year=2025&groupBy=programme&centre={World.CentreA.Code}", "a centre drills down to its programmes");

        await FollowAsync(page, centre);
        page.WaitForAssertion(() => page.Find(".reach-scope strong").TextContent.Should().Be($"Within: {World.CentreA.Name}"), Patience);
        var programmes = await OracleGroupsAsync("Calendar", 2025, $"centre:{World.CentreA.Code}", "programme");
        var titles = await ProgrammeTitlesAsync();
        BreakdownChildren(page).Should().BeEquivalentTo(programmes.ToDictionary(p => titles[p.Key], p => Number(p.Value.Children)));
        Href(page.Find("#reach-drill-up")).Should().Be("/officials/reach?year=2025&groupBy=centre");

        await FollowAsync(page, Href(page.Find("#reach-drill-up")));
        page.WaitForAssertion(() => BreakdownChildren(page).Should().ContainKey(World.CentreA.Name), Patience);
        page.FindAll(".reach-scope").Should().BeEmpty("back at all centres");
    }

    [Fact]
    public async Task Filters_put_the_choice_in_the_address_and_show_its_figures()
    {
        await SignInAsync(World.Official);
        var page = Open("/officials/reach?year=2025&groupBy=programme");

        await ChooseAsync(page, "reach-year", 2024);
        Navigation.Uri.Should().EndWith("/officials/reach?year=2024&groupBy=programme");
        var year2024 = await OraclePeriodAsync("Calendar", 2024);
        page.WaitForAssertion(() => page.Find("#distinct-children").TextContent.Trim().Should().Be(Number(year2024.Children)), Patience);

        await ChooseAsync(page, "reach-period", ReachPeriodKind.School);
        Navigation.Uri.Should().EndWith("/officials/reach?year=2024&period=school&groupBy=programme");
        var school = await OraclePeriodAsync("School", 2024);
        page.WaitForAssertion(() => page.Find("#distinct-children").TextContent.Trim().Should().Be(Number(school.Children)), Patience);
        page.Find("#key-figures-heading").TextContent.Should().Contain("2024/25");

        await ChooseAsync(page, "reach-group-by", ReachDimensions.AgeBand);
        Navigation.Uri.Should().EndWith("/officials/reach?year=2024&period=school&groupBy=ageBand");
        var bands = await OracleGroupsAsync("School", 2024, "", "ageBand");
        page.WaitForAssertion(() => page.Find("#breakdown-heading").TextContent.Should().Be(T("ReachByAgeBand")), Patience);
        BreakdownChildren(page).Should().BeEquivalentTo(bands.ToDictionary(b => $"{b.Key} years", b => Number(b.Value.Children)));
    }

    [Fact]
    public async Task A_span_of_years_shows_the_sum_of_the_yearly_figures_and_each_child_once()
    {
        await SignInAsync(World.Official);
        var page = Open("/officials/reach?year=2025&groupBy=programmeType");
        page.FindAll("#cumulative-table").Should().BeEmpty("the span appears when it is chosen");

        await ChooseAsync(page, "reach-from", 2025);
        await ChooseAsync(page, "reach-to", 2024);
        await page.Find("#reach-show-span").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Navigation.Uri.Should().EndWith("/officials/reach?year=2025&groupBy=programmeType&from=2024&to=2025"), Patience);
        page.WaitForAssertion(() => page.FindAll("#cumulative-table").Should().ContainSingle(), Patience);
        var year2024 = (await OraclePeriodAsync("Calendar", 2024)).Children;
        var year2025 = (await OraclePeriodAsync("Calendar", 2025)).Children;
        var overBoth = (int)await Reach.ScalarAsync(DistinctChildrenSql(2024, 2025));
        Rows(page, "cumulative-table").Should().BeEquivalentTo(new[]
        {
            new[] { "2024", Number(year2024) }, ["2025", Number(year2025)],
            [T("ReachSumOfYears"), Number(year2024 + year2025)], [T("ReachDistinctOverSpan"), Number(overBoth)],
        }, options => options.WithStrictOrdering());
        overBoth.Should().BeLessThan(year2024 + year2025, "children who came in both years count once over the span");
        Href(page.Find("#cumulative .reach-csv a")).Should().Be(ReachPaths.ExportFor(
            new ReachQuery(ReachPeriodKind.Calendar, 2025, ReachDimensions.ProgrammeType, FromYear: 2024, ToYear: 2025), ReachTables.Cumulative));
    }

    [Fact]
    public async Task Charts_are_drawn_as_SVG_with_the_same_figures_in_a_table_beside_them()
    {
        await SignInAsync(World.Official);
        var page = Open("/officials/reach?year=2025");

        var charts = page.FindAll("svg.bar-chart");
        charts.Should().HaveCount(2, "the month trend and year over year");
        foreach (var chart in charts)
        {
            chart.GetAttribute("role").Should().Be("img");
            chart.GetAttribute("aria-label").Should().NotBeNullOrWhiteSpace().And.Be(chart.QuerySelector("title")!.TextContent);
            chart.QuerySelectorAll("[style]").Should().BeEmpty("the chart is drawn with attributes only");
            chart.HasAttribute("style").Should().BeFalse();
        }
        var months = await OracleGroupsAsync("Calendar", 2025, "", "month");
        var monthChart = charts[0].QuerySelectorAll("g").Select(g => g.QuerySelectorAll("text").Select(t => t.TextContent).ToArray()).ToList();
        monthChart.Should().HaveCount(12).And.ContainEquivalentOf(new[] { ReachReports.MonthLabel("2025-03"), Number(months["2025-03"].Children) });
        Rows(page, "months-table").Select(r => new[] { r[0], r[1] }).Should().BeEquivalentTo(monthChart, options => options.WithStrictOrdering(),
            "the table beside the chart holds the same figures");
    }

    [Fact]
    public async Task The_print_view_and_every_table_link_to_the_current_view_and_load_as_whole_pages()
    {
        await SignInAsync(World.Official);
        var page = Open("/officials/reach?year=2024&period=school&groupBy=centre&programmeType=Workshop");
        var query = new ReachQuery(ReachPeriodKind.School, 2024, ReachDimensions.Centre, ProgrammeType: "Workshop");

        page.WaitForAssertion(() => page.FindAll(".reach-scope").Should().ContainSingle(), Patience);
        var print = page.Find("#reach-print-link");
        Href(print).Should().Be(ReachPaths.PrintFor(query));
        print.GetAttribute("target").Should().Be("_top", "blazor.web.js leaves such a link to the browser, which loads the page afresh in the same tab");
        typeof(ReachPrintPage).GetCustomAttributes(typeof(ExcludeFromInteractiveRoutingAttribute), false).Should()
            .ContainSingle("the print view is a static page, outside the circuit");
        var downloads = page.FindAll(".reach-csv a");
        downloads.Select(Href).Should().BeEquivalentTo(
            new[] { ReachTables.Breakdown, ReachTables.Months, ReachTables.Years, ReachTables.Equity }.Select(table => ReachPaths.ExportFor(query, table)));
        downloads.Should().OnlyContain(a => a.HasAttribute("download"), "a download link is left to the browser, not to the router");
    }

    [Theory]
    [InlineData("/officials/reach?year=abc", "Give a year from 2000 to 2100.")]
    [InlineData("/officials/reach?groupBy=colour", "Choose one of these breakdowns: Programme type, Programme, Category, Centre, District of residence, Age band, Focus area or not, Month.")]
    [InlineData("/officials/reach?programmeType=Workshop&centre=IZM", "Narrow down to a programme type or to a centre, not both.")]
    [InlineData("/officials/reach?programmeType=Workshop&groupBy=month", "Within this selection you can break down by: Programme, Category, Centre, District of residence, Age band, Focus area or not.")]
    [InlineData("/officials/reach?from=2026&to=2024", "The first year of the span must not be after the last.")]
    [InlineData("/officials/reach?period=weekly", "Choose the calendar year or the school year.")]
    public async Task A_bad_address_gets_a_message_that_says_what_to_change(string address, string message)
    {
        await SignInAsync(World.Official);

        var page = Open(address, ready: "#reach-problems");

        page.FindAll("#reach-problems li").Select(li => li.TextContent).Should().Contain(message);
        Href(page.Find("#reach-problems a")).Should().Be(ReachPaths.Dashboard);
        page.FindAll("#distinct-children, #breakdown-table, #reach-year").Should().BeEmpty("nothing is shown for an address that is not understood");
    }

    public static readonly TheoryData<string> HostileValues = new()
    {
        "year=<script>alert(1)</script>",
        "centre=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "groupBy=" + new string('a', 20_000),
        "programmeType=Work%00shop",
        "centre=%E2%80%AEMZI",
        "year=2025%3BDROP%20TABLE%20attendances%3B--",
        "centre=%3DHYPERLINK(%22http%3A%2F%2Fexample.org%22)",
        "year=2025&year=2026",
        "from=-1&to=99999999999999999999",
        "period=%F0%9F%98%80&groupBy=%25zz",
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task Hostile_values_in_the_address_get_a_clear_message_and_never_a_crash(string query)
    {
        await SignInAsync(World.Official);
        var attendances = await CountAsync(db => db.Attendances);

        var page = Open($"/officials/reach?{query}", ready: "#reach-problems");

        page.FindAll("#reach-problems li").Should().NotBeEmpty().And.OnlyContain(li => li.TextContent.Length > 0 && li.TextContent.Length < 300,
            "each problem is named in a sentence, without repeating what was typed");
        page.FindAll("#reach-problems script, #reach-problems img").Should().BeEmpty("nothing typed into the address becomes markup");
        page.FindAll("#distinct-children").Should().BeEmpty();
        (await CountAsync(db => db.Attendances)).Should().Be(attendances);
    }

    [Fact]
    public async Task A_choice_is_refused_and_the_figures_go_once_the_account_lost_the_Official_role()
    {
        var official = await World.AccountAsync($"official.{Guid.NewGuid():N}@example.org", Roles.Official);
        await SignInAsync(official);
        var page = Open("/officials/reach?year=2025");
        var address = Navigation.Uri;
        var audit = await CountAsync(db => db.AuditEvents);

        await using (var scope = World.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            (await users.RemoveFromRoleAsync((await users.FindByIdAsync(official.Id))!, Roles.Official)).Succeeded.Should().BeTrue();
        }
        await ChooseAsync(page, "reach-year", 2024);

        page.WaitForAssertion(() => page.FindAll("#reach-refused").Should().ContainSingle(), Patience);
        page.Find("#reach-refused").TextContent.Should().Contain(T("ReachNoLongerAllowed"));
        Navigation.Uri.Should().Be(address, "a refused choice goes nowhere");
        page.FindAll("#distinct-children, .reach-table, svg.bar-chart, #reach-print-link, .reach-csv").Should().BeEmpty("nothing of the figures stays on the page");
        (await CountAsync(db => db.AuditEvents)).Should().Be(audit, "nothing was shown or exported, so nothing is recorded");
    }

    [Fact]
    public async Task A_new_address_is_refused_once_the_account_lost_the_Official_role()
    {
        var official = await World.AccountAsync($"official.{Guid.NewGuid():N}@example.org", Roles.Official);
        await SignInAsync(official);
        var page = Open("/officials/reach?year=2025&groupBy=programmeType");
        var audit = await CountAsync(db => db.AuditEvents);

        await using (var scope = World.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(official.Id))!;
            (await users.RemoveFromRoleAsync(user, Roles.Official)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, Roles.Editor)).Succeeded.Should().BeTrue();
        }
        // A drill-down link, or the back button: the router sets the page's address.
        await FollowAsync(page, Href(page.Find("#breakdown-table tbody a")));

        page.WaitForAssertion(() => page.FindAll("#reach-refused").Should().ContainSingle(), Patience);
        page.FindAll("#distinct-children, .reach-table").Should().BeEmpty();
        (await CountAsync(db => db.AuditEvents)).Should().Be(audit);
    }

    [Fact]
    public async Task A_deactivated_account_sees_no_figures()
    {
        var official = await World.AccountAsync($"official.{Guid.NewGuid():N}@example.org", Roles.Official);
        await SignInAsync(official);
        await using (var db = World.NewDb())
        {
            (await db.Users.SingleAsync(u => u.Id == official.Id)).IsActive = false;
            await db.SaveChangesAsync();
        }

        var page = Open("/officials/reach?year=2025", ready: "#reach-refused");

        page.FindAll("#distinct-children, .reach-table").Should().BeEmpty();
    }

    [Theory]
    [InlineData(Roles.CentreStaff)]
    [InlineData(Roles.Editor)]
    public async Task Centre_staff_and_editors_see_no_figures_even_when_the_page_is_rendered_for_them(string role)
    {
        await SignInAsync(role == Roles.Editor ? World.Editor : World.StaffB);

        var page = Open("/officials/reach?year=2025", ready: "#reach-refused");

        page.FindAll("#distinct-children, .reach-table, #reach-year").Should().BeEmpty();
    }

    /// <summary>The dashboard at an address, once it shows its figures (or the element <paramref name="ready"/> names).</summary>
    private IRenderedComponent<ReachPage> Open(string address, string ready = "#distinct-children")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = English;
        Render<MudPopoverProvider>();
        Navigation.NavigateTo(address);
        var page = Render<ReachPage>();
        page.WaitForAssertion(() => page.FindAll(ready).Should().NotBeEmpty(), Patience);
        return page;
    }

    /// <summary>What the interactive router does with a link the person follows: the same page gets the new address.</summary>
    private static Task FollowAsync(IRenderedComponent<ReachPage> page, string href) =>
        page.InvokeAsync(() => page.Services.GetRequiredService<NavigationManager>().NavigateTo(href));

    /// <summary>Chooses a value in one of the page's selects, as a person does by opening it and picking an item.</summary>
    private static async Task ChooseAsync<T>(IRenderedComponent<ReachPage> page, string inputId, T value)
    {
        var select = page.FindComponents<MudSelect<T>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId);
        await page.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static string Href(IElement link) => link.GetAttribute("href") ?? "";

    private static string Number(int? count) => count?.ToString("N0", English) ?? "";

    private string T(string key) => Reach.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<FamilyServices.Web.Resources.Text>>()[key];

    private string TypeLabel(string type) => T($"ProgrammeType{type}");

    /// <summary>The text of every cell of a table, row by row (body, then totals).</summary>
    private static List<string[]> Rows(IRenderedComponent<ReachPage> page, string tableId) =>
        page.FindAll($"#{tableId} tbody tr, #{tableId} tfoot tr").Select(tr => tr.Children.Select(cell => cell.TextContent.Trim()).ToArray()).ToList();

    /// <summary>The breakdown's distinct children by row label (without the totals).</summary>
    private static Dictionary<string, string> BreakdownChildren(IRenderedComponent<ReachPage> page) =>
        page.FindAll("#breakdown-table tbody tr").ToDictionary(tr => tr.Children[0].TextContent.Trim(), tr => tr.Children[1].TextContent.Trim());

    private async Task<Dictionary<string, string>> ProgrammeTitlesAsync()
    {
        // As the page names them in English: the English title, else the city's language (German here).
        await using var db = World.NewDb();
        var programmes = await db.Programmes.Include(p => p.Texts).ToListAsync();
        return programmes.ToDictionary(p => p.Code, p => p.Texts.OrderBy(t => t.Language == "en" ? 0 : t.Language == "de" ? 1 : 2).First().Title);
    }

    private async Task<int> CountAsync<TRow>(Func<FamilyServices.Web.Data.FamilyServicesDb, IQueryable<TRow>> rows)
    {
        await using var db = World.NewDb();
        return await rows(db).CountAsync();
    }

    /// <summary>One period's figures, counted from the attendance table.</summary>
    private async Task<(int Children, int Participations)> OraclePeriodAsync(string kind, int year)
    {
        var row = (await Reach.RowsAsync(ReachOracle.Periods)).SingleOrDefault(r => r.StartsWith($"{kind}|{year}|", StringComparison.Ordinal));
        if (row is null) return (0, 0);
        var cells = row.Split('|');
        return (int.Parse(cells[2], CultureInfo.InvariantCulture), int.Parse(cells[3], CultureInfo.InvariantCulture));
    }

    /// <summary>A breakdown's groups (key → children, participations, sessions held), counted from the attendance table.</summary>
    private async Task<Dictionary<string, (int Children, int Participations, int? Sessions)>> OracleGroupsAsync(string kind, int year, string scope, string dimension) =>
        (await Reach.RowsAsync(ReachOracle.Figures))
            .Select(r => r.Split('|'))
            .Where(c => c[0] == kind && c[1] == year.ToString(CultureInfo.InvariantCulture) && c[2] == scope && c[3] == dimension && c[5] != "0")
            .ToDictionary(c => c[4], c => (int.Parse(c[5], CultureInfo.InvariantCulture), int.Parse(c[6], CultureInfo.InvariantCulture),
                c[7] == "∅" ? (int?)null : int.Parse(c[7], CultureInfo.InvariantCulture)));

    private static string DistinctChildrenSql(int fromYear, int toYear) => $"""
        SELECT count(DISTINCT a.participant_id)
        FROM attendances a JOIN sessions s ON s.id = a.session_id JOIN offerings o ON o.id = s.offering_id JOIN centres c ON c.id = o.centre_id
        WHERE a.status = 'Present' AND s.status = 'Held'
          AND extract(year FROM s.starts_at AT TIME ZONE c.time_zone) BETWEEN {fromYear} AND {toYear}
        """;
}
