namespace FamilyServices.Web.Data.Migrations;

/// <summary>Reads a reviewed migration script embedded from Data/Migrations/Sql.</summary>
internal static class SqlScript
{
    public static string Read(string fileName)
    {
        var assembly = typeof(SqlScript).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(name => name.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
