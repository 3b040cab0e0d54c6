using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Attendance.Import;

/// <summary>The upload page as its circuit runs it: the file arrives over the circuit, the importer answers, every error is listed by line.</summary>
public sealed class ImportPageTests(ImportFixture world) : InteractivePageTest(world), IClassFixture<ImportFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private ImportFixture Fixture => (ImportFixture)World;

    private IRenderedComponent<ImportPage> Upload(string csv)
    {
        var page = Render<ImportPage>();
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "attendance.csv", contentType: "text/csv"));
        page.WaitForAssertion(() => page.Find("#chosen-file").TextContent.Should().StartWith("Chosen: attendance.csv"), Wait);
        page.Find("#import-submit").Click();
        page.WaitForAssertion(() => page.FindAll("#import-done, #import-failed, #import-problem").Should().NotBeEmpty(), Wait);
        return page;
    }

    private static List<(string Line, string Problem)> ErrorRows(IRenderedComponent<ImportPage> page) =>
        page.FindAll(".import-errors tbody tr").Select(tr => (tr.Children[0].TextContent.Trim(), tr.Children[1].TextContent.Trim())).ToList();

    [Fact]
    public async Task A_good_file_is_imported_for_signed_in_staff()
    {
        await SignInAsync(World.StaffA);
        var offering = await Fixture.OfferingAsync();

        var page = Upload(ImportFixture.Csv(
            $"{offering.Code},2026-10-19,10:00,{Fixture.ChildrenA[4].Code},,,,present",
            $"{offering.Code},2026-10-19,10:00,{Fixture.ChildrenA[3].Code},,,,absent"));

        page.Find("#import-done").TextContent.Trim().Should().Be("Imported 2 rows: 1 new sessions and 0 new children.");
        await using var db = World.NewDb();
        (await db.Attendances.CountAsync(a => a.Session.OfferingId == offering.Id)).Should().Be(2);
        var entry = await db.AuditEvents.OrderByDescending(e => e.Id).FirstAsync();
        (entry.Action, entry.ActorId, entry.CentreId).Should().Be((AuditAction.AttendanceImported, World.StaffA.Id, World.CentreA.Id));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_its_line_numbered_problems_and_nothing_is_written()
    {
        await SignInAsync(World.StaffA);
        var offering = await Fixture.OfferingAsync();

        var page = Upload(ImportFixture.Csv($"{offering.Code},2026-10-19,10:00,{Fixture.ChildrenA[4].Code},,,,maybe"));

        page.Find("#import-failed").TextContent.Trim().Should().Be("Nothing was imported. Correct these lines and upload the file again:");
        page.Find("#import-errors-caption").TextContent.Should().Be("Lines to correct: 1. Problems: 1.");
        ErrorRows(page).Should().Equal(("2", "Status \"maybe\" must be present, absent or excused."));
        await using var db = World.NewDb();
        (await db.Sessions.CountAsync(s => s.OfferingId == offering.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Consecutive_lines_with_the_same_problem_are_one_row_with_their_range()
    {
        await SignInAsync(World.StaffA);
        var offering = await Fixture.OfferingAsync();

        var page = Upload(ImportFixture.Csv(
            $"NO-SUCH-OFFER,2026-10-19,10:00,{Fixture.ChildrenA[0].Code},,,,present",
            $"NO-SUCH-OFFER,2026-10-19,10:00,{Fixture.ChildrenA[1].Code},,,,present",
            $"NO-SUCH-OFFER,2026-10-19,10:00,{Fixture.ChildrenA[2].Code},,,,present",
            $"{offering.Code},2026-10-19,10:00,{Fixture.ChildrenA[3].Code},,,,late",
            $"NO-SUCH-OFFER,2026-10-19,10:00,{Fixture.ChildrenA[4].Code},,,,present"));

        ErrorRows(page).Should().Equal(
            ("2–4", "Unknown offering code \"NO-SUCH-OFFER\"."),
            ("5", "Status \"late\" must be present, absent or excused."),
            ("6", "Unknown offering code \"NO-SUCH-OFFER\"."));
        page.Find("#import-errors-caption").TextContent.Should().Be("Lines to correct: 5. Problems: 5.");
    }

    [Fact]
    public async Task Every_error_of_a_long_file_is_listed_a_page_at_a_time()
    {
        await SignInAsync(World.StaffA);
        var offering = await Fixture.OfferingAsync();

        var page = Upload(Fixture.ManyBadRows(offering.Code, 1_500));

        page.Find("#import-errors-caption").TextContent.Should().Be("Lines to correct: 1500. Problems: 1500.");
        ErrorRows(page).Should().HaveCount(50, "the first page of the list");
        ErrorRows(page)[0].Should().Be(("2", "Unknown offering code \"NO-SUCH-OFFER\"."));
        page.Find(".mud-table-pagination").TextContent.Replace(",", "", StringComparison.Ordinal).Should().Contain("of 1500", "the pager counts every row");
    }

    [Fact]
    public async Task An_account_deactivated_after_opening_the_page_imports_nothing()
    {
        var leaving = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.CentreStaff, World.CentreA);
        await SignInAsync(leaving);
        var offering = await Fixture.OfferingAsync();
        var page = Render<ImportPage>();
        await using (var db = World.NewDb())
        {
            (await db.Users.SingleAsync(u => u.Id == leaving.Id)).IsActive = false;
            await db.SaveChangesAsync();
        }
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            ImportFixture.Csv($"{offering.Code},2026-10-19,10:00,{Fixture.ChildrenA[4].Code},,,,present"), "attendance.csv"));

        page.WaitForElement("#import-submit").Click();

        page.WaitForAssertion(() => page.Find("#import-problem").TextContent.Should().StartWith("You can no longer import here"), Wait);
        await using var after = World.NewDb();
        (await after.Sessions.CountAsync(s => s.OfferingId == offering.Id)).Should().Be(0);
    }

    [Fact]
    public void The_list_groups_ranges_and_counts_lines_not_problems()
    {
        ImportError[] errors =
        [
            new(0, "The file is too large."), new(2, "a"), new(3, "a"), new(3, "b"), new(4, "b"), new(6, "b"),
        ];

        ImportErrorRows.Group(errors).Should().Equal(
            new ImportErrorRow("", "The file is too large."), new ImportErrorRow("2–3", "a"), new ImportErrorRow("3–4", "b"), new ImportErrorRow("6", "b"));
        ImportErrorRows.LinesWithErrors(errors).Should().Be(5);
        ImportUpload.IsTooLarge(AttendanceImporter.MaxBytes).Should().BeFalse();
        ImportUpload.IsTooLarge(AttendanceImporter.MaxBytes + 1).Should().BeTrue();
    }
}
