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

    /// <summary>The time step of the last code typed: a code is typed once, the next waits for the next step.</summary>
    private long _lastCodeStep = -1;

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
    /// Signs in through the sign-in form, as the person would. An account fresh from <c>users add</c> still has its
    /// one-time password and is sent to the change-password page: it then gets a new random password, written back to
    /// <paramref name="passwordFile"/> for the next run. An account whose role needs two factors (officials, editors,
    /// admins) needs <paramref name="totpSecretFile"/>: without an authenticator yet it is sent to the enrolment page,
    /// where the key shown is written to that file and confirmed with its code (the benchmark plays the authenticator
    /// app); it then signs in again from the start, and at the second step types the RFC 6238 code of that key.
    /// </summary>
    public async Task SignInAsync(string email, string passwordFile, TextWriter output, string? totpSecretFile = null)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en" });
        context.SetDefaultTimeout(120_000);
        context.SetDefaultNavigationTimeout(120_000);
        var page = await context.NewPageAsync();
        var startAgain = false;
        for (var step = 0; step < 8; step++)
        {
            var path = new Uri(page.Url).AbsolutePath;
            if (step == 0 || path == "/account/sign-in")
            {
                if (step > 0 && !startAgain) throw new InvalidOperationException($"Signing in as {email} failed (still on the sign-in page; see the password in {passwordFile}).");
                startAgain = false;
                await PasswordStepAsync(page, email, await ReadSecretAsync(passwordFile, "password"));
            }
            else if (path == "/account/password" && await page.Locator("#current").CountAsync() > 0)
            {
                await ChoosePasswordAsync(page, passwordFile, email, output);
            }
            else if (path == "/account/password")
            {
                // Chosen, and back here with ?done=1: on to the account page (or to what must come first).
                await page.GotoAsync("/account");
            }
            else if (path == "/account/two-factor")
            {
                if (totpSecretFile is null) throw new InvalidOperationException($"{email} must set up two-factor sign-in: give --totp-secret-file.");
                await EnrolAsync(page, totpSecretFile, email, output);
                // Signed in already; start again, so that the cookie the timings use comes from the sign-in an official makes every day.
                await context.ClearCookiesAsync();
                await page.GotoAsync("/account/sign-in");
                startAgain = true;
            }
            else if (path == "/account/sign-in/code")
            {
                if (totpSecretFile is null) throw new InvalidOperationException($"{email} signs in with two factors: give --totp-secret-file.");
                await CodeStepAsync(page, totpSecretFile, email);
            }
            else
            {
                StaffState = await context.StorageStateAsync();
                return;
            }
        }
        throw new InvalidOperationException($"Signing in as {email} did not finish: it ended at {page.Url}.");
    }

    private static async Task PasswordStepAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await SubmitAsync(page);
    }

    private static async Task ChoosePasswordAsync(IPage page, string passwordFile, string email, TextWriter output)
    {
        // Neither the name nor the address may be in it, nor the portal's or the city's name.
        var own = "quiet owls " + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        await page.Locator("#current").FillAsync(await ReadSecretAsync(passwordFile, "password"));
        await page.Locator("#password").FillAsync(own);
        await page.Locator("#repeat").FillAsync(own);
        await SubmitAsync(page);
        // Success leads to where the person was going or, from the sign-in page, back here with ?done=1.
        if (await page.Locator("#current").CountAsync() > 0)
        {
            throw new InvalidOperationException($"Choosing a password after the first sign-in failed: {await page.Locator("main").InnerTextAsync()}");
        }
        await WriteSecretAsync(passwordFile, own);
        await output.WriteLineAsync($"First sign-in of {email}: replaced the one-time password (the new one is in {passwordFile}).");
    }

    /// <summary>The enrolment page as a person uses it with an authenticator app: the key it shows, then the app's code.</summary>
    private async Task EnrolAsync(IPage page, string totpSecretFile, string email, TextWriter output)
    {
        var key = Totp.Normalize(await page.Locator("#authenticator-key").InnerTextAsync());
        await page.Locator("#code").FillAsync(await NextCodeAsync(key));
        await SubmitAsync(page);
        if (await page.Locator("#recovery-codes li").CountAsync() == 0)
        {
            throw new InvalidOperationException($"Setting up two-factor sign-in for {email} failed: {await page.Locator("main").InnerTextAsync()}");
        }
        await WriteSecretAsync(totpSecretFile, key);
        await output.WriteLineAsync($"Set up two-factor sign-in for {email} (the authenticator key is in {totpSecretFile}; the recovery codes were not kept).");
    }

    private async Task CodeStepAsync(IPage page, string totpSecretFile, string email)
    {
        var key = Totp.Normalize(await ReadSecretAsync(totpSecretFile, "authenticator key"));
        await page.Locator("#code").FillAsync(await NextCodeAsync(key));
        await SubmitAsync(page);
        if (new Uri(page.Url).AbsolutePath == "/account/sign-in/code")
        {
            var message = await page.Locator(".error-summary").CountAsync() > 0 ? await page.Locator(".error-summary").InnerTextAsync() : "no message";
            throw new InvalidOperationException($"The code of the key in {totpSecretFile} was refused for {email} ({message.Trim()}); "
                + "is it the key of this account? (Wrong codes count towards the account's lockout.)");
        }
    }

    /// <summary>
    /// The code of the current time step, at least two seconds before the step ends (so it is still valid when it
    /// arrives) and never twice in the same step.
    /// </summary>
    private async Task<string> NextCodeAsync(string key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var step = Totp.Step(now);
            var left = Totp.StepSeconds - now.ToUnixTimeSeconds() % Totp.StepSeconds;
            if (step != _lastCodeStep && left > 2)
            {
                _lastCodeStep = step;
                return Totp.Code(key, step);
            }
            await Task.Delay(TimeSpan.FromSeconds(left) + TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task<string> ReadSecretAsync(string file, string what)
    {
        var text = File.Exists(file) ? (await File.ReadAllTextAsync(file)).Trim() : "";
        return text.Length > 0 ? text : throw new InvalidOperationException($"{file} holds no {what}.");
    }

    /// <summary>Secrets of a loopback benchmark account, readable by their owner only.</summary>
    private static async Task WriteSecretAsync(string file, string secret)
    {
        await File.WriteAllTextAsync(file, secret + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
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
