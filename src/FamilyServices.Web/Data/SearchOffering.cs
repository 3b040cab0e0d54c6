using NpgsqlTypes;

namespace FamilyServices.Web.Data;

/// <summary>
/// One row of the search table: an offering that can show in the parents' search, with everything the filters read
/// from it, its programme, centre, district and category path (decision 0017). Written only by the database's
/// triggers (migration SearchOfferings); the portal reads it in ProgrammeSearch.Sql and never writes it.
/// </summary>
public sealed class SearchOffering
{
    public int OfferingId { get; private set; }
    public int ProgrammeId { get; private set; }
    public int CentreId { get; private set; }
    public string Slug { get; private set; } = "";
    public int MinAgeMonths { get; private set; }
    public int MaxAgeMonths { get; private set; }
    public bool IsFree { get; private set; }
    public string[] DeliveryLanguages { get; private set; } = [];

    /// <summary>The codes from the root of the category tree down to the programme's category.</summary>
    public string[] CategoryCodes { get; private set; } = [];
    public bool IsOnline { get; private set; }

    /// <summary>The schedule's weekdays as bits (Monday = 1), as in offerings.schedule_weekdays.</summary>
    public int Weekdays { get; private set; }
    public TimeOnly StartsAt { get; private set; }

    /// <summary>The schedule's last day: compared with today at read time.</summary>
    public DateOnly EndsOn { get; private set; }
    public string DistrictCode { get; private set; } = "";
    public string[] AccessibilityFeatures { get; private set; } = [];

    /// <summary>ll_to_earth(latitude, longitude) of the centre, so a search computes no point per row.</summary>
    public NpgsqlCube CentrePoint { get; private set; }

    /// <summary>The later of the programme's and the offering's publish-from (null: no start).</summary>
    public DateTime? VisibleFrom { get; private set; }

    /// <summary>The earlier of the programme's and the offering's publish-until (null: no end).</summary>
    public DateTime? VisibleUntil { get; private set; }
}
