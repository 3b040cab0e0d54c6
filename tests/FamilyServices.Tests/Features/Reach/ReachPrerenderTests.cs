using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The dashboard's first answer, as plain HTTP (decision 0022): prerendered with its key figures for an official, after
/// the same checks as every other request, and with nothing of the figures for anyone else. What the prerendering read
/// travels to the circuit in the page; <see cref="PrerenderedReachViewSerializer"/> must carry it there unchanged.
/// </summary>
public sealed class ReachPrerenderTests(ReachPagesFixture world) : IClassFixture<ReachPagesFixture>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData("year=2025&groupBy=programme")]
    [InlineData("year=2024&period=school&groupBy=district")]
    public async Task An_officials_first_answer_holds_the_key_figures_the_API_gives(string query)
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync($"/officials/reach?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        var api = await ApiAsync(query);
        Figure(page, "distinct-children").Should().Be(Number(api.GetProperty("distinctChildren").GetInt32()));
        Figure(page, "participations").Should().Be(Number(api.GetProperty("participations").GetInt32()));
        var oracle = await OracleChildrenAsync(query.Contains("school", StringComparison.Ordinal) ? "School" : "Calendar", int.Parse(query[5..9], CultureInfo.InvariantCulture));
        Figure(page, "distinct-children").Should().Be(Number(oracle), "the API and the page agree with the attendance table");
        page.DocumentNode.SelectNodes("//table[@id='breakdown-table']").Should().ContainSingle("the whole dashboard is prerendered, not only its key figures");
        page.DocumentNode.SelectNodes("//main[@data-circuit='starting']").Should().ContainSingle("the circuit has yet to take the page over");
        var html = await response.Content.ReadAsStringAsync();
        var state = html[html.IndexOf("<!--Blazor-Server-Component-State:", StringComparison.Ordinal)..];
        state.IndexOf("-->", StringComparison.Ordinal).Should().BeLessThan(24 * 1024, "the browser sends the state back in one SignalR message of at most 32 KB");
    }

    [Fact]
    public async Task The_prerendered_answer_keeps_the_staff_areas_CSP_no_store_and_needs_no_inline_script()
    {
        using var client = await world.ClientAsync(world.Official);

        var response = await client.GetAsync("/officials/reach?year=2025");

        response.Headers.CacheControl!.NoStore.Should().BeTrue("a signed-in answer with exact figures must not stay in a cache");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        policy.Should().Be(SecurityHeaders.InteractiveContentSecurityPolicyFor(world.Services.GetRequiredService<IConfiguration>()["Portal:Map:TileUrl"]));
        policy.Should().Contain("script-src 'self';");
        var page = await Html.ParseAsync(response);
        var scripts = page.DocumentNode.SelectNodes("//script") ?? Enumerable.Empty<HtmlNode>();
        scripts.Should().NotBeEmpty().And.OnlyContain(s => s.GetAttributeValue("src", "") != "" && s.InnerHtml.Trim() == "",
            "script-src 'self' runs no inline script: the persisted state is an HTML comment");
        page.DocumentNode.SelectNodes("//*[@onclick or @onload or @onerror]").Should().BeNull();
    }

    [Fact]
    public async Task The_menus_show_as_disabled_until_the_circuit_runs()
    {
        using var client = await world.ClientAsync(world.Official);

        var page = await Html.ParseAsync(await client.GetAsync("/officials/reach?year=2025"));

        foreach (var id in new[] { "reach-year", "reach-period", "reach-group-by", "reach-from", "reach-to" })
        {
            page.Find($"//input[@id='{id}']").Attributes.Contains("disabled").Should().BeTrue(id);
        }
        page.Find("//button[@id='reach-show-span']").Attributes.Contains("disabled").Should().BeTrue();
        page.Find("//a[@id='reach-print-link']").GetAttributeValue("href", "").Should().StartWith("/officials/reach/print", "a plain link works before the circuit does");
    }

    [Fact]
    public async Task Anonymous_visitors_and_centre_staff_get_no_figures()
    {
        using var anonymous = await world.ClientAsync(null);
        using var staff = await world.ClientAsync(world.StaffA);

        foreach (var client in new[] { anonymous, staff })
        {
            var response = await client.GetAsync("/officials/reach?year=2025");

            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            await NoFiguresAsync(response);
            var next = await client.GetAsync(response.Headers.Location);
            await NoFiguresAsync(next);
        }
    }

    [Fact]
    public async Task An_official_who_gave_the_password_but_not_yet_the_code_gets_no_figures()
    {
        var official = await world.AccountAsync($"official.{Guid.NewGuid():N}@example.org", Roles.Official);
        await using (var scope = world.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(official.Id))!;
            (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.Should().BeTrue();
            (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.Should().BeTrue();
        }
        using var client = await world.ClientAsync(official);

        var response = await client.GetAsync("/officials/reach?year=2025");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
        await NoFiguresAsync(response);
    }

    [Fact]
    public async Task What_the_prerendering_read_reaches_the_circuit_unchanged()
    {
        await using var scope = world.Scope();
        var services = scope.ServiceProvider;
        await using var db = world.NewDb();
        var view = await ReachView.LoadAsync(await world.PrincipalAsync(world.Official), "?year=2025&groupBy=district&from=2024&to=2025", db,
            services.GetRequiredService<CurrentCity>(), services.GetRequiredService<IStringLocalizer<Text>>(), threshold: 5, thisYear: 2026);
        var serializer = new PrerenderedReachViewSerializer();

        var persisted = Persist(serializer, new PrerenderedReachView("?year=2025", view!));
        var restored = serializer.Restore(new ReadOnlySequence<byte>(persisted));

        restored.Address.Should().Be("?year=2025");
        Persist(serializer, restored).Should().Equal(persisted, "nothing is lost or changed on the way");
        persisted.Length.Should().BeLessThan(PrerenderedReachViewSerializer.MaxCompressedBytes);
        var (figures, back) = (view!.Figures!, restored.View!.Figures!);
        (figures.Equity.FocusAreas.Population + figures.Equity.OtherAreas.Population).Should().BeGreaterThan(0,
            "the test needs figures that a lost value tuple would turn into zeros");
        back.Equity.FocusAreas.Should().Be(figures.Equity.FocusAreas);
        back.Equity.OtherAreas.Should().Be(figures.Equity.OtherAreas);
        back.Report.Totals.DistinctChildren.Should().Be(figures.Report.Totals.DistinctChildren);
        back.Cumulative!.Rows.Should().HaveCount(figures.Cumulative!.Rows.Count);
    }

    [Fact]
    public void A_view_too_large_for_the_circuits_first_message_is_not_carried_and_the_circuit_reads_it_itself()
    {
        var serializer = new PrerenderedReachViewSerializer();
        var incompressible = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(PrerenderedReachViewSerializer.MaxCompressedBytes));
        var view = new ReachView(new ReachQuery(ReachPeriodKind.Calendar, 2025, ReachDimensions.ProgrammeType), [incompressible], [2025], 2025, 2025, 5, "UTC", null);

        var persisted = Persist(serializer, new PrerenderedReachView("?year=2025", view));

        persisted.Should().BeEmpty();
        serializer.Restore(new ReadOnlySequence<byte>(persisted)).Should().Be(PrerenderedReachView.None);
    }

    private static byte[] Persist(PrerenderedReachViewSerializer serializer, PrerenderedReachView value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        serializer.Persist(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task NoFiguresAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        // Every page carries a protected state comment (antiforgery, sign-in), so the marks of the figures are checked.
        html.Should().NotContain("distinct-children").And.NotContain("key-figures").And.NotContain("breakdown-table");
    }

    private static string Figure(HtmlDocument page, string id) => page.Find($"//dd[@id='{id}']").Text();

    private static string Number(int count) => count.ToString("N0", English);

    /// <summary>The officials' API answer for the same query, with a token of the same official.</summary>
    private async Task<JsonElement> ApiAsync(string query)
    {
        string token;
        await using (var scope = world.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(world.Official.Id))!;
            token = (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "prerender tests", 1)).Token;
        }
        using var client = world.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/reach?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<int> OracleChildrenAsync(string kind, int year)
    {
        var row = (await world.RowsAsync(ReachOracle.Periods)).Single(r => r.StartsWith($"{kind}|{year}|", StringComparison.Ordinal));
        return int.Parse(row.Split('|')[2], CultureInfo.InvariantCulture);
    }
}
