using System.Text;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace FamilyServices.Web.Features.Accounts.Passwords;

/// <summary>
/// The secret of a password-reset or invitation link: the account id, the purpose, the time it was made and the
/// account's security stamp, encrypted and signed with the portal's Data Protection keys. It is refused once its
/// lifespan is over or once the stamp has changed, and setting a password changes the stamp: so a link works once,
/// and a newer link (or a deactivation) makes older ones useless.
/// Identity's own DataProtectorTokenProvider does the same but reads the system clock; this one reads
/// <see cref="TimeProvider"/>, so tests can prove expiry, and gives the link a URL-safe form.
/// </summary>
public abstract class LinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock, string name) : IUserTwoFactorTokenProvider<StaffUser>
{
    private readonly IDataProtector _protector = protection.CreateProtector("FamilyServices.LinkTokens", name);

    protected abstract TimeSpan Lifespan { get; }

    public async Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user));
        }
        return WebEncoders.Base64UrlEncode(_protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        byte[] data;
        try
        {
            data = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false; // altered, truncated or from another purpose's provider
        }
        using var reader = new BinaryReader(new MemoryStream(data), Encoding.UTF8);
        try
        {
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (created + Lifespan < clock.GetUtcNow()) return false;
            if (reader.ReadString() != await manager.GetUserIdAsync(user)) return false;
            if (reader.ReadString() != purpose) return false;
            return reader.ReadString() == await manager.GetSecurityStampAsync(user);
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    /// <summary>These tokens travel by link, never as a second sign-in factor.</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(false);
}

/// <summary>Password-reset links: <c>Portal:Accounts:ResetLinkMinutes</c> (default 60).</summary>
public sealed class ResetLinkTokens(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration)
    : LinkTokenProvider(protection, clock, Name)
{
    public const string Name = "ResetLink";

    protected override TimeSpan Lifespan { get; } = TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Portal:Accounts:ResetLinkMinutes", 60), 1, 24 * 60));
}

/// <summary>Invitation links: <c>Portal:Accounts:InvitationDays</c> (default 7).</summary>
public sealed class InvitationLinkTokens(IDataProtectionProvider protection, TimeProvider clock, IConfiguration configuration)
    : LinkTokenProvider(protection, clock, Name)
{
    public const string Name = "InvitationLink";
    public const string Purpose = "AcceptInvitation";

    protected override TimeSpan Lifespan { get; } = TimeSpan.FromDays(Math.Clamp(configuration.GetValue("Portal:Accounts:InvitationDays", 7), 1, 60));
}
