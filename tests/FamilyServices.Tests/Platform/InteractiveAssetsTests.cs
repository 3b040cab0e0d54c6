using System.Net;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
    [InlineData("/js/reconnect.js")]
    public async Task The_staff_areas_files_are_served_outside_development(string path)
    {
        using var client = TestAccounts.NewClient(portal);

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} is loaded by every staff page");
        (await response.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Circuits_send_no_exception_details_to_the_browser_outside_development()
    {
        // Detailed errors would show a handler's exception message (which may name a child's code) in the browser.
        portal.Services.GetRequiredService<IOptions<CircuitOptions>>().Value.DetailedErrors.Should().BeFalse();
    }
}
