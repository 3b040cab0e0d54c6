using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.Feedback;

/// <summary>The report form accepts a few posts per hour and address (here two); showing it is never limited.</summary>
public class ReportRateLimitTests(TightReportLimitFixture portal) : IClassFixture<TightReportLimitFixture>
{
    [Fact]
    public async Task Too_many_reports_from_one_address_get_a_429_with_a_clear_message_and_are_not_stored()
    {
        Programme programme;
        await using (var db = portal.NewDb())
        {
            programme = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Published, ("de", "Babyschwimmen"));
        }
        using var visitor = await portal.ClientAsync(language: "de");
        var path = $"/report?programme={programme.Slug}";

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            var form = await Html.ParseAsync(await visitor.GetAsync(path));
            last = await ReportFormTests.SendAsync(visitor, path, form, "Other", $"Bericht Nummer {i}: bitte prüfen.");
            statuses.Add(last.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests);
        (await last.Content.ReadAsStringAsync()).Should()
            .Be("Von Ihrer Verbindung wurden in der letzten Stunde viele Meldungen gesendet. Bitte versuchen Sie es später noch einmal.");
        last.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.FromMinutes(1), "the allowance comes back within the hour");
        (await visitor.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, "reading the form is not limited");
        await using var check = portal.NewDb();
        (await check.EntryReports.CountAsync(r => r.ProgrammeId == programme.Id)).Should().Be(2);
    }
}
