using System.Text;

namespace FamilyServices.BrowserTests.Infrastructure;

/// <summary>
/// Where the full-page screenshots go: $FS_SCREENSHOTS, or .data/test-results/screenshots in the repository.
/// One file per page a test saw: &lt;test&gt;__&lt;NN-step&gt;__&lt;viewport&gt;__&lt;language&gt;.png
/// </summary>
public static class Screenshots
{
    public const string Variable = "FS_SCREENSHOTS";

    public static string Folder { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(RepoPaths.Root, ".data", "test-results", "screenshots");

    public static string PathFor(string test, int number, string step, Viewport viewport, string language) =>
        Path.Combine(Folder, $"{Safe(test)}__{number:00}-{Safe(step)}__{viewport.Name}__{Safe(language)}.png");

    private static string Safe(string part)
    {
        var text = new StringBuilder(part.Length);
        foreach (var c in part) text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        return text.ToString();
    }
}
