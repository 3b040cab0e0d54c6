using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace FamilyServices.Web.Features.Accounts.SignIn;

public static class SignOutEndpoint
{
    public const string Path = "/account/sign-out";

    /// <summary>A form post with antiforgery, so no link or image elsewhere can sign anyone out.</summary>
    public static WebApplication MapSignOut(this WebApplication app)
    {
        // Binding a form field makes the framework check the antiforgery token before this runs.
        app.MapPost(Path, async ([Microsoft.AspNetCore.Mvc.FromForm] string? from, SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        });
        return app;
    }
}
