using System.Globalization;
using System.Security.Claims;
using System.Text;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Editing.ReferenceData.Districts;

/// <summary>A problem with the file: the line (1 is the header; 0 for the file as a whole), a UI string key and its values.</summary>
public sealed record PopulationImportProblem(int Line, string Key, params object[] Values);

public sealed record PopulationImportResult(int Added, int Changed, int Unchanged, IReadOnlyList<PopulationImportProblem> Problems)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// Imports child population per district, year and age band from a small CSV file (a city has dozens of districts,
/// so a file has a few thousand rows at most; plain C# over the parsed file, no staging table). All or nothing:
/// every line is checked first and each bad one is reported with its number and a reason; only a clean file is
/// written, as one save through the DbContext, so the audit records the changes on each district. Rows already
/// stored with the same number are left alone, so importing the same file again changes nothing.
/// </summary>
public sealed class DistrictPopulationImporter(FamilyServicesDb db)
{
    public const long MaxBytes = 1024 * 1024;
    public const string MaxSizeText = "1 MB";
    public const string Header = "district_code,year,age_band,children";
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>A file that is wrong throughout (the wrong file chosen) would list thousands of lines; the first ones tell enough.</summary>
    public const int MaxProblems = 200;

    private static readonly string[] Columns = ["district_code", "year", "age_band", "children"];

    private sealed record Row(int Line, int DistrictId, int Year, string AgeBand, int Children);

    /// <summary>Checks and imports the file for <paramref name="user"/>, an Editor or Admin as the account is now; anyone else is refused and nothing is read.</summary>
    public async Task<PopulationImportResult> ImportAsync(ClaimsPrincipal user, byte[] file, CancellationToken cancellationToken)
    {
        if (!user.IsEditor()) return Refused([new PopulationImportProblem(0, "RefNotAllowedNow")]);
        var districts = await db.Districts.AsNoTracking().Select(d => new { d.Id, d.Code }).ToListAsync(cancellationToken);
        var byCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var district in districts.OrderBy(d => d.Code, StringComparer.Ordinal)) byCode.TryAdd(district.Code, district.Id);
        var codes = districts.ToDictionary(d => d.Id, d => d.Code);

        var (rows, problems) = Parse(file, byCode, codes);
        if (problems.Count > 0) return Refused(problems);

        var districtIds = rows.Select(r => r.DistrictId).Distinct().ToList();
        var stored = (await db.DistrictPopulations.Where(p => districtIds.Contains(p.DistrictId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.DistrictId, p.Year, p.AgeBand));
        int added = 0, changed = 0, unchanged = 0;
        foreach (var row in rows)
        {
            if (!stored.TryGetValue((row.DistrictId, row.Year, row.AgeBand), out var population))
            {
                db.DistrictPopulations.Add(new DistrictPopulation { DistrictId = row.DistrictId, Year = row.Year, AgeBand = row.AgeBand, Children = row.Children });
                added++;
            }
            else if (population.Children != row.Children)
            {
                population.Children = row.Children;
                changed++;
            }
            else
            {
                unchanged++;
            }
        }
        if (added + changed > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (EditorForms.IsUniqueViolation(exception, out _))
            {
                // Someone imported figures for the same districts at the same moment: nothing of this file was written.
                db.ChangeTracker.Clear();
                return Refused([new PopulationImportProblem(0, "RefImportRace")]);
            }
        }
        return new PopulationImportResult(added, changed, unchanged, []);
    }

    private static PopulationImportResult Refused(IReadOnlyList<PopulationImportProblem> problems) => new(0, 0, 0, problems);

    /// <summary>Reads and checks every line; the rows are usable only when there are no problems.</summary>
    private static (List<Row> Rows, List<PopulationImportProblem> Problems) Parse(byte[] file, Dictionary<string, int> districtsByCode, Dictionary<int, string> codes)
    {
        var rows = new List<Row>();
        var problems = new List<PopulationImportProblem>();
        var lines = Lines(file);
        if (lines.All(l => l.Text is { } text && text.Trim().Length == 0))
        {
            problems.Add(new PopulationImportProblem(0, "RefImportEmpty", Header));
            return (rows, problems);
        }

        var (headerLine, headerText) = lines.First(l => l.Text is null || l.Text.Trim().Length > 0);
        if (headerText is null)
        {
            problems.Add(new PopulationImportProblem(headerLine, "RefImportNotUtf8"));
            return (rows, problems);
        }
        // Spreadsheets in German or Dutch settings save with semicolons; the header shows which one the file uses.
        var separator = !headerText.Contains(',', StringComparison.Ordinal) && headerText.Contains(';', StringComparison.Ordinal) ? ';' : ',';
        if (!Split(headerText, separator, out var headerFields)
            || !headerFields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Columns))
        {
            problems.Add(new PopulationImportProblem(headerLine, "RefImportWrongHeader", Header, Shorten(headerText, 80)));
            return (rows, problems);
        }

        var seen = new Dictionary<(int, int, string), int>();
        foreach (var (number, text) in lines.Where(l => l.Line > headerLine))
        {
            if (problems.Count >= MaxProblems) break;
            if (text is null)
            {
                problems.Add(new PopulationImportProblem(number, "RefImportNotUtf8"));
                continue;
            }
            if (text.Trim().Length == 0) continue;
            if (!Split(text, separator, out var fields))
            {
                problems.Add(new PopulationImportProblem(number, "RefImportQuote"));
                continue;
            }
            if (fields.Count != Columns.Length)
            {
                problems.Add(new PopulationImportProblem(number, "RefImportFieldCount", Columns.Length, fields.Count, Header));
                continue;
            }
            var code = fields[0].Trim();
            var yearText = fields[1].Trim();
            var bandText = fields[2].Trim();
            var childrenText = fields[3].Trim();
            var ok = true;

            var districtId = 0;
            if (code.Length == 0) Problem("RefImportDistrictMissing");
            else if (!districtsByCode.TryGetValue(code, out districtId)) Problem("RefImportDistrictUnknown", Shorten(code, 40));

            var year = 0;
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year)) Problem("RefImportYearNotNumber", Shorten(yearText, 20), MinYear, MaxYear);
            else if (year is < MinYear or > MaxYear) Problem("RefImportYearRange", year, MinYear, MaxYear);

            var band = NormaliseBand(bandText);
            if (!AgeBand.IsKnown(band)) Problem("RefImportBandUnknown", Shorten(bandText, 20), string.Join(", ", AgeBand.All.Select(b => b.Code)));

            if (!int.TryParse(childrenText, NumberStyles.None, CultureInfo.InvariantCulture, out var children)) Problem("RefImportChildrenInvalid", Shorten(childrenText, 20));

            if (!ok) continue;
            if (seen.TryGetValue((districtId, year, band), out var first))
            {
                problems.Add(new PopulationImportProblem(number, "RefImportDuplicate", codes[districtId], year, band, first));
                continue;
            }
            seen.Add((districtId, year, band), number);
            rows.Add(new Row(number, districtId, year, band, children));

            void Problem(string key, params object[] values)
            {
                ok = false;
                problems.Add(new PopulationImportProblem(number, key, values));
            }
        }
        if (problems.Count == 0 && rows.Count == 0) problems.Add(new PopulationImportProblem(headerLine, "RefImportNoRows"));
        return (rows, problems);
    }

    /// <summary>
    /// The file's lines with their numbers; a line that is not UTF-8 has no text. The byte order mark that
    /// spreadsheet programs write is dropped; "\r\n" and "\n" both end a line.
    /// </summary>
    private static List<(int Line, string? Text)> Lines(byte[] file)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var lines = new List<(int, string?)>();
        var start = file.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var number = 1;
        while (start <= file.Length)
        {
            var end = Array.IndexOf(file, (byte)'\n', start);
            if (end < 0) end = file.Length;
            var bytes = file.AsSpan(start, end - start);
            if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
            string? text;
            try
            {
                text = strict.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = null;
            }
            if (end < file.Length || bytes.Length > 0) lines.Add((number, text));
            number++;
            start = end + 1;
        }
        return lines;
    }

    /// <summary>Splits one CSV line; a field may be quoted ("a,b") with "" for a quotation mark. False when a quote is not closed.</summary>
    private static bool Split(string line, char separator, out List<string> fields)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') field.Append(line[++i]);
                else quoted = false;
            }
            else if (c == '"' && field.ToString().Trim().Length == 0) { field.Clear(); quoted = true; }
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return !quoted;
    }

    /// <summary>"0 - 2" and "0–2" (with a dash a word processor made) mean the band "0-2".</summary>
    private static string NormaliseBand(string value) =>
        value.Replace('\u2013', '-').Replace('\u2012', '-').Replace('\u2212', '-').Replace(" ", "", StringComparison.Ordinal);

    private static string Shorten(string value, int max)
    {
        var clean = ReferenceForms.Clean(value);
        return clean.Length > max ? clean[..max] + "…" : clean;
    }
}
