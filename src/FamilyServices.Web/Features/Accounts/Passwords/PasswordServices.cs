using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Accounts.Passwords;

public static class PasswordServices
{
    /// <summary>
    /// The password policy, the link tokens of resets and invitations, and the e-mail sender: the log sender unless the
    /// host registered a real <see cref="IStaffMail"/> before (production) or a test replaces it.
    /// </summary>
    public static WebApplicationBuilder AddPasswords(this WebApplicationBuilder builder)
    {
        new IdentityBuilder(typeof(StaffUser), builder.Services)
            .AddPasswordValidator<PasswordPolicy>()
            .AddTokenProvider<ResetLinkTokens>(ResetLinkTokens.Name)
            .AddTokenProvider<InvitationLinkTokens>(InvitationLinkTokens.Name);
        builder.Services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = PasswordPolicy.MinimumLength;
            options.Tokens.PasswordResetTokenProvider = ResetLinkTokens.Name;
        });
        builder.Services.TryAddSingleton<IStaffMail, LogStaffMail>();
        builder.Services.AddScoped<PasswordFlows>();
        return builder;
    }

    /// <summary>Identity's and the policy's refusals in the reader's language (Identity's own texts are English only).</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<IdentityError> errors, IStringLocalizer<Text> t) =>
        errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => t["PwdErrorTooShort", PasswordPolicy.MinimumLength].Value,
            PasswordPolicy.TooLong => t["PwdErrorTooLong", PasswordPolicy.MaximumLength].Value,
            PasswordPolicy.Common => t["PwdErrorCommon"].Value,
            PasswordPolicy.Pattern => t["PwdErrorPattern"].Value,
            PasswordPolicy.Personal => t["PwdErrorPersonal"].Value,
            PasswordPolicy.PortalWord => t["PwdErrorPortalWord"].Value,
            nameof(IdentityErrorDescriber.PasswordMismatch) => t["PwdErrorCurrentWrong"].Value,
            PasswordFlows.SameAsCurrent => t["PwdErrorSameAsCurrent"].Value,
            _ => t["PwdErrorOther"].Value,
        }).Distinct().ToList();
}
