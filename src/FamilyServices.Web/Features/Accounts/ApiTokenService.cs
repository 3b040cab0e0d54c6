using System.Security.Cryptography;
using System.Text;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Accounts;

/// <summary>Issues personal API tokens and finds the account behind one. Only a hash of a token is ever stored.</summary>
public sealed partial class ApiTokenService(FamilyServicesDb db, TimeProvider clock, ILogger<ApiTokenService> logger)
{
    public const string Prefix = "fs_";
    public const int MaxDays = 366;

    public sealed record IssuedToken(Guid Id, string Token, DateTime ExpiresAt);

    public sealed record TokenRow(Guid Id, string Name, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
    {
        public bool IsActive(DateTime nowUtc) => RevokedAt is null && ExpiresAt > nowUtc;
    }

    public async Task<IssuedToken> IssueAsync(StaffUser user, string name, int days, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            throw new ArgumentException("Give the token a name of 1 to 100 characters, e.g. the system that will use it.", nameof(name));
        if (days is < 1 or > MaxDays)
            throw new ArgumentOutOfRangeException(nameof(days), $"A token lives from 1 to {MaxDays} days.");

        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Name = name.Trim(),
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        LogIssued(logger, user.Id, entity.Id, days);
        return new IssuedToken(entity.Id, token, entity.ExpiresAt);
    }

    /// <summary>The active account of a valid, unexpired, unrevoked token; null otherwise.</summary>
    public async Task<(ApiToken Token, StaffUser User)?> FindActiveAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.ApiTokens
            .Include(t => t.User).ThenInclude(u => u.Centres)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (found is null || found.RevokedAt is not null || found.ExpiresAt <= now || !found.User.IsActive) return null;

        // Recording every use would write on every request; a few minutes' precision is enough for audits.
        if (found.LastUsedAt is null || found.LastUsedAt < now.AddMinutes(-5))
        {
            found.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return (found, found.User);
    }

    /// <summary>An account's tokens, newest first, without their hashes.</summary>
    public Task<List<TokenRow>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Revokes a token of the given account; false when that account has no such token (someone else's token is
    /// "not found", not "forbidden": its existence is nobody else's business). Revoking twice keeps the first time.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid tokenId, string ownerId, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == ownerId, cancellationToken);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        LogRevoked(logger, ownerId, token.Id);
        return true;
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Information, Message = "API token {TokenId} issued to staff account {UserId} for {Days} days")]
    private static partial void LogIssued(ILogger logger, string userId, Guid tokenId, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "API token {TokenId} of staff account {UserId} revoked")]
    private static partial void LogRevoked(ILogger logger, string userId, Guid tokenId);
}
