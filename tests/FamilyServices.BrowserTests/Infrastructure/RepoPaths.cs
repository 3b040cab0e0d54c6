namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>Folders of the repository, found by walking up from the test binaries to FamilyServices.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FamilyServices.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"FamilyServices.sln not found above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    /// <summary>tests/FamilyServices.BrowserTests: holds package.json and, after npm ci, node_modules.</summary>
    public static string BrowserTestsProject => Path.Combine(Root, "tests", "FamilyServices.BrowserTests");
}
