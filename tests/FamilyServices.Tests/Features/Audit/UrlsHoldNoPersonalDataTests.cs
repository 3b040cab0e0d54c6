using System.Globalization;
using Bunit;
using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Tests.Features.Attendance;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Tests.Security;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Users;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Attendance.Import;
using HtmlAgilityPack;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FamilyServices.Tests.Features.Audit;

/// <summary>
/// Codes, nicknames and e-mail addresses stay out of links, form addresses, redirects and the address an interactive
/// page shows; error pages and the frame of an interactive page do not echo input. The staff pages run in a circuit
/// (issue 13): their actions are handlers, not form posts, so what could carry a value into an address is the page's
/// own navigation and the links it renders; both are checked here as the circuit runs them (bunit).
/// </summary>
public sealed class UrlsHoldNoPersonalDataTests : InteractivePageTest, IClassFixture<AuditFixture>
{
    private const string Nickname = "Wilma Urlcheck";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly AuditFixture _portal;
    private readonly List<string> _addresses = [];

    public UrlsHoldNoPersonalDataTests(AuditFixture portal) : base(portal)
    {
        _portal = portal;
        // Every address the page navigates to while it runs (there should be none but its own).
        Services.GetRequiredService<NavigationManager>().LocationChanged += (_, e) => _addresses.Add(e.Location);
    }

    private TestWorld.Account Staff => new(AuditFixture.Staff, _portal.Ids[AuditFixture.Staff], Roles.CentreStaff);

    [Fact]
    public async Task The_roster_keeps_codes_and_nicknames_out_of_its_address_and_its_links_whatever_staff_do_on_it()
    {
        var session = await _portal.SessionAsync();
        var known = _portal.ChildrenA[6];
        var ticked = _portal.ChildrenA[7];
        await SignInAsync(Staff);
        Navigate(RosterPage.PathFor(session.Id));
        Render<MudPopoverProvider>();
        var page = this.OpenRoster(session);

        // A known child added by code with a nickname, a new child registered with one, a tick, the filter by name and by code.
        page.Expand("add-child-panel");
        page.Find("#code").Change(ParticipantCode.Display(known.Code));
        page.Find("#existing-nickname").Change(Nickname);
        page.Press("#add-existing");
        page.WaitForAssertion(() => page.Row(known).TextContent.Should().Contain(Nickname), Wait);
        page.Find("#birth-year").Change("2022");
        await page.ChooseAsync("Birth month", 6);
        await page.ChooseAsync("District where the child lives", _portal.DistrictA.Id);
        page.Find("#new-nickname").Change(Nickname + " Neu");
        await page.ConsentAsync();
        page.Press("#add-new");
        page.WaitForAssertion(() => page.FindAll("li.roster-row").Should().Contain(r => r.TextContent.Contains(Nickname + " Neu")), Wait);
        page.Tick(ticked, AttendanceStatus.Absent);
        page.WaitForAssertion(() => page.Row(ticked).GetAttribute("data-shown").Should().Be(nameof(AttendanceStatus.Absent)), Wait);
        page.Find("#roster-filter").Input(Nickname);
        page.WaitForAssertion(() => page.FindAll("li.roster-row").Should().HaveCount(2), Wait);
        var markup = page.Markup;
        page.Find("#roster-filter").Input(ParticipantCode.Display(known.Code));
        page.WaitForAssertion(() => page.FindAll("li.roster-row").Should().ContainSingle(), Wait);

        var personal = await PersonalValuesAsync();
        markup.Should().Contain(Nickname, "the roster shows the nickname, so the check below can find it");
        await using (var db = _portal.NewDb())
        {
            (await db.Attendances.SingleAsync(a => a.SessionId == session.Id && a.ParticipantId == ticked.Id)).Status.Should().Be(AttendanceStatus.Absent, "the tick was saved");
        }
        ShouldStayAt(RosterPage.PathFor(session.Id), personal);
        foreach (var url in UrlsOf(markup).Concat(UrlsOf(page.Markup))) ShouldHoldNone(url, personal);
    }

    [Fact]
    public async Task The_sign_in_the_import_page_and_the_account_pages_put_no_personal_values_into_addresses()
    {
        using var anonymous = await _portal.ClientAsync();
        var failed = await UsersFixture.SignInAsync(anonymous, AuditFixture.Staff, "wrong wrong wrong wrong");
        var signedIn = await UsersFixture.SignInAsync(anonymous, AuditFixture.Staff, AuditFixture.Password);
        var unknownCode = "QQQQ-QQQQ";

        // The import page, with a file whose errors name a child's code and an unknown one.
        await SignInAsync(Staff);
        Navigate("/staff/import");
        var day = _portal.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var import = Render<ImportPage>();
        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(
            "offering_code,session_date,start_time,participant_code,birth_year,birth_month,district_code,status\n"
            + $"{_portal.OfferingA.Code},{day},10:00,{_portal.ChildrenA[1].Code},,,,maybe\n"
            + $"{_portal.OfferingA.Code},{day},10:00,{unknownCode},,,,present\n", "attendance.csv", contentType: "text/csv"));
        import.WaitForAssertion(() => import.Find("#import-submit").HasAttribute("disabled").Should().BeFalse(), Wait);
        import.Find("#import-submit").Click();
        import.WaitForAssertion(() => import.FindAll("#import-failed").Should().NotBeEmpty(), Wait);
        var importMarkup = import.Markup;
        ShouldStayAt("/staff/import", [.. await PersonalValuesAsync(), unknownCode]);

        // The Admin's list of accounts and one account's page.
        _addresses.Clear();
        await SignInAsync(_portal.NamedAdmin);
        Navigate(UserPages.ListPath);
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var users = Render<UserListPage>();
        users.WaitForAssertion(() => users.Markup.Should().Contain(AuditFixture.Staff, "the list shows addresses, so the check below can find them"), Wait);
        var usersMarkup = users.Markup;
        ShouldStayAt(UserPages.ListPath, await PersonalValuesAsync());
        Navigate(UserPages.PathFor(Staff.Id));
        var account = Render<UserEditPage>(p => p.Add(x => x.Id, Staff.Id));
        account.WaitForAssertion(() => account.Markup.Should().Contain(AuditFixture.Staff), Wait);

        var personal = await PersonalValuesAsync();
        foreach (var response in new[] { failed, signedIn })
        {
            if (response.Headers.Location is { } location) ShouldHoldNone(location.OriginalString, personal);
        }
        foreach (var url in UrlsOf(importMarkup).Concat(UrlsOf(usersMarkup)).Concat(UrlsOf(account.Markup))) ShouldHoldNone(url, [.. personal, unknownCode]);
    }

    [Theory]
    [InlineData("/no/such/page/{code}?email={email}")]
    [InlineData("/officials/reach/export.csv?year={code}")]
    public async Task Error_pages_do_not_echo_what_was_sent(string template)
    {
        var code = _portal.ChildrenA[0].Code;
        using var staff = await _portal.ClientAsync(AuditFixture.Admin);

        var response = await staff.GetAsync(template.Replace("{code}", code).Replace("{email}", Uri.EscapeDataString(AuditFixture.Official)));

        response.IsSuccessStatusCode.Should().BeFalse();
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain(code).And.NotContain(AuditFixture.Official).And.NotContain(Uri.EscapeDataString(AuditFixture.Official));
        if (response.Headers.Location is { } location) ShouldHoldNone(location.OriginalString, [code, AuditFixture.Official]);
    }

    /// <summary>
    /// An interactive page answers any address under its route with its frame (200), which holds nothing of the
    /// address but the path the browser already has; what the page then shows in its circuit ("not found") echoes
    /// neither the query nor the unknown id.
    /// </summary>
    [Fact]
    public async Task Interactive_pages_do_not_echo_what_was_sent_neither_in_their_frame_nor_in_their_circuit()
    {
        var code = _portal.ChildrenA[0].Code;
        var email = AuditFixture.Official;
        var sent = new[] { code, ParticipantCode.Display(code), email, Uri.EscapeDataString(email) };
        var rosterPath = $"/staff/sessions/999999999?code={code}&email={Uri.EscapeDataString(email)}";
        using var admin = await _portal.ClientAsync(AuditFixture.Admin);

        foreach (var path in new[] { rosterPath, UserPages.PathFor(email) })
        {
            var response = await admin.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            EndpointWalk.IsFrame(body).Should().BeTrue($"{path} answers the frame of its page");
            foreach (var value in sent) body.Should().NotContainEquivalentOf(value, $"the frame of {path} must not echo it");
        }

        await SignInAsync(_portal.NamedAdmin);
        Navigate(rosterPath);
        Render<MudPopoverProvider>();
        var roster = Render<RosterPage>(p => p.Add(x => x.SessionId, 999999999));
        roster.WaitForAssertion(() => roster.FindAll(".mud-alert").Should().NotBeEmpty(), Wait);
        Navigate(UserPages.PathFor(email));
        var account = Render<UserEditPage>(p => p.Add(x => x.Id, email));
        account.WaitForAssertion(() => account.Markup.Should().Contain("This account no longer exists"), Wait);

        foreach (var value in sent)
        {
            roster.Markup.Should().NotContainEquivalentOf(value, "the roster's not-found message must not echo the query");
            account.Markup.Should().NotContainEquivalentOf(value, "the account page's not-found message must not echo the address it was given");
        }
    }

    private void Navigate(string path) => Services.GetRequiredService<NavigationManager>().NavigateTo(path);

    /// <summary>The page navigated nowhere but where it was opened, and its address holds no personal value.</summary>
    private void ShouldStayAt(string path, IReadOnlyCollection<string> personal)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.ToBaseRelativePath(navigation.Uri).Split('?')[0].Should().Be(path.TrimStart('/'), "the page's actions do not navigate");
        foreach (var address in _addresses.Append(navigation.Uri)) ShouldHoldNone(address, personal);
        _addresses.Clear();
    }

    private static IEnumerable<string> UrlsOf(string markup)
    {
        var document = new HtmlDocument();
        document.LoadHtml(markup);
        return AuditPageTests.UrlsOf(document);
    }

    private async Task<List<string>> PersonalValuesAsync()
    {
        await using var db = _portal.NewDb();
        var codes = await db.Participants.Select(p => p.Code).ToListAsync();
        var nicknames = await db.ParticipantNicknames.Select(n => n.Nickname).ToListAsync();
        var emails = await db.Users.Select(u => u.Email!).ToListAsync();
        return [.. codes, .. codes.Select(ParticipantCode.Display), .. nicknames, .. emails, .. emails.Select(Uri.EscapeDataString)];
    }

    private static void ShouldHoldNone(string url, IEnumerable<string> personal)
    {
        var decoded = Uri.UnescapeDataString(url);
        foreach (var value in personal)
        {
            decoded.Should().NotContainEquivalentOf(value, $"an address ({url}) must not carry personal data");
        }
    }
}
