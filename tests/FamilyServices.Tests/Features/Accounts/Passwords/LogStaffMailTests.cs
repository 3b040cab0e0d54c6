using FamilyServices.Tests.Features.Accounts.Users;
using FamilyServices.Web.Features.Accounts.Passwords;
using Microsoft.Extensions.Logging;

namespace FamilyServices.Tests.Features.Accounts.Passwords;

/// <summary>Without a real sender, mail goes to the log: subject and link with the account id, never the address.</summary>
public class LogStaffMailTests
{
    [Fact]
    public async Task The_development_sender_logs_the_account_id_subject_and_link_but_not_the_address()
    {
        using var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var sender = new LogStaffMail(factory.CreateLogger<LogStaffMail>());

        await sender.SendAsync(new StaffMailMessage("0b7c-account-id", "ayse.demir@example.org", "Neues Passwort", "Hallo Ayşe Demir, …",
            "https://portal.example/account/reset?user=0b7c-account-id&token=secret"));

        var line = logs.Events.Should().ContainSingle().Subject;
        line.Should().Contain("0b7c-account-id").And.Contain("Neues Passwort").And.Contain("token=secret");
        line.Should().NotContain("ayse.demir").And.NotContain("Ayşe");
    }
}
