using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace FamilyServices.Benchmarks.Pages;

/// <summary>
/// An authenticator app's side of RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits), as the tests' own Totp computes it
/// (the benchmarks do not reference the test project): the code a staff member types on the second sign-in page.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>The RFC's time step of a moment: the counter whose code is valid then.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of a Base32 key (spaces and case ignored) for a time step.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 6238 and every authenticator app use HMAC-SHA1 here; the benchmark must compute what the apps compute.")]
    public static string Code(string base32Key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>The key without spaces, in capitals; a FormatException when it is not Base32.</summary>
    public static string Normalize(string base32Key)
    {
        var clean = base32Key.Replace(" ", "", StringComparison.Ordinal).Trim().TrimEnd('=').ToUpperInvariant();
        if (clean.Length == 0) throw new FormatException("The authenticator key is empty.");
        _ = Base32(clean);
        return clean;
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0) throw new FormatException($"'{c}' is not a Base32 letter.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
