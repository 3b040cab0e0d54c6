using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Accounts.Users;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

/// <summary><c>users add</c>: the first Admin of an installation, or any account, from the command line (the Admins' pages use the same <see cref="StaffAccountAdministration"/>).</summary>
public static class UsersAddCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.OnlyAllow("email", "role", "centre", "coordinator", "name");
        var email = options.Required("email").Trim();
        var role = Roles.Find(options.Required("role"));
        if (role is null) return OperatorCommands.Fail(errors, $"Unknown role. Choose one of: {string.Join(", ", Roles.All)}.");
        if (!StaffAccountAdministration.IsEmail(email)) return OperatorCommands.Fail(errors, "Give a valid e-mail address.");

        var db = services.GetRequiredService<FamilyServicesDb>();

        // A coordinator of a centre works there too: --coordinator CODE implies --centre CODE.
        var coordinatorCodes = options.All("coordinator").Select(c => c.Trim()).ToList();
        var centreCodes = options.All("centre").Select(c => c.Trim()).Concat(coordinatorCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var centres = await db.Centres.Where(c => centreCodes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync();
        var unknown = centreCodes.Where(code => !centres.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) return OperatorCommands.Fail(errors, $"Unknown centre code(s): {string.Join(", ", unknown)}. Nothing was created.");

        var administration = ActivatorUtilities.GetServiceOrCreateInstance<StaffAccountAdministration>(services);
        var request = new NewAccount(email, options.Optional("name"), [role],
            centres.Select(c => new CentreAccess(c.Id, coordinatorCodes.Contains(c.Code, StringComparer.OrdinalIgnoreCase))).ToList());
        var (created, refusal) = await administration.CreateAsync(request, actorId: null);
        if (refusal is not null)
        {
            return OperatorCommands.Fail(errors, refusal.Problem switch
            {
                AccountProblem.CentreMissing => "CentreStaff accounts need at least one --centre CODE. Nothing was created.",
                AccountProblem.EmailTaken => "An account with this e-mail address exists already. Nothing was created.",
                AccountProblem.EmailInvalid => "Give a valid e-mail address.",
                AccountProblem.DisplayNameTooLong => $"--name may have at most {StaffAccountAdministration.DisplayNameLength} characters. Nothing was created.",
                AccountProblem.DisplayNameInvalid => "--name may not contain line breaks or other control characters. Nothing was created.",
                _ => $"{refusal.Detail} Nothing was created.",
            });
        }

        output.WriteLine($"Created {role} account {email}" + (centres.Count > 0 ? $" for {string.Join(", ", centres.Select(c => c.Code))}." : ".")
            + (coordinatorCodes.Count > 0 ? $" Coordinator of {string.Join(", ", coordinatorCodes)}." : ""));
        output.WriteLine($"One-time password (shown once; it must be changed at first sign-in): {created!.OneTimePassword}");
        return 0;
    }
}
