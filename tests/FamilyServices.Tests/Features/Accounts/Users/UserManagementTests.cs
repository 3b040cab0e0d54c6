using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Accounts.Users;
using FamilyServices.Web.Features.Attendance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// Admins invite staff, set their roles and centres, deactivate and reactivate accounts and reset two-factor sign-in;
/// every change counts from the account's next request, and an Admin cannot lock themselves out.
/// </summary>
public class UserManagementTests(UsersFixture portal) : IClassFixture<UsersFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<KeyValuePair<string, string>> Access(IEnumerable<string> roles, params (int CentreId, string Value)[] centres) =>
        [.. roles.Select(r => new KeyValuePair<string, string>("roles", r)), .. centres.Select(c => new KeyValuePair<string, string>(UserAccessForm.FieldFor(c.CentreId), c.Value))];

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient admin, string email, string name, IEnumerable<string> roles, params (int, string)[] centres)
    {
        var fields = Access(roles, centres);
        fields.Add(new("email", email));
        fields.Add(new("displayName", name));
        return await UsersFixture.PostAsync(admin, UserPages.InvitePath, "invite", fields);
    }

    [Fact]
    public async Task An_invited_account_has_no_password_until_its_owner_chooses_one_through_the_mailed_link()
    {
        using var admin = await portal.ClientAsync(UsersFixture.Admin);
        var email = $"{TestCatalogue.Unique("invited")}@example.org";

        var response = await InviteAsync(admin, email, "Ayşe Yılmaz", [Roles.CentreStaff], (portal.CentreA.Id, UserAccessForm.Coordinator));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "post-redirect-get to the new account's page");
        string id;
        await using (var db = portal.NewDb())
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Centres).SingleAsync(u => u.Email == email);
            id = user.Id;
            user.DisplayName.Should().Be("Ayşe Yılmaz");
            user.PasswordHash.Should().BeNull("nobody knows a password of the account before its owner chooses one");
            user.MustChangePassword.Should().BeFalse();
            user.Centres.Should().ContainSingle(c => c.CentreId == portal.CentreA.Id && c.IsCoordinator);
            (await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync())
                .Should().Equal(Roles.CentreStaff);
        }
        response.Headers.Location!.OriginalString.Should().EndWith($"{UserPages.PathFor(id)}?done=invited");
        var accountPage = await admin.GetStringAsync($"{UserPages.PathFor(id)}?done=invited");
        accountPage.Should().Contain("invitation link sent").And.Contain("Send a new invitation");
        var mail = portal.Mail.Sent.Should().ContainSingle(m => m.RecipientUserId == id).Subject;
        mail.RecipientAddress.Should().Be(email);
        accountPage.Should().NotContain(mail.Link, "the link is for the invited person only");
        portal.Logs.Events.Should().NotContain(e => e.Contains(email, StringComparison.OrdinalIgnoreCase), "no address in the log");

        var again = await InviteAsync(admin, email.ToUpperInvariant(), "Noch einmal", [Roles.Editor]);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).Should().Contain("exists already");
    }

    [Fact]
    public async Task An_invitation_with_a_mistake_says_what_to_fix_and_creates_nothing()
    {
        using var admin = await portal.ClientAsync(UsersFixture.Admin);
        var email = $"{TestCatalogue.Unique("mistake")}@example.org";

        var noCentre = await InviteAsync(admin, email, "Ohne Einrichtung", [Roles.CentreStaff]);
        var noRole = await InviteAsync(admin, email, "Ohne Rolle", []);
        var badAddress = await InviteAsync(admin, "not an address", "Kaputt", [Roles.Editor]);

        noCentre.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noCentre.Content.ReadAsStringAsync()).Should().Contain("need at least one centre");
        noRole.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noRole.Content.ReadAsStringAsync()).Should().Contain("Choose at least one role");
        badAddress.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badAddress.Content.ReadAsStringAsync()).Should().Contain("valid e-mail address");
        await using var db = portal.NewDb();
        (await db.Users.AnyAsync(u => u.Email == email || u.DisplayName == "Kaputt")).Should().BeFalse();
    }

    [Fact]
    public async Task Role_and_centre_changes_apply_on_the_users_next_request()
    {
        var email = $"{TestCatalogue.Unique("moving")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.CentreStaff, portal.CentreA);
        using var staff = await portal.ClientAsync(email);
        using var admin = await portal.ClientAsync(UsersFixture.Admin);
        var roster = RosterPage.PathFor(portal.SessionB.Id);
        (await staff.GetAsync(roster)).StatusCode.Should().Be(HttpStatusCode.NotFound, "centre B is not theirs yet");
        (await staff.GetAsync("/editor/reports")).Headers.Location!.AbsolutePath.Should().Be("/status/403");

        var saved = await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "access",
            Access([Roles.CentreStaff, Roles.Editor], (portal.CentreA.Id, UserAccessForm.Staff), (portal.CentreB.Id, UserAccessForm.Coordinator)));

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        saved.Headers.Location!.OriginalString.Should().EndWith("?done=access");
        (await staff.GetAsync(roster)).StatusCode.Should().Be(HttpStatusCode.OK, "the same cookie now carries centre B");
        (await staff.GetAsync("/editor/reports")).StatusCode.Should().Be(HttpStatusCode.OK, "and the Editor role");

        (await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "access", Access([Roles.CentreStaff], (portal.CentreA.Id, UserAccessForm.Staff))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await staff.GetAsync(roster)).StatusCode.Should().Be(HttpStatusCode.NotFound, "taking a centre away counts at once too");
        await using var db = portal.NewDb();
        (await db.StaffCentres.Where(s => s.UserId == id).Select(s => s.CentreId).ToListAsync()).Should().Equal(portal.CentreA.Id);
    }

    [Fact]
    public async Task Deactivation_ends_the_session_and_the_api_token_at_once_and_reactivation_lets_the_person_back_in()
    {
        var email = $"{TestCatalogue.Unique("leaving")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.CentreStaff, portal.CentreA);
        using var staff = await portal.ClientAsync(email);
        var token = await IssueTokenAsync(email);
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        (await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "deactivate", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var next = await staff.GetAsync("/staff/today");
        next.StatusCode.Should().Be(HttpStatusCode.Redirect, "the signed-in session ends with its next request");
        next.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using (var again = portal.NewClient())
        {
            (await UsersFixture.SignInAsync(again, email, UsersFixture.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in form is shown again with a message");
        }
        await using (var db = portal.NewDb())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            user.IsActive.Should().BeFalse();
            user.LockoutEnd.Should().Be(DateTimeOffset.MaxValue);
            (await db.ApiTokens.Where(t => t.UserId == id).Select(t => t.RevokedAt).ToListAsync()).Should().OnlyContain(r => r != null);
        }
        (await SearchAsync(admin, email, status: "deactivated")).Should().Contain(email);

        (await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "reactivate", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        using var back = await portal.ClientAsync(email);
        (await back.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "tokens revoked on deactivation stay revoked");
        (await CallMeAsync(await IssueTokenAsync(email))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Resetting_two_factor_turns_it_off_and_replaces_the_authenticator_key()
    {
        var email = $"{TestCatalogue.Unique("phone.lost")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.Editor);
        string oldKey;
        await using (var scope = portal.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            oldKey = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 5);
        }
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        (await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "two-factor", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var check = portal.Scope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var reset = (await manager.FindByIdAsync(id))!;
        reset.TwoFactorEnabled.Should().BeFalse();
        (await manager.GetAuthenticatorKeyAsync(reset)).Should().NotBe(oldKey);
        (await manager.CountRecoveryCodesAsync(reset)).Should().Be(0);
        using var person = await portal.ClientAsync(email);
        (await person.GetAsync("/editor/reports")).StatusCode.Should().Be(HttpStatusCode.OK, "they sign in with their password alone");
    }

    [Fact]
    public async Task An_admin_can_neither_deactivate_themselves_nor_drop_their_own_admin_role()
    {
        var email = $"{TestCatalogue.Unique("only.admin")}@example.org";
        var id = await portal.CreateAccountAsync(email, Roles.Admin);
        using var admin = await portal.ClientAsync(email);

        var page = await admin.GetStringAsync(UserPages.PathFor(id));
        page.Should().Contain("This is your own account").And.NotContain("name=\"_handler\" value=\"deactivate\"");
        var dropRole = await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "access", Access([Roles.Editor]));
        var deactivate = await UsersFixture.PostAsync(admin, UserPages.PathFor(id), "deactivate", []);

        dropRole.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await dropRole.Content.ReadAsStringAsync()).Should().Contain("You cannot take the Admin role away from your own account");
        deactivate.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the form is not offered, and the server refuses it anyway");
        await using (var scope = portal.Scope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountAdministration>();
            (await accounts.DeactivateAsync(id, id))!.Problem.Should().Be(AccountProblem.OwnDeactivation);
            (await accounts.SetAccessAsync(id, [Roles.Editor], [], id))!.Problem.Should().Be(AccountProblem.OwnAdminRole);
        }
        (await admin.GetAsync(UserPages.ListPath)).StatusCode.Should().Be(HttpStatusCode.OK, "still signed in, still an Admin");
        await using var db = portal.NewDb();
        (await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task The_list_finds_accounts_by_name_or_address_role_and_status()
    {
        var marker = TestCatalogue.Unique("findme");
        var editorId = await portal.CreateAccountAsync($"{marker}.editor@example.org", Roles.Editor);
        await portal.CreateAccountAsync($"{marker}.official@example.org", Roles.Official);
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        var all = await SearchAsync(admin, marker);
        var editors = await SearchAsync(admin, marker, role: Roles.Editor);
        var deactivated = await SearchAsync(admin, marker, status: "deactivated");
        var wildcard = await SearchAsync(admin, "%");
        var byQuery = await admin.GetStringAsync($"{UserPages.ListPath}?q={marker}");

        all.Should().Contain($"{marker}.editor@example.org").And.Contain($"{marker}.official@example.org");
        editors.Should().Contain(UserPages.PathFor(editorId)).And.NotContain($"{marker}.official@example.org");
        deactivated.Should().NotContain(marker + ".");
        wildcard.Should().NotContain(marker + ".", "a % is looked for as a character, not as a wildcard");
        var byQueryPage = new HtmlAgilityPack.HtmlDocument();
        byQueryPage.LoadHtml(byQuery);
        byQueryPage.Find("//input[@id='q']").GetAttributeValue("value", "").Should().BeEmpty("a search in the address is ignored: names and addresses are posted, never in a URL");
    }

    [Fact]
    public async Task Paging_a_search_posts_the_search_again_and_never_puts_it_in_a_link()
    {
        var marker = TestCatalogue.Unique("pager");
        for (var i = 0; i < UserListPage.PageSize + 2; i++) await portal.CreateAccountAsync($"{marker}.{i:D2}@example.org", Roles.Official);
        using var admin = await portal.ClientAsync(UsersFixture.Admin);

        var first = await Html.ParseAsync(await UsersFixture.PostAsync(admin, UserPages.ListPath, "users-filter", [new("Filter.Q", marker)]));
        first.DocumentNode.SelectNodes("//a[@href]")!.Select(a => a.GetAttributeValue("href", "")).Should().NotContain(h => h.Contains(marker));
        var next = first.Find("//nav[contains(@class,'pagination')]//button[@name='Filter.Page']");
        (next.GetAttributeValue("form", ""), next.GetAttributeValue("name", ""), next.GetAttributeValue("value", "")).Should().Be(("users-filter", "Filter.Page", "2"));

        var second = await (await UsersFixture.PostAsync(admin, UserPages.ListPath, "users-filter", [new("Filter.Q", marker), new("Filter.Page", "2")])).Content.ReadAsStringAsync();
        second.Should().Contain($"{marker}.51@example.org").And.NotContain($"{marker}.00@example.org");
    }

    private static async Task<string> SearchAsync(HttpClient admin, string text, string? role = null, string status = "all")
    {
        var response = await UsersFixture.PostAsync(admin, UserPages.ListPath, "users-filter",
            [new("Filter.Q", text), new("Filter.Role", role ?? ""), new("Filter.Status", status)]);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_log_records_each_change_by_account_id_and_never_an_email_address()
    {
        using var admin = await portal.ClientAsync(UsersFixture.Admin);
        var email = $"{TestCatalogue.Unique("logged")}@example.org";
        var before = portal.Logs.Events.Count;

        (await InviteAsync(admin, email, "Logged Person", [Roles.CentreStaff], (portal.CentreA.Id, UserAccessForm.Staff))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        string id;
        await using (var db = portal.NewDb()) id = (await db.Users.SingleAsync(u => u.Email == email)).Id;
        var path = UserPages.PathFor(id);
        await UsersFixture.PostAsync(admin, path, "access", Access([Roles.CentreStaff, Roles.Official], (portal.CentreB.Id, UserAccessForm.Coordinator)));
        await UsersFixture.PostAsync(admin, path, "two-factor", []);
        await UsersFixture.PostAsync(admin, path, "deactivate", []);
        await UsersFixture.PostAsync(admin, path, "reactivate", []);

        var events = portal.Logs.Events.Skip(before).ToList();
        var adminId = portal.Ids[UsersFixture.Admin];
        var ours = events.Where(e => e.Contains(typeof(StaffAccountAdministration).FullName!, StringComparison.Ordinal)).ToList();
        ours.Should().HaveCount(5);
        ours.Should().OnlyContain(e => e.Contains(id, StringComparison.Ordinal) && e.Contains(adminId, StringComparison.Ordinal));
        ours[1].Should().Contain($"CentreIds={Id(portal.CentreB.Id)}").And.Contain($"CoordinatedCentreIds={Id(portal.CentreB.Id)}");
        events.Should().Contain(e => e.Contains("Invitation link sent", StringComparison.Ordinal) && e.Contains(id, StringComparison.Ordinal));
        // Every event at every level, the framework's debug lines included: more than the portal's log configuration writes.
        string[] personal = [email, Uri.EscapeDataString(email), UsersFixture.Admin, Uri.EscapeDataString(UsersFixture.Admin), "Logged Person"];
        events.Should().NotContain(e => personal.Any(p => e.Contains(p, StringComparison.OrdinalIgnoreCase)), "no address or name reaches the log");
    }

    private async Task<string> IssueTokenAsync(string email)
    {
        await using var scope = portal.Scope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, "test", 30)).Token;
    }

    private async Task<HttpResponseMessage> CallMeAsync(string token)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
