using System.Security.Claims;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Attendance;

/// <summary>A staff member's sessions of one local day: those of their own centres (Admins: all), in each centre's zone.</summary>
public static class TodaySessions
{
    public sealed record Row(long Id, DateTime Start, DateTime End, string Title, int CentreId, string Centre, string? Room, SessionStatus Status, int Present, bool HasHeadcount)
    {
        public bool IsLogged => Present > 0 || HasHeadcount;
    }

    /// <summary>A centre's sessions of the day, in the order they start.</summary>
    public sealed record CentreGroup(int CentreId, string Centre, IReadOnlyList<Row> Sessions)
    {
        public int Logged => Sessions.Count(s => s.IsLogged);
    }

    /// <summary>
    /// The day's sessions by centre (centres by name), only <paramref name="centreId"/>'s when one is chosen: an Admin
    /// sees a hundred sessions of a dozen centres and looks for one centre's, or goes through them centre by centre.
    /// A centre chosen that has nothing that day gives no group.
    /// </summary>
    public static List<CentreGroup> ByCentre(IEnumerable<Row> rows, int? centreId) =>
        rows.Where(r => centreId is null || r.CentreId == centreId)
            .GroupBy(r => (r.CentreId, r.Centre))
            .OrderBy(g => g.Key.Centre, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new CentreGroup(g.Key.CentreId, g.Key.Centre, g.OrderBy(r => r.Start).ToList()))
            .ToList();

    /// <summary>At most this many sessions on one day: more than any centre network holds.</summary>
    public const int MaxRows = 1000;

    /// <summary>The day that is "today" in the city's time zone.</summary>
    public static DateOnly Today(CityProfile city, DateTime utcNow) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZoneInfo.FindSystemTimeZoneById(city.TimeZone)));

    public static async Task<List<Row>> ForDayAsync(FamilyServicesDb db, ClaimsPrincipal user, DateOnly date, string language, string defaultLanguage,
        CancellationToken cancellationToken = default)
    {
        // A day in any centre's zone lies within a day either side in UTC; the exact local day is checked below.
        var from = date.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = date.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sessions = await db.Sessions.AsNoTracking().VisibleTo(user)
            .Where(s => s.StartsAt >= from && s.StartsAt < to)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Offering.Room!.Name)
            .Select(s => new
            {
                s.Id, s.StartsAt, s.EndsAt, s.Status, s.HeadcountChildren,
                s.Offering.Centre.TimeZone, s.Offering.CentreId, CentreName = s.Offering.Centre.Name, RoomName = s.Offering.Room == null ? null : s.Offering.Room.Name,
                Title = s.Offering.Programme.Texts.Where(t => t.Language == language || t.Language == defaultLanguage)
                    .OrderBy(t => t.Language == language ? 0 : 1).Select(t => t.Title).FirstOrDefault(),
                Present = s.Attendances.Count(a => a.Status == AttendanceStatus.Present),
            })
            .Take(MaxRows)
            .ToListAsync(cancellationToken);
        return sessions
            .Select(s => (s, Zone: TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone)))
            .Where(x => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(x.s.StartsAt, x.Zone)) == date)
            .Select(x => new Row(x.s.Id, TimeZoneInfo.ConvertTimeFromUtc(x.s.StartsAt, x.Zone), TimeZoneInfo.ConvertTimeFromUtc(x.s.EndsAt, x.Zone),
                x.s.Title ?? "", x.s.CentreId, x.s.CentreName, x.s.RoomName, x.s.Status, x.s.Present, x.s.HeadcountChildren is not null))
            .ToList();
    }
}
