using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Reach;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>
/// The portal with the hand-made <see cref="ReachCity"/>, its reach figures refreshed once, and API tokens of an
/// official, an admin, an editor and a member of centre staff. The background refresh is off, so figures change only
/// when a test calls <see cref="RefreshAsync"/>.
/// </summary>
public class ReachFixture : PortalFixture, IAsyncLifetime
{
    public const string Password = "a long enough passphrase";

    public ReachCity City { get; protected set; } = null!;
    public string OfficialToken { get; private set; } = "";
    public string AdminToken { get; private set; } = "";
    public string EditorToken { get; private set; } = "";
    public string StaffToken { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "100000");
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await using (var db = NewDb()) City = await ReachCity.BuildAsync(db);
        await RefreshAsync();
        OfficialToken = await TokenForNewUserAsync("official@example.org", Roles.Official);
        AdminToken = await TokenForNewUserAsync("admin@example.org", Roles.Admin);
        EditorToken = await TokenForNewUserAsync("editor@example.org", Roles.Editor);
        StaffToken = await TokenForNewUserAsync("staff@example.org", Roles.CentreStaff, City.Centres["IZM"]);
    }

    public async Task<ReachRefreshResult> RefreshAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<ReachRefresher>().RefreshAsync();
    }

    public async Task<string> TokenForNewUserAsync(string email, string role, int? centreId = null)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = email };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        if (centreId is { } centre)
        {
            await using var db = NewDb();
            db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre });
            await db.SaveChangesAsync();
        }
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "reach tests", 30)).Token;
    }

    /// <summary>GET with an optional bearer token; the status and the body as JSON (Undefined when there is none).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string pathAndQuery, string? token = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return (response.StatusCode, body, response);
    }

    /// <summary>The officials' API answer for a query string, which must succeed.</summary>
    public Task<ReachAnswer> ExactAsync(string query) => AnswerAsync($"/api/v1/reach?{query}", OfficialToken);

    /// <summary>The public API's answer for a query string, which must succeed.</summary>
    public Task<ReachAnswer> PublicAsync(string query) => AnswerAsync($"/api/v1/open/reach?{query}", null);

    private async Task<ReachAnswer> AnswerAsync(string pathAndQuery, string? token)
    {
        var (status, body, _) = await GetAsync(pathAndQuery, token);
        status.Should().Be(HttpStatusCode.OK, "{0} must succeed, but answered {1}", pathAndQuery, body.ValueKind == JsonValueKind.Undefined ? "" : body.ToString());
        return body.Deserialize<ReachAnswer>(JsonOptions)!;
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task<long> ScalarAsync(string sql) => ReachSql.ScalarAsync(ConnectionString, sql);

    public Task ExecuteAsync(string sql) => ReachSql.ExecuteAsync(ConnectionString, sql);

    /// <summary>Rows of a query, each as its columns joined by '|', sorted: for comparing whole tables.</summary>
    public Task<List<string>> RowsAsync(string sql) => ReachSql.RowsAsync(ConnectionString, sql);
}

/// <summary>The same city, published with a threshold of 3 (Portal:Reach:SuppressBelow) instead of the default 5.</summary>
public sealed class ReachThresholdThreeFixture : ReachFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:SuppressBelow", "3");
    }
}

// The API's answer as the issue's contract describes it (read case-insensitively; ReachApiTests checks exact names).
public sealed record ReachAnswer(
    PeriodAnswer Period,
    string GroupBy,
    string? Scope,
    int? DistinctChildren,
    int? Participations,
    AnonymousAnswer AnonymousParticipations,
    int SessionsHeld,
    int ActiveOfferings,
    int CentresActive,
    List<GroupAnswer> Groups,
    int? SumOverGroups,
    bool TotalsSuppressed,
    int? SuppressionThreshold,
    CumulativeAnswer? Cumulative)
{
    public GroupAnswer Group(string key) => Groups.Should().ContainSingle(g => g.Key == key, "group {0} is expected", key).Subject;

    /// <summary>Distinct children per group key, for comparing a whole breakdown at once.</summary>
    public Dictionary<string, int?> Children => Groups.ToDictionary(g => g.Key, g => g.DistinctChildren);
}

public sealed record PeriodAnswer(string Kind, int Year, string Label, DateOnly From, DateOnly To);

public sealed record AnonymousAnswer(int? Children, int? Adults);

public sealed record GroupAnswer(string Key, string Label, int? DistinctChildren, int? Participations, int? SessionsHeld,
    int? ChildPopulation, double? ReachRate, bool Suppressed);

public sealed record CumulativeAnswer(int FromYear, int ToYear, List<YearAnswer> Years, int? SumOfYearlyDistinctChildren, int? DistinctChildren,
    bool Suppressed);

public sealed record YearAnswer(int Year, string Label, int? DistinctChildren, bool Suppressed);
