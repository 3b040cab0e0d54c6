using System.Security.Cryptography;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Operations;

public static class UsersAddCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CommandOptions options, TextWriter output, TextWriter errors)
    {
        options.OnlyAllow("email", "role", "centre", "coordinator", "name");
        var email = options.Required("email").Trim();
        var role = Roles.Find(options.Required("role"));
        if (role is null) return OperatorCommands.Fail(errors, $"Unknown role. Choose one of: {string.Join(", ", Roles.All)}.");
        if (!email.Contains('@', StringComparison.Ordinal) || email.Length > 200) return OperatorCommands.Fail(errors, "Give a valid e-mail address.");

        var db = services.GetRequiredService<FamilyServicesDb>();
        var users = services.GetRequiredService<UserManager<StaffUser>>();

        // A coordinator of a centre works there too: --coordinator CODE implies --centre CODE.
        var coordinatorCodes = options.All("coordinator").Select(c => c.Trim()).ToList();
        var centreCodes = options.All("centre").Select(c => c.Trim()).Concat(coordinatorCodes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var centres = await db.Centres.Where(c => centreCodes.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync();
        var unknown = centreCodes.Where(code => !centres.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0) return OperatorCommands.Fail(errors, $"Unknown centre code(s): {string.Join(", ", unknown)}. Nothing was created.");
        if (role == Roles.CentreStaff && centres.Count == 0)
            return OperatorCommands.Fail(errors, "CentreStaff accounts need at least one --centre CODE. Nothing was created.");
        if (await users.FindByEmailAsync(email) is not null)
            return OperatorCommands.Fail(errors, "An account with this e-mail address exists already. Nothing was created.");

        var password = OneTimePassword();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = options.Optional("name") ?? email,
            MustChangePassword = true,
            Centres = centres.Select(c => new StaffCentre
            {
                UserId = "", CentreId = c.Id,
                IsCoordinator = coordinatorCodes.Contains(c.Code, StringComparer.OrdinalIgnoreCase),
            }).ToList(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded)
        {
            return OperatorCommands.Fail(errors, string.Join(" ", created.Errors.Select(e => e.Description)) + " Nothing was created.");
        }
        await transaction.CommitAsync();

        output.WriteLine($"Created {role} account {email}" + (centres.Count > 0 ? $" for {string.Join(", ", centres.Select(c => c.Code))}." : ".")
            + (coordinatorCodes.Count > 0 ? $" Coordinator of {string.Join(", ", coordinatorCodes)}." : ""));
        output.WriteLine($"One-time password (shown once; it must be changed at first sign-in): {password}");
        return 0;
    }

    /// <summary>20 characters from an alphabet without look-alikes (0/O, 1/l/I), easy to read out over the phone.</summary>
    private static string OneTimePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
