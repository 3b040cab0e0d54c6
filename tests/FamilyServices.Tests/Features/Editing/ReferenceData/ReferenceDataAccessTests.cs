using System.Net;
using System.Text.RegularExpressions;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using FamilyServices.Web.Features.Editing.ReferenceData.Districts;
using FamilyServices.Web.Features.Editing.ReferenceData.Organisations;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// Reference data (centres, organisations, categories, districts) is edited by Editors and Admins only: centre
/// staff and officials are refused every page and every form post, and nothing changes; anonymous visitors are sent
/// to sign in. A new route here fails the first test until it is added to <see cref="KnownRoutes"/>.
/// </summary>
public partial class ReferenceDataAccessTests(ReferenceDataFixture portal) : IClassFixture<ReferenceDataFixture>
{
    private static readonly string[] KnownRoutes =
    [
        "/editor/centres", "/editor/centres/new", "/editor/centres/{Id:int}", "/editor/centres/{Id:int}/history",
        "/editor/organisations", "/editor/organisations/new", "/editor/organisations/{Id:int}", "/editor/organisations/{Id:int}/history",
        "/editor/categories", "/editor/categories/new", "/editor/categories/{Id:int}", "/editor/categories/{Id:int}/history",
        "/editor/districts", "/editor/districts/new", "/editor/districts/{Id:int}", "/editor/districts/{Id:int}/history",
        "/editor/districts/import",
    ];

    private List<string> Routes() => portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
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
        var centre = await portal.CentreAsync();
        var ids = new Dictionary<string, int>
        {
            ["/editor/centres"] = centre.Id,
            ["/editor/organisations"] = centre.OperatorId,
            ["/editor/categories"] = (await portal.CategoryAsync("Bewegung")).Id,
            ["/editor/districts"] = centre.DistrictId,
        };
        using var anonymous = await portal.ClientAsync();
        using var staff = await portal.ClientAsync(EditingPortalFixture.CentreStaff);
        using var official = await portal.ClientAsync(EditingPortalFixture.Official);
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        using var admin = await portal.ClientAsync(EditingPortalFixture.Admin);

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
    public async Task Centre_staff_and_officials_cannot_change_anything_by_posting_forms(string email)
    {
        var centre = await portal.CentreAsync();
        var category = await portal.CategoryAsync("Zum Löschen");
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        using var refused = await portal.ClientAsync(email);
        // Their own antiforgery token, from a page they may open (the sign-out form is on every page).
        var token = (await Html.ParseAsync(await refused.GetAsync("/"))).AntiforgeryToken();
        var before = await CountsAsync();

        var renamed = (await BrowserForm.OpenAsync(editor, CentreEditPage.PathFor(centre.Id), "centre"))
            .Set("name", "Übernommen").Set("__RequestVerificationToken", token);
        var created = (await BrowserForm.OpenAsync(editor, OrganisationEditPage.NewPath, "organisation"))
            .Set("code", "NEU-ORG").Set("name", "Neue Organisation").Set("__RequestVerificationToken", token);
        var deleted = (await BrowserForm.OpenAsync(editor, CategoryEditPage.PathFor(category.Id), "delete")).Set("__RequestVerificationToken", token);
        var responses = new[]
        {
            await renamed.PostAsync(refused, CentreEditPage.PathFor(centre.Id)),
            await created.PostAsync(refused, OrganisationEditPage.NewPath),
            await deleted.PostAsync(refused, CategoryEditPage.PathFor(category.Id)),
            await UploadWithTokenAsync(refused, token, $"district_code,year,age_band,children\n{await DistrictCodeAsync(centre.DistrictId)},2025,0-2,100\n"),
        };

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.AbsolutePath.Should().Be("/status/403");
        }
        (await CountsAsync()).Should().Be(before, "nothing was written");
        await using var db = portal.NewDb();
        (await db.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be(centre.Name);
    }

    [Fact]
    public async Task Editors_and_admins_create_reference_data()
    {
        using var editor = await portal.ClientAsync(EditingPortalFixture.Editor);
        using var admin = await portal.ClientAsync(EditingPortalFixture.Admin);

        var organisation = (await BrowserForm.OpenAsync(admin, OrganisationEditPage.NewPath, "organisation"))
            .Set("code", "AWO-TEST").Set("name", "AWO Testverband").Set("kind", "WelfareAssociation").Set("website", "https://awo.example.org");
        var createdByAdmin = await organisation.PostAsync(admin, OrganisationEditPage.NewPath);
        var district = (await BrowserForm.OpenAsync(editor, DistrictEditPage.NewPath, "district"))
            .Set("code", "NORD-TEST").Set("name", "Nord").Set("isFocusArea", "true");
        var createdByEditor = await district.PostAsync(editor, DistrictEditPage.NewPath);

        createdByAdmin.StatusCode.Should().Be(HttpStatusCode.Redirect);
        createdByAdmin.Headers.Location!.PathAndQuery.Should().MatchRegex(@"^/editor/organisations/\d+\?done=created$");
        createdByEditor.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = portal.NewDb();
        var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.Code == "AWO-TEST");
        stored.Website.Should().Be("https://awo.example.org");
        (await db.Districts.AsNoTracking().SingleAsync(d => d.Code == "NORD-TEST")).IsFocusArea.Should().BeTrue();
        var history = await portal.HistoryAsync("Organisation", stored.Id);
        history.Should().ContainSingle().Which.Action.Should().Be("Created");
        history[0].ChangedById.Should().NotBeNull("the history names who made the change");

        var page = await Html.ParseAsync(await admin.GetAsync(createdByAdmin.Headers.Location.PathAndQuery));
        page.Find("//p[@role='status']").Text().Should().Be("Organisation created.");
    }

    private async Task<(int Centres, int Organisations, int Categories, int Populations, int Changes)> CountsAsync()
    {
        await using var db = portal.NewDb();
        return (await db.Centres.CountAsync(), await db.Organisations.CountAsync(), await db.Categories.CountAsync(),
            await db.DistrictPopulations.CountAsync(), await db.CatalogueChanges.CountAsync());
    }

    private async Task<string> DistrictCodeAsync(int id)
    {
        await using var db = portal.NewDb();
        return await db.Districts.Where(d => d.Id == id).Select(d => d.Code).SingleAsync();
    }

    private static async Task<HttpResponseMessage> UploadWithTokenAsync(HttpClient client, string token, string csv)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("import"), "_handler" },
        };
        content.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "population.csv");
        return await client.PostAsync(DistrictImportPage.Path, content);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
