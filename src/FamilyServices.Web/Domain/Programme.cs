namespace FamilyServices.Web.Domain;

/// <summary>What is offered, independent of where and when: "Anne yanı sınıfları", "Olympia ruft – Mach mit!".</summary>
public class Programme
{
    public int Id { get; set; }

    /// <summary>Its id in the open data (HSDS): a UUID that never changes, also across imports and demo reloads.</summary>
    public Guid OpenDataId { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Slug { get; set; }
    public ProgrammeType Type { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;

    public Audience Audience { get; set; }
    public int MinAgeMonths { get; set; }
    public int MaxAgeMonths { get; set; }

    public bool IsFree { get; set; }
    public decimal? PriceAmount { get; set; }

    public RegistrationMode RegistrationMode { get; set; }
    public string? RegistrationUrl { get; set; }

    /// <summary>ISO 639-1 codes of the languages the programme is delivered in.</summary>
    public string[] DeliveryLanguages { get; set; } = [];

    public DateOnly? LastCheckedOn { get; set; }
    public PublicationState PublicationState { get; set; }

    /// <summary>When set, a published programme appears only from this time on and disappears at <see cref="PublishUntil"/>.</summary>
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishUntil { get; set; }

    /// <summary>PostgreSQL's row version (xmin): a save based on an older read is refused, never silently overwrites.</summary>
    public uint Version { get; set; }

    public List<ProgrammeText> Texts { get; set; } = [];
    public List<ProgrammePartner> Partners { get; set; } = [];
    public List<Offering> Offerings { get; set; } = [];

    /// <summary>The text in the wanted language, else in the city's default language, else any.</summary>
    public ProgrammeText? TextIn(string language, string fallbackLanguage) =>
        Texts.FirstOrDefault(t => t.Language == language)
        ?? Texts.FirstOrDefault(t => t.Language == fallbackLanguage)
        ?? Texts.FirstOrDefault();
}

/// <summary>A programme's texts in one language.</summary>
public class ProgrammeText
{
    public int ProgrammeId { get; set; }
    public required string Language { get; set; }
    public required string Title { get; set; }
    public required string Summary { get; set; }
    public string Description { get; set; } = "";
    public string? CostNote { get; set; }
    public string? RegistrationNote { get; set; }

    /// <summary>Title and summary folded for forgiving search (case, diacritics); the database fills it.</summary>
    public string SearchText { get; private set; } = "";
}

public class ProgrammePartner
{
    public int ProgrammeId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
}
