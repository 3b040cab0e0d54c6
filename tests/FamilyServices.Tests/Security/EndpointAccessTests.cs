using System.Text;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Security;

/// <summary>
/// Walks every endpoint the portal maps with every kind of principal and compares what happens with the table in
/// docs/security.md, so the document cannot drift from the code. Pages and forms are requested with the principal's
/// sign-in cookie, /api endpoints with its API token. POSTs go without an antiforgery token, so "allow" on a POST row
/// means the access rules let it through to the antiforgery check (which then answers 400; see AntiforgeryTests).
/// The centre scope column is what the centre staff member of centre A gets for the same route pointing at centre B's
/// rows (session, child, offering, programme, centre); POSTs there carry a valid token and the fields of A's form,
/// and an empty 400 counts as denied (the framework found no such form on B's page for this user).
/// </summary>
public class EndpointAccessTests(SecurityFixture portal) : IClassFixture<SecurityFixture>
{
    public const string TableStart = "<!-- endpoint-access-table:start -->";
    public const string TableEnd = "<!-- endpoint-access-table:end -->";

    [Fact]
    public async Task Every_endpoint_answers_each_principal_as_docs_security_md_says()
    {
        var clients = new Dictionary<(string Principal, bool Bearer), HttpClient>();
        async Task<HttpClient> ClientFor(string principal, bool bearer)
        {
            if (!clients.TryGetValue((principal, bearer), out var client))
            {
                clients[(principal, bearer)] = client = await portal.ClientAsync(principal, bearer);
            }
            return client;
        }

        var unknown = new List<string>();
        var observed = new List<string>();
        foreach (var route in EndpointWalk.Routes(portal.Services))
        {
            var pathA = EndpointWalk.Fill(portal, route, portal.A, unknown);
            var pathB = EndpointWalk.Fill(portal, route, portal.B, []);
            var cells = new List<string>();
            foreach (var principal in SecurityFixture.Principals)
            {
                var client = await ClientFor(principal, bearer: route.IsApi && principal != "Anonymous");
                using var response = await EndpointWalk.SendAsync(client, route, pathA);
                cells.Add(EndpointWalk.Classify(response));
            }
            cells.Add(pathA == pathB ? EndpointWalk.NoScope : await OtherCentreAsync(await ClientFor(Roles.CentreStaff, route.IsApi), route, pathA, pathB));
            observed.Add(Row(route, cells));
        }

        var documented = DocumentedRows();
        var missing = observed.Except(documented).ToList();
        var stale = documented.Except(observed).ToList();
        var report = new StringBuilder();
        if (unknown.Count > 0)
        {
            report.AppendLine("The walk cannot fill these route parameters (add them to EndpointWalk.ValueFor): " + string.Join(", ", unknown.Distinct()));
        }
        if (missing.Count > 0 || stale.Count > 0)
        {
            report.AppendLine("docs/security.md does not match what the portal does.");
            report.AppendLine("Observed but not documented:").AppendJoin('\n', missing).AppendLine();
            report.AppendLine("Documented but not observed:").AppendJoin('\n', stale).AppendLine();
            report.AppendLine().AppendLine("After checking that every difference is intended, replace the table in docs/security.md with:").AppendLine();
            report.AppendLine(Table(observed));
        }
        if (report.Length > 0) Assert.Fail(report.ToString());
    }

    /// <summary>CentreStaff of centre A on centre B's rows. A POST carries a valid token and A's form, as an attacker's would.</summary>
    private static async Task<string> OtherCentreAsync(HttpClient staffOfA, EndpointWalk.Route route, string pathA, string pathB)
    {
        if (route.Method == "GET" || route.IsApi)
        {
            using var response = await EndpointWalk.SendAsync(staffOfA, route, pathB);
            return EndpointWalk.Classify(response);
        }
        var pageOfA = await EndpointWalk.PageAsync(staffOfA, pathA);
        var fields = pageOfA is null ? null : EndpointWalk.PostForms(pageOfA, pathA).FirstOrDefault();
        fields ??= [new("_handler", "walk"), new("status", nameof(AttendanceStatus.Present))];
        var tokenPage = pageOfA ?? await EndpointWalk.PageAsync(staffOfA, "/staff/today");
        fields.Add(new("__RequestVerificationToken", EndpointWalk.TokenOf(tokenPage!)));
        using var post = await EndpointWalk.SendAsync(staffOfA, route, pathB, fields);
        // With a valid token, an empty 400 is the framework refusing a form the page did not render for this user
        // (B's page shows nothing of B to A's staff); a page that handled the form and found a mistake shows it.
        if (post.StatusCode == System.Net.HttpStatusCode.BadRequest && (await post.Content.ReadAsStringAsync()).Length == 0) return EndpointWalk.Denied;
        return EndpointWalk.Classify(post);
    }

    private static string Row(EndpointWalk.Route route, IEnumerable<string> cells) =>
        $"| `{route.Pattern}` | {route.Method} | {string.Join(" | ", cells)} |";

    public static string Table(IEnumerable<string> rows) =>
        $"{TableStart}\n| Endpoint | Method | {string.Join(" | ", SecurityFixture.Principals)} | Centre scope |\n"
        + $"|---|---|{string.Concat(Enumerable.Repeat("---|", SecurityFixture.Principals.Length + 1))}\n"
        + string.Join('\n', rows) + $"\n{TableEnd}";

    /// <summary>The rows of the table between the markers in docs/security.md, as written.</summary>
    private static List<string> DocumentedRows()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));
        var start = text.IndexOf(TableStart, StringComparison.Ordinal);
        var end = text.IndexOf(TableEnd, StringComparison.Ordinal);
        if (start < 0 || end < start) return [];
        return text[start..end].Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FamilyServices.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"FamilyServices.sln not found above {AppContext.BaseDirectory}.");
    }
}
