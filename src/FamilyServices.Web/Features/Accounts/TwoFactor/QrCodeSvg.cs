using System.Globalization;
using System.Text;
using QRCoder;

namespace FamilyServices.Web.Features.Accounts.TwoFactor;

/// <summary>
/// A QR code as inline SVG, drawn on the server from QRCoder's module matrix: one <c>&lt;path&gt;</c> of dark runs with
/// <c>fill</c> attributes and no <c>style</c> attribute anywhere, so a strict Content-Security-Policy allows it.
/// </summary>
public static class QrCodeSvg
{
    /// <param name="text">What the code holds.</param>
    /// <param name="label">What a screen reader says for the image.</param>
    /// <param name="id">The element id (the <c>title</c> gets <c>{id}-title</c>).</param>
    public static string Render(string text, string label, string id)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the quiet zone of four modules on each side
        var size = matrix.Count;

        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y];
            for (var x = 0; x < size; x++)
            {
                if (!row[x]) continue;
                var run = 1;
                while (x + run < size && row[x + run]) run++;
                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }

        var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
        var sizeText = size.ToString(CultureInfo.InvariantCulture);
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{encoder.Encode(id)}\" class=\"qr-code\" role=\"img\" " +
               $"aria-labelledby=\"{encoder.Encode(id)}-title\" viewBox=\"0 0 {sizeText} {sizeText}\" width=\"240\" height=\"240\" shape-rendering=\"crispEdges\">" +
               $"<title id=\"{encoder.Encode(id)}-title\">{encoder.Encode(label)}</title>" +
               $"<rect width=\"{sizeText}\" height=\"{sizeText}\" fill=\"#ffffff\"/>" +
               $"<path d=\"{path}\" fill=\"#000000\"/></svg>";
    }
}
