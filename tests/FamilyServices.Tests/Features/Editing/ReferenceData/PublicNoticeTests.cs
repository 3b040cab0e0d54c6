using System.Net;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Catalogue;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using HtmlAgilityPack;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// A centre's temporary closure (set with the centre editor's rules) and an offering's cancellation note are shown on
/// the public pages up to and including their last day, in the city's local date, and are gone the next morning
/// without anyone doing anything (Domain/PublicNotice).
/// </summary>
public class PublicNoticeTests(ReferenceDataFixture portal) : IClassFixture<ReferenceDataFixture>
{
    [Fact]
    public async Task A_closure_set_by_an_editor_shows_on_the_centre_and_programme_pages_until_its_day_and_is_gone_the_day_after()
    {
        portal.Clock.Now = ThisMinute();
        var (centre, programme) = await CentreWithProgrammeAsync();
        var lastDay = LocalToday().AddDays(10);
        var editor = await portal.PrincipalAsync(EditingPortalFixture.Editor);
        CentreForm form;
        await using (var read = portal.NewDb())
        {
            form = CentreForm.From((await CentreEditor.FindAsync(read, editor, centre.Id))!);
        }
        form.Status = nameof(CentreStatus.TemporarilyClosed);
        form.StatusReason = "Renovierung der Räume";
        form.ClosedUntil = lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = await portal.DbForAsync(editor))
        {
            (await CentreEditor.SaveAsync(db, editor, centre.Id, form, portal.SaveContext())).Status.Should().Be(ReferenceSaveStatus.Saved);
        }
        using var visitor = await portal.ClientAsync(language: "de");

        portal.Clock.Now = ReferenceDataFixture.BerlinTime(lastDay, 23, 30);
        var centreOnLastDay = await PageAsync(visitor, CentrePage.PathFor(centre.Code));
        var programmeOnLastDay = await PageAsync(visitor, ProgrammePage.PathFor(programme.Slug));

        centreOnLastDay.Find("//p[contains(@class,'status--closed')]").Text()
            .Should().Be($"Vorübergehend geschlossen bis {lastDay:dd.MM.yyyy}: Renovierung der Räume");
        programmeOnLastDay.Find("//p[contains(@class,'status--closed')]").Text()
            .Should().Be($"Vorübergehend geschlossen bis {lastDay:dd.MM.yyyy}: Renovierung der Räume");

        // Half past midnight in Berlin is still the last day in UTC: the city's date counts.
        portal.Clock.Now = ReferenceDataFixture.BerlinTime(lastDay.AddDays(1), 0, 30);
        DateOnly.FromDateTime(portal.Clock.Now.UtcDateTime).Should().Be(lastDay);
        var centreNextDay = await PageAsync(visitor, CentrePage.PathFor(centre.Code));
        var programmeNextDay = await PageAsync(visitor, ProgrammePage.PathFor(programme.Slug));

        centreNextDay.DocumentNode.SelectSingleNode("//p[contains(@class,'status--closed')]").Should().BeNull();
        centreNextDay.DocumentNode.InnerText.Should().NotContain("Renovierung");
        programmeNextDay.DocumentNode.SelectSingleNode("//p[contains(@class,'status--closed')]").Should().BeNull();
        programmeNextDay.DocumentNode.InnerText.Should().NotContain("Renovierung");
    }

    [Fact]
    public async Task A_cancelled_offerings_note_shows_until_its_notice_date()
    {
        portal.Clock.Now = ThisMinute();
        var (centre, programme) = await CentreWithProgrammeAsync();
        var lastDay = LocalToday().AddDays(5);
        await using (var db = portal.NewDb())
        {
            var offering = await new TestCatalogue(db).OfferingAsync(programme, centre, PublicationState.Published, Running());
            offering.Status = OfferingStatus.Cancelled;
            offering.StatusNote = "Die Kursleiterin ist erkrankt.";
            offering.NoticeUntil = lastDay;
            await db.SaveChangesAsync();
        }
        using var visitor = await portal.ClientAsync(language: "de");

        portal.Clock.Now = ReferenceDataFixture.BerlinTime(lastDay, 22, 0);
        var onLastDay = await PageAsync(visitor, ProgrammePage.PathFor(programme.Slug));
        portal.Clock.Now = ReferenceDataFixture.BerlinTime(lastDay.AddDays(1), 0, 15);
        var nextDay = await PageAsync(visitor, ProgrammePage.PathFor(programme.Slug));

        onLastDay.Find("//p[contains(@class,'status--cancelled')]").Text().Should().Contain("Die Kursleiterin ist erkrankt.");
        nextDay.Find("//p[contains(@class,'status--cancelled')]").Text().Should().NotContain("erkrankt", "the note is gone; the offering is still marked as cancelled");
    }

    private static DateTimeOffset ThisMinute()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    private static DateOnly LocalToday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, ReferenceDataFixture.Berlin));

    private static Schedule Running()
    {
        var today = LocalToday();
        return Schedule.Weekly(today.AddDays(-7), today.AddDays(60), Weekdays.Tuesday, new TimeOnly(15, 0), new TimeOnly(16, 0));
    }

    private async Task<(Centre Centre, Programme Programme)> CentreWithProgrammeAsync()
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        var centre = await catalogue.CentreAsync();
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Kinderturnen ")));
        await catalogue.OfferingAsync(programme, centre, PublicationState.Published, Running());
        return (centre, programme);
    }

    private static async Task<HtmlDocument> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, path);
        return await Html.ParseAsync(response);
    }
}
