using System.Text;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.Passwords;

/// <summary>
/// Length over complexity (NIST SP 800-63B): 12 to 128 characters of any kind, spaces included, no rules about digits
/// or capitals. What is refused is what attackers try first: passwords from a bundled list of common and breached ones
/// (after normalising case, letter-for-digit swaps and trailing digits or symbols), one repeated character or a simple
/// run (aaaaaaaaaaaa, 123456789abc, qwertyuiopasdf), and passwords containing the account's own name or address or the
/// portal's and city's names. Identity's own validator still checks the minimum length (code PasswordTooShort).
/// </summary>
public sealed class PasswordPolicy(CurrentCity currentCity) : IPasswordValidator<StaffUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>Error codes of this validator; pages show them through resx keys "PwdError" + code.</summary>
    public const string TooLong = "PasswordTooLong";
    public const string Common = "PasswordCommon";
    public const string Pattern = "PasswordPattern";
    public const string Personal = "PasswordPersonal";
    public const string PortalWord = "PasswordPortalWord";

    /// <summary>Words of the portal itself; the city's name is added from the city profile.</summary>
    private static readonly string[] PortalWords = ["familyservices", "familyservice", "familienservice", "aileservisi", "familiediensten"];

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadList);

    // Sequences people run along: the alphabet, digits (0 follows 9 again) and keyboard rows of the portal's languages.
    private static readonly string[] Sequences =
        ["abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiopasdfghjklzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];

    public async Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        password ??= "";
        var city = await currentCity.GetAsync();
        var errors = Check(password, user.Email, user.DisplayName, city.Code == CurrentCity.Unconfigured.Code ? null : city.Name)
            .Select(code => new IdentityError { Code = code, Description = Describe(code) })
            .ToArray();
        return errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors);
    }

    /// <summary>The codes of every rule the password breaks (empty when it is acceptable).</summary>
    public static IReadOnlyList<string> Check(string password, string? email, string? displayName, string? cityName)
    {
        var problems = new List<string>();
        if (password.Length > MaximumLength) problems.Add(TooLong);
        if (password.Length == 0) return problems;

        var compact = Compact(password);
        if (IsCommon(password)) problems.Add(Common);
        else if (IsPattern(compact)) problems.Add(Pattern);

        var personal = PersonalWords(email, displayName);
        var unleeted = Unleet(compact);
        if (personal.Any(w => compact.Contains(w, StringComparison.Ordinal) || unleeted.Contains(w, StringComparison.Ordinal))) problems.Add(Personal);

        var portal = PortalWords.Concat(cityName is null ? [] : [Unleet(Compact(cityName))]).Where(w => w.Length >= 4);
        if (portal.Any(w => compact.Contains(w, StringComparison.Ordinal) || unleeted.Contains(w, StringComparison.Ordinal))) problems.Add(PortalWord);
        return problems;
    }

    /// <summary>On the bundled list, as typed or once case, leet and trailing digits or symbols are taken away.</summary>
    public static bool IsCommon(string password)
    {
        var list = CommonPasswords.Value;
        return Variants(password).Any(list.Contains);
    }

    /// <summary>
    /// Made of at most two runs of one character or of neighbours in a sequence (abcdef, 654321, qwerty), or a short
    /// piece repeated (abcabcabcabc), or of fewer than five different characters.
    /// </summary>
    public static bool IsPattern(string compact)
    {
        if (compact.Length == 0) return true;
        if (compact.Distinct().Count() < 5) return true;
        if (Runs(compact) <= 2) return true;
        for (var unit = 1; unit <= compact.Length / 2; unit++)
        {
            if (compact.Length % unit != 0) continue;
            var piece = compact[..unit];
            if (string.Concat(Enumerable.Repeat(piece, compact.Length / unit)) == compact) return true;
        }
        return false;
    }

    /// <summary>English text for logs and the operator; pages show the translated text for the code.</summary>
    public static string Describe(string code) => code switch
    {
        TooLong => $"Passwords may have at most {MaximumLength} characters.",
        Common => "This password is on a list of common or leaked passwords.",
        Pattern => "This password is a simple pattern (a repeated character or a sequence).",
        Personal => "The password must not contain your name or e-mail address.",
        PortalWord => "The password must not contain the name of the portal or of the city.",
        _ => code,
    };

    private static int Runs(string s)
    {
        var runs = 1;
        HashSet<(int Sequence, int Direction)>? current = null;
        for (var i = 1; i < s.Length; i++)
        {
            var steps = Steps(s[i - 1], s[i]);
            if (current is null)
            {
                if (steps.Count == 0) runs++;
                else current = steps;
                continue;
            }
            current.IntersectWith(steps);
            if (current.Count == 0)
            {
                runs++;
                current = null;
            }
        }
        return runs;
    }

    /// <summary>The ways b can follow a: the same character (direction 0) or the next/previous one in a sequence.</summary>
    private static HashSet<(int, int)> Steps(char a, char b)
    {
        var steps = new HashSet<(int, int)>();
        if (a == b)
        {
            steps.Add((-1, 0));
            return steps;
        }
        for (var i = 0; i < Sequences.Length; i++)
        {
            var sequence = Sequences[i];
            for (var at = sequence.IndexOf(a, StringComparison.Ordinal); at >= 0; at = sequence.IndexOf(a, at + 1))
            {
                if (at + 1 < sequence.Length && sequence[at + 1] == b) steps.Add((i, 1));
                if (at > 0 && sequence[at - 1] == b) steps.Add((i, -1));
            }
        }
        return steps;
    }

    private static List<string> PersonalWords(string? email, string? displayName)
    {
        var words = new List<string>();
        if (email?.Split('@')[0] is { Length: > 0 } local)
        {
            words.Add(Compact(local));
            words.AddRange(local.Split(['.', '_', '-', '+']).Select(Compact));
        }
        if (!string.IsNullOrWhiteSpace(displayName))
        {
            words.Add(Compact(displayName));
            words.AddRange(displayName.Split([' ', '-', '.', '\''], StringSplitOptions.RemoveEmptyEntries).Select(Compact));
        }
        // Short pieces ("al", "li") would refuse half of all passwords by accident.
        return words.Where(w => w.Length >= 4).Distinct().ToList();
    }

    /// <summary>Lower case (culture-invariant), without spaces.</summary>
    private static string Compact(string text) =>
        new(text.ToLowerInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray());

    /// <summary>The forms compared with the list: compact; with leet undone; and either without trailing digits and symbols.</summary>
    private static IEnumerable<string> Variants(string password)
    {
        var compact = Compact(password);
        var stripped = compact.TrimEnd(TrailingJunk);
        var leadingStripped = stripped.TrimStart(TrailingJunk);
        foreach (var variant in new[] { compact, Unleet(compact), stripped, Unleet(stripped), leadingStripped, Unleet(leadingStripped) })
        {
            if (variant.Length > 0) yield return variant;
        }
    }

    private static readonly char[] TrailingJunk = "0123456789!@#$%^&*()_+-=.,;:?/\\|~`'\"<>[]{}".ToCharArray();

    private static string Unleet(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '4' or '@' => 'a',
                '8' => 'b',
                '3' => 'e',
                '6' or '9' => 'g',
                '1' or '!' or '|' => 'i',
                '0' => 'o',
                '5' or '$' => 's',
                '7' or '+' => 't',
                '2' => 'z',
                _ => c,
            });
        }
        return builder.ToString();
    }

    private static HashSet<string> LoadList()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream(ListResource)
            ?? throw new InvalidOperationException($"The embedded resource {ListResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var list = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var compact = Compact(line);
            list.Add(compact);
            list.Add(Unleet(compact));
        }
        return list;
    }

    public const string ListResource = "FamilyServices.Web.Features.Accounts.Passwords.common-passwords.txt";

    /// <summary>How many entries the bundled list holds (for the tests and the docs).</summary>
    public static int ListSize => CommonPasswords.Value.Count;
}
