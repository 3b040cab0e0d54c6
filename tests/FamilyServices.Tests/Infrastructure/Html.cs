using HtmlAgilityPack;

namespace FamilyServices.Tests.Infrastructure;

public static class Html
{
    public static async Task<HtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var document = new HtmlDocument();
        document.LoadHtml(await response.Content.ReadAsStringAsync());
        return document;
    }

    /// <summary>The first node matching an XPath; fails the test with the XPath when there is none.</summary>
    public static HtmlNode Find(this HtmlNode node, string xpath) =>
        node.SelectSingleNode(xpath) ?? throw new InvalidOperationException($"Nothing on the page matches {xpath}.");

    public static HtmlNode Find(this HtmlDocument document, string xpath) => document.DocumentNode.Find(xpath);

    public static string Text(this HtmlNode node) => HtmlEntity.DeEntitize(node.InnerText).Trim();

    /// <summary>The antiforgery token of the first form on a page, for posting like a browser would.</summary>
    public static string AntiforgeryToken(this HtmlDocument document) =>
        document.DocumentNode.SelectSingleNode("//input[@name='__RequestVerificationToken']")?.GetAttributeValue("value", "")
        ?? throw new InvalidOperationException("The page has no antiforgery token.");
}
