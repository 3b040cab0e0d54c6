using System.Globalization;
using System.IO.Compression;
using Microsoft.Playwright;

namespace FamilyServices.Benchmarks.Pages;

/// <summary>
/// What a page costs a browser on its first visit: every response it loads (the HTML document, stylesheets, scripts,
/// anything else), each body as the portal sent it (with whatever Content-Encoding it chose) and as it would be with
/// gzip level 9 and brotli quality 11, which the script computes from the decoded body. Each page gets a fresh
/// browser context, so nothing comes from the cache. Public pages are visited signed out, as a parent sees them;
/// staff pages signed in, until their circuit runs (<c>data-circuit="ready"</c>) and the network is idle. A staff
/// page's content arrives over its circuit's WebSocket, not in the document: those bytes are counted apart.
/// </summary>
public sealed class PageWeight(StaffBrowser browser, TextWriter output)
{
    public sealed record Resource(string Kind, string Path, int Status, string Encoding, string CacheControl, long Sent, long Body, long Gzip, long Brotli);

    public sealed record Visit(
        string Path, bool Staff, string FinalPath, bool CircuitReady, IReadOnlyList<Resource> Resources, long SocketReceived, long SocketSent,
        long FramesReceived, long LargestFrame)
    {
        public IEnumerable<Resource> Css => Resources.Where(r => r.Kind == "css");

        public IEnumerable<Resource> Js => Resources.Where(r => r.Kind == "js");

        public IEnumerable<Resource> Document => Resources.Where(r => r.Kind == "document");

        public IEnumerable<Resource> Other => Resources.Where(r => r.Kind == "other");
    }

    /// <summary>Anything whose address names MudBlazor or Blazor's scripts: none of it may reach a parent's page.</summary>
    public static bool IsInteractiveAsset(string path) =>
        path.Contains("mudblazor", StringComparison.OrdinalIgnoreCase)
        || path.Contains("blazor.web.", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/_framework/", StringComparison.OrdinalIgnoreCase)
        || path.Contains("/_blazor", StringComparison.OrdinalIgnoreCase);

    /// <summary>How long a staff page may take to run in its circuit (two busy cores).</summary>
    public static readonly TimeSpan CircuitWait = TimeSpan.FromSeconds(60);

    public async Task<int> RunAsync(IReadOnlyList<string> publicPaths, IReadOnlyList<string> staffPaths)
    {
        var visits = new List<Visit>();
        foreach (var path in publicPaths) visits.Add(await VisitAsync(path, staff: false));
        foreach (var path in staffPaths) visits.Add(await VisitAsync(path, staff: true));

        foreach (var visit in visits) await WriteVisitAsync(visit);
        await WriteSummaryAsync(visits);

        var failures = 0;
        foreach (var visit in visits.Where(v => !v.Staff))
        {
            var interactive = visit.Resources.Where(r => IsInteractiveAsset(r.Path)).Select(r => r.Path).ToList();
            if (visit.SocketReceived > 0) interactive.Add("(a WebSocket)");
            await output.WriteLineAsync(interactive.Count == 0
                ? $"check: public page {visit.Path} loads no MudBlazor and no blazor.web.js: yes"
                : $"check: public page {visit.Path} loads no MudBlazor and no blazor.web.js: NO, it loads {string.Join(", ", interactive)}");
            if (interactive.Count > 0) failures++;
        }
        foreach (var visit in visits.Where(v => v.Staff))
        {
            var problem = visit.FinalPath != visit.Path ? $"ended at {visit.FinalPath}, NOT MEASURED AS ITSELF"
                : !visit.CircuitReady ? $"its circuit was NOT READY within {CircuitWait.TotalSeconds:0} s (the page failed in its circuit? see the portal log)"
                : null;
            await output.WriteLineAsync($"check: staff page {visit.Path} ran in its circuit: {problem ?? "yes"}");
            if (problem is not null) failures++;
        }
        return failures == 0 ? 0 : 1;
    }

    private async Task<Visit> VisitAsync(string path, bool staff)
    {
        await using var context = await browser.NewContextAsync(signedIn: staff);
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => { lock (responses) responses.Add(response); };
        long socketReceived = 0, socketSent = 0, framesReceived = 0, largestFrame = 0;
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) =>
            {
                var size = FrameSize(frame);
                Interlocked.Add(ref socketReceived, size);
                Interlocked.Increment(ref framesReceived);
                lock (responses) largestFrame = Math.Max(largestFrame, size);
            };
            socket.FrameSent += (_, frame) => Interlocked.Add(ref socketSent, FrameSize(frame));
        };

        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var ready = !staff;
        if (staff)
        {
            try
            {
                await page.Locator("[data-circuit=ready]").WaitForAsync(new LocatorWaitForOptions { Timeout = (float)CircuitWait.TotalMilliseconds });
                ready = true;
            }
            catch (TimeoutException)
            {
                // reported with the figures: what the page loaded is still measured
            }
        }
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The last render batches and their acknowledgements.
        await Task.Delay(1000);

        List<IResponse> loaded;
        lock (responses) loaded = [.. responses];
        var resources = new List<Resource>();
        foreach (var response in loaded)
        {
            var url = new Uri(response.Url);
            var kind = response.Request.ResourceType switch
            {
                "document" => "document",
                "stylesheet" => "css",
                "script" => "js",
                _ => "other",
            };
            if (response.Status is >= 300 and < 400)
            {
                resources.Add(new Resource(kind, url.PathAndQuery, response.Status, "", "", 0, 0, 0, 0));
                continue;
            }
            var sizes = await response.Request.SizesAsync();
            var body = await BodyOrEmptyAsync(response);
            var headers = await response.AllHeadersAsync();
            resources.Add(new Resource(kind, url.PathAndQuery, response.Status,
                headers.GetValueOrDefault("content-encoding", "identity"), headers.GetValueOrDefault("cache-control", "-"),
                sizes.ResponseBodySize, body.Length, GzipSize(body), BrotliSize(body)));
        }
        return new Visit(path, staff, new Uri(page.Url).PathAndQuery, ready, resources, socketReceived, socketSent, framesReceived, largestFrame);
    }

    private static long FrameSize(IWebSocketFrame frame) => frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? "");

    private static async Task<byte[]> BodyOrEmptyAsync(IResponse response)
    {
        try
        {
            return await response.BodyAsync();
        }
        catch (PlaywrightException)
        {
            return []; // a response without a body (the SignalR negotiation's preflight, say)
        }
    }

    /// <summary>gzip at level 9, as <c>gzip -9</c>.</summary>
    public static long GzipSize(byte[] body)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, new ZLibCompressionOptions { CompressionLevel = 9 }, leaveOpen: true))
        {
            gzip.Write(body);
        }
        return compressed.Length;
    }

    /// <summary>brotli at quality 11, window 22 (the <c>brotli</c> tool's default).</summary>
    public static long BrotliSize(byte[] body)
    {
        var destination = new byte[BrotliEncoder.GetMaxCompressedLength(Math.Max(body.Length, 1))];
        if (!BrotliEncoder.TryCompress(body, destination, out var written, quality: 11, window: 22))
        {
            throw new InvalidOperationException("brotli could not compress a body.");
        }
        return written;
    }

    private async Task WriteVisitAsync(Visit visit)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{(visit.Staff ? "staff" : "public")} page {visit.Path}" + (visit.FinalPath != visit.Path ? $" (ended at {visit.FinalPath})" : "")
            + (visit.CircuitReady ? "" : " (circuit NOT READY)"));
        await output.WriteLineAsync($"  {"kind",-8} {"status",6} {"encoding",-9} {"sent B",9} {"body B",9} {"gzip-9 B",9} {"brotli B",9}  {"cache-control",-22} path");
        foreach (var r in visit.Resources)
        {
            await output.WriteLineAsync($"  {r.Kind,-8} {r.Status,6} {r.Encoding,-9} {r.Sent,9} {r.Body,9} {r.Gzip,9} {r.Brotli,9}  {Truncate(r.CacheControl, 22),-22} {r.Path}");
        }
        if (visit.Staff || visit.SocketReceived > 0)
        {
            await output.WriteLineAsync($"  circuit WebSocket until ready and idle: {visit.SocketReceived} B received in {visit.FramesReceived} frames "
                + $"(the largest {visit.LargestFrame} B), {visit.SocketSent} B sent; not compressed");
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private async Task WriteSummaryAsync(List<Visit> visits)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync("Summary, kB (1 kB = 1,000 bytes) as sent / gzip -9 / brotli 11; counts of files in brackets:");
        await output.WriteLineAsync($"{"page",-45} {"HTML document",-22} {"CSS",-28} {"JS",-28} {"CSS+JS",-22} {"total (with document)",-22} {"other",-10} circuit");
        foreach (var visit in visits)
        {
            var cssAndJs = visit.Css.Concat(visit.Js).ToList();
            var all = visit.Resources.ToList();
            await output.WriteLineAsync(
                $"{(visit.Staff ? "staff " : "public ") + visit.Path,-45} {Triple(visit.Document),-22} {Triple(visit.Css, counted: true),-28} {Triple(visit.Js, counted: true),-28} "
                + $"{Triple(cssAndJs),-22} {Triple(all),-22} {Kb(visit.Other.Sum(r => r.Sent)),-10} "
                + (visit.SocketReceived > 0 ? $"{Kb(visit.SocketReceived)} received" : "-"));
        }
        if (visits.FirstOrDefault(v => !v.Staff) is { } first)
        {
            // Issue 15: what the first public page's styles and scripts cost on the wire, with the encoding the portal chose.
            var cssAndJs = first.Css.Concat(first.Js).ToList();
            var sent = cssAndJs.Sum(r => r.Sent);
            var encodings = string.Join(", ", cssAndJs.GroupBy(r => r.Encoding).Select(g => $"{g.Count()} {g.Key}"));
            await output.WriteLineAsync();
            await output.WriteLineAsync($"target (issue 15): CSS+JS of the first public page {first.Path} as transferred: {Kb(sent)} kB ({encodings}); "
                + $"at most {Kb(FirstPageTargetBytes)} kB: {(sent <= FirstPageTargetBytes ? "met" : "MISSED")}");
        }
    }

    /// <summary>Issue 15's target for the CSS and JS of the first public page, as transferred.</summary>
    public const long FirstPageTargetBytes = 70_000;

    private static string Triple(IEnumerable<Resource> resources, bool counted = false)
    {
        var list = resources.ToList();
        var text = $"{Kb(list.Sum(r => r.Sent))} / {Kb(list.Sum(r => r.Gzip))} / {Kb(list.Sum(r => r.Brotli))}";
        return counted ? $"{text} ({list.Count})" : text;
    }

    private static string Kb(long bytes) => (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture);
}
