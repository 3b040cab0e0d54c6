namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// The demo cities' catalogues: HSDS 3.0 datasets in Data/Demo/Datasets, built into the portal so that seed-demo
/// needs no files beside it. They are the source of the demo catalogues; docs/open-data.md says how to change one.
/// </summary>
internal static class DemoDatasets
{
    private const string Prefix = "demo-datasets/";

    public static string FileName(string city) => $"{city}.json";

    /// <summary>The dataset of <paramref name="city"/> (a demo city's code), or null when the portal has none.</summary>
    public static byte[]? Read(string city)
    {
        using var stream = typeof(DemoDatasets).Assembly.GetManifestResourceStream(Prefix + FileName(city));
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
