using System.Text;
using FamilyServices.Web.Features.Catalogue.Calendar;

namespace FamilyServices.Tests.Features.Catalogue.Calendar;

public class CalendarFileTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Events_are_written_in_utc_with_crlf_line_ends_and_escaped_text()
    {
        var text = CalendarFile.Write("Anne yanı sınıfları; İzmit, Kocaeli", [new CalendarEntry(
            "session-1@example.org", new DateTime(2026, 11, 24, 6, 30, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 8, 30, 0, DateTimeKind.Utc),
            "Drama; rol, oyun", "Line one\nLine two", "Anne Şehir İzmit, Ahmet Yesevi Cad. No: 12", "https://example.org/p", Cancelled: false)], Now);

        text.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "every line ends in CRLF");
        Unfold(text).Should().Contain("DTSTART:20261124T063000Z").And.Contain("DTEND:20261124T083000Z")
            .And.Contain(@"SUMMARY:Drama\; rol\, oyun").And.Contain(@"DESCRIPTION:Line one\nLine two")
            .And.Contain("STATUS:CONFIRMED");
        Unfold(text).Should().Contain("VERSION:2.0").And.Contain("PRODID:-//FamilyServices//Programme calendar//EN").And.Contain("METHOD:PUBLISH")
            .And.Contain(@"X-WR-CALNAME:Anne yanı sınıfları\; İzmit\, Kocaeli").And.Contain("UID:session-1@example.org")
            .And.Contain("DTSTAMP:20261122T090000Z").And.Contain(@"LOCATION:Anne Şehir İzmit\, Ahmet Yesevi Cad. No: 12")
            .And.Contain("URL:https://example.org/p");
    }

    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_a_letter()
    {
        var title = string.Concat(Enumerable.Repeat("Çocuk atölyesi ş ğ ü ", 10));

        var text = CalendarFile.Write("x", [new CalendarEntry("u", Now, Now.AddHours(1), title, null, null, null, Cancelled: true)], Now);

        var lines = text.Split("\r\n");
        lines.Should().OnlyContain(line => Encoding.UTF8.GetByteCount(line) <= 75);
        lines.Should().Contain(line => line.StartsWith(' '), "the summary is long enough to be folded");
        Unfold(text).Should().Contain("SUMMARY:" + title).And.Contain("STATUS:CANCELLED");
    }

    private static string Unfold(string text) => text.Replace("\r\n ", "", StringComparison.Ordinal);
}
