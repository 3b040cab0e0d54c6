using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Bunit;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using FamilyServices.Web.Features.Editing.ReferenceData.Districts;
using FamilyServices.Web.Features.Editing.ReferenceData.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// Reference data (centres, organisations, categories, districts) is edited by Editors and Admins only: centre staff
/// and officials are refused every page, and every save, delete and import refuses them with nothing changed, also
/// when the right was taken away while a page stood open. Anonymous visitors are sent to sign in. A new route here
/// fails the first test until it is added to <see cref="KnownRoutes"/>.
/// </summary>
public partial class ReferenceDataAccessTests(ReferenceDataFixture world) : EditorPageTest<ReferenceDataFixture>(world), IClassFixture<ReferenceDataFixture>
{
    private static readonly string[] KnownRoutes =
    [
        "/editor/centres", "/editor/centres/new", "/editor/centres/{Id:int}", "/editor/centres/{Id:int}/history",
        "/editor/organisations", "/editor/organisations/new", "/editor/organisations/{Id:int}", "/editor/organisations/{Id:int}/history",
        "/editor/categories", "/editor/categories/new", "/editor/categories/{Id:int}", "/editor/categories/{Id:int}/history",
        "/editor/districts", "/editor/districts/new", "/editor/districts/{Id:int}", "/editor/districts/{Id:int}/history",
        "/editor/districts/import",
    ];

    private List<string> Routes() => World.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
        .Where(route => new[] { "/editor/centres", "/editor/organisations", "/editor/categories", "/editor/districts" }
            .Any(prefix => route == prefix || route.StartsWith(prefix + "/", StringComparison.Ordinal)))
        .Distinct()
        .ToList();

    [Fact]
    public void Every_reference_data_route_is_known()
    {
        Routes().Should().BeEquivalentTo(KnownRoutes);
    }

    [Fact]
    public async Task Every_page_sends_anonymous_visitors_to_sign_in_refuses_centre_staff_and_officials_and_opens_for_editors_and_admins()
    {
        var centre = await World.CentreAsync();
        var ids = new Dictionary<string, int>
        {
            ["/editor/centres"] = centre.Id,
            ["/editor/organisations"] = centre.OperatorId,
            ["/editor/categories"] = (await World.CategoryAsync("Bewegung")).Id,
            ["/editor/districts"] = centre.DistrictId,
        };
        using var anonymous = await World.ClientAsync();
        using var staff = await World.ClientAsync(EditingPortalFixture.CentreStaff);
        using var official = await World.ClientAsync(EditingPortalFixture.Official);
        using var editor = await World.ClientAsync(EditingPortalFixture.Editor);
        using var admin = await World.ClientAsync(EditingPortalFixture.Admin);

        foreach (var route in Routes())
        {
            var id = ids.First(i => route.StartsWith(i.Key, StringComparison.Ordinal)).Value;
            var path = Parameter().Replace(route, ReferenceDataFixture.Id(id));

            var signIn = await anonymous.GetAsync(path);
            signIn.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            signIn.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in", path);
            foreach (var refused in new[] { staff, official })
            {
                var response = await refused.GetAsync(path);
                response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
                response.Headers.Location!.AbsolutePath.Should().Be("/status/403", path);
            }
            (await editor.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
            (await admin.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK, path);
        }
    }

    [Theory]
    [InlineData(EditingPortalFixture.CentreStaff)]
    [InlineData(EditingPortalFixture.Official)]
    public async Task Centre_staff_and_officials_can_neither_save_delete_nor_import_and_nothing_changes(string email)
    {
        var centre = await World.CentreAsync();
        var category = await World.CategoryAsync("Zum Löschen");
        var district = await World.DistrictAsync();
        var user = await World.PrincipalAsync(email);
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        CentreForm centreForm;
        await using (var read = World.NewDb())
        {
            centreForm = CentreForm.From((await CentreEditor.FindAsync(read, editor, centre.Id))!);
            (await CentreEditor.FindAsync(read, user, centre.Id)).Should().BeNull("they may not even read the editor's view of it");
        }
        centreForm.Name = "Übernommen";
        var before = await CountsAsync();

        await using var db = await World.DbForAsync(user);
        var results = new[]
        {
            await CentreEditor.SaveAsync(db, user, centre.Id, centreForm, World.SaveContext()),
            await OrganisationEditor.SaveAsync(db, user, null, new OrganisationForm { Code = "NEU-ORG", Name = "Neue Organisation" }, World.SaveContext()),
            await DistrictEditor.SaveAsync(db, user, district.Id, new DistrictForm { Code = "X", Name = "Y", Version = "1" }, World.SaveContext()),
            await CategoryEditor.SaveAsync(db, user, null, new CategoryForm { Code = "neu" }, World.SaveContext(), new("en", "de")),
            await CategoryEditor.DeleteAsync(db, user, category.Id, ReferenceForms.Version(category.Version), World.SaveContext(), new("en", "de")),
        };
        var import = await new DistrictPopulationImporter(db).ImportAsync(user, Encoding.UTF8.GetBytes($"district_code,year,age_band,children\n{district.Code},2025,0-2,100\n"), default);

        results.Select(r => r.Status).Should().AllBeEquivalentTo(ReferenceSaveStatus.Refused);
        import.Imported.Should().BeFalse();
        (await CountsAsync()).Should().Be(before, "nothing was written");
        await using var check = World.NewDb();
        (await check.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be(centre.Name);
    }

    [Fact]
    public async Task An_editor_whose_role_is_taken_away_while_the_centre_page_is_open_saves_nothing()
    {
        var centre = await World.CentreAsync();
        var editor = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.Editor);
        await SignInAsync(editor);
        var page = Open<CentreEditPage>(CentreEditPage.PathFor(centre.Id), p => p.Add(x => x.Id, centre.Id));
        await page.TypeAsync("name", "Übernommen");
        await TakeRoleAsync(editor, Roles.Editor);
        var before = await CountsAsync();

        await page.PressAsync("Save");

        await EventuallyAsync(() => Snackbars.Should().Contain("You may no longer do this"));
        (await CountsAsync()).Should().Be(before);
        await using var db = World.NewDb();
        (await db.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be(centre.Name);
    }

    [Fact]
    public async Task A_deactivated_editor_can_neither_save_an_organisation_nor_delete_a_category_from_open_pages()
    {
        var organisation = await World.OrganisationAsync();
        var category = await World.CategoryAsync("Bleibt");
        var editor = await World.AccountAsync($"gone.{Guid.NewGuid():N}@example.org", Roles.Editor);
        await SignInAsync(editor);
        var organisationPage = Open<OrganisationEditPage>(OrganisationEditPage.PathFor(organisation.Id), p => p.Add(x => x.Id, organisation.Id));
        var categoryPage = Render<CategoryEditPage>(p => p.Add(x => x.Id, category.Id));
        await EventuallyAsync(() => categoryPage.FindAll("h1").Should().ContainSingle().Which.TextContent.Should().Be("Bleibt"));
        await organisationPage.TypeAsync("name", "Übernommen");
        await DeactivateAsync(editor);
        var before = await CountsAsync();

        await organisationPage.PressAsync("Save");
        await EventuallyAsync(() => Snackbars.Should().Contain("You may no longer do this"));
        await categoryPage.PressAsync("Delete category");
        await EventuallyAsync(() => DialogHost.FindAll("button").Should().NotBeEmpty());
        await DialogHost.ClickAsync(() => DialogHost.FindAll("button"), "Delete category");

        await EventuallyAsync(() => Regex.Count(Snackbars, "You may no longer do this").Should().Be(2));
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task An_editor_whose_role_is_taken_away_while_the_district_page_is_open_saves_nothing()
    {
        var district = await World.DistrictAsync();
        var editor = await World.AccountAsync($"leaving.{Guid.NewGuid():N}@example.org", Roles.Admin);
        await SignInAsync(editor);
        var page = Open<DistrictEditPage>(DistrictEditPage.PathFor(district.Id), p => p.Add(x => x.Id, district.Id));
        await page.TypeAsync("name", "Übernommen");
        await TakeRoleAsync(editor, Roles.Admin);
        var before = await CountsAsync();

        await page.PressAsync("Save");

        await EventuallyAsync(() => Snackbars.Should().Contain("You may no longer do this"));
        (await CountsAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Editors_and_admins_create_reference_data_on_the_pages_and_the_history_names_them()
    {
        await SignInAsync(World.Accounts[EditingPortalFixture.Admin]);
        var page = Open<OrganisationEditPage>(OrganisationEditPage.NewPath);
        await page.TypeAsync("code", "AWO-TEST");
        await page.TypeAsync("name", "AWO Testverband");
        await page.ChooseAsync("kind", "WelfareAssociation");
        await page.TypeAsync("website", "https://awo.example.org");

        await page.PressAsync("Create");

        await EventuallyAsync(() => Snackbars.Should().Contain("Organisation created."));
        await using var db = World.NewDb();
        var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.Code == "AWO-TEST");
        stored.Website.Should().Be("https://awo.example.org");
        stored.Kind.Should().Be(OrganisationKind.WelfareAssociation);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.Should().EndWith(OrganisationEditPage.PathFor(stored.Id));
        var history = await World.HistoryAsync("Organisation", stored.Id);
        history.Should().ContainSingle().Which.Action.Should().Be("Created");
        history[0].ChangedById.Should().Be(World.Accounts[EditingPortalFixture.Admin].Id, "the history names who made the change");

        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        await using (var save = await World.DbForAsync(editor))
        {
            (await DistrictEditor.SaveAsync(save, editor, null, new DistrictForm { Code = "NORD-TEST", Name = "Nord", IsFocusArea = true }, World.SaveContext()))
                .Status.Should().Be(ReferenceSaveStatus.Created);
        }
        var district = await db.Districts.AsNoTracking().SingleAsync(d => d.Code == "NORD-TEST");
        district.IsFocusArea.Should().BeTrue();
        (await World.HistoryAsync("District", district.Id)).Single().ChangedById.Should().Be(World.Accounts[EditingPortalFixture.Editor].Id);
    }

    private async Task<(int Centres, int Organisations, int Categories, int Districts, int Populations, int Changes)> CountsAsync()
    {
        await using var db = World.NewDb();
        return (await db.Centres.CountAsync(), await db.Organisations.CountAsync(), await db.Categories.CountAsync(), await db.Districts.CountAsync(),
            await db.DistrictPopulations.CountAsync(), await db.CatalogueChanges.CountAsync());
    }

    private async Task TakeRoleAsync(TestWorld.Account account, string role)
    {
        await using var scope = World.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        (await users.RemoveFromRoleAsync((await users.FindByIdAsync(account.Id))!, role)).Succeeded.Should().BeTrue();
    }

    private async Task DeactivateAsync(TestWorld.Account account)
    {
        await using var db = World.NewDb();
        (await db.Users.SingleAsync(u => u.Id == account.Id)).IsActive = false;
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
