namespace FamilyServices.Web.Domain;

/// <summary>A place where offerings happen: a family centre, child centre, Kita, school or library.</summary>
public class Centre
{
    public int Id { get; set; }

    /// <summary>Its id in the open data (HSDS): a UUID that never changes, also across imports and demo reloads.</summary>
    public Guid OpenDataId { get; set; } = Guid.NewGuid();
    public required string Code { get; set; }
    public required string Name { get; set; }
    public CentreType Type { get; set; }

    public int OperatorId { get; set; }
    public Organisation Operator { get; set; } = null!;
    public int DistrictId { get; set; }
    public District District { get; set; } = null!;

    public required string Street { get; set; }
    public required string Postcode { get; set; }
    public required string Locality { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }

    /// <summary>IANA time zone used to show this centre's session times.</summary>
    public required string TimeZone { get; set; }

    /// <summary>Codes from <see cref="AccessibilityFeatures"/>.</summary>
    public string[] AccessibilityFeatures { get; set; } = [];

    /// <summary>ISO 639-1 codes of the languages staff speak.</summary>
    public string[] LanguagesSpoken { get; set; } = [];

    public CentreStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateOnly? ClosedUntil { get; set; }

    /// <summary>PostgreSQL's row version (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }

    /// <summary>Name, street and locality folded for forgiving search; the database fills it.</summary>
    public string SearchText { get; private set; } = "";

    public List<OpeningHours> OpeningHours { get; set; } = [];
    public List<Room> Rooms { get; set; } = [];
}

public class OpeningHours
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}

public class Room
{
    public int Id { get; set; }
    public int CentreId { get; set; }
    public required string Name { get; set; }
    public RoomKind Kind { get; set; }
    public int? Capacity { get; set; }
}

public static class AccessibilityFeatures
{
    public const string StepFree = "step-free";
    public const string AccessibleToilet = "accessible-toilet";
    public const string Lift = "lift";
    public const string HearingLoop = "hearing-loop";
    public const string PramParking = "pram-parking";
    public const string BabyChanging = "baby-changing";

    public static readonly IReadOnlyList<string> All =
        [StepFree, AccessibleToilet, Lift, HearingLoop, PramParking, BabyChanging];
}
