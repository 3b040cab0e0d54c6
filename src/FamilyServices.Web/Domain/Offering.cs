namespace FamilyServices.Web.Domain;

/// <summary>A programme delivered by a centre (in person or online) for a period, with its schedule.</summary>
public class Offering
{
    public int Id { get; set; }

    /// <summary>Its id in the open data (HSDS): a UUID that never changes, also across imports and demo reloads.</summary>
    public Guid OpenDataId { get; set; } = Guid.NewGuid();

    /// <summary>Short, stable code that staff and import files use, e.g. "IZM-AY-03".</summary>
    public required string Code { get; set; }

    public int ProgrammeId { get; set; }
    public Programme Programme { get; set; } = null!;

    /// <summary>The centre responsible, also for online offerings (its staff log attendance, its time zone applies).</summary>
    public int CentreId { get; set; }
    public Centre Centre { get; set; } = null!;
    public int? RoomId { get; set; }
    public Room? Room { get; set; }

    public bool IsOnline { get; set; }
    public string? OnlineUrl { get; set; }

    public required Schedule Schedule { get; set; }
    public int? Capacity { get; set; }

    public OfferingStatus Status { get; set; }
    public string? StatusNote { get; set; }

    /// <summary>The last day the status note (e.g. why it was cancelled) is shown on public pages.</summary>
    public DateOnly? NoticeUntil { get; set; }

    public PublicationState PublicationState { get; set; }
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishUntil { get; set; }

    /// <summary>PostgreSQL's row version (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }

    public List<Session> Sessions { get; set; } = [];
}
