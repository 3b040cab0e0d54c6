using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FamilyServices.Tests.Features.Editing.Programmes;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Platform;

/// <summary>The editors' world with the output cache on, as a portal runs (the other fixtures turn it off).</summary>
public sealed class CachingEditorWorld : EditorWorld
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:OutputCache:Enabled", "true");
    }

    /// <summary>
    /// Waits until every catalogue change committed so far has reached the cache through the database notifications
    /// (the setup's own rows, written on a connection of the test's), so the next request starts from a known cache.
    /// </summary>
    public async Task SettleAsync()
    {
        var listener = Services.GetRequiredService<CatalogueChangeListener>();
        await listener.Listening.WaitAsync(TimeSpan.FromMinutes(2));
        var marker = $"settled-{Guid.NewGuid():N}";
        var handled = listener.Handled(marker);
        await using var db = NewDb();
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({CatalogueCacheEviction.Channel}, {marker})");
        await handled.WaitAsync(TimeSpan.FromMinutes(2));
    }
}

/// <summary>
/// Public answers are cached, compressed and revalidated (decision 0018), and nobody ever sees a stale or someone
/// else's answer: a publish shows on the next request, a signed-in page is never stored, each language has its own entry.
/// </summary>
public sealed class PublicCachingTests(CachingEditorWorld world) : IClassFixture<CachingEditorWorld>
{
    [Fact]
    public async Task A_publish_shows_on_the_next_request_and_an_archive_disappears_on_the_next_request()
    {
        var programme = await world.ProgrammeAsync(PublicationState.InReview, offeringState: PublicationState.Published);
        var title = programme.Texts.Single(t => t.Language == "en").Title;
        var search = $"/search?q={Uri.EscapeDataString(title)}";
        await world.SettleAsync();
        using var client = AnonymousClient("en");

        (await ShowsAsync(client, search, programme)).Should().BeFalse("the programme is still in review");
        using (var again = await client.GetAsync(search))
        {
            again.Headers.Age.Should().NotBeNull("the second request is answered from the output cache");
        }

        var admin = await world.PrincipalAsync(world.Admin);
        (await world.Programmes.TakeStepAsync(admin, programme.Id, WorkflowStep.Publish, await world.ProgrammeVersionAsync(programme.Id)))
            .Succeeded.Should().BeTrue();

        (await ShowsAsync(client, search, programme)).Should().BeTrue("the cache was emptied when the publish committed");
        (await client.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await world.Programmes.TakeStepAsync(admin, programme.Id, WorkflowStep.Archive, await world.ProgrammeVersionAsync(programme.Id)))
            .Succeeded.Should().BeTrue();

        (await ShowsAsync(client, search, programme)).Should().BeFalse("an archived programme is gone on the next request");
        (await client.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_change_written_by_another_process_reaches_the_cache_through_the_database()
    {
        var programme = await world.ProgrammeAsync(PublicationState.Published, offeringState: PublicationState.Published);
        var title = programme.Texts.Single(t => t.Language == "en").Title;
        var search = $"/search?q={Uri.EscapeDataString(title)}";
        await world.SettleAsync();
        using var client = AnonymousClient("en");
        (await ShowsAsync(client, search, programme)).Should().BeTrue();
        var offering = await OfferingCodeAsync(programme.Id);
        (await client.GetStringAsync("/api/v1/offerings?pageSize=500")).Should().Contain(offering);

        // As a verb, an import or psql would: plain SQL on a connection of its own, no Entity Framework of the portal's.
        await using (var db = world.NewDb())
        {
            await db.Database.ExecuteSqlAsync($"UPDATE offerings SET publication_state = 'Archived' WHERE programme_id = {programme.Id}");
            await db.Database.ExecuteSqlAsync($"UPDATE programmes SET publication_state = 'Archived' WHERE id = {programme.Id}");
        }
        await world.SettleAsync();

        (await ShowsAsync(client, search, programme)).Should().BeFalse();
        (await client.GetStringAsync("/api/v1/offerings?pageSize=500")).Should().NotContain(offering);
    }

    [Fact]
    public async Task A_signed_in_page_is_never_stored_nor_served_from_the_cache()
    {
        using var anonymous = AnonymousClient("en");
        using var signedIn = await world.ClientAsync(world.Editor);

        for (var i = 0; i < 2; i++)
        {
            using var response = await signedIn.GetAsync("/search");
            response.Headers.Age.Should().BeNull("a signed-in user's page never comes from the cache");
            // no-store, whoever says it last (the sign-in cookie's renewal and antiforgery both do): no cache keeps it.
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            response.Headers.CacheControl.Public.Should().BeFalse();
            (await response.Content.ReadAsStringAsync()).Should().Contain(Web.Features.Accounts.SignIn.SignOutEndpoint.Path, "the page shows the user's own sign-out form");
        }

        using var page = await anonymous.GetAsync("/search");
        (await page.Content.ReadAsStringAsync()).Should().NotContain(Web.Features.Accounts.SignIn.SignOutEndpoint.Path);
        page.Headers.CacheControl!.Public.Should().BeTrue();
        page.Headers.CacheControl.NoCache.Should().BeTrue("a cache asks again (ETag) before each use");
        page.Headers.CacheControl.NoStore.Should().BeFalse();
    }

    [Fact]
    public async Task Each_language_has_its_own_entry()
    {
        using var turkish = AnonymousClient("tr");
        using var german = AnonymousClient("de");
        using var dutchByCookie = AnonymousClient("de");
        dutchByCookie.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dnl%7Cuic%3Dnl");

        for (var i = 0; i < 2; i++)
        {
            (await LanguageOfAsync(turkish)).Should().Be("tr");
            (await LanguageOfAsync(german)).Should().Be("de");
            (await LanguageOfAsync(dutchByCookie)).Should().Be("nl", "the language cookie wins over Accept-Language");
        }
        using var response = await german.GetAsync("/search");
        response.Headers.Vary.Should().Contain(["Accept-Language", "Cookie"], "a shared cache must keep the languages apart too");
    }

    [Fact]
    public async Task A_matching_etag_is_answered_with_304_and_no_body()
    {
        using var client = AnonymousClient("en");
        using var first = await client.GetAsync("/api/v1/centres");
        var etag = first.Headers.ETag;
        etag.Should().NotBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/centres");
        request.Headers.IfNoneMatch.Add(etag!);
        using var revalidated = await client.SendAsync(request);

        revalidated.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await revalidated.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        revalidated.Headers.ETag.Should().Be(etag);

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/centres");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        (await client.SendAsync(stale)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/search", "br", "br")]
    [InlineData("/search", "gzip", "gzip")]
    [InlineData("/api/v1/centres", "br", "br")]
    [InlineData("/hsds/services", "gzip, br", "br")]
    public async Task Public_html_and_json_are_compressed(string path, string accepted, string expected)
    {
        using var client = AnonymousClient("en");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(accepted);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.Should().Equal(expected);
    }

    [Fact]
    public async Task An_answer_that_carries_an_antiforgery_token_is_not_compressed()
    {
        // BREACH: a secret next to reflected input must not be compressed.
        using var client = AnonymousClient("en");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await client.GetAsync("/account/sign-in?returnUrl=%2Fsearch");

        (await response.Content.ReadAsStringAsync()).Should().Contain("__RequestVerificationToken");
        response.Content.Headers.ContentEncoding.Should().BeEmpty();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task Static_files_have_fingerprinted_addresses_and_are_cached_as_immutable()
    {
        using var client = AnonymousClient("en");
        var page = await client.GetStringAsync("/search");
        var stylesheet = Regex.Match(page, "href=\"(/?css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        stylesheet.Should().NotBeEmpty("the page links its stylesheet by a fingerprinted address");
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip");

        using var response = await client.GetAsync(stylesheet.StartsWith('/') ? stylesheet : "/" + stylesheet);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().Should().Contain("immutable").And.Contain("max-age=31536000");
        response.Content.Headers.ContentEncoding.Should().Equal(["gzip"], "the build made a gzip copy of it");
    }

    [Fact]
    public async Task A_signed_in_user_gets_static_files_cached_compressed_and_without_a_renewed_cookie()
    {
        using var anonymous = AnonymousClient("en");
        var page = await anonymous.GetStringAsync("/search");
        var stylesheet = Regex.Match(page, "href=\"(/?css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        stylesheet.Should().NotBeEmpty();
        using var signedIn = await world.ClientAsync(world.Editor);
        using var request = new HttpRequestMessage(HttpMethod.Get, stylesheet.StartsWith('/') ? stylesheet : "/" + stylesheet);
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await signedIn.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().Should().Contain("immutable", "the sign-in is not read for a static file");
        response.Headers.Contains("Set-Cookie").Should().BeFalse("no sign-in cookie is renewed on a static file");
        response.Content.Headers.ContentEncoding.Should().Equal(["br"]);
    }

    [Fact]
    public async Task The_next_publication_edge_is_the_earliest_future_window_boundary_of_programmes_and_offerings()
    {
        var now = DateTime.UtcNow;
        var opens = now.AddDays(3);
        var offeringEnds = now.AddDays(2);
        var programme = await world.ProgrammeAsync(PublicationState.Published, offeringState: PublicationState.Published);
        await using (var db = world.NewDb())
        {
            await db.Programmes.Where(p => p.Id == programme.Id).ExecuteUpdateAsync(p => p.SetProperty(x => x.PublishFrom, opens));
            await db.Offerings.Where(o => o.ProgrammeId == programme.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.PublishUntil, offeringEnds));
        }
        var edges = world.Services.GetRequiredService<PublicationEdges>();
        edges.Forget();

        (await edges.NextAsync(now, CancellationToken.None)).Should().BeCloseTo(offeringEnds, TimeSpan.FromMilliseconds(1));
        (await edges.NextAsync(offeringEnds, CancellationToken.None)).Should().BeCloseTo(opens, TimeSpan.FromMilliseconds(1), "an edge that has passed is not the next one");
        (await edges.NextAsync(opens, CancellationToken.None)).Should().BeNull();
    }

    private HttpClient AnonymousClient(string language)
    {
        var client = world.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static async Task<bool> ShowsAsync(HttpClient client, string search, Programme programme) =>
        (await client.GetStringAsync(search)).Contains($"/programmes/{programme.Slug}\"", StringComparison.Ordinal);

    private static async Task<string> LanguageOfAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetAsync("/search"));
        return page.Find("//html").GetAttributeValue("lang", "");
    }

    private async Task<string> OfferingCodeAsync(int programmeId)
    {
        await using var db = world.NewDb();
        return await db.Offerings.Where(o => o.ProgrammeId == programmeId).Select(o => o.Code).SingleAsync();
    }
}

/// <summary>How long an answer may be kept: until the next publication-window edge, at most the configured maximum.</summary>
public sealed class CacheLifetimeTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    [Fact]
    public void Without_an_edge_ahead_an_answer_is_kept_for_the_maximum() =>
        CatalogueOutputCachePolicy.Lifetime(Now, null, Max).Should().Be(Max);

    [Fact]
    public void An_edge_before_the_maximum_ends_it_at_the_edge() =>
        CatalogueOutputCachePolicy.Lifetime(Now, Now.AddSeconds(20), Max).Should().Be(TimeSpan.FromSeconds(20));

    [Fact]
    public void An_edge_after_the_maximum_changes_nothing() =>
        CatalogueOutputCachePolicy.Lifetime(Now, Now.AddHours(3), Max).Should().Be(Max);

    [Fact]
    public void An_edge_passed_while_the_answer_was_made_keeps_it_out_of_the_cache() =>
        CatalogueOutputCachePolicy.Lifetime(Now, Now.AddSeconds(-1), Max).Should().BeNull();
}
