using System.Text;

namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// A reach table as a CSV file (RFC 4180, comma-separated) for spreadsheets: UTF-8 with a byte order mark, so that
/// Excel shows ş, ü and ğ; a header row; the table's rows, then its total rows.
/// </summary>
public static class ReachCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(ReachTable table)
    {
        var csv = new StringBuilder();
        AppendLine(csv, [table.LabelHeading, .. table.Columns]);
        foreach (var row in table.Rows.Concat(table.Footer))
        {
            AppendLine(csv, [row.Label, .. row.Cells.Select(cell => table.Format(cell, forCsv: true))]);
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// One field. Labels come from editors' data, so a text a spreadsheet would run as a formula (=, +, -, @, a tab
    /// or a carriage return first) is made plain text with a leading apostrophe; quotes, commas and line breaks are quoted.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
}
