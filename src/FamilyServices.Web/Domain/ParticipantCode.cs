namespace FamilyServices.Web.Domain;

/// <summary>
/// Pseudonymous participant codes: seven random characters and a check character, from an alphabet without
/// look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), so a code read from a card or over the phone is typed right,
/// and a mistyped one is almost always caught. Shown as "KX7M-4QRA"; stored without the hyphen.
/// </summary>
public static class ParticipantCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY3479";
    public const int Length = 8;

    public static string Create(Random random)
    {
        var body = new char[Length - 1];
        for (var i = 0; i < body.Length; i++) body[i] = Alphabet[random.Next(Alphabet.Length)];
        return new string(body) + CheckCharacter(body);
    }

    /// <summary>Upper-cases and removes spaces and hyphens; null when the result is not a well-formed code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 20) return null;
        var code = new string(input.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());
        return IsValid(code) ? code : null;
    }

    public static bool IsValid(string code) =>
        code.Length == Length && code.All(Alphabet.Contains) && CheckCharacter(code.AsSpan(0, Length - 1)) == code[^1];

    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>Luhn mod N over the alphabet: catches every single wrong character and most swaps of neighbours.</summary>
    private static char CheckCharacter(ReadOnlySpan<char> body)
    {
        var n = Alphabet.Length;
        var sum = 0;
        var factor = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            sum += addend / n + addend % n;
            factor = factor == 2 ? 1 : 2;
        }
        return Alphabet[(n - sum % n) % n];
    }
}
