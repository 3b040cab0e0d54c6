using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// An authenticator app's side of RFC 6238 (HMAC-SHA1, 30-second steps, 6 digits) written from the RFC, not from the
/// portal's code, so the tests check the portal against the standard that real apps follow.
/// </summary>
public static class Totp
{
    /// <summary>The code for a Base32 key (spaces and case ignored) at a moment.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 6238 and every authenticator app use HMAC-SHA1 here; the tests must compute what the apps compute.")]
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>A code that is certainly wrong now (not the code of this or a neighbouring time step).</summary>
    public static string WrongCode(string base32Key, DateTimeOffset at)
    {
        var near = new[] { -30, 0, 30 }.Select(s => Code(base32Key, at.AddSeconds(s))).ToHashSet();
        for (var i = 0; ; i++)
        {
            var candidate = i.ToString("D6", CultureInfo.InvariantCulture);
            if (!near.Contains(candidate)) return candidate;
        }
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
