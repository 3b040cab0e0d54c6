using System.Globalization;
using System.Text;

namespace FamilyServices.Web.Domain;

/// <summary>The web address a programme gets from its title when nobody chose one (the catalogue import uses it).</summary>
public static class TitleSlug
{
    /// <summary>
    /// An ASCII URL slug, spelled the way the language transliterates: Turkish "Sınıfları" becomes "siniflari",
    /// German "Frühe" becomes "fruehe".
    /// </summary>
    public static string Of(string title, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var german = language == Languages.German;
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.ToLower(culture))
        {
            var ascii = c switch
            {
                'ı' or 'î' or 'í' => "i",
                'ç' => "c",
                'ğ' => "g",
                'ş' => "s",
                'â' or 'á' or 'à' => "a",
                'é' or 'è' or 'ê' => "e",
                'û' or 'ú' => "u",
                'ä' => german ? "ae" : "a",
                'ö' => german ? "oe" : "o",
                'ü' => german ? "ue" : "u",
                'ß' => "ss",
                _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
                _ => "-",
            };
            if (ascii == "-" && (slug.Length == 0 || slug[^1] == '-')) continue;
            slug.Append(ascii);
        }
        return slug.ToString().TrimEnd('-');
    }
}
