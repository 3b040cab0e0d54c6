using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FamilyServices.Tests.Features.Attendance.Import;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Accounts.TwoFactor;

/// <summary>
/// Staff issue and revoke their own API tokens on /account/tokens. A token is shown once, stored as a hash, and acts
/// with its owner's current centres. Admins see and revoke anyone's on the interactive user page: see
/// Users/UserManagementTests (An_admin_revokes_one_api_token_of_an_account_after_confirming and
/// An_admin_demoted_while_the_revocation_was_asked_revokes_no_token).
/// </summary>
public class ApiTokenPagesTests(AccountSecurityFixture portal) : IClassFixture<AccountSecurityFixture>
{
    private const string Tokens = "/account/tokens";

    private static async Task<string> IssueAsync(HttpClient client, string name, string days = "30")
    {
        var response = await AccountSecurityFixture.PostAsync(client, Tokens, "issue-token", ("Input.Name", name), ("Input.Days", days));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        return (await Html.ParseAsync(response)).Find("//code[@id='issued-token']").Text();
    }

    private async Task<HttpStatusCode> CallAsync(string token, string path = "/api/v1/me")
    {
        using var client = portal.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync(path)).StatusCode;
    }

    private async Task<HttpStatusCode> ImportAsync(string token, Centre centre)
    {
        await using var db = portal.NewDb();
        var catalogue = new TestCatalogue(db);
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", "Spielgruppe"));
        var offering = await catalogue.OfferingAsync(programme, centre);
        var district = await db.Districts.Where(d => d.Id == centre.DistrictId).Select(d => d.Code).SingleAsync();
        var code = ParticipantCode.Create(new Random(centre.Id));
        var csv = ImportFixture.Csv($"{offering.Code},2026-11-18,10:00,{code},2021,4,{district},present");
        using var client = portal.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.PostAsync("/api/v1/attendance/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode;
    }

    [Fact]
    public async Task A_token_is_shown_once_stored_as_a_hash_and_its_use_is_recorded()
    {
        var (staff, id) = await portal.AccountAsync(Roles.CentreStaff);
        using var client = await portal.SignedInAsync(staff);

        var token = await IssueAsync(client, "Centre software");

        token.Should().StartWith(ApiTokenService.Prefix);
        (await client.GetStringAsync(Tokens)).Should().NotContain(token).And.Contain("Centre software").And.Contain("Never used");
        await using (var db = portal.NewDb())
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.UserId == id);
            stored.TokenHash.Should().Be(ApiTokenService.Hash(token)).And.NotContain(token[3..]);
            stored.ExpiresAt.Should().BeCloseTo(stored.CreatedAt.AddDays(30), TimeSpan.FromSeconds(1));
        }
        (await CallAsync(token)).Should().Be(HttpStatusCode.OK);
        await using (var db = portal.NewDb())
        {
            (await db.ApiTokens.SingleAsync(t => t.UserId == id)).LastUsedAt.Should().NotBeNull();
        }
        (await client.GetStringAsync(Tokens)).Should().Contain("Last used");
    }

    [Fact]
    public async Task Bad_input_says_what_to_fix_and_issues_nothing()
    {
        var (staff, id) = await portal.AccountAsync(Roles.CentreStaff);
        using var client = await portal.SignedInAsync(staff);

        var noName = await AccountSecurityFixture.PostAsync(client, Tokens, "issue-token", ("Input.Name", " "), ("Input.Days", "30"));
        var tooLong = await AccountSecurityFixture.PostAsync(client, Tokens, "issue-token", ("Input.Name", "Sync"), ("Input.Days", "367"));

        noName.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noName.Content.ReadAsStringAsync()).Should().Contain("Give the token a name");
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("from 1 to 366").And.Contain("value=\"Sync\"", "the typed name is kept");
        await using var db = portal.NewDb();
        (await db.ApiTokens.CountAsync(t => t.UserId == id)).Should().Be(0);
    }

    [Fact]
    public async Task Revoked_and_expired_tokens_get_401_and_nobody_revokes_another_persons_token()
    {
        var (staff, _) = await portal.AccountAsync(Roles.CentreStaff);
        var (other, _) = await portal.AccountAsync(Roles.CentreStaff);
        using var client = await portal.SignedInAsync(staff);
        using var otherClient = await portal.SignedInAsync(other);
        var revoked = await IssueAsync(client, "to revoke");
        var expired = await IssueAsync(client, "to expire");
        Guid revokedId, expiredId;
        await using (var db = portal.NewDb())
        {
            revokedId = await db.ApiTokens.Where(t => t.TokenHash == ApiTokenService.Hash(revoked)).Select(t => t.Id).SingleAsync();
            expiredId = await db.ApiTokens.Where(t => t.TokenHash == ApiTokenService.Hash(expired)).Select(t => t.Id).SingleAsync();
            await db.ApiTokens.Where(t => t.Id == expiredId).ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        var foreign = await AccountSecurityFixture.PostAsync(otherClient, Tokens, "revoke-token", ("tokenId", revokedId.ToString()));
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound, "someone else's token is not theirs to see or revoke");
        (await CallAsync(revoked)).Should().Be(HttpStatusCode.OK);

        var own = await AccountSecurityFixture.PostAsync(client, Tokens, "revoke-token", ("tokenId", revokedId.ToString()));
        own.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CallAsync(revoked)).Should().Be(HttpStatusCode.Unauthorized);
        (await CallAsync(expired)).Should().Be(HttpStatusCode.Unauthorized);
        var page = await client.GetStringAsync(Tokens);
        page.Should().Contain("Revoked").And.Contain("Expired");
        (await Html.ParseAsync(await client.GetAsync(Tokens))).DocumentNode
            .SelectNodes("//button[@name='tokenId']").Should().BeNull("neither token can be revoked any more");
    }

    [Fact]
    public async Task A_token_reaches_only_its_owners_centres_and_loses_a_centre_with_its_owner()
    {
        var (staff, id) = await portal.AccountAsync(Roles.CentreStaff, portal.CentreA);
        using var client = await portal.SignedInAsync(staff);
        var token = await IssueAsync(client, "Import");

        (await ImportAsync(token, portal.CentreB)).Should().Be(HttpStatusCode.Forbidden, "centre B is not the owner's");
        (await ImportAsync(token, portal.CentreA)).Should().NotBe(HttpStatusCode.Forbidden).And.NotBe(HttpStatusCode.Unauthorized);

        await using (var db = portal.NewDb())
        {
            await db.StaffCentres.Where(s => s.UserId == id).ExecuteDeleteAsync();
            db.StaffCentres.Add(new StaffCentre { UserId = id, CentreId = portal.CentreB.Id });
            await db.SaveChangesAsync();
        }

        (await ImportAsync(token, portal.CentreA)).Should().Be(HttpStatusCode.Forbidden, "the owner no longer works at centre A");
    }
}
