namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>Picks the reader for a file by its name and first bytes: JSON, ndjson, a .zip data package, or a folder.</summary>
public static class HsdsDatasetReader
{
    /// <summary>The default limit of a dataset's size (Portal:OpenData:ImportMaxBytes overrides it).</summary>
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public static HsdsDataset Read(string fileName, byte[] bytes, long maxBytes = DefaultMaxBytes)
    {
        var name = Path.GetFileName(fileName);
        if (bytes.LongLength > maxBytes) return Refused(name, TooLarge(bytes.LongLength, maxBytes));
        if (bytes.Length == 0) return Refused(name, "The file is empty.");
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var isZip = bytes.Length > 3 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K';
        if (isZip || extension == ".zip") return HsdsTabularReader.ReadZip(name, bytes);
        if (extension is ".ndjson" or ".jsonl") return HsdsJsonReader.ReadNdjson(name, bytes);
        if (extension == ".csv")
        {
            return Refused(name, "A single CSV file is not an HSDS dataset: the tabular form is a data package, a .zip of datapackage.json, " +
                "services.csv, organizations.csv, locations.csv, service_at_locations.csv and the other tables.");
        }
        var first = bytes.SkipWhile(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or 0xEF or 0xBB or 0xBF).FirstOrDefault();
        if (first is not ((byte)'[' or (byte)'{')) return Refused(name, HsdsJsonReader.NotADataset);
        // ndjson saved as .json: several objects, one a line.
        if (first == (byte)'{' && LooksLikeNdjson(bytes)) return HsdsJsonReader.ReadNdjson(name, bytes);
        return HsdsJsonReader.ReadJson(name, bytes);
    }

    /// <summary>A file, or a folder holding a tabular data package.</summary>
    public static HsdsDataset ReadPath(string path, long maxBytes = DefaultMaxBytes)
    {
        if (Directory.Exists(path))
        {
            var size = Directory.EnumerateFiles(path).Sum(f => new FileInfo(f).Length);
            return size > maxBytes ? Refused(Path.GetFileName(path), TooLarge(size, maxBytes)) : HsdsTabularReader.ReadFolder(path);
        }
        if (!File.Exists(path)) return Refused(Path.GetFileName(path), $"There is no file or folder {path}.");
        var length = new FileInfo(path).Length;
        return length > maxBytes ? Refused(Path.GetFileName(path), TooLarge(length, maxBytes)) : Read(path, File.ReadAllBytes(path), maxBytes);
    }

    public static string SizeText(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    private static string TooLarge(long size, long max) =>
        $"The dataset is {SizeText(size)}; the limit is {SizeText(max)}. Split it into several files (by organisation, say) and import them one after another.";

    private static bool LooksLikeNdjson(byte[] bytes)
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1 << 20)).Trim();
        var lines = text.Split('\n').Where(l => l.Trim().Length > 0).Take(3).ToList();
        return lines.Count > 1 && lines.All(l => l.TrimStart().StartsWith('{') && l.TrimEnd().EndsWith('}'));
    }

    private static HsdsDataset Refused(string name, string reason)
    {
        var dataset = new HsdsDataset { Source = name };
        dataset.Problem(new ImportPlace(name), reason);
        return dataset;
    }
}
