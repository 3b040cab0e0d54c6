using System.CommandLine;
using System.Globalization;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Operations;

/// <summary><c>tokens issue</c>: a personal API token for an active account, printed once; only its hash is stored.</summary>
public static class TokensIssueCommand
{
    public static Command Create(VerbRunner runner)
    {
        var email = new Option<string>("--email") { Description = "the account's e-mail address", Required = true, HelpName = "E" };
        var name = new Option<string>("--name") { Description = "what the token is for (1 to 100 characters)", Required = true, HelpName = "N" };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>().Trim().Length is 0 or > 100) result.AddError("--name must have 1 to 100 characters.");
        });
        var days = new Option<int>("--days")
        {
            Description = $"how long it works, 1 to {ApiTokenService.MaxDays} days",
            Required = true,
            HelpName = "D",
            CustomParser = result =>
            {
                if (int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= ApiTokenService.MaxDays) return value;
                result.AddError($"--days must be a whole number from 1 to {ApiTokenService.MaxDays}.");
                return 0;
            },
        };
        var issue = new Command("issue", "issue a personal API token; prints it once") { email, name, days };
        runner.Attach(issue, verb => RunAsync(verb, verb.GetValue(email).Trim(), verb.GetValue(name), verb.GetValue(days)));
        return issue;
    }

    private static async Task<int> RunAsync(VerbContext verb, string email, string name, int days)
    {
        var user = await verb.Services.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
        if (user is null || !user.IsActive) return verb.Refuse("No active account has this e-mail address.");

        var issued = await verb.Services.GetRequiredService<ApiTokenService>().IssueAsync(user, name, days);
        verb.Output.WriteLine($"Token '{name.Trim()}' for {email}, valid until {issued.ExpiresAt:yyyy-MM-dd HH:mm} UTC.");
        verb.Output.WriteLine("Store it now; it cannot be shown again:");
        verb.Output.WriteLine(issued.Token);
        return OperatorCommands.Done;
    }
}
