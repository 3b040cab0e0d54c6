using System.Security.Cryptography;
using Microsoft.Playwright;

namespace FamilyServices.Benchmarks.Pages;

/// <summary>
/// Debian's Chromium, headless, launched through Playwright as the browser tests launch it (never
/// <c>playwright install</c>), and one staff sign-in whose cookie every later browser context reuses.
/// </summary>
public sealed class StaffBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly IPlaywright _playwright;

    private StaffBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        Browser = browser;
        BaseAddress = baseAddress;
    }

    public IBrowser Browser { get; }

    public Uri BaseAddress { get; }

    /// <summary>The signed-in staff member's cookies (Playwright's storage state), once <see cref="SignInAsync"/> ran.</summary>
    public string? StaffState { get; private set; }

    public static async Task<StaffBrowser> LaunchAsync(Uri baseAddress, IEnumerable<string>? extraArgs = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is missing at {ChromiumPath}: apt-get install chromium (never 'playwright install').");
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [.. ChromiumArgs, .. extraArgs ?? []],
        });
        return new StaffBrowser(playwright, browser, baseAddress);
    }

    /// <summary>A fresh context (empty cache), signed in as the staff member or, for a parent, with no cookie at all.</summary>
    public async Task<IBrowserContext> NewContextAsync(bool signedIn)
    {
        if (signedIn && StaffState is null) throw new InvalidOperationException("Sign in first.");
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            StorageState = signedIn ? StaffState : null,
        });
        // Generous: the portal, Chromium and other people's builds share two cores.
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        return context;
    }

    /// <summary>
    /// Signs in through the sign-in form. An account fresh from <c>users add</c> still has its one-time password and
    /// is sent to the change-password page: it then gets a new random password, written back to
    /// <paramref name="passwordFile"/> for the next run.
    /// </summary>
    public async Task SignInAsync(string email, string passwordFile, TextWriter output)
    {
        var password = (await File.ReadAllTextAsync(passwordFile)).Trim();
        if (password.Length == 0) throw new InvalidOperationException($"{passwordFile} is empty.");
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en" });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await SubmitAsync(page);
        var path = new Uri(page.Url).AbsolutePath;
        if (path == "/account/sign-in") throw new InvalidOperationException($"Signing in as {email} failed (still on the sign-in page; see the password in {passwordFile}).");
        if (path == "/account/password")
        {
            // Neither the name nor the address may be in it.
            var own = "quiet owls " + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
            await page.Locator("#current").FillAsync(password);
            await page.Locator("#password").FillAsync(own);
            await page.Locator("#repeat").FillAsync(own);
            await SubmitAsync(page);
            // Success leads to where the person was going or, from the sign-in page, back here with ?done=1.
            if (await page.Locator("#current").CountAsync() > 0)
            {
                throw new InvalidOperationException($"Choosing a password after the first sign-in failed: {await page.Locator("main").InnerTextAsync()}");
            }
            await File.WriteAllTextAsync(passwordFile, own + "\n");
            await output.WriteLineAsync($"First sign-in of {email}: replaced the one-time password (the new one is in {passwordFile}).");
        }
        StaffState = await context.StorageStateAsync();
    }

    private static async Task SubmitAsync(IPage page)
    {
#pragma warning disable CS0612, CS0618 // WaitForURL cannot see a form post that returns to the same address.
        await page.RunAndWaitForNavigationAsync(() => page.Locator("main form.form-narrow button[type=submit]").First.ClickAsync());
#pragma warning restore CS0612, CS0618
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Waits until a staff page runs in its circuit: the staff layout sets <c>data-circuit="ready"</c> after its first render there.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-circuit=ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
