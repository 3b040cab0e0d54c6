namespace FamilyServices.Tests.Infrastructure;

/// <summary>Folders of the repository, found by walking up from the test binaries to FamilyServices.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "FamilyServices.Web");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FamilyServices.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException($"FamilyServices.sln not found above {AppContext.BaseDirectory}.");
    }
}
