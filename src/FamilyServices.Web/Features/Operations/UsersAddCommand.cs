using System.CommandLine;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary><c>users add</c>: the first Admin of an installation, or any account, from the command line (the Admins' pages use the same <see cref="StaffAccountAdministration"/>).</summary>
public static class UsersAddCommand
{
    public static Command Create(VerbRunner runner)
    {
        var email = new Option<string>("--email") { Description = "the account's e-mail address", Required = true, HelpName = "E" };
        email.Validators.Add(result =>
        {
            if (!StaffAccountAdministration.IsEmail(result.GetValueOrDefault<string>().Trim())) result.AddError("Give a valid e-mail address.");
        });
        var role = new Option<string>("--role") { Description = $"one of {string.Join(", ", Roles.All)}", Required = true, HelpName = "R" };
        role.Validators.Add(result =>
        {
            if (Roles.Find(result.GetValueOrDefault<string>()) is null) result.AddError($"Unknown role. Choose one of: {string.Join(", ", Roles.All)}.");
        });
        var centre = new Option<string[]>("--centre") { Description = "a centre the account works at (repeat for more; CentreStaff needs one)", HelpName = "CODE" };
        var coordinator = new Option<string[]>("--coordinator") { Description = "a centre the account coordinates: may correct attendance after the staff window (implies --centre)", HelpName = "CODE" };
        var name = new Option<string>("--name") { Description = "the name shown in the portal", HelpName = "\"Display name\"" };
        var add = new Command("add", "create a staff account; prints a one-time password (no e-mail is sent)") { email, role, centre, coordinator, name };
        runner.Attach(add, verb => RunAsync(verb, new UsersAddInput(
            verb.GetValue(email).Trim(), Roles.Find(verb.GetValue(role))!, verb.Parsed.GetValue(centre) ?? [], verb.Parsed.GetValue(coordinator) ?? [], verb.Parsed.GetValue(name))));
        return add;
    }

    private sealed record UsersAddInput(string Email, string Role, string[] Centres, string[] Coordinates, string? DisplayName);

    private static async Task<int> RunAsync(VerbContext verb, UsersAddInput input)
    {
        var db = verb.Services.GetRequiredService<FamilyServicesDb>();

        // A coordinator of a centre works there too: --coordinator CODE implies --centre CODE.
        var coordinatorCodes = input.Coordinates.Select(c => c.Trim()).ToList();
        var centreCodes = input.Centres.Select(c => c.Trim()).Concat(coordinatorCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var centres = await db.Centres.Where(c => centreCodes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(verb.Cancellation);
        var unknown = centreCodes.Where(code => !centres.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) return verb.Refuse($"Unknown centre code(s): {string.Join(", ", unknown)}. Nothing was created.");

        var administration = ActivatorUtilities.GetServiceOrCreateInstance<StaffAccountAdministration>(verb.Services);
        var request = new NewAccount(input.Email, input.DisplayName, [input.Role],
            centres.Select(c => new CentreAccess(c.Id, coordinatorCodes.Contains(c.Code, StringComparer.OrdinalIgnoreCase))).ToList());
        var (created, refusal) = await administration.CreateAsync(request, actorId: null);
        if (refusal is not null)
        {
            return verb.Refuse(refusal.Problem switch
            {
                AccountProblem.CentreMissing => "CentreStaff accounts need at least one --centre CODE. Nothing was created.",
                AccountProblem.EmailTaken => "An account with this e-mail address exists already. Nothing was created.",
                AccountProblem.EmailInvalid => "Give a valid e-mail address.",
                AccountProblem.DisplayNameTooLong => $"--name may have at most {StaffAccountAdministration.DisplayNameLength} characters. Nothing was created.",
                AccountProblem.DisplayNameInvalid => "--name may not contain line breaks or other control characters. Nothing was created.",
                _ => $"{refusal.Detail} Nothing was created.",
            });
        }

        verb.Output.WriteLine($"Created {input.Role} account {input.Email}" + (centres.Count > 0 ? $" for {string.Join(", ", centres.Select(c => c.Code))}." : ".")
            + (coordinatorCodes.Count > 0 ? $" Coordinator of {string.Join(", ", coordinatorCodes)}." : ""));
        verb.Output.WriteLine($"One-time password (shown once; it must be changed at first sign-in): {created!.OneTimePassword}");
        return OperatorCommands.Done;
    }
}
