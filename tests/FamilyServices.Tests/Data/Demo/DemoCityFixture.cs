using FamilyServices.Tests.Features.Operations;
using FamilyServices.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>
/// A portal whose database holds one demo city, loaded once with the operator command. The five cities are shared by
/// every test class of the <see cref="DemoCitiesCollection"/>, so a run loads each city once, however many classes read it.
/// </summary>
public abstract class DemoCityFixture(string demo) : PortalFixture, IAsyncLifetime
{
    public string LoadOutput { get; private set; } = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        var (exitCode, output, errors) = await OperatorCommandsTests.RunAsync(Services, "seed-demo", demo);
        if (exitCode != 0) throw new InvalidOperationException($"seed-demo {demo} failed: {errors}");
        LoadOutput = output;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Tests read a whole city through the public APIs; the limit itself is proved in RateLimit and HsdsRateLimit tests.
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "100000");
    }
}

public sealed class KocaeliDemoFixture() : DemoCityFixture("kocaeli");

public sealed class HerneDemoFixture() : DemoCityFixture("herne");

public sealed class LeeuwardenDemoFixture() : DemoCityFixture("leeuwarden");

public sealed class WiesbadenDemoFixture() : DemoCityFixture("wiesbaden");

public sealed class MayenKoblenzDemoFixture() : DemoCityFixture("mayen-koblenz");

/// <summary>The test classes that read the demo cities; they run one after another and share each loaded city.</summary>
[CollectionDefinition(Name)]
public sealed class DemoCitiesCollection :
    ICollectionFixture<KocaeliDemoFixture>, ICollectionFixture<HerneDemoFixture>, ICollectionFixture<LeeuwardenDemoFixture>,
    ICollectionFixture<WiesbadenDemoFixture>, ICollectionFixture<MayenKoblenzDemoFixture>
{
    public const string Name = "Demo cities";
}
