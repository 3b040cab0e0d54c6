namespace FamilyServices.Web.Features.Accounts.Passwords;

/// <summary>
/// An e-mail to a staff member. <see cref="RecipientUserId"/> is what may be logged; the address, the body and the link
/// (which carries a secret token) are for the mail only.
/// </summary>
public sealed record StaffMailMessage(string RecipientUserId, string RecipientAddress, string Subject, string Body, string Link);

/// <summary>
/// Sends e-mail to staff (password reset and invitation links). Production registers a real sender (SMTP or the city's
/// mail service); without one the portal uses <see cref="LogStaffMail"/>, which only writes to the log.
/// </summary>
public interface IStaffMail
{
    Task SendAsync(StaffMailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// The development sender: writes the subject and the link to the log with the recipient's account id, never the
/// address. The link carries a secret token, acceptable on a developer's machine and the reason production must
/// register a real sender (docs/operations.md).
/// </summary>
public sealed partial class LogStaffMail(ILogger<LogStaffMail> logger) : IStaffMail
{
    public Task SendAsync(StaffMailMessage message, CancellationToken cancellationToken = default)
    {
        LogMail(logger, message.RecipientUserId, message.Subject, message.Link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No e-mail sender is configured; mail for staff account {UserId} written to the log instead: \"{Subject}\" {Link}")]
    private static partial void LogMail(ILogger logger, string userId, string subject, string link);
}
