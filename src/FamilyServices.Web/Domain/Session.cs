namespace FamilyServices.Web.Domain;

/// <summary>One meeting of an offering. Times are UTC; show them in the centre's time zone.</summary>
public class Session
{
    public long Id { get; set; }
    public int OfferingId { get; set; }
    public Offering Offering { get; set; } = null!;
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public SessionStatus Status { get; set; }
    public string? CancellationReason { get; set; }

    /// <summary>Anonymous headcount for open activities, where names are not taken.</summary>
    public int? HeadcountChildren { get; set; }
    public int? HeadcountAdults { get; set; }

    public List<Attendance> Attendances { get; set; } = [];
}
