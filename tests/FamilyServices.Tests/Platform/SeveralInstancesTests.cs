using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Platform;

/// <summary>
/// Two portal instances on one database, as behind a load balancer that sends each request wherever it likes: what one
/// instance issues (a form's antiforgery token, a sign-in cookie) the other accepts, and the background jobs move to
/// the other instance when the one running them stops. nginx and the replica are exercised by scripts/cluster.sh.
/// </summary>
public sealed class SeveralInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan TakeOver = TimeSpan.FromSeconds(60);
    private static readonly Uri Origin = new("https://localhost");

    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(SeveralInstancesTests));
        await SharedDatabaseInstance.MigrateAsync(_connectionString);
    }

    public Task DisposeAsync() => TestPostgres.DropDatabaseAsync(_connectionString);

    [Fact]
    public async Task A_sign_in_form_from_one_instance_is_accepted_by_the_other_and_its_cookie_by_the_first()
    {
        await using var first = new SharedDatabaseInstance(_connectionString);
        await using var second = new SharedDatabaseInstance(_connectionString);
        var email = $"several-{Guid.NewGuid():N}@example.org";
        await TestAccounts.CreateAsync(first, email, Roles.CentreStaff);
        var cookies = new CookieContainer();
        using var toFirst = Client(first);
        using var toSecond = Client(second);

        var form = await toFirst.GetAsync("/account/sign-in");
        Keep(cookies, form);
        var token = (await Html.ParseAsync(form)).AntiforgeryToken();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password, ["__RequestVerificationToken"] = token, ["_handler"] = "sign-in",
            }),
        };
        post.Headers.Add("Cookie", cookies.GetCookieHeader(Origin));
        var signedIn = await toSecond.SendAsync(post);

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the second instance reads the first's antiforgery token and cookie");
        Keep(cookies, signedIn);
        using var account = new HttpRequestMessage(HttpMethod.Get, "/account");
        account.Headers.Add("Cookie", cookies.GetCookieHeader(Origin));
        (await toFirst.SendAsync(account)).StatusCode.Should().Be(HttpStatusCode.OK, "the first instance reads the second's sign-in cookie");
    }

    [Fact]
    public async Task The_background_jobs_move_to_the_other_instance_when_the_one_running_them_stops()
    {
        await using var first = new SharedDatabaseInstance(_connectionString, reachRefreshSeconds: 1);
        await using var second = new SharedDatabaseInstance(_connectionString, reachRefreshSeconds: 1);
        var firstLeadership = first.Services.GetRequiredService<JobLeadership>();
        await firstLeadership.WaitUntilLeadingAsync(CancellationToken.None).WaitAsync(TakeOver);
        var secondLeadership = second.Services.GetRequiredService<JobLeadership>();
        var secondLeads = secondLeadership.WaitUntilLeadingAsync(CancellationToken.None);
        secondLeadership.IsLeading.Should().BeFalse("the first instance holds the jobs' lock");

        await first.DisposeAsync();

        await secondLeads.WaitAsync(TakeOver);
        secondLeadership.IsLeading.Should().BeTrue();
    }

    /// <summary>No cookie handling of its own: the test carries cookies from one instance to the other.</summary>
    private static HttpClient Client(PortalFixture portal)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Origin });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    private static void Keep(CookieContainer cookies, HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values) cookies.SetCookies(Origin, value);
    }
}
