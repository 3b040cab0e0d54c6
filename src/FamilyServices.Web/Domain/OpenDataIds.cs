using System.Security.Cryptography;
using System.Text;

namespace FamilyServices.Web.Domain;

/// <summary>
/// Ids for open-data (HSDS) objects that the portal keeps no id of its own for (a centre's address, a schedule, a language
/// entry...): a name-based UUID (RFC 9562 version 5) from the owning item's id and what the object is, so the same
/// item always gets the same ids, across restarts, re-imports and demo reloads.
/// </summary>
public static class OpenDataIds
{
    /// <summary>The portal's own namespace for name-based ids; never change it, or every derived id changes.</summary>
    public static readonly Guid Namespace = new("3f8b6a0e-5d1c-4c57-9a0b-2f6e1c9d7a41");

    public static Guid Derived(Guid owner, string what) => NameBased(owner, what);

    public static Guid NameBased(Guid @namespace, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetMaxByteCount(name.Length)];
        @namespace.TryWriteBytes(input, bigEndian: true, out _);
        var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 9562 defines version 5 with SHA-1; the id is a name, not a secret or a signature.
        SHA1.HashData(input[..length], hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
