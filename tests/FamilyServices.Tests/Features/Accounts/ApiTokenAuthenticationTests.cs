using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts;

public class ApiTokenAuthenticationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private sealed record Me(string Email, string DisplayName, List<string> Roles, List<string> Centres);

    [Fact]
    public async Task A_valid_token_authenticates_with_the_owners_roles_and_centres()
    {
        var (token, centreCode, email) = await NewStaffTokenAsync();

        var response = await CallMeAsync(token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<Me>();
        me!.Email.Should().Be(email);
        me.Roles.Should().Equal(Roles.CentreStaff);
        me.Centres.Should().Equal(centreCode);
    }

    [Fact]
    public async Task Requests_without_a_token_or_with_an_unknown_one_are_refused()
    {
        (await CallMeAsync(null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var unknown = await CallMeAsync("fs_thisTokenWasNeverIssued0000000000000000000");
        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.Headers.WwwAuthenticate.ToString().Should().Contain("Bearer");
    }

    [Fact]
    public async Task Expired_and_revoked_tokens_no_longer_work()
    {
        var (expired, _, _) = await NewStaffTokenAsync();
        var (revoked, _, _) = await NewStaffTokenAsync();
        await using (var db = portal.NewDb())
        {
            var expiredHash = ApiTokenService.Hash(expired);
            var revokedHash = ApiTokenService.Hash(revoked);
            await db.ApiTokens.Where(t => t.TokenHash == expiredHash)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            await db.ApiTokens.Where(t => t.TokenHash == revokedHash)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, DateTime.UtcNow));
        }

        (await CallMeAsync(expired)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await CallMeAsync(revoked)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored_and_its_use_is_recorded()
    {
        var (token, _, _) = await NewStaffTokenAsync();

        await CallMeAsync(token);

        await using var db = portal.NewDb();
        var stored = await db.ApiTokens.SingleAsync(t => t.TokenHash == ApiTokenService.Hash(token));
        stored.TokenHash.Should().NotContain(token[3..]);
        (await db.ApiTokens.AnyAsync(t => t.TokenHash == token)).Should().BeFalse();
        stored.LastUsedAt.Should().NotBeNull();
    }

    private async Task<HttpResponseMessage> CallMeAsync(string? token)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private async Task<(string Token, string CentreCode, string Email)> NewStaffTokenAsync()
    {
        await using var db = portal.NewDb();
        var centre = await new TestCatalogue(db).CentreAsync();
        await using var scope = portal.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{TestCatalogue.Unique("staff")}@example.org";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Test Staff" };
        (await users.CreateAsync(user, "a long enough passphrase")).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.CentreStaff)).Succeeded.Should().BeTrue();
        db.StaffCentres.Add(new StaffCentre { UserId = user.Id, CentreId = centre.Id });
        await db.SaveChangesAsync();
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "tests", 30);
        return (issued.Token, centre.Code, email);
    }
}
