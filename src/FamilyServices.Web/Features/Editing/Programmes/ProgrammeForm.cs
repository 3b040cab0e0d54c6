using System.Globalization;
using System.Text.RegularExpressions;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
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

    /// <summary>Nothing typed in this language (spaces and control characters count as nothing): the language is left out.</summary>
    public bool IsEmpty => EditorForms.Line(Title).Length == 0 && EditorForms.Line(Summary).Length == 0 && EditorForms.Block(Description).Length == 0
        && EditorForms.Line(CostNote).Length == 0 && EditorForms.Line(RegistrationNote).Length == 0;

    /// <summary>The language has no title: the public pages fall back to another language (the editor's tab is marked).</summary>
    public bool IsMissing => EditorForms.Line(Title).Length == 0;
}

/// <summary>
/// The programme editor's form: every value as typed (so a refused form keeps exactly what was entered), checked by
/// <see cref="Validate"/> as the editor types and again on the server when saving, then copied onto the entity by
/// <see cref="ApplyTo"/> (cleaned: no control characters, trimmed). <see cref="Validate"/> changes nothing, so it can
/// run on every keystroke. Code and web address uniqueness need the database: <see cref="ProgrammeEditor"/> checks them.
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
        Texts.TryGetValue(language, out var text) && !text.IsMissing ? EditorForms.Line(text.Title)
            : Texts.Values.Where(t => !t.IsMissing).Select(t => EditorForms.Line(t.Title)).FirstOrDefault() ?? "";

    /// <summary>The code as it is stored.</summary>
    public string CleanCode => EditorForms.Line(Code);

    /// <summary>The web address as it is stored: as typed (in lower case), or made from the title in <paramref name="preferredLanguage"/> when left empty.</summary>
    public string EffectiveSlug(string preferredLanguage)
    {
        var typed = EditorForms.Line(Slug).ToLowerInvariant();
        return typed.Length > 0 ? typed : EditorForms.Slugify(TitleIn(preferredLanguage), SlugLength);
    }

    /// <summary>The checked audience flags.</summary>
    public Audience Audience => (ForChildren ? Audience.Children : Audience.None) | (ForParents ? Audience.Parents : Audience.None)
        | (ForFamilies ? Audience.Families : Audience.None);

    /// <summary>Turns a delivery language on or off.</summary>
    public void SetDeliveryLanguage(string language, bool on)
    {
        DeliveryLanguages.Remove(language);
        if (on) DeliveryLanguages.Add(language);
    }

    /// <summary>
    /// Checks everything that needs no database, changing nothing (it runs as the editor types). The field of each
    /// problem is the id of the input that shows it; a language's text fields end in "-" and the language's code.
    /// </summary>
    public List<FormProblem> Validate(IStringLocalizer<Text> t, TimeZoneInfo cityZone, IReadOnlyCollection<int> categoryIds, string preferredLanguage)
    {
        var problems = new List<FormProblem>();
        void Problem(string field, string message) => problems.Add(new FormProblem(field, message));
        void MaxLength(string field, string value, int max, string label)
        {
            if (value.Length > max) Problem(field, t["EditTooLong", label, max, value.Length]);
        }

        var code = CleanCode;
        if (code.Length == 0) Problem("code", t["EditCodeRequired"]);
        else if (code.Length > CodeLength || !CodePattern().IsMatch(code)) Problem("code", t["EditCodeInvalid", CodeLength]);

        var slug = EffectiveSlug(preferredLanguage);
        if (slug.Length == 0) Problem("slug", t["EditSlugRequired"]);
        else if (slug.Length > SlugLength || !SlugPattern().IsMatch(slug)) Problem("slug", t["EditSlugInvalid", SlugLength]);

        if (!Enum.TryParse(Type, out _type) || !Enum.IsDefined(_type) || int.TryParse(Type, out _)) Problem("type", t["EditChooseFromList"]);
        if (!int.TryParse(CategoryId, NumberStyles.None, CultureInfo.InvariantCulture, out _categoryId) || !categoryIds.Contains(_categoryId))
        {
            Problem("categoryId", t["EditChooseFromList"]);
        }
        if (Audience == Audience.None) Problem("audience", t["EditAudienceRequired"]);

        var minOk = TryAge(MinYears, MinMonths, out _minAge);
        var maxOk = TryAge(MaxYears, MaxMonths, out _maxAge);
        if (!minOk) Problem("minYears", t["EditAgeInvalid", MaxAgeMonths / 12]);
        if (!maxOk) Problem("maxYears", t["EditAgeInvalid", MaxAgeMonths / 12]);
        if (minOk && maxOk && _minAge > _maxAge) Problem("minYears", t["EditAgeOrder"]);

        _price = null;
        if (!IsFree)
        {
            if (decimal.TryParse(EditorForms.Line(Price).Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price < 100_000_000m)
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
        var url = EditorForms.Line(RegistrationUrl);
        if (url.Length > 0 && (url.Length > UrlLength || !IsWebAddress(url))) Problem("registrationUrl", t["EditUrlInvalid", UrlLength]);
        else if (url.Length == 0 && _registrationMode == Domain.RegistrationMode.Online) Problem("registrationUrl", t["EditRegistrationUrlRequired"]);

        if (DeliveryLanguages.Count == 0) Problem("deliveryLanguages", t["EditDeliveryLanguagesRequired"]);
        else if (DeliveryLanguages.Any(l => !LanguageCodePattern().IsMatch(l)) || DeliveryLanguages.Count > 20) Problem("deliveryLanguages", t["EditChooseFromList"]);

        ValidateWindow(t, cityZone, problems);

        _lastCheckedOn = null;
        if (EditorForms.Line(LastCheckedOn) is { Length: > 0 } lastChecked)
        {
            if (EditorForms.TryDate(lastChecked, out var checkedOn)) _lastCheckedOn = checkedOn;
            else Problem("lastCheckedOn", t["EditDateInvalid"]);
        }

        foreach (var (language, text) in Texts)
        {
            if (text.IsEmpty) continue;
            var name = EditorForms.LanguageName(language);
            var (title, summary) = (EditorForms.Line(text.Title), EditorForms.Line(text.Summary));
            if (title.Length == 0) Problem($"title-{language}", t["EditTitleMissing", name]);
            if (summary.Length == 0) Problem($"summary-{language}", t["EditSummaryMissing", name]);
            MaxLength($"title-{language}", title, TitleLength, $"{t["EditTitle"]} ({name})");
            MaxLength($"summary-{language}", summary, SummaryLength, $"{t["EditSummary"]} ({name})");
            MaxLength($"description-{language}", EditorForms.Block(text.Description), DescriptionLength, $"{t["EditDescription"]} ({name})");
            MaxLength($"costNote-{language}", EditorForms.Line(text.CostNote), NoteLength, $"{t["EditCostNote"]} ({name})");
            MaxLength($"registrationNote-{language}", EditorForms.Line(text.RegistrationNote), NoteLength, $"{t["EditRegistrationNote"]} ({name})");
        }
        if (Texts.Values.All(text => text.IsEmpty)) Problem($"title-{Languages.Supported[0]}", t["EditTextsRequired"]);
        return problems;
    }

    private void ValidateWindow(IStringLocalizer<Text> t, TimeZoneInfo cityZone, List<FormProblem> problems)
    {
        _publishFrom = _publishUntil = null;
        if (EditorForms.Line(PublishFrom) is { Length: > 0 } fromText)
        {
            if (EditorForms.TryLocalDateTime(fromText, cityZone, out var from)) _publishFrom = from;
            else problems.Add(new FormProblem("publishFrom", t["EditDateTimeInvalid"]));
        }
        if (EditorForms.Line(PublishUntil) is { Length: > 0 } untilText)
        {
            if (EditorForms.TryLocalDateTime(untilText, cityZone, out var until)) _publishUntil = until;
            else problems.Add(new FormProblem("publishUntil", t["EditDateTimeInvalid"]));
        }
        if (_publishFrom is not null && _publishUntil is not null && _publishUntil <= _publishFrom)
        {
            problems.Add(new FormProblem("publishUntil", t["EditPublishWindowOrder"]));
        }
    }

    /// <summary>
    /// Copies the values checked by the last <see cref="Validate"/> onto the programme, cleaned: its own fields, and
    /// its texts (added, changed, or removed when emptied).
    /// </summary>
    public void ApplyTo(Programme programme, string preferredLanguage)
    {
        programme.Code = CleanCode;
        programme.Slug = EffectiveSlug(preferredLanguage);
        programme.Type = _type;
        programme.CategoryId = _categoryId;
        programme.Audience = Audience;
        programme.MinAgeMonths = _minAge;
        programme.MaxAgeMonths = _maxAge;
        programme.IsFree = IsFree;
        programme.PriceAmount = IsFree ? null : _price;
        programme.RegistrationMode = _registrationMode;
        programme.RegistrationUrl = EditorForms.Line(RegistrationUrl) is { Length: > 0 } url ? url : null;
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
            var (title, summary) = (EditorForms.Line(fields.Title), EditorForms.Line(fields.Summary));
            if (text is null)
            {
                text = new ProgrammeText { Language = language, Title = title, Summary = summary };
                programme.Texts.Add(text);
            }
            text.Title = title;
            text.Summary = summary;
            text.Description = EditorForms.Block(fields.Description);
            text.CostNote = EditorForms.Line(fields.CostNote) is { Length: > 0 } costNote ? costNote : null;
            text.RegistrationNote = EditorForms.Line(fields.RegistrationNote) is { Length: > 0 } registrationNote ? registrationNote : null;
        }
    }

    /// <summary>An age given as years and months ("1" and "6", or "0" and "18"); empty boxes count as 0.</summary>
    private static bool TryAge(string years, string months, out int total)
    {
        total = 0;
        (years, months) = (EditorForms.Line(years), EditorForms.Line(months));
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
