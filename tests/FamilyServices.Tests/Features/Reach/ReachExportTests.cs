using System.Net;
using System.Text;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Resources;
using HtmlAgilityPack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// What leaves the dashboard as plain HTTP: who may open it at all, the CSV export and the print view (both published,
/// so with small-number protection). The interactive dashboard itself is tested in <see cref="ReachPagesTests"/>; the
/// API in ReachApiTests. The small city's figures are worked out on paper in <see cref="ReachPagesFixture"/>.
/// </summary>
public class ReachExportTests(ReachPagesFixture world) : IClassFixture<ReachPagesFixture>
{
    public static readonly TheoryData<string> OfficialPaths = new()
    {
        "/officials/reach?year=2025",
        "/officials/reach/print?year=2025",
        "/officials/reach/export.csv?year=2025&table=breakdown",
    };

    [Theory]
    [MemberData(nameof(OfficialPaths))]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page(string path)
    {
        using var client = await world.ClientAsync(null);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.Should().StartWith("/account/sign-in?ReturnUrl=");
    }

    [Theory]
    [MemberData(nameof(OfficialPaths))]
    public async Task Centre_staff_are_refused_with_403(string path)
    {
        using var client = await world.ClientAsync(world.StaffA);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        (await client.GetAsync(response.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_official_lands_on_the_reach_page_after_signing_in_and_centre_staff_on_their_sessions()
    {
        using var official = TestAccounts.NewClient(world);
        using var staff = TestAccounts.NewClient(world);

        var officialSignIn = await SignInAsync(official, world.Official);
        var staffSignIn = await SignInAsync(staff, world.StaffA);

        officialSignIn.Headers.Location!.AbsolutePath.Should().Be(ReachPaths.Dashboard);
        staffSignIn.Headers.Location!.AbsolutePath.Should().Be("/staff/today");
        (await official.GetAsync(officialSignIn.Headers.Location)).StatusCode.Should().Be(HttpStatusCode.OK, "the page's frame, which opens its circuit");
    }

    [Fact]
    public async Task The_CSV_export_hides_small_counts_and_the_cell_that_would_give_them_away_and_defuses_formulas()
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync("/officials/reach/export.csv?year=2025&groupBy=programme&table=breakdown");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be("reach-2025-programme.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes[..3].Should().Equal([0xEF, 0xBB, 0xBF], "Excel reads UTF-8 only with a byte order mark");
        Encoding.UTF8.GetString(bytes[3..]).Split("\r\n").Should().Equal(
            "Programme,Distinct children,Participations,Sessions held",
            "Spielgruppe,10,10,1",
            // 7 is not small, but shown with the total it would give away the 3 next to it.
            "Turnen,x,x,1",
            "\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\",<5,<5,1",
            "Sum over groups,20,20,3",
            "Distinct children (each child once),19,,",
            "");
    }

    [Theory]
    [InlineData("months", "reach-2025-months.csv", "March 2025,19,20,3")]
    [InlineData("years", "reach-2025-years.csv", "2025,19,20,3")]
    [InlineData("equity", "reach-2025-equity.csv", "Mitte,Yes,19,200,9.5,,9.5,,,")]
    public async Task Every_table_of_the_page_can_be_exported(string table, string fileName, string row)
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync($"/officials/reach/export.csv?year=2025&table={table}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName.Should().Be(fileName);
        (await response.Content.ReadAsStringAsync()).Split("\r\n").Should().Contain(row);
    }

    [Fact]
    public async Task A_span_of_years_is_exported_with_both_totals()
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync("/officials/reach/export.csv?year=2025&from=2024&to=2025&table=cumulative");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        // 2024: six of the class's children; 2025: nineteen, the same six among them.
        Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n").Should().Equal(
            "Year,Distinct children", "2024,6", "2025,19", "Sum of the yearly figures,25", "Distinct children over the whole span,19", "");
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+49 30 1234", "'+49 30 1234")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Anne yanı, Gebze", "\"Anne yanı, Gebze\"")]
    [InlineData("Kinder \"Sonnenblume\"", "\"Kinder \"\"Sonnenblume\"\"\"")]
    [InlineData("<5", "<5")]
    public void A_CSV_field_that_a_spreadsheet_would_run_as_a_formula_becomes_text(string value, string field) =>
        ReachCsv.Field(value).Should().Be(field);

    [Fact]
    public void In_a_published_equity_table_a_small_age_band_hides_a_second_band_so_it_cannot_be_worked_out()
    {
        var text = world.Services.GetRequiredService<IStringLocalizer<Text>>();
        var bands = new Dictionary<string, (int Reached, int Population)>
        {
            ["0-2"] = (3, 100), ["3-5"] = (100, 400), ["6-9"] = (0, 300), ["10-13"] = (0, 300), ["14-17"] = (0, 300),
        };
        var equity = new ReachEquity([new ReachEquityRow("D1", "Mitte", true, 103, 1400, bands)], (103, 1400), (0, 0));

        var table = ReachTables.EquityOf(equity, ReachPeriodRange.Of(ReachPeriodKind.Calendar, 2025), text, threshold: 5);

        // 3 children aged 0-2 would follow from 103 minus the 100 aged 3-5, so the 3-5 rate goes too.
        table.Rows[0].Cells.Select(cell => table.Format(cell, forCsv: true)).Should().Equal("Yes", "103", "1400", "7.4", "x", "x", "0.0", "0.0", "0.0");
    }

    [Fact]
    public async Task The_print_view_applies_small_number_protection_and_says_so()
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync("/officials/reach/print?year=2025&groupBy=programme");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        Rows(page, "breakdown-table").Select(r => r[1]).Should().Equal("10", "x", "<5", "20", "19");
        page.Find("//p[contains(@class,'reach-print__protected')]").Text().Should().Contain("counts from 1 to 4 are shown as “<5”");
        page.DocumentNode.SelectNodes("//header[@class='site-header'] | //footer").Should().BeNull("a printed report has no site navigation");
        page.DocumentNode.SelectNodes("//script[contains(@src,'blazor')]").Should().BeNull("a print view is a plain page, without a circuit");
        Href(page.Find("//p[contains(@class,'reach-print__back')]/a")).Should().Be(ReachPaths.DashboardFor(
            new ReachQuery(ReachPeriodKind.Calendar, 2025, ReachDimensions.Programme)), "back to the same view on the dashboard");
    }

    [Theory]
    [InlineData("/officials/reach/print?period=weekly", "Choose the calendar year or the school year.")]
    [InlineData("/officials/reach/print?centre=%3Cscript%3E", "This centre code is not valid. Choose a centre from the table.")]
    public async Task A_bad_print_address_gets_a_message_that_says_what_to_change(string path, string message)
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.DocumentNode.SelectNodes("//div[@role='alert']//li")!.Select(li => li.Text()).Should().Contain(message);
        Href(page.Find("//div[@role='alert']//a")).Should().Be(ReachPaths.Dashboard);
    }

    [Theory]
    [InlineData("/officials/reach/export.csv?year=2025&table=everything", "Choose one of these tables: breakdown, months, years, equity, cumulative.")]
    [InlineData("/officials/reach/export.csv?year=2025&table=cumulative", "Give both the first and the last year of the span.")]
    [InlineData("/officials/reach/export.csv?centre=<script>", "This centre code is not valid. Choose a centre from the table.")]
    public async Task A_bad_export_address_gets_a_plain_message(string path, string message)
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Contain(message);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, TestWorld.Account account) =>
        StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = account.Email, ["Input.Password"] = TestWorld.Password });

    private static string Href(HtmlNode link) => HtmlEntity.DeEntitize(link.GetAttributeValue("href", ""));

    /// <summary>The text of every cell of a table, row by row (body, then totals).</summary>
    private static List<string[]> Rows(HtmlDocument page, string tableId) =>
        page.DocumentNode.SelectNodes($"//table[@id='{tableId}']/tbody/tr | //table[@id='{tableId}']/tfoot/tr")!
            .Select(tr => tr.SelectNodes("th|td")!.Select(cell => cell.Text()).ToArray())
            .ToList();
}
