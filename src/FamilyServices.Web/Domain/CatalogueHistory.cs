namespace FamilyServices.Web.Domain;

/// <summary>
/// One change to a catalogue item (programme, offering, centre, organisation, category, district): who, when, what.
/// Append-only; written by the audit interceptor for every save, so no editor page can forget it.
/// </summary>
public class CatalogueChange
{
    public long Id { get; set; }
    public required string ItemType { get; set; }
    public int ItemId { get; set; }

    /// <summary>Created, Updated, Deleted, or a workflow step such as Published.</summary>
    public required string Action { get; set; }

    /// <summary>JSON object: field name → { "before": …, "after": … }.</summary>
    public required string Changes { get; set; }
    public string? ChangedById { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>A member of the public's report of a problem with an entry ("this course no longer runs"), for the editors' inbox.</summary>
public class EntryReport
{
    public long Id { get; set; }
    public int? ProgrammeId { get; set; }
    public int? CentreId { get; set; }
    public required string Message { get; set; }
    public required string Language { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedById { get; set; }
}

/// <summary>Centre staff's proposed change to one of their centres' programmes or offerings, applied when an editor approves it.</summary>
public class ChangeProposal
{
    public long Id { get; set; }
    public required string ItemType { get; set; }
    public int ItemId { get; set; }

    /// <summary>JSON object: field name → { "before": value when proposed, "after": proposed value }.</summary>
    public required string Changes { get; set; }
    public string? Note { get; set; }
    public string? ProposedById { get; set; }
    public DateTime ProposedAt { get; set; }
    public ProposalStatus Status { get; set; }
    public string? DecidedById { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
}
