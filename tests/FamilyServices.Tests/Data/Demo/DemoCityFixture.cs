using FamilyServices.Tests.Features.Operations;
using FamilyServices.Tests.Infrastructure;

namespace FamilyServices.Tests.Data.Demo;

/// <summary>A portal whose database holds one demo city, loaded once with the operator command for all tests of a class.</summary>
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
}

public sealed class KocaeliDemoFixture() : DemoCityFixture("kocaeli");

public sealed class HerneDemoFixture() : DemoCityFixture("herne");

public sealed class MayenKoblenzDemoFixture() : DemoCityFixture("mayen-koblenz");
