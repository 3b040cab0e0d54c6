using System.Globalization;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

using FamilyServices.Web.Features.Editing.Shared;

namespace FamilyServices.Web.Features.Editing.Programmes;

/// <summary>A programme's texts in one language as typed into the editor.</summary>
public sealed class ProgrammeTextFields
{
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Description { get; set; } = "";
    public string CostNote { get; set; } = "";
    public string RegistrationNote { get; set; } = "";

    public bool IsEmpty => Title.Length == 0 && Summary.Length == 0 && Description.Length == 0 && CostNote.Length == 0 && RegistrationNote.Length == 0;
}

/// <summary>
/// The programme editor's form: every value as typed (so a refused form shows exactly what was entered), checked by
/// <see cref="Validate"/>, then copied onto the entity by <see cref="ApplyTo"/>. Code and slug uniqueness need the
/// database and are checked by the page.
/// </summary>
public sealed partial class ProgrammeForm
{
    public const int MaxAgeMonths = 18 * 12;
    public const int CodeLength = 40;
    public const int SlugLength = 120;
    public const int UrlLength = 500;
    public const int TitleLength = 200;
    public const int SummaryLength = 500;
    public const int DescriptionLength = 8000;
    public const int NoteLength = 500;

    /// <summary>Languages offered as delivery languages (besides any a programme already has).</summary>
    public static readonly IReadOnlyList<string> CommonDeliveryLanguages = ["de", "tr", "en", "nl", "ar", "fa", "ku", "ru", "uk", "pl", "ro", "bg", "fr", "es"];

    public string Code { get; set; } = "";
    public string Slug { get; set; } = "";
    public string Type { get; set; } = nameof(ProgrammeType.ChildClass);
    public string CategoryId { get; set; } = "";
    public bool ForChildren { get; set; }
    public bool ForParents { get; set; }
    public bool ForFamilies { get; set; }
    public string MinYears { get; set; } = "0";
    public string MinMonths { get; set; } = "0";
    public string MaxYears { get; set; } = "6";
    public string MaxMonths { get; set; } = "0";
    public bool IsFree { get; set; } = true;
    public string Price { get; set; } = "";
    public string RegistrationMode { get; set; } = nameof(Domain.RegistrationMode.NotNeeded);
    public string RegistrationUrl { get; set; } = "";
    public List<string> DeliveryLanguages { get; set; } = [];
    public string PublishFrom { get; set; } = "";
    public string PublishUntil { get; set; } = "";
    public string LastCheckedOn { get; set; } = "";
    public string Version { get; set; } = "";
    public Dictionary<string, ProgrammeTextFields> Texts { get; } = Languages.Supported.ToDictionary(l => l, _ => new ProgrammeTextFields());

    // Set by Validate, used by ApplyTo.
    private ProgrammeType _type;
    private int _categoryId;
    private int _minAge;
    private int _maxAge;
    private decimal? _price;
    private RegistrationMode _registrationMode;
    private DateTime? _publishFrom;
    private DateTime? _publishUntil;
    private DateOnly? _lastCheckedOn;

    public static ProgrammeForm Read(IFormCollection form)
    {
        var input = new ProgrammeForm
        {
            Code = form.Value("code"),
            Slug = form.Value("slug").ToLowerInvariant(),
            Type = form.Value("type"),
            CategoryId = form.Value("categoryId"),
            ForChildren = form.Checked("forChildren"),
            ForParents = form.Checked("forParents"),
            ForFamilies = form.Checked("forFamilies"),
            MinYears = form.Value("minYears"),
            MinMonths = form.Value("minMonths"),
            MaxYears = form.Value("maxYears"),
            MaxMonths = form.Value("maxMonths"),
            IsFree = form.Checked("isFree"),
            Price = form.Value("price"),
            RegistrationMode = form.Value("registrationMode"),
            RegistrationUrl = form.Value("registrationUrl"),
            DeliveryLanguages = form["deliveryLanguages"].Select(v => (v ?? "").Trim()).Where(v => v.Length > 0).Distinct().ToList(),
            PublishFrom = form.Value("publishFrom"),
            PublishUntil = form.Value("publishUntil"),
            LastCheckedOn = form.Value("lastCheckedOn"),
            Version = form.Value("version"),
        };
        foreach (var (language, text) in input.Texts)
        {
            text.Title = form.Value($"title-{language}");
            text.Summary = form.Value($"summary-{language}");
            text.Description = form[$"description-{language}"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
            text.CostNote = form.Value($"costNote-{language}");
            text.RegistrationNote = form.Value($"registrationNote-{language}");
        }
        return input;
    }

    public static ProgrammeForm From(Programme programme, TimeZoneInfo cityZone)
    {
        var input = new ProgrammeForm
        {
            Code = programme.Code,
            Slug = programme.Slug,
            Type = programme.Type.ToString(),
            CategoryId = programme.CategoryId.ToString(CultureInfo.InvariantCulture),
            ForChildren = programme.Audience.HasFlag(Audience.Children),
            ForParents = programme.Audience.HasFlag(Audience.Parents),
            ForFamilies = programme.Audience.HasFlag(Audience.Families),
            MinYears = (programme.MinAgeMonths / 12).ToString(CultureInfo.InvariantCulture),
            MinMonths = (programme.MinAgeMonths % 12).ToString(CultureInfo.InvariantCulture),
            MaxYears = (programme.MaxAgeMonths / 12).ToString(CultureInfo.InvariantCulture),
            MaxMonths = (programme.MaxAgeMonths % 12).ToString(CultureInfo.InvariantCulture),
            IsFree = programme.IsFree,
            Price = programme.PriceAmount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
            RegistrationMode = programme.RegistrationMode.ToString(),
            RegistrationUrl = programme.RegistrationUrl ?? "",
            DeliveryLanguages = [.. programme.DeliveryLanguages],
            PublishFrom = EditorForms.LocalDateTimeValue(programme.PublishFrom, cityZone),
            PublishUntil = EditorForms.LocalDateTimeValue(programme.PublishUntil, cityZone),
            LastCheckedOn = EditorForms.DateValue(programme.LastCheckedOn),
            Version = programme.Version.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var text in programme.Texts)
        {
            if (!input.Texts.TryGetValue(text.Language, out var fields)) continue;
            fields.Title = text.Title;
            fields.Summary = text.Summary;
            fields.Description = text.Description;
            fields.CostNote = text.CostNote ?? "";
            fields.RegistrationNote = text.RegistrationNote ?? "";
        }
        return input;
    }

    /// <summary>The title to show for the programme: in the wanted language, else the first one given.</summary>
    public string TitleIn(string language) =>
        Texts.TryGetValue(language, out var text) && text.Title.Length > 0 ? text.Title : Texts.Values.FirstOrDefault(t => t.Title.Length > 0)?.Title ?? "";

    /// <summary>Checks everything that needs no database. Fills the slug from the title when it was left empty.</summary>
    public List<FormProblem> Validate(IStringLocalizer<Text> t, TimeZoneInfo cityZone, IReadOnlyCollection<int> categoryIds, string preferredLanguage)
    {
        var problems = new List<FormProblem>();
        void Problem(string field, string message) => problems.Add(new FormProblem(field, message));
        void MaxLength(string field, string value, int max, string label)
        {
            if (value.Length > max) Problem(field, t["EditTooLong", label, max, value.Length]);
        }

        if (Code.Length == 0) Problem("code", t["EditCodeRequired"]);
        else if (Code.Length > CodeLength || !CodePattern().IsMatch(Code)) Problem("code", t["EditCodeInvalid", CodeLength]);

        if (Slug.Length == 0) Slug = EditorForms.Slugify(TitleIn(preferredLanguage), SlugLength);
        if (Slug.Length == 0) Problem("slug", t["EditSlugRequired"]);
        else if (Slug.Length > SlugLength || !SlugPattern().IsMatch(Slug)) Problem("slug", t["EditSlugInvalid", SlugLength]);

        if (!Enum.TryParse(Type, out _type) || !Enum.IsDefined(_type) || int.TryParse(Type, out _)) Problem("type", t["EditChooseFromList"]);
        if (!int.TryParse(CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out _categoryId) || !categoryIds.Contains(_categoryId))
        {
            Problem("categoryId", t["EditChooseFromList"]);
        }
        if (!ForChildren && !ForParents && !ForFamilies) Problem("forChildren", t["EditAudienceRequired"]);

        var minOk = TryAge(MinYears, MinMonths, out _minAge);
        var maxOk = TryAge(MaxYears, MaxMonths, out _maxAge);
        if (!minOk) Problem("minYears", t["EditAgeInvalid", MaxAgeMonths / 12]);
        if (!maxOk) Problem("maxYears", t["EditAgeInvalid", MaxAgeMonths / 12]);
        if (minOk && maxOk && _minAge > _maxAge) Problem("minYears", t["EditAgeOrder"]);

        _price = null;
        if (!IsFree)
        {
            if (decimal.TryParse(Price.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price < 100_000_000m)
            {
                _price = decimal.Round(price, 2);
            }
            else
            {
                Problem("price", t["EditPriceRequired"]);
            }
        }

        if (!Enum.TryParse(RegistrationMode, out _registrationMode) || !Enum.IsDefined(_registrationMode) || int.TryParse(RegistrationMode, out _))
        {
            Problem("registrationMode", t["EditChooseFromList"]);
        }
        if (RegistrationUrl.Length > 0 && (RegistrationUrl.Length > UrlLength || !IsWebAddress(RegistrationUrl))) Problem("registrationUrl", t["EditUrlInvalid", UrlLength]);
        else if (RegistrationUrl.Length == 0 && _registrationMode == Domain.RegistrationMode.Online) Problem("registrationUrl", t["EditRegistrationUrlRequired"]);

        if (DeliveryLanguages.Count == 0) Problem("delivery-de", t["EditDeliveryLanguagesRequired"]);
        else if (DeliveryLanguages.Any(l => !LanguageCodePattern().IsMatch(l)) || DeliveryLanguages.Count > 20) Problem("delivery-de", t["EditChooseFromList"]);

        ValidateWindow(t, cityZone, problems);

        _lastCheckedOn = null;
        if (LastCheckedOn.Length > 0)
        {
            if (EditorForms.TryDate(LastCheckedOn, out var checkedOn)) _lastCheckedOn = checkedOn;
            else Problem("lastCheckedOn", t["EditDateInvalid"]);
        }

        foreach (var (language, text) in Texts)
        {
            if (text.IsEmpty) continue;
            var name = EditorForms.LanguageName(language);
            if (text.Title.Length == 0) Problem($"title-{language}", t["EditTitleMissing", name]);
            if (text.Summary.Length == 0) Problem($"summary-{language}", t["EditSummaryMissing", name]);
            MaxLength($"title-{language}", text.Title, TitleLength, $"{t["EditTitle"]} ({name})");
            MaxLength($"summary-{language}", text.Summary, SummaryLength, $"{t["EditSummary"]} ({name})");
            MaxLength($"description-{language}", text.Description, DescriptionLength, $"{t["EditDescription"]} ({name})");
            MaxLength($"costNote-{language}", text.CostNote, NoteLength, $"{t["EditCostNote"]} ({name})");
            MaxLength($"registrationNote-{language}", text.RegistrationNote, NoteLength, $"{t["EditRegistrationNote"]} ({name})");
        }
        if (Texts.Values.All(text => text.IsEmpty)) Problem($"title-{Languages.Supported[0]}", t["EditTextsRequired"]);
        return problems;
    }

    private void ValidateWindow(IStringLocalizer<Text> t, TimeZoneInfo cityZone, List<FormProblem> problems)
    {
        _publishFrom = _publishUntil = null;
        if (PublishFrom.Length > 0)
        {
            if (EditorForms.TryLocalDateTime(PublishFrom, cityZone, out var from)) _publishFrom = from;
            else problems.Add(new FormProblem("publishFrom", t["EditDateTimeInvalid"]));
        }
        if (PublishUntil.Length > 0)
        {
            if (EditorForms.TryLocalDateTime(PublishUntil, cityZone, out var until)) _publishUntil = until;
            else problems.Add(new FormProblem("publishUntil", t["EditDateTimeInvalid"]));
        }
        if (_publishFrom is not null && _publishUntil is not null && _publishUntil <= _publishFrom)
        {
            problems.Add(new FormProblem("publishUntil", t["EditPublishWindowOrder"]));
        }
    }

    /// <summary>Copies the checked values onto the programme: its own fields, and its texts (added, changed, or removed when emptied).</summary>
    public void ApplyTo(Programme programme)
    {
        programme.Code = Code;
        programme.Slug = Slug;
        programme.Type = _type;
        programme.CategoryId = _categoryId;
        programme.Audience = (ForChildren ? Audience.Children : Audience.None) | (ForParents ? Audience.Parents : Audience.None)
            | (ForFamilies ? Audience.Families : Audience.None);
        programme.MinAgeMonths = _minAge;
        programme.MaxAgeMonths = _maxAge;
        programme.IsFree = IsFree;
        programme.PriceAmount = IsFree ? null : _price;
        programme.RegistrationMode = _registrationMode;
        programme.RegistrationUrl = RegistrationUrl.Length > 0 ? RegistrationUrl : null;
        if (!programme.DeliveryLanguages.SequenceEqual(DeliveryLanguages)) programme.DeliveryLanguages = [.. DeliveryLanguages];
        programme.PublishFrom = _publishFrom;
        programme.PublishUntil = _publishUntil;
        programme.LastCheckedOn = _lastCheckedOn;

        foreach (var (language, fields) in Texts)
        {
            var text = programme.Texts.FirstOrDefault(x => x.Language == language);
            if (fields.IsEmpty)
            {
                if (text is not null) programme.Texts.Remove(text);
                continue;
            }
            if (text is null)
            {
                text = new ProgrammeText { Language = language, Title = fields.Title, Summary = fields.Summary };
                programme.Texts.Add(text);
            }
            text.Title = fields.Title;
            text.Summary = fields.Summary;
            text.Description = fields.Description;
            text.CostNote = fields.CostNote.Length > 0 ? fields.CostNote : null;
            text.RegistrationNote = fields.RegistrationNote.Length > 0 ? fields.RegistrationNote : null;
        }
    }

    /// <summary>An age given as years and months ("1" and "6", or "0" and "18"); empty boxes count as 0.</summary>
    private static bool TryAge(string years, string months, out int total)
    {
        total = 0;
        if (!TryCount(years, out var y) || !TryCount(months, out var m)) return false;
        total = y * 12 + m;
        return y <= MaxAgeMonths / 12 && m <= MaxAgeMonths && total <= MaxAgeMonths;
    }

    private static bool TryCount(string value, out int count)
    {
        if (value.Length == 0)
        {
            count = 0;
            return true;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }

    public static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCodePattern();
}
