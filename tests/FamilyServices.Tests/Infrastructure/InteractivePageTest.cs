using System.Security.Claims;
using Bunit;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace FamilyServices.Tests.Infrastructure;

/// <summary>
/// An interactive staff page rendered with bunit as its circuit would run it: the portal's own services (database
/// factory, localizer, rules) against the test world's PostgreSQL, MudBlazor, and a signed-in account whose principal
/// can be changed or taken away while the page is open. Handlers see the account as the database knows it
/// (<see cref="CurrentStaff"/>), exactly as in the portal.
/// </summary>
public abstract class InteractivePageTest : BunitContext, IAsyncLifetime
{
    private readonly SwitchableAuthenticationState _authentication = new();

    protected InteractivePageTest(TestWorld world)
    {
        World = world;
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        Services.AddAuthorizationCore();
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(_authentication);
        // The sign-in check reads the account in a scope of the portal's own services, as it does in a circuit.
        Services.AddScoped(_ => new StaffSignInCheck(world.Services.GetRequiredService<IServiceScopeFactory>(),
            world.Services.GetRequiredService<AccountSettings>(), world.Services.GetRequiredService<IOptions<IdentityOptions>>(), TimeProvider.System));
        Services.AddScoped<CurrentStaff>();
        Services.AddFallbackServiceProvider(world.Services);
        // After the services: both read the service provider, which then takes no more registrations.
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected TestWorld World { get; }

    /// <summary>The circuit's user becomes <paramref name="account"/>, as if they had signed in and opened the page.</summary>
    protected async Task SignInAsync(TestWorld.Account account) => _authentication.Set(await World.PrincipalAsync(account));

    /// <summary>The circuit's user becomes anonymous (as the revalidation does when a sign-in ends).</summary>
    protected void SignOut() => _authentication.Set(new ClaimsPrincipal(new ClaimsIdentity()));

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private sealed class SwitchableAuthenticationState : AuthenticationStateProvider
    {
        private AuthenticationState _state = new(new ClaimsPrincipal(new ClaimsIdentity()));

        public void Set(ClaimsPrincipal principal)
        {
            _state = new AuthenticationState(principal);
            NotifyAuthenticationStateChanged(Task.FromResult(_state));
        }

        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(_state);
    }
}
