using System.Net;
using HtmlAgilityPack;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// Every query parameter and route value that pages and APIs read, given hostile values: never a 5xx, API refusals as
/// problem details, and nothing of the input in a page unescaped.
/// </summary>
public sealed class QueryFuzzTests(BadInputFixture portal) : IClassFixture<BadInputFixture>
{
    private static readonly string[] Payloads =
    [
        "<script>fsXss()</script>",
        "\"><fs-xss>",
        "' data-fs-xss='1",
        "'; DROP TABLE programmes; --",
        "=HYPERLINK(\"https://evil.example\",\"x\")",
        "a\u0000b",
        "\u202E\uFEFF",
        "../../../../etc/passwd",
        "%00%ff",
        new string('9', 5_000),
        "-2147483649",
        "1e309",
        "NaN",
        "2025-13-45",
        "//evil.example/",
    ];

    public static TheoryData<string, string, string> Targets => new()
    {
        // account, path, parameters read by it (comma separated); {value} in the path is a route value to try.
        { "", "/search", "q,near,postcode,where,radiusKm,ageMonths,age,birth,category,day,time,free,language,online,district,access,thisWeek,page,pageSize,sort" },
        { "", "/api/v1/programmes", "q,near,postcode,where,radiusKm,ageMonths,age,birth,category,day,time,free,language,online,district,access,thisWeek,page,pageSize" },
        { "", "/api/v1/offerings", "page,pageSize" },
        { "", "/api/v1/centres", "page,pageSize" },
        { "", "/api/v1/open/reach", "year,period,groupBy,from,to,programmeType,centre" },
        { "", "/report", "programme,centre" },
        { "", "/account/sign-in", "ReturnUrl" },
        { "", "/programmes/{value}", "" },
        { "", "/centres/{value}", "" },
        { "", "/calendar/offerings/{value}.ics", "" },
        { BadInputFixture.StaffKey, "/staff/today", "date" },
        { BadInputFixture.StaffKey, "/staff/sessions/{session}", "saved,added,removed,problem,status" },
        { BadInputFixture.EditorKey, "/editor/programmes", "q,state,sort,page,category" },
        { BadInputFixture.EditorKey, "/editor/reports", "show,done" },
        { BadInputFixture.OfficialKey, "/officials/reach", "year,period,groupBy,from,to,programmeType,centre" },
        { BadInputFixture.OfficialKey, "/officials/reach/export.csv", "year,period,groupBy,from,to,programmeType,centre" },
        { BadInputFixture.OfficialKey, "/officials/reach/print", "year,period,groupBy,from,to,programmeType,centre" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Hostile_query_and_route_values_get_an_answer_not_a_server_error_and_come_back_escaped(string account, string template, string parameters)
    {
        var client = await portal.ClientAsync(account);
        var path = template.Replace("{session}", portal.SessionA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var urls = new List<string>();
        foreach (var payload in Payloads)
        {
            var value = Uri.EscapeDataString(payload);
            // A NUL in a path never reaches the portal: Kestrel answers 400 itself (the in-memory test host throws instead).
            if (path.Contains("{value}", StringComparison.Ordinal) && !payload.Contains('\0', StringComparison.Ordinal))
            {
                urls.Add(path.Replace("{value}", value, StringComparison.Ordinal));
            }
            foreach (var parameter in parameters.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                urls.Add($"{path}?{parameter}={value}");
            }
        }
        urls.Should().NotBeEmpty();

        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            ((int)response.StatusCode).Should().BeLessThan(500, $"GET {Show(url)} must not break the portal");
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (url.StartsWith("/api/", StringComparison.Ordinal) && (int)response.StatusCode >= 400 && response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                type.Should().Be("application/problem+json", $"GET {Show(url)} is refused with problem details");
            }
            if (type == "text/html")
            {
                body.Should().NotContainEquivalentOf("<fs-xss", $"GET {Show(url)} shows the value escaped");
                body.Should().NotContainEquivalentOf("<script>fsXss", $"GET {Show(url)} shows the value escaped");
                var document = new HtmlDocument();
                document.LoadHtml(body);
                document.DocumentNode.Descendants().SelectMany(n => n.Attributes).Should()
                    .NotContain(a => a.Name.Contains("fs-xss"), $"GET {Show(url)} adds no attribute");
            }
            if (response.Headers.Location is { } location)
            {
                (location.IsAbsoluteUri ? location.Host : "localhost").Should().NotBe("evil.example", $"GET {Show(url)} never redirects off the portal");
                location.OriginalString.Should().NotStartWith("//", $"GET {Show(url)} never redirects off the portal");
            }
        }
    }

    private static string Show(string url) => url.Length > 120 ? url[..120] + "…" : url;
}
