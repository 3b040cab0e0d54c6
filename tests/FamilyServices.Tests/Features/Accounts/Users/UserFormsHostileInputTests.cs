using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Accounts.Users;

/// <summary>
/// Hostile text in the invitation form and the list's search is refused with a message or stored as it is and shown
/// escaped; it never breaks the page or reaches the database as markup.
/// </summary>
public sealed class UserFormsHostileInputTests(UsersFixture world) : AdminPageTest(world), IClassFixture<UsersFixture>
{
    public static TheoryData<string> Names => new()
    {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "Robert'); DROP TABLE \"AspNetUsers\"; --",
        "=HYPERLINK(\"https://evil.example\",\"click\")",
        "Ali \u202Eevil\u202C Veli",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_hostile_name_is_stored_as_typed_and_shown_as_text(string name)
    {
        await SignInAsync(World.Admin);
        var email = $"{TestCatalogue.Unique("hostile")}@example.org";
        var page = Open<UserInvitePage>();
        page.WaitForAssertion(() => page.FindAll($"#centre-{World.CentreA.Id}").Should().NotBeEmpty(), Wait);

        TypeInto(page, "#email", email);
        TypeInto(page, "#displayName", name);
        Choose(page, $"centre-{World.CentreA.Id}", UserAccessForm.Staff);
        Click(page, "#invite-create");

        string id = "";
        await WaitForUserAsync(email, u => id = u.Id);
        await using (var db = World.NewDb())
        {
            (await db.Users.SingleAsync(u => u.Id == id)).DisplayName.Should().Be(name.Trim());
        }
        var account = Open<UserEditPage>(p => p.Add(x => x.Id, id));
        account.WaitForAssertion(() => account.Find("h1").TextContent.Should().Be(name.Trim()), Wait);
        account.FindAll("script").Should().BeEmpty();
        account.FindAll("img").Should().BeEmpty("the markup is text, not elements");
    }

    [Theory]
    [InlineData("x\0y", "control characters")]
    [InlineData("line\nbreak", "control characters")]
    public async Task A_name_with_control_characters_is_refused_with_a_message(string name, string message)
    {
        await SignInAsync(World.Admin);
        var email = $"{TestCatalogue.Unique("control")}@example.org";
        var page = Open<UserInvitePage>();
        page.WaitForAssertion(() => page.FindAll($"#centre-{World.CentreA.Id}").Should().NotBeEmpty(), Wait);

        TypeInto(page, "#email", email);
        TypeInto(page, "#displayName", name);
        Choose(page, $"centre-{World.CentreA.Id}", UserAccessForm.Staff);
        Click(page, "#invite-create");

        page.WaitForAssertion(() => page.Markup.Should().Contain(message), Wait);
        await using var db = World.NewDb();
        (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
    }

    [Fact]
    public async Task A_name_of_twenty_thousand_characters_is_refused_even_past_the_fields_limit()
    {
        await SignInAsync(World.Admin);
        var email = $"{TestCatalogue.Unique("long")}@example.org";
        var page = Open<UserInvitePage>();
        page.WaitForAssertion(() => page.FindAll($"#centre-{World.CentreA.Id}").Should().NotBeEmpty(), Wait);

        TypeInto(page, "#email", email);
        TypeInto(page, "#displayName", new string('x', 20_000));
        Choose(page, $"centre-{World.CentreA.Id}", UserAccessForm.Staff);
        Click(page, "#invite-create");

        page.WaitForAssertion(() => page.Markup.Should().Contain("at most 200 characters"), Wait);
        await using (var db = World.NewDb())
        {
            (await db.Users.AnyAsync(u => u.Email == email)).Should().BeFalse();
        }
        StaffAccountAdministration.DisplayNameProblem(new string('x', 20_000)).Should().Be(AccountProblem.DisplayNameTooLong, "the save checks it too");
    }

    [Theory]
    [InlineData("<script>@example.org")]
    [InlineData("a\0b@example.org")]
    [InlineData("'; DROP TABLE users; --@x")]
    [InlineData("=HYPERLINK(\"x\")@example.org")]
    public async Task A_hostile_address_is_refused_and_creates_nothing(string email)
    {
        await SignInAsync(World.Admin);
        var page = Open<UserInvitePage>();
        page.WaitForAssertion(() => page.FindAll($"#centre-{World.CentreA.Id}").Should().NotBeEmpty(), Wait);

        TypeInto(page, "#email", email);
        Choose(page, $"centre-{World.CentreA.Id}", UserAccessForm.Staff);
        Click(page, "#invite-create");

        page.WaitForAssertion(() => page.FindAll(".mud-input-error, .mud-alert-text-error, .mud-alert-filled-error, .mud-alert").Should().NotBeEmpty(), Wait);
        page.FindAll("script").Should().BeEmpty();
        await using var db = World.NewDb();
        var stored = email.Replace("\0", "", StringComparison.Ordinal); // PostgreSQL could hold no NUL anyway
        (await db.Users.AnyAsync(u => u.Email == stored)).Should().BeFalse();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("%_\\")]
    [InlineData("' OR 1=1 --")]
    [InlineData("\0zz\0")]
    public async Task A_hostile_search_finds_nothing_it_should_not_and_breaks_nothing(string text)
    {
        await SignInAsync(World.Admin);
        var page = Open<UserListPage>();
        page.WaitForAssertion(() => page.FindAll("a[href^='/admin/users/']").Should().NotBeEmpty(), Wait);

        TypeInto(page, "#users-search", text);

        // The invitation tests of this class may have stored an account under this very text: it is found, escaped.
        var expected = await AccountsContainingAsync(text);
        page.WaitForAssertion(() => page.Find("#users-count").TextContent.Should().Be($"{expected} accounts"), Wait);
        page.FindAll("script").Should().BeEmpty();
    }

    private async Task<int> AccountsContainingAsync(string text)
    {
        await using var db = World.NewDb();
        var accounts = await db.Users.AsNoTracking().Select(u => new { u.DisplayName, u.Email }).ToListAsync();
        return accounts.Count(a => a.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (a.Email ?? "").Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    private async Task WaitForUserAsync(string email, Action<Web.Domain.StaffUser> found)
    {
        var until = DateTime.UtcNow + Wait;
        while (true)
        {
            await using var db = World.NewDb();
            if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == email) is { } user)
            {
                found(user);
                return;
            }
            DateTime.UtcNow.Should().BeBefore(until, $"the account {email} should have been created");
            await Task.Delay(100);
        }
    }
}
