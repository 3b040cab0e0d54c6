using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Operations;

public static class TokensIssueCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.OnlyAllow("email", "name", "days");
        var email = options.Required("email").Trim();
        var name = options.Required("name");
        if (!int.TryParse(options.Required("days"), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            || days < 1 || days > ApiTokenService.MaxDays)
        {
            return OperatorCommands.Fail(errors, $"--days must be a whole number from 1 to {ApiTokenService.MaxDays}.");
        }
        if (name.Trim().Length is 0 or > 100) return OperatorCommands.Fail(errors, "--name must have 1 to 100 characters.");

        var user = await services.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
        if (user is null || !user.IsActive) return OperatorCommands.Fail(errors, "No active account has this e-mail address.");

        var issued = await services.GetRequiredService<ApiTokenService>().IssueAsync(user, name, days);
        output.WriteLine($"Token '{name.Trim()}' for {email}, valid until {issued.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
        output.WriteLine("Store it now; it cannot be shown again:");
        output.WriteLine(issued.Token);
        return 0;
    }
}
