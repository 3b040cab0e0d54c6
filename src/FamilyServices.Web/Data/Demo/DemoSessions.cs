using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>A session built in memory with its id, before it is copied to the database.</summary>
internal sealed class DemoSession
{
    public required long Id { get; init; }
    public required Offering Offering { get; init; }
    public required DateTime StartsAt { get; init; }
    public required DateTime EndsAt { get; init; }

    /// <summary>The date in the centre's time zone: the calendar year a published figure counts it in.</summary>
    public required DateOnly LocalDate { get; init; }

    public SessionStatus Status { get; set; }
    public string? CancellationReason { get; set; }
    public int? HeadcountChildren { get; set; }
    public int? HeadcountAdults { get; set; }

    /// <summary>Attendance rows planned so far, to keep groups within the offering's capacity.</summary>
    public int Load { get; set; }

    /// <summary>Months since year 0 of the local date, so an age in months is a subtraction.</summary>
    public int MonthIndex => LocalDate.Year * 12 + LocalDate.Month - 1;

    public bool Overlaps(DemoSession other) => StartsAt < other.EndsAt && other.StartsAt < EndsAt;
}

internal static class DemoSessions
{
    /// <summary>Share of past sessions that did not take place (illness, weather...).</summary>
    private const double CancelledShare = 0.02;

    /// <summary>
    /// Every session of every offering, expanded by the domain's own schedule rule in the centre's time zone.
    /// Before today they were held (a few cancelled), from today on they are scheduled; a cancelled offering's
    /// sessions are all cancelled. Open activities get an anonymous headcount on held sessions.
    /// </summary>
    public static List<DemoSession> Expand(DemoCity city, IReadOnlyList<Offering> offerings, DateOnly today, Random random)
    {
        var zones = new Dictionary<string, TimeZoneInfo>();
        var sessions = new List<DemoSession>();
        foreach (var offering in offerings)
        {
            var timeZone = offering.Centre.TimeZone;
            if (!zones.TryGetValue(timeZone, out var zone)) zones[timeZone] = zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            var headcount = offering.Programme.Type == ProgrammeType.OpenMeeting
                ? city.Headcounts.GetValueOrDefault(offering.Programme.Code, Headcount.Default)
                : null;

            foreach (var (startsAt, endsAt) in offering.Schedule.Occurrences(zone))
            {
                var session = new DemoSession
                {
                    Id = sessions.Count + 1,
                    Offering = offering,
                    StartsAt = startsAt,
                    EndsAt = endsAt,
                    LocalDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(startsAt, zone)),
                };
                if (offering.Status == OfferingStatus.Cancelled)
                {
                    session.Status = SessionStatus.Cancelled;
                    session.CancellationReason = offering.StatusNote;
                }
                else if (session.LocalDate >= today)
                {
                    session.Status = SessionStatus.Scheduled;
                }
                else if (random.NextDouble() < CancelledShare)
                {
                    session.Status = SessionStatus.Cancelled;
                    session.CancellationReason = city.CancellationReasons[random.Next(city.CancellationReasons.Count)];
                }
                else
                {
                    session.Status = SessionStatus.Held;
                    if (headcount is not null)
                    {
                        session.HeadcountChildren = random.Next(headcount.MinChildren, headcount.MaxChildren + 1);
                        session.HeadcountAdults = random.Next(headcount.MinAdults, headcount.MaxAdults + 1);
                    }
                }
                sessions.Add(session);
            }
        }
        return sessions;
    }
}
