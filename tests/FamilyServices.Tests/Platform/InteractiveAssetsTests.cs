using System.Net;
using FamilyServices.Tests.Infrastructure;

namespace FamilyServices.Tests.Platform;

/// <summary>
/// The scripts and styles of the interactive staff area come from packages (blazor.web.js from ASP.NET Core, MudBlazor's
/// files), not from wwwroot: they must be served outside Development too, or no staff page ever starts its circuit.
/// </summary>
public sealed class InteractiveAssetsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/css/staff.css")]
    public async Task The_staff_areas_files_are_served_outside_development(string path)
    {
        using var client = TestAccounts.NewClient(portal);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} is loaded by every staff page");
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(1000);
    }
}
