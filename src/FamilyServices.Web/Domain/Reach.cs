namespace FamilyServices.Web.Domain;

/// <summary>Calendar year (1 January – 31 December) or school year (1 August – 31 July, named by its first year).</summary>
public enum ReachPeriodKind { Calendar, School }

/// <summary>
/// The key figures of one period, kept up to date by the reach refresher so that the officials' dashboard never
/// counts distinct children over the raw attendance table while someone waits.
/// </summary>
public class ReachPeriod
{
    public ReachPeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
    public int DistinctChildren { get; set; }
    public int Participations { get; set; }
    public int AnonymousChildren { get; set; }
    public int AnonymousAdults { get; set; }
    public int SessionsHeld { get; set; }
    public int ActiveOfferings { get; set; }
    public int ActiveCentres { get; set; }
    public DateTime RefreshedAt { get; set; }
}

/// <summary>
/// Distinct children, participations and sessions held of one group of a breakdown (e.g. programme type "Workshop")
/// within a period. <see cref="Scope"/> narrows the breakdown for drill-down ("programmeType:Workshop"), or is empty.
/// </summary>
public class ReachFigure
{
    public ReachPeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
    public required string Scope { get; set; }
    public required string Dimension { get; set; }
    public required string GroupKey { get; set; }
    public int DistinctChildren { get; set; }
    public int Participations { get; set; }

    /// <summary>Null for breakdowns by the child (district, age band, focus area), where sessions do not belong to a group.</summary>
    public int? SessionsHeld { get; set; }
}

/// <summary>
/// One child in one period: where they live, their age band at their first attendance in the period, and how often
/// they were present at each offering and in each month. The refresher replaces a child's rows alone when their
/// attendance changes, and derives every breakdown of a period from these rows instead of from the attendance table.
/// </summary>
public class ReachChild
{
    public int ParticipantId { get; set; }
    public ReachPeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
    public int DistrictId { get; set; }
    public required string AgeBand { get; set; }
    public int Participations { get; set; }
    public int[] OfferingIds { get; set; } = [];

    /// <summary>Present attendances at the offering of the same position in <see cref="OfferingIds"/>.</summary>
    public int[] OfferingParticipations { get; set; } = [];

    /// <summary>Months of the year (1–12) with at least one present attendance.</summary>
    public int[] Months { get; set; } = [];
    public int[] MonthParticipations { get; set; } = [];
}

/// <summary>A child whose attendance changed since the last refresh; filled by database triggers.</summary>
public class ReachPendingParticipant
{
    public int ParticipantId { get; set; }
}

/// <summary>A period whose figures must be recomputed; filled by database triggers and the refresher.</summary>
public class ReachStalePeriod
{
    public ReachPeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
}

/// <summary>
/// The sessions held of one offering in one month of a period, with their headcounts: the session figures of a period
/// are summed from these few rows per offering, so one changed session costs its offering's rows, not the period's.
/// </summary>
public class ReachOfferingMonth
{
    public ReachPeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
    public int OfferingId { get; set; }

    /// <summary>"2025-03", the local month of the sessions at the offering's centre.</summary>
    public required string Month { get; set; }
    public int SessionsHeld { get; set; }
    public int HeadcountChildren { get; set; }
    public int HeadcountAdults { get; set; }
}

/// <summary>An offering whose held sessions in a period changed; filled by the sessions' triggers.</summary>
public class ReachStaleOffering
{
    public ReachPeriodKind PeriodKind { get; set; }
    public int PeriodYear { get; set; }
    public int OfferingId { get; set; }
}

/// <summary>
/// Distinct children over a span of years ("2023 to 2025": each child once), for every span within the years that
/// have figures, so the cumulative view reads one row instead of counting children at request time.
/// </summary>
public class ReachSpan
{
    public ReachPeriodKind PeriodKind { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public int DistinctChildren { get; set; }
}
