using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// Admins invite staff, set their roles and centres, deactivate and reactivate accounts and reset two-factor sign-in
/// on the interactive user pages; every change counts from the account's next request or click, and an Admin cannot
/// lock themselves out.
/// </summary>
public sealed class UserManagementTests(UsersFixture world) : AdminPageTest(world), IClassFixture<UsersFixture>
{
    private UsersFixture Portal => world;

    private IRenderedComponent<UserInvitePage> OpenInvite()
    {
        var page = Open<UserInvitePage>();
        page.WaitForAssertion(() => page.FindAll($"#centre-{Id(World.CentreA.Id)}").Should().NotBeEmpty(), Wait);
        return page;
    }

    private IRenderedComponent<UserEditPage> OpenAccount(string id)
    {
        var page = Open<UserEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.FindAll("#save-access").Should().NotBeEmpty(), Wait);
        return page;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string Address => Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public async Task An_invited_account_has_no_password_until_its_owner_chooses_one_through_the_mailed_link()
    {
        await SignInAsync(World.Admin);
        var email = $"{TestCatalogue.Unique("invited")}@example.org";
        var page = OpenInvite();

        TypeInto(page, "#email", email);
        TypeInto(page, "#displayName", "Ayşe Yılmaz");
        Choose(page, $"centre-{Id(World.CentreA.Id)}", UserAccessForm.Coordinator);
        Click(page, "#invite-create");

        page.WaitForAssertion(() => Address.Should().Contain(UserPages.ListPath + "/"), Wait);
        string id;
        await using (var db = World.NewDb())
        {
            var user = await db.Users.AsNoTracking().Include(u => u.Centres).SingleAsync(u => u.Email == email);
            id = user.Id;
            user.DisplayName.Should().Be("Ayşe Yılmaz");
            user.PasswordHash.Should().BeNull("nobody knows a password of the account before its owner chooses one");
            user.MustChangePassword.Should().BeFalse();
            user.Centres.Should().ContainSingle(c => c.CentreId == World.CentreA.Id && c.IsCoordinator);
            (await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync())
                .Should().Equal(Roles.CentreStaff);
        }
        Address.Should().EndWith(UserPages.PathFor(id));
        var mail = Portal.Mail.Sent.Should().ContainSingle(m => m.RecipientUserId == id).Subject;
        mail.RecipientAddress.Should().Be(email);
        Portal.Logs.Events.Should().NotContain(e => e.Contains(email, StringComparison.OrdinalIgnoreCase), "no address in the log");

        var account = OpenAccount(id);
        account.Markup.Should().Contain("Not accepted yet").And.Contain("Send a new invitation").And.NotContain(mail.Link, "the link is for the invited person only");

        var again = OpenInvite();
        TypeInto(again, "#email", email.ToUpperInvariant());
        TypeInto(again, "#displayName", "Noch einmal");
        Tick(again, "Centre staff", false);
        Tick(again, "Editor", true);
        Click(again, "#invite-create");
        again.WaitForAssertion(() => again.Markup.Should().Contain("exists already"), Wait);
        await using var check = World.NewDb();
        var normalized = email.ToUpperInvariant();
        (await check.Users.CountAsync(u => u.NormalizedEmail == normalized)).Should().Be(1);
    }

    [Fact]
    public async Task An_invitation_with_a_mistake_says_what_to_fix_and_creates_nothing()
    {
        await SignInAsync(World.Admin);
        var email = $"{TestCatalogue.Unique("mistake")}@example.org";
        var page = OpenInvite();
        TypeInto(page, "#email", email);
        TypeInto(page, "#displayName", "Ohne Einrichtung");

        Click(page, "#invite-create");
        page.WaitForAssertion(() => page.Find("#centres-error").TextContent.Should().Contain("need at least one centre"), Wait);

        Tick(page, "Centre staff", false);
        page.WaitForAssertion(() => page.Find("#roles-error").TextContent.Should().Contain("Choose at least one role"), Wait);
        Click(page, "#invite-create");

        Tick(page, "Editor", true);
        TypeInto(page, "#email", "not an address");
        Click(page, "#invite-create");
        page.WaitForAssertion(() => page.Markup.Should().Contain("valid e-mail address"), Wait);
        page.FindAll("#roles-error").Should().BeEmpty("the roles are fine now");

        await using var db = World.NewDb();
        (await db.Users.AnyAsync(u => u.Email == email || u.DisplayName == "Ohne Einrichtung")).Should().BeFalse();
        Address.Should().NotContain(UserPages.ListPath + "/", "the page stays with the input kept");
        page.Find("#email").GetAttribute("value").Should().Be("not an address");
    }

    [Fact]
    public async Task Role_and_centre_changes_apply_at_the_persons_next_request_and_next_click()
    {
        var person = await Portal.NewAccountAsync("moving", Roles.CentreStaff, World.CentreA);
        using var browser = await Portal.ClientAsync(person.Email);
        var openPage = await World.PrincipalAsync(person); // what a circuit of theirs holds since it started
        (await browser.GetAsync("/admin/audit")).Headers.Location!.AbsolutePath.Should().Be("/status/403");
        await SignInAsync(World.Admin);
        var page = OpenAccount(person.Id);

        Tick(page, "Admin", true);
        Choose(page, $"centre-{Id(World.CentreB.Id)}", UserAccessForm.Coordinator);
        Click(page, "#save-access");

        await WaitForAsync(async () => (await RolesAsync(person.Id)).Should().Contain(Roles.Admin));
        (await browser.GetAsync("/admin/audit")).StatusCode.Should().Be(HttpStatusCode.OK, "the same cookie now carries the Admin role");
        var now = await CircuitPrincipalAsync(openPage);
        now!.IsInRole(Roles.Admin).Should().BeTrue("an open page's next click sees the new role");
        now.CentreIds().Should().BeEquivalentTo([World.CentreA.Id, World.CentreB.Id]);
        now.MayCorrectLate(World.CentreB.Id).Should().BeTrue("they coordinate centre B now");

        page = OpenAccount(person.Id);
        Tick(page, "Admin", false);
        Choose(page, $"centre-{Id(World.CentreB.Id)}", "");
        Click(page, "#save-access");

        await WaitForAsync(async () => (await RolesAsync(person.Id)).Should().NotContain(Roles.Admin));
        (await browser.GetAsync("/admin/audit")).Headers.Location!.AbsolutePath.Should().Be("/status/403", "taking a role away counts at once too");
        (await CircuitPrincipalAsync(openPage))!.CentreIds().Should().Equal(World.CentreA.Id);
        await using var db = World.NewDb();
        (await db.StaffCentres.Where(s => s.UserId == person.Id).Select(s => s.CentreId).ToListAsync()).Should().Equal(World.CentreA.Id);
    }

    [Fact]
    public async Task Deactivation_is_asked_first_then_ends_the_session_and_the_api_token_at_once_and_reactivation_lets_the_person_back_in()
    {
        var person = await Portal.NewAccountAsync("leaving", Roles.CentreStaff, World.CentreA);
        using var browser = await Portal.ClientAsync(person.Email);
        var token = await IssueTokenAsync(person.Id);
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK);
        await SignInAsync(World.Admin);
        var page = OpenAccount(person.Id);

        Click(page, "#deactivate");
        DialogText().Should().Contain(person.Email.Split('@')[0], "the question names the account");
        AnswerDialog("Cancel");
        (await IsActiveAsync(person.Id)).Should().BeTrue("cancelling changes nothing");

        Click(page, "#deactivate");
        AnswerDialog("Deactivate the account");
        page.WaitForAssertion(() => page.Find("#account-state").TextContent.Should().Contain("Deactivated"), Wait);

        var next = await browser.GetAsync("/staff/today");
        next.StatusCode.Should().Be(HttpStatusCode.Redirect, "the signed-in session ends with its next request");
        next.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using (var again = Portal.NewClient())
        {
            (await UsersFixture.SignInAsync(again, person.Email, UsersFixture.Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in form is shown again with a message");
        }
        await using (var db = World.NewDb())
        {
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == person.Id);
            user.IsActive.Should().BeFalse();
            user.LockoutEnd.Should().Be(DateTimeOffset.MaxValue);
            (await db.ApiTokens.Where(t => t.UserId == person.Id).Select(t => t.RevokedAt).ToListAsync()).Should().OnlyContain(r => r != null);
            (await UserDirectory.PageAsync(db, new UserFilter(person.Email, Status: AccountStatus.Deactivated), UserSort.Name, false, 0, 10)).Rows
                .Should().ContainSingle(r => r.Id == person.Id);
        }

        Click(page, "#reactivate");
        AnswerDialog("Reactivate the account");
        page.WaitForAssertion(() => page.Find("#account-state").TextContent.Should().Contain("Active"), Wait);

        using var back = await Portal.ClientAsync(person.Email);
        (await back.GetAsync("/staff/today")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "tokens revoked on deactivation stay revoked");
        (await CallMeAsync(await IssueTokenAsync(person.Id))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_revokes_one_api_token_of_an_account_after_confirming()
    {
        var person = await Portal.NewAccountAsync("tokens", Roles.Editor);
        var kept = await IssueTokenAsync(person.Id, "kept");
        var revoked = await IssueTokenAsync(person.Id, "to revoke");
        await SignInAsync(World.Admin);
        var page = OpenAccount(person.Id);
        page.FindAll("#token-list [role=listitem] h3").Select(h => h.TextContent).Should().BeEquivalentTo(["kept", "to revoke"]);
        page.Markup.Should().NotContain(kept).And.NotContain(revoked, "a token is shown once, to its owner, when issued");
        page.Markup.Should().NotContain(ApiTokenService.Hash(revoked), "nor its hash");

        Click(page, "button[aria-label='Revoke token \"to revoke\"']");
        DialogText().Should().Contain("to revoke");
        AnswerDialog("Cancel");
        (await CallMeAsync(revoked)).StatusCode.Should().Be(HttpStatusCode.OK, "nothing is revoked until the Admin confirms");
        Click(page, "button[aria-label='Revoke token \"to revoke\"']");
        AnswerDialog("Revoke");

        page.WaitForAssertion(() => page.Markup.Should().Contain("Revoked "), Wait);
        (await CallMeAsync(revoked)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await CallMeAsync(kept)).StatusCode.Should().Be(HttpStatusCode.OK, "only the chosen token is revoked");
    }

    [Fact]
    public async Task An_admin_demoted_while_the_revocation_was_asked_revokes_no_token()
    {
        var admin = await Portal.NewAccountAsync("demoted.tokens", Roles.Admin);
        var person = await Portal.NewAccountAsync("tokens.kept", Roles.Editor);
        var token = await IssueTokenAsync(person.Id, "sync");
        await SignInAsync(admin);
        var page = OpenAccount(person.Id);
        Click(page, "button[aria-label='Revoke token \"sync\"']");
        DialogText().Should().Contain("sync");

        await RemoveRoleAsync(admin, Roles.Admin);
        AnswerDialog("Revoke");

        page.WaitForAssertion(() => page.Markup.Should().Contain("You may no longer do this"), Wait);
        (await CallMeAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = World.NewDb();
        (await db.ApiTokens.SingleAsync(t => t.UserId == person.Id)).RevokedAt.Should().BeNull();
    }

    [Fact]
    public async Task Resetting_two_factor_turns_it_off_and_replaces_the_authenticator_key()
    {
        var person = await Portal.NewAccountAsync("phone.lost", Roles.Editor);
        string oldKey;
        await using (var scope = World.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(person.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            oldKey = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 5);
        }
        await SignInAsync(World.Admin);
        var page = OpenAccount(person.Id);

        Click(page, "#reset-two-factor");
        AnswerDialog("Reset two-factor sign-in");

        await WaitForAsync(async () =>
        {
            await using var check = World.Scope();
            var manager = check.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var reset = (await manager.FindByIdAsync(person.Id))!;
            reset.TwoFactorEnabled.Should().BeFalse();
            (await manager.GetAuthenticatorKeyAsync(reset)).Should().NotBe(oldKey);
            (await manager.CountRecoveryCodesAsync(reset)).Should().Be(0);
        });
        using var browser = await Portal.ClientAsync(person.Email);
        (await browser.GetAsync("/account")).StatusCode.Should().Be(HttpStatusCode.OK, "they sign in with their password alone");
    }

    [Fact]
    public async Task An_admin_can_neither_deactivate_themselves_nor_drop_their_own_admin_role()
    {
        var admin = await Portal.NewAccountAsync("only.admin", Roles.Admin);
        await SignInAsync(admin);
        var page = OpenAccount(admin.Id);

        page.Find("#own-account").TextContent.Should().Contain("This is your own account");
        page.FindAll("#deactivate").Should().BeEmpty("the button is not offered");
        Tick(page, "Admin", false);
        Tick(page, "Editor", true);
        Click(page, "#save-access");

        page.WaitForAssertion(() => page.Find("#roles-error").TextContent.Should().Contain("You cannot take the Admin role away from your own account"), Wait);
        await using (var scope = World.Scope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountAdministration>();
            (await accounts.DeactivateAsync(admin.Id, admin.Id))!.Problem.Should().Be(AccountProblem.OwnDeactivation, "the server refuses it anyway");
            (await accounts.SetAccessAsync(admin.Id, [Roles.Editor], [], admin.Id))!.Problem.Should().Be(AccountProblem.OwnAdminRole);
        }
        (await RolesAsync(admin.Id)).Should().Equal(Roles.Admin);
        (await IsActiveAsync(admin.Id)).Should().BeTrue();
    }

    [Fact]
    public async Task The_list_finds_accounts_by_name_or_address_role_centre_and_status_and_keeps_the_search_out_of_the_address()
    {
        var marker = TestCatalogue.Unique("findme");
        var typedElsewhere = TestCatalogue.Unique("bookmarked");
        var editor = await World.AccountAsync($"{marker}.editor@example.org", Roles.Editor);
        await World.AccountAsync($"{marker}.official@example.org", Roles.Official);
        var staff = await World.AccountAsync($"{marker}.staff@example.org", Roles.CentreStaff, World.CentreB);
        // An address with a search in it (a link someone made up): the page neither reads it nor writes one of its own.
        Services.GetRequiredService<NavigationManager>().NavigateTo($"{UserPages.ListPath}?q={typedElsewhere}&role=Editor");
        var opened = Address;
        await SignInAsync(World.Admin);
        var page = Open<UserListPage>();
        page.WaitForAssertion(() => page.FindAll("a[href^='/admin/users/']").Should().NotBeEmpty("no account matches the search in the address"), Wait);
        page.Find("#users-search").GetAttribute("value").Should().BeNullOrEmpty("nothing is taken from the address");

        TypeInto(page, "#users-search", marker);
        page.WaitForAssertion(() => Rows(page).Should().BeEquivalentTo([$"{marker}.editor", $"{marker}.official", $"{marker}.staff"]), Wait);
        Choose(page, "users-role", Roles.Editor);
        page.WaitForAssertion(() => Rows(page).Should().Equal($"{marker}.editor"), Wait);
        page.Find($"a[href='{UserPages.PathFor(editor.Id)}']").Should().NotBeNull("each row links to its account");
        Choose(page, "users-role", "");
        Choose(page, "users-centre", World.CentreB.Id);
        page.WaitForAssertion(() => Rows(page).Should().Equal($"{marker}.staff"), Wait);
        Choose(page, "users-centre", 0);
        Choose(page, "users-status", AccountStatus.Deactivated);
        page.WaitForAssertion(() => Rows(page).Should().BeEmpty(), Wait);

        page.FindAll("a[href]").Select(a => a.GetAttribute("href")).Should().NotContain(h => h!.Contains(marker) || h.Contains('@'));
        new Uri(Address).Query.Should().NotContain(marker, "the search stays in the page");
        Address.Should().Be(opened, "neither the search nor a filter changes the address");
        await using var db = World.NewDb();
        (await UserDirectory.PageAsync(db, new UserFilter("%"), UserSort.Name, false, 0, 100)).Rows.Should().NotContain(r => r.Email.Contains(marker),
            "a % is looked for as a character, not as a wildcard");
        (await UserDirectory.PageAsync(db, new UserFilter(marker.ToUpperInvariant(), Roles.CentreStaff), UserSort.Name, false, 0, 100)).Rows
            .Should().ContainSingle().Which.Id.Should().Be(staff.Id);
    }

    [Fact]
    public async Task The_list_is_read_a_page_at_a_time_and_sorted_in_the_database()
    {
        var marker = TestCatalogue.Unique("pager");
        for (var i = 0; i < 52; i++) await World.AccountAsync($"{marker}.{i:D2}@example.org", Roles.Official);
        await using var db = World.NewDb();

        var first = await UserDirectory.PageAsync(db, new UserFilter(marker), UserSort.Email, false, 0, 50);
        var second = await UserDirectory.PageAsync(db, new UserFilter(marker), UserSort.Email, false, 1, 50);
        var backwards = await UserDirectory.PageAsync(db, new UserFilter(marker), UserSort.Email, true, 0, 3);

        first.Total.Should().Be(52);
        first.Rows.Should().HaveCount(50);
        first.Rows[0].Email.Should().Be($"{marker}.00@example.org");
        second.Rows.Select(r => r.Email).Should().Equal($"{marker}.50@example.org", $"{marker}.51@example.org");
        backwards.Rows.Select(r => r.Email).Should().Equal($"{marker}.51@example.org", $"{marker}.50@example.org", $"{marker}.49@example.org");

        await SignInAsync(World.Admin);
        var page = Open<UserListPage>();
        page.WaitForAssertion(() => page.FindAll("a[href^='/admin/users/']").Should().NotBeEmpty(), Wait);
        TypeInto(page, "#users-search", marker);
        page.WaitForAssertion(() => page.Find("#users-count").TextContent.Should().Contain("52 accounts"), Wait);
        // The count is set as the grid's load returns, a render before the grid shows the rows it loaded.
        page.WaitForAssertion(() => Rows(page).Should().HaveCount(25, "the grid shows 25 rows at first"), Wait);
        Click(page, "button[aria-label='Next page']");
        page.WaitForAssertion(() => Rows(page).Should().Contain($"{marker}.25"), Wait);
    }

    [Fact]
    public async Task The_log_records_each_change_by_account_id_and_never_an_email_address_or_a_name()
    {
        await SignInAsync(World.Admin);
        var email = $"{TestCatalogue.Unique("logged")}@example.org";
        var before = Portal.Logs.Events.Count;
        var invite = OpenInvite();
        TypeInto(invite, "#email", email);
        TypeInto(invite, "#displayName", "Logged Person");
        Choose(invite, $"centre-{Id(World.CentreA.Id)}", UserAccessForm.Staff);
        Click(invite, "#invite-create");
        invite.WaitForAssertion(() => Address.Should().Contain(UserPages.ListPath + "/"), Wait);
        var id = Uri.UnescapeDataString(Address[(Address.LastIndexOf('/') + 1)..]);

        // Each change must have finished before the next: the page is busy from a click until the account is read
        // afresh, and ignores clicks meanwhile (two changes at once would race for the account's concurrency stamp).
        List<string> Ours() => Portal.Logs.Events.Skip(before).Where(e => e.Contains(typeof(StaffAccountAdministration).FullName!, StringComparison.Ordinal)).ToList();
        void Finished(IRenderedComponent<UserEditPage> edit, int changes, string next) => edit.WaitForAssertion(() =>
        {
            Ours().Should().HaveCount(changes);
            edit.Find(next).HasAttribute("disabled").Should().BeFalse();
        }, Wait);

        var page = OpenAccount(id);
        Tick(page, "Official", true);
        Choose(page, $"centre-{Id(World.CentreA.Id)}", "");
        Choose(page, $"centre-{Id(World.CentreB.Id)}", UserAccessForm.Coordinator);
        Click(page, "#save-access");
        Finished(page, 2, "#reset-two-factor");
        Click(page, "#reset-two-factor");
        AnswerDialog("Reset two-factor sign-in");
        Finished(page, 3, "#deactivate");
        Click(page, "#deactivate");
        AnswerDialog("Deactivate the account");
        Finished(page, 4, "#reactivate");
        Click(page, "#reactivate");
        AnswerDialog("Reactivate the account");

        var ours = new List<string>();
        page.WaitForAssertion(() =>
        {
            ours = Ours();
            ours.Should().HaveCount(5);
        }, Wait);
        ours.Should().OnlyContain(e => e.Contains(id, StringComparison.Ordinal) && e.Contains(World.Admin.Id, StringComparison.Ordinal));
        ours[1].Should().Contain($"CentreIds=[{Id(World.CentreB.Id)}]").And.Contain($"CoordinatedCentreIds=[{Id(World.CentreB.Id)}]");
        var events = Portal.Logs.Events.Skip(before).ToList();
        events.Should().Contain(e => e.Contains("Invitation link sent", StringComparison.Ordinal) && e.Contains(id, StringComparison.Ordinal));
        // Every event at every level, the framework's debug lines included: more than the portal's log configuration writes.
        string[] personal = [email, Uri.EscapeDataString(email), World.Admin.Email, Uri.EscapeDataString(World.Admin.Email), "Logged Person"];
        events.Should().NotContain(e => personal.Any(p => e.Contains(p, StringComparison.OrdinalIgnoreCase)), "no address or name reaches the log");
    }

    private static List<string> Rows(IRenderedComponent<UserListPage> page) =>
        page.FindAll("table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim().Split('@')[0]).ToList();

    /// <summary>The principal a circuit that started with <paramref name="circuitUser"/> gets at its next click.</summary>
    private async Task<ClaimsPrincipal?> CircuitPrincipalAsync(ClaimsPrincipal circuitUser)
    {
        var check = new StaffSignInCheck(World.Services.GetRequiredService<IServiceScopeFactory>(), World.Services.GetRequiredService<AccountSettings>(),
            World.Services.GetRequiredService<IOptions<IdentityOptions>>(), TimeProvider.System);
        return (await check.CheckAsync(circuitUser, touch: true)).Principal;
    }

    private async Task<List<string?>> RolesAsync(string userId)
    {
        await using var db = World.NewDb();
        return await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
    }

    private async Task<bool> IsActiveAsync(string userId)
    {
        await using var db = World.NewDb();
        return (await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId)).IsActive;
    }

    /// <summary>Retries an assertion about the database until a handler running on the page has finished.</summary>
    private static async Task WaitForAsync(Func<Task> assertion)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task<string> IssueTokenAsync(string userId, string name = "test")
    {
        await using var scope = World.Scope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(userId))!;
        return (await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user, name, 30)).Token;
    }

    private async Task<HttpResponseMessage> CallMeAsync(string token)
    {
        using var client = World.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }
}
