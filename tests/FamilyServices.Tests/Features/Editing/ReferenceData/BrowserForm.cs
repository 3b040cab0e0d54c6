using System.Net;
using System.Text;
using FamilyServices.Tests.Infrastructure;
using HtmlAgilityPack;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// A form as a browser would send it: every field of the rendered form (hidden ones such as the version and the
/// antiforgery token included, ticked boxes only, the selected option of each list). Tests change what they need.
/// </summary>
public sealed class BrowserForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private BrowserForm(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public static async Task<BrowserForm> OpenAsync(HttpClient client, string path, string form)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path}");
        return Of(await Html.ParseAsync(response), form);
    }

    public static BrowserForm Of(HtmlDocument page, string form)
    {
        var node = page.DocumentNode.SelectSingleNode($"//form[input[@name='_handler' and @value='{form}']]")
            ?? throw new InvalidOperationException($"The page has no form '{form}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in node.SelectNodes(".//input[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            var type = input.GetAttributeValue("type", "text");
            if (type is "checkbox" or "radio" && !input.Attributes.Contains("checked")) continue;
            if (type is "submit" or "file") continue;
            fields.Add(new(input.GetAttributeValue("name", ""), HtmlEntity.DeEntitize(input.GetAttributeValue("value", type is "checkbox" ? "on" : ""))));
        }
        foreach (var select in node.SelectNodes(".//select[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            var option = select.SelectSingleNode(".//option[@selected]") ?? select.SelectSingleNode(".//option");
            fields.Add(new(select.GetAttributeValue("name", ""), HtmlEntity.DeEntitize(option?.GetAttributeValue("value", "") ?? "")));
        }
        foreach (var area in node.SelectNodes(".//textarea[@name]") ?? Enumerable.Empty<HtmlNode>())
        {
            fields.Add(new(area.GetAttributeValue("name", ""), HtmlEntity.DeEntitize(area.InnerText)));
        }
        return new BrowserForm(fields);
    }

    public string this[string name] => _fields.FirstOrDefault(f => f.Key == name).Value ?? "";

    /// <summary>Replaces the field's value (adds the field when the form has none of that name).</summary>
    public BrowserForm Set(string name, string value)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>Ticks or unticks one box of a group of checkboxes sharing a name.</summary>
    public BrowserForm Tick(string name, string value, bool ticked = true)
    {
        _fields.RemoveAll(f => f.Key == name && f.Value == value);
        if (ticked) _fields.Add(new(name, value));
        return this;
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string path) =>
        client.PostAsync(path, new FormUrlEncodedContent(_fields));

    /// <summary>Uploads a file with a page's upload form (its antiforgery token and form name).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string form, byte[] file, string fileName = "population.csv")
    {
        var page = await Html.ParseAsync(await client.GetAsync(path));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken()), "__RequestVerificationToken" },
            { new StringContent(form), "_handler" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new("text/csv");
        content.Add(part, "file", fileName);
        return await client.PostAsync(path, content);
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string form, string csv) =>
        UploadAsync(client, path, form, Encoding.UTF8.GetBytes(csv));
}
