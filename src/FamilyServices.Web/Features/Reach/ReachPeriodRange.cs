using System.Globalization;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Reach;

/// <summary>The local dates a reach period covers: a calendar year, or a school year from 1 August to 31 July.</summary>
public sealed record ReachPeriodRange(ReachPeriodKind Kind, int Year, DateOnly FirstDay, DateOnly LastDay)
{
    public static ReachPeriodRange Of(ReachPeriodKind kind, int year) => kind == ReachPeriodKind.School
        ? new(kind, year, new DateOnly(year, 8, 1), new DateOnly(year + 1, 7, 31))
        : new(kind, year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>"2025", or "2025/26" for the school year that starts in August 2025.</summary>
    public string Label => Kind == ReachPeriodKind.School
        ? $"{Year}/{(Year + 1) % 100:00}"
        : Year.ToString(CultureInfo.InvariantCulture);

    public DateTime FromLocal => FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    public DateTime ToLocal => LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>The months of the period in order, as the month breakdown keys them ("2025-08").</summary>
    public IEnumerable<string> MonthKeys => Enumerable.Range(0, 12)
        .Select(i => FirstDay.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture));
}
