namespace FamilyServices.Web.Features.Editing.Feedback;

/// <summary>What a member of the public can say is wrong with an entry.</summary>
public enum ReportKind { NoLongerRuns, WrongTimeOrPlace, WrongAddressOrHours, Closed, WrongContact, Other }

/// <summary>
/// The text of a report as stored in <c>entry_reports.message</c>: the chosen kind as a language-neutral code in
/// brackets, then what the visitor wrote ("[WrongContact] The phone number ..."). The table has no column for the
/// kind, so it travels in the message; editors see it as a label in their own language.
/// </summary>
public static class ReportMessage
{
    public const int MinLength = 10;

    /// <summary>The column holds 2000 characters; the longest kind prefix takes 22 of them.</summary>
    public const int MaxLength = 1950;

    public static IReadOnlyList<ReportKind> KindsForProgramme { get; } =
        [ReportKind.NoLongerRuns, ReportKind.WrongTimeOrPlace, ReportKind.WrongContact, ReportKind.Other];

    public static IReadOnlyList<ReportKind> KindsForCentre { get; } =
        [ReportKind.Closed, ReportKind.WrongAddressOrHours, ReportKind.WrongContact, ReportKind.Other];

    /// <summary>Trimmed, with the line breaks browsers send (CR LF) counted as one character, as the text box counts them.</summary>
    public static string Normalize(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public static string Compose(ReportKind kind, string text) => $"[{kind}] {text}";

    /// <summary>The kind and the visitor's text; a message without a known kind is all text.</summary>
    public static (ReportKind? Kind, string Text) Parse(string stored)
    {
        if (stored.StartsWith('[') && stored.IndexOf("] ", StringComparison.Ordinal) is > 1 and var end
            && Enum.TryParse<ReportKind>(stored.AsSpan(1, end - 1), out var kind) && Enum.IsDefined(kind)
            && !char.IsAsciiDigit(stored[1]))
        {
            return (kind, stored[(end + 2)..]);
        }
        return (null, stored);
    }
}
