using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Security;

/// <summary>
/// Walks every endpoint the portal maps with every kind of principal and compares what happens with the table in
/// docs/security.md, so the document cannot drift from the code. Pages and forms are requested with the principal's
/// sign-in cookie, /api endpoints with its API token. POSTs to static pages go without an antiforgery token, so
/// "allow" on such a row means the access rules let it through to the antiforgery check (which then answers 400; see
/// AntiforgeryTests). Pages of the interactive staff area answer a GET with their frame only ("frame"); a POST to them
/// carries the principal's valid token, and "400" says the portal refused it (there is no form to post to: their
/// actions are handlers over the circuit; <see cref="A_post_with_a_valid_token_to_an_interactive_page_is_refused_and_changes_nothing"/>).
/// The centre scope column is what the centre staff member of centre A gets for the same route pointing at centre B's
/// rows (session, child, offering, programme, centre); static POSTs there carry a valid token and the fields of A's
/// form, and an empty 400 counts as denied (the framework found no such form on B's page for this user). For
/// interactive pages that column shows only the door (the frame); who may see and change which centre's item is
/// decided in the circuit, and the second table of docs/security.md names the test that proves it for each route
/// (<see cref="Every_interactive_page_about_a_centres_item_names_the_tests_that_prove_its_scope_over_the_circuit"/>).
/// </summary>
public partial class EndpointAccessTests(SecurityFixture portal) : IClassFixture<SecurityFixture>
{
    public const string TableStart = "<!-- endpoint-access-table:start -->";
    public const string TableEnd = "<!-- endpoint-access-table:end -->";
    public const string CircuitTableStart = "<!-- circuit-scope-table:start -->";
    public const string CircuitTableEnd = "<!-- circuit-scope-table:end -->";

    /// <summary>What an interactive page answers a POST that passed authorisation and antiforgery: nothing to handle.</summary>
    public const string RefusedPost = "400";

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
                cells.Add(route.Interactive && route.Method == "POST"
                    ? await InteractivePostAsync(client, route, pathA)
                    : await EndpointWalk.ClassifyAsync(await EndpointWalk.SendAsync(client, route, pathA)));
            }
            cells.Add(pathA == pathB ? EndpointWalk.NoScope : await OtherCentreAsync(await ClientFor(Roles.CentreStaff, route.IsApi), route, pathA, pathB));
            observed.Add(Row(route, cells));
        }

        var documented = DocumentedRows(TableStart, TableEnd);
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

    [Fact]
    public async Task A_post_with_a_valid_token_to_an_interactive_page_is_refused_and_changes_nothing()
    {
        var posts = EndpointWalk.Routes(portal.Services).Where(r => r.Interactive && r.Method == "POST").ToList();
        posts.Should().Contain(r => r.Pattern == "/staff/sessions/{SessionId:long}", "the walk finds the interactive pages");
        var clients = new Dictionary<string, HttpClient>();
        foreach (var principal in SecurityFixture.Principals) clients[principal] = await portal.ClientAsync(principal);
        // The tokens first: reading a page may write (nothing does on the home page, but the snapshot should not depend on it).
        var tokens = new Dictionary<string, string>();
        foreach (var (principal, client) in clients) tokens[principal] = await EndpointWalk.TokenAsync(client);
        var before = await EndpointWalk.SnapshotAsync(portal.ConnectionString);

        var handled = new List<string>();
        foreach (var route in posts)
        {
            foreach (var data in new[] { portal.A, portal.B })
            {
                var path = EndpointWalk.Fill(portal, route, data, []);
                foreach (var (principal, client) in clients)
                {
                    // What a form on the page would have sent before the page became interactive (the roster's marks among them).
                    using var response = await EndpointWalk.SendAsync(client, route, path,
                    [
                        new("__RequestVerificationToken", tokens[principal]), new("_handler", "roster"), new("status", nameof(AttendanceStatus.Present)),
                        new($"mark-{data.Child.Id}", nameof(AttendanceStatus.Present)), new("code", data.Child.Code), new("reason", "walk"),
                    ]);
                    var code = (int)response.StatusCode;
                    var outcome = EndpointWalk.Classify(response);
                    if (outcome == EndpointWalk.Denied || code is >= 400 and < 500) continue;
                    handled.Add($"{principal}: POST {path} answered {code} {response.Headers.Location}");
                }
            }
        }

        handled.Should().BeEmpty("an interactive page has no form: its actions are handlers over the circuit");
        (await EndpointWalk.SnapshotAsync(portal.ConnectionString)).Should().Equal(before, "nothing may change by a post to an interactive page");
    }

    [Fact]
    public async Task Every_interactive_page_about_a_centres_item_names_the_tests_that_prove_its_scope_over_the_circuit()
    {
        using var staffOfA = await portal.ClientAsync(Roles.CentreStaff);
        var needed = new List<string>();
        foreach (var route in EndpointWalk.Routes(portal.Services).Where(r => r.Interactive && r.Method == "GET"))
        {
            var pathA = EndpointWalk.Fill(portal, route, portal.A, []);
            if (pathA == EndpointWalk.Fill(portal, route, portal.B, [])) continue;
            // Pages centre staff may open at all: the circuit decides which centre's item they see.
            if (await EndpointWalk.ClassifyAsync(await EndpointWalk.SendAsync(staffOfA, route, pathA)) == EndpointWalk.Frame) needed.Add(route.Pattern);
        }
        needed.Should().Contain("/staff/sessions/{SessionId:long}");

        var rows = DocumentedRows(CircuitTableStart, CircuitTableEnd)
            .Select(row => row.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1].Trim('`'), cells => (Scope: TestsNamedIn(cells[2]), LostRight: TestsNamedIn(cells[3]),
                ReadOnly: cells[3].StartsWith(NoHandlers, StringComparison.Ordinal)));
        var tests = typeof(EndpointAccessTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>().Any()).Select(m => $"{t.FullName}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);

        rows.Keys.Should().BeEquivalentTo(needed, "docs/security.md names the circuit's scope tests for each interactive page about a centre's item, and no other");
        foreach (var (route, named) in rows)
        {
            named.Scope.Should().NotBeEmpty($"{route}: which test shows that staff of centre B are refused centre A's item over the circuit?");
            if (!named.ReadOnly) named.LostRight.Should().NotBeEmpty($"{route}: which test shows that an account that lost the right changes nothing?");
            foreach (var test in named.Scope.Concat(named.LostRight))
            {
                tests.Should().Contain("FamilyServices.Tests." + test, $"docs/security.md names it for {route}");
            }
        }
    }

    /// <summary>How the circuit table says that a page only reads, once, when it opens: it has no handler that could act on a lost right.</summary>
    private const string NoHandlers = "no handlers";

    /// <summary>The tests a cell of the circuit table names, as <c>`Namespace.Class.Method`</c> below FamilyServices.Tests.</summary>
    private static List<string> TestsNamedIn(string cell) =>
        TestNameRegex().Matches(cell).Select(m => m.Groups["name"].Value).ToList();

    [GeneratedRegex(@"`(?<name>[A-Za-z_][\w.]*\.[A-Za-z_]\w*)`")]
    private static partial Regex TestNameRegex();

    /// <summary>A POST to an interactive page, as a form would send it: with the principal's valid token, so only the page's own answer counts.</summary>
    private static async Task<string> InteractivePostAsync(HttpClient client, EndpointWalk.Route route, string path)
    {
        using var response = await EndpointWalk.SendAsync(client, route, path,
            [new("__RequestVerificationToken", await EndpointWalk.TokenAsync(client)), new("_handler", "walk"), new("walk", "1")]);
        var outcome = EndpointWalk.Classify(response);
        return outcome == EndpointWalk.Allowed && response.StatusCode == System.Net.HttpStatusCode.BadRequest ? RefusedPost : outcome;
    }

    /// <summary>CentreStaff of centre A on centre B's rows. A POST carries a valid token and A's form, as an attacker's would.</summary>
    private static async Task<string> OtherCentreAsync(HttpClient staffOfA, EndpointWalk.Route route, string pathA, string pathB)
    {
        if (route.Method == "GET" || route.IsApi)
        {
            using var response = await EndpointWalk.SendAsync(staffOfA, route, pathB);
            return await EndpointWalk.ClassifyAsync(response);
        }
        if (route.Interactive) return await InteractivePostAsync(staffOfA, route, pathB);
        var pageOfA = await EndpointWalk.PageAsync(staffOfA, pathA);
        var fields = pageOfA is null ? null : EndpointWalk.PostForms(pageOfA, pathA).FirstOrDefault();
        fields ??= [new("_handler", "walk"), new("status", nameof(AttendanceStatus.Present))];
        fields.Add(new("__RequestVerificationToken", pageOfA is null ? await EndpointWalk.TokenAsync(staffOfA) : EndpointWalk.TokenOf(pageOfA)));
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

    /// <summary>The rows of a table between two markers in docs/security.md, as written.</summary>
    private static List<string> DocumentedRows(string startMarker, string endMarker)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "security.md"));
        var start = text.IndexOf(startMarker, StringComparison.Ordinal);
        var end = text.IndexOf(endMarker, StringComparison.Ordinal);
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
