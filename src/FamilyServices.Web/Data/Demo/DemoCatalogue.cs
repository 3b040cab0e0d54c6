using System.Globalization;
using System.Text;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>A category and its names, in the order of the city's category languages; a missing name is skipped.</summary>
internal sealed record CategoryRow(string Code, string? Parent, params string?[] Names);

/// <summary>A programme's texts in one language. Paragraphs of the description are separated by a blank line.</summary>
internal sealed record TextRow(string Language, string Title, string Summary, string Description)
{
    public string? CostNote { get; init; }
    public string? RegistrationNote { get; init; }
}

/// <summary>A programme as the city tables write it; the first text's title gives the slug.</summary>
internal sealed record ProgrammeRow(string Code, ProgrammeType Type, string Category, Audience Audience, int MinAgeMonths, int MaxAgeMonths)
{
    /// <summary>Null for a free programme.</summary>
    public decimal? Price { get; init; }
    public RegistrationMode Registration { get; init; } = RegistrationMode.AtCentre;
    public string? RegistrationUrl { get; init; }
    public string[] Languages { get; init; } = [];
    public string[] Partners { get; init; } = [];
    public DateOnly? LastCheckedOn { get; init; }
    public PublicationState State { get; init; } = PublicationState.Published;
    public required TextRow[] Texts { get; init; }
}

/// <summary>Organisations, the category tree and programmes of one city, looked up by code while offerings are built.</summary>
internal sealed class DemoCatalogue
{
    private readonly Dictionary<string, Organisation> _organisations;
    private readonly Dictionary<string, Category> _categories;
    private readonly Dictionary<string, Programme> _programmes;

    public DemoCatalogue(
        IEnumerable<Organisation> organisations,
        IReadOnlyList<string> categoryLanguages,
        IEnumerable<CategoryRow> categories,
        IEnumerable<ProgrammeRow> programmes)
    {
        Organisations = [.. organisations];
        _organisations = Organisations.ToDictionary(o => o.Code);

        Categories = [];
        _categories = [];
        foreach (var row in categories)
        {
            var category = new Category
            {
                Code = row.Code,
                Parent = row.Parent is null ? null : _categories[row.Parent],
                Names = [.. row.Names
                    .Select((name, i) => (name, language: categoryLanguages[i]))
                    .Where(n => n.name is not null)
                    .Select(n => new CategoryName { Language = n.language, Name = n.name! })],
            };
            Categories.Add(category);
            _categories.Add(row.Code, category);
        }

        Programmes = [.. programmes.Select(ToProgramme)];
        _programmes = Programmes.ToDictionary(p => p.Code);
    }

    public List<Organisation> Organisations { get; }
    public List<Category> Categories { get; }
    public List<Programme> Programmes { get; }

    public Organisation Organisation(string code) => _organisations[code];

    public Programme Programme(string code) => _programmes[code];

    private Programme ToProgramme(ProgrammeRow row) => new()
    {
        Code = row.Code,
        Slug = Slug(row.Texts[0].Title, row.Texts[0].Language),
        Type = row.Type,
        Category = _categories[row.Category],
        Audience = row.Audience,
        MinAgeMonths = row.MinAgeMonths,
        MaxAgeMonths = row.MaxAgeMonths,
        IsFree = row.Price is null,
        PriceAmount = row.Price,
        RegistrationMode = row.Registration,
        RegistrationUrl = row.RegistrationUrl,
        DeliveryLanguages = row.Languages,
        LastCheckedOn = row.LastCheckedOn,
        PublicationState = row.State,
        Texts = [.. row.Texts.Select(t => new ProgrammeText
        {
            Language = t.Language,
            Title = t.Title,
            Summary = t.Summary,
            Description = t.Description,
            CostNote = t.CostNote,
            RegistrationNote = t.RegistrationNote,
        })],
        Partners = [.. row.Partners.Select(code => new ProgrammePartner { Organisation = _organisations[code] })],
    };

    /// <summary>
    /// An ASCII URL slug, spelled the way the language transliterates: Turkish "Sınıfları" becomes "siniflari",
    /// German "Frühe" becomes "fruehe".
    /// </summary>
    public static string Slug(string title, string language)
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
