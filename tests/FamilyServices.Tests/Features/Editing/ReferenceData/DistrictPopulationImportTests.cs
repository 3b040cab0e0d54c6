using System.Globalization;
using System.Security.Claims;
using System.Text;
using Bunit;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData.Districts;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// The district population import: all or nothing, every bad line listed with its number and a reason a person
/// can act on, upserts with counts, and importing the same file twice changes nothing the second time.
/// </summary>
public class DistrictPopulationImportTests(ReferenceDataFixture world) : EditorPageTest<ReferenceDataFixture>(world), IClassFixture<ReferenceDataFixture>
{
    private const string Header = "district_code,year,age_band,children";

    [Fact]
    public async Task Every_kind_of_bad_line_is_listed_with_its_number_and_nothing_is_written()
    {
        var district = await World.DistrictAsync();
        var csv = $"""
            {Header}
            {district.Code},2025,0-2,410
            NOWHERE,2025,3-5,10
            {district.Code},zwanzig,3-5,10
            {district.Code},1999,3-5,10
            {district.Code},2025,0-3,10
            {district.Code},2025,6-9,-4
            {district.Code},2025,10-13,12.5
            {district.Code},2025,0-2,400
            {district.Code},2025,14-17
            ,2025,14-17,7
            "{district.Code},2025,14-17,7

            {district.Code},2101,banana,many
            """;

        var result = await ImportAsync(csv);

        result.Imported.Should().BeFalse();
        Messages(result).Should().Equal(
            ("3", "No district has the code “NOWHERE”. Check the code in the list of districts, or create the district first."),
            ("4", "The year “zwanzig” is not a number: give a year from 2000 to 2100."),
            ("5", "The year 1999 is outside 2000–2100."),
            ("6", "The age band “0-3” is unknown. Use one of: 0-2, 3-5, 6-9, 10-13, 14-17."),
            ("7", "“-4” is not a number of children: give a whole number of 0 or more, without dots or spaces."),
            ("8", "“12.5” is not a number of children: give a whole number of 0 or more, without dots or spaces."),
            ("9", $"District {district.Code}, year 2025, age band 0-2 is already on line 2. Keep only one of the two lines."),
            ("10", $"Expected 4 values separated by commas, found 3. Each line is like the header: {Header}."),
            ("11", "The district code is missing."),
            ("12", "A quotation mark is not closed on this line."),
            ("14", "The year 2101 is outside 2000–2100."),
            ("14", "The age band “banana” is unknown. Use one of: 0-2, 3-5, 6-9, 10-13, 14-17."),
            ("14", "“many” is not a number of children: give a whole number of 0 or more, without dots or spaces."));
        await using var db = World.NewDb();
        (await db.DistrictPopulations.CountAsync(p => p.DistrictId == district.Id)).Should().Be(0, "line 2 was fine, but the file had errors");
        (await World.HistoryAsync("District", district.Id)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("", "", "The file is empty. It needs the header district_code,year,age_band,children and one line per district, year and age band.")]
    [InlineData("\n\n", "", "The file is empty. It needs the header district_code,year,age_band,children and one line per district, year and age band.")]
    [InlineData("district_code,year,age_band,children\n", "1", "The file has a header but no figures.")]
    [InlineData("district,year,band,count\nX,2025,0-2,5\n", "1", "The first line must be the header district_code,year,age_band,children (found: “district,year,band,count”).")]
    [InlineData("X,2025,0-2,5\n", "1", "The first line must be the header district_code,year,age_band,children (found: “X,2025,0-2,5”).")]
    public async Task A_file_without_the_right_header_or_without_rows_is_refused_with_a_reason(string csv, string line, string message)
    {
        Messages(await ImportAsync(csv)).Should().Equal((line, message));
    }

    [Fact]
    public async Task A_valid_file_adds_and_changes_figures_and_importing_it_again_changes_nothing()
    {
        var north = await World.DistrictAsync();
        var south = await World.DistrictAsync();
        await using (var setup = World.NewDb())
        {
            setup.DistrictPopulations.Add(new() { DistrictId = north.Id, Year = 2024, AgeBand = "0-2", Children = 300 });
            setup.DistrictPopulations.Add(new() { DistrictId = north.Id, Year = 2024, AgeBand = "3-5", Children = 280 });
            await setup.SaveChangesAsync();
        }
        // A spreadsheet's export: byte order mark, CRLF, quoted fields, a code in other letter case, an en dash, a blank last line.
        var csv = "\uFEFF" + $"{Header}\r\n{north.Code},2024,0-2,310\r\n{north.Code},2024,3-5,280\r\n\"{south.Code.ToLowerInvariant()}\",\"2025\",0–2,120\r\n{south.Code},2025,3-5,0\r\n\r\n";

        var first = await ImportAsync(csv);
        var again = await ImportAsync(csv);

        (first.Added, first.Changed, first.Unchanged).Should().Be((2, 1, 1));
        (again.Added, again.Changed, again.Unchanged).Should().Be((0, 0, 4));
        await using var db = World.NewDb();
        var stored = await db.DistrictPopulations.AsNoTracking().Where(p => p.DistrictId == north.Id || p.DistrictId == south.Id)
            .OrderBy(p => p.DistrictId).ThenBy(p => p.Year).ThenBy(p => p.AgeBand).Select(p => new { p.DistrictId, p.Year, p.AgeBand, p.Children }).ToListAsync();
        stored.Should().Equal(
            new { DistrictId = north.Id, Year = 2024, AgeBand = "0-2", Children = 310 },
            new { DistrictId = north.Id, Year = 2024, AgeBand = "3-5", Children = 280 },
            new { DistrictId = south.Id, Year = 2025, AgeBand = "0-2", Children = 120 },
            new { DistrictId = south.Id, Year = 2025, AgeBand = "3-5", Children = 0 });

        var northHistory = await World.HistoryAsync("District", north.Id);
        northHistory.Should().ContainSingle("the second import changed nothing, so it recorded nothing");
        northHistory[0].Changes.Should().Contain("Children (2024, 0-2)").And.Contain("300").And.Contain("310");
        northHistory[0].ChangedById.Should().Be(World.Accounts[EditingPortalFixture.Editor].Id);
        (await World.HistoryAsync("District", south.Id)).Should().ContainSingle();

        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var districtPage = Open<DistrictEditPage>(DistrictEditPage.PathFor(north.Id), p => p.Add(x => x.Id, north.Id));
        var row = districtPage.FindAll(".population tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "2024");
        row.QuerySelectorAll("td").Select(td => td.TextContent).Should().Equal("310", "280", "–", "–", "–", "590");
    }

    [Fact]
    public async Task A_semicolon_separated_file_from_a_German_spreadsheet_is_read_too()
    {
        var district = await World.DistrictAsync();

        (await ImportAsync($"district_code;year;age_band;children\n{district.Code};2026;6-9;75\n")).Imported.Should().BeTrue();

        await using var db = World.NewDb();
        (await db.DistrictPopulations.SingleAsync(p => p.DistrictId == district.Id)).Children.Should().Be(75);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_names_the_line_and_how_to_save_it()
    {
        var district = await World.DistrictAsync();
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n{district.Code},2025,0-2,5\n")
            .Concat(Encoding.Latin1.GetBytes($"{district.Code}-Süd,2025,0-2,5\n")).ToArray();

        Messages(await ImportAsync(bytes)).Should().Equal(("3", "This line is not UTF-8 text. Save the file as “CSV UTF-8” and import it again."));
    }

    [Fact]
    public async Task On_the_page_an_uploaded_file_shows_its_counts_or_every_bad_line_in_a_table()
    {
        var district = await World.DistrictAsync();
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<DistrictImportPage>(DistrictImportPage.Path);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{Header}\nNOWHERE,2025,3-5,10\n", "population.csv"));

        await EventuallyAsync(() => page.FindAll(".import-problems table tbody tr").Should().ContainSingle());
        var problem = page.Find(".import-problems table tbody tr");
        (problem.QuerySelector("th")!.TextContent, problem.QuerySelector("td")!.TextContent).Should()
            .Be(("2", "No district has the code “NOWHERE”. Check the code in the list of districts, or create the district first."));
        page.Find("[role=alert]").TextContent.Trim().Should().StartWith("Nothing was imported");

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{Header}\n{district.Code},2025,3-5,10\n", "population.csv"));

        await EventuallyAsync(() => page.Find("[role=status]").TextContent.Trim().Should().Be("Imported: 1 figures added, 0 changed, 0 already up to date."));
        page.FindAll(".import-problems table").Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_over_the_size_limit_gets_a_clear_message_and_nothing_is_written()
    {
        var district = await World.DistrictAsync();
        var csv = new StringBuilder(Header).Append('\n');
        while (csv.Length <= DistrictPopulationImporter.MaxBytes) csv.Append(district.Code).Append(",2025,0-2,5\n");
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<DistrictImportPage>(DistrictImportPage.Path);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv.ToString(), "population.csv"));

        await EventuallyAsync(() => page.Find(".mud-alert").TextContent.Trim()
            .Should().Be("The file is larger than 1 MB. A population file is much smaller: check that you chose the right file."));
        await using var db = World.NewDb();
        (await db.DistrictPopulations.CountAsync(p => p.DistrictId == district.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Hostile_values_in_the_file_are_shown_as_text_and_the_problems_are_in_the_editors_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<DistrictImportPage>(DistrictImportPage.Path);

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{Header}\n<script>alert(1)</script>,2025,0-2,5\n", "population.csv"));

        await EventuallyAsync(() => page.FindAll(".import-problems table tbody tr").Should().ContainSingle());
        page.Markup.Should().NotContain("<script>alert(1)</script>");
        page.Find(".import-problems table tbody td").TextContent
            .Should().Be("Kein Stadtteil hat das Kürzel „<script>alert(1)</script>“. Prüfen Sie das Kürzel in der Liste der Stadtteile oder legen Sie den Stadtteil zuerst an.");
    }

    [Fact]
    public async Task An_editor_whose_role_is_taken_away_while_the_page_is_open_imports_nothing()
    {
        var district = await World.DistrictAsync();
        var editor = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.Editor);
        await SignInAsync(editor);
        var page = Open<DistrictImportPage>(DistrictImportPage.Path);
        await using (var scope = World.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.RemoveFromRoleAsync((await users.FindByIdAsync(editor.Id))!, Roles.Editor);
        }

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText($"{Header}\n{district.Code},2025,3-5,10\n", "population.csv"));

        await EventuallyAsync(() => Snackbars.Should().Contain("You may no longer do this"));
        await using var db = World.NewDb();
        (await db.DistrictPopulations.CountAsync(p => p.DistrictId == district.Id)).Should().Be(0);
    }

    private Task<PopulationImportResult> ImportAsync(string csv) => ImportAsync(Encoding.UTF8.GetBytes(csv));

    private async Task<PopulationImportResult> ImportAsync(byte[] file)
    {
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        await using var db = await World.DbForAsync(editor);
        return await new DistrictPopulationImporter(db).ImportAsync(editor, file, default);
    }

    /// <summary>Each problem as the editor reads it in English: the line (none for the file as a whole) and the message.</summary>
    private List<(string Line, string Message)> Messages(PopulationImportResult result)
    {
        var t = World.English;
        return result.Problems.Select(p => (p.Line > 0 ? p.Line.ToString(CultureInfo.InvariantCulture) : "", t[p.Key, p.Values].Value)).ToList();
    }
}
