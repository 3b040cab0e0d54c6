using System.Globalization;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Catalogue.Calendar;

/// <summary>"Add to calendar": one session as a file, or a whole offering as a feed a calendar app can subscribe to.</summary>
public static class CalendarEndpoints
{
    public static string SessionPath(long sessionId) => $"/calendar/sessions/{sessionId}.ics";
    public static string OfferingPath(string offeringCode) => $"/calendar/offerings/{Uri.EscapeDataString(offeringCode)}.ics";

    public static WebApplication MapCalendarEndpoints(this WebApplication app)
    {
        app.MapGet("/calendar/sessions/{sessionId:long}.ics", GetSessionAsync).AsPublicCatalogueAnswer();
        app.MapGet("/calendar/offerings/{code}.ics", GetOfferingFeedAsync).AsPublicCatalogueAnswer();
        return app;
    }

    private sealed record Row(long Id, DateTime StartsAt, DateTime EndsAt, SessionStatus Status, string OfferingCode, int ProgrammeId,
        string Slug, string CentreName, string Street, string Postcode, string Locality, bool IsOnline);

    private static IQueryable<Session> PublishedSessions(FamilyServicesDb db, DateTime nowUtc) => db.Sessions.AsNoTracking()
        .Where(Publication.PublicSession(nowUtc));

    private static IQueryable<Row> Rows(IQueryable<Session> sessions) => sessions
        .Select(s => new Row(s.Id, s.StartsAt, s.EndsAt, s.Status, s.Offering.Code, s.Offering.ProgrammeId, s.Offering.Programme.Slug,
            s.Offering.Centre.Name, s.Offering.Centre.Street, s.Offering.Centre.Postcode, s.Offering.Centre.Locality, s.Offering.IsOnline));

    private static async Task<IResult> GetSessionAsync(long sessionId, HttpContext context, FamilyServicesDb db, CurrentCity currentCity, TimeProvider clock)
    {
        var session = await Rows(PublishedSessions(db, clock.GetUtcNow().UtcDateTime).Where(s => s.Id == sessionId)).SingleOrDefaultAsync(context.RequestAborted);
        if (session is null) return Results.NotFound();
        var texts = await TextsAsync(db, [session.ProgrammeId], currentCity, context.RequestAborted);
        var calendar = CalendarFile.Write(texts[session.ProgrammeId].Title, [Event(session, texts, context)], clock.GetUtcNow().UtcDateTime);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(calendar), "text/calendar; charset=utf-8", $"{session.Slug}-{session.StartsAt:yyyyMMdd}.ics");
    }

    /// <summary>The last month and everything ahead: enough for a calendar to show changes and cancellations.</summary>
    private static async Task<IResult> GetOfferingFeedAsync(string code, HttpContext context, FamilyServicesDb db, CurrentCity currentCity, TimeProvider clock)
    {
        if (code.Length > 20) return Results.NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await Rows(PublishedSessions(db, now)
            .Where(s => s.Offering.Code == code && s.StartsAt >= now.AddDays(-31))
            .OrderBy(s => s.StartsAt).Take(1000)).ToListAsync(context.RequestAborted);
        if (sessions.Count == 0 && !await db.Offerings.Where(Publication.PublicOffering(now)).AnyAsync(o => o.Code == code, context.RequestAborted))
        {
            return Results.NotFound();
        }
        var programmeId = sessions.Count > 0 ? sessions[0].ProgrammeId
            : await db.Offerings.Where(o => o.Code == code).Select(o => o.ProgrammeId).SingleAsync(context.RequestAborted);
        var texts = await TextsAsync(db, [programmeId], currentCity, context.RequestAborted);
        var calendar = CalendarFile.Write(texts[programmeId].Title, sessions.Select(s => Event(s, texts, context)), now);
        return Results.Text(calendar, "text/calendar; charset=utf-8");
    }

    private static CalendarEntry Event(Row session, Dictionary<int, (string Title, string Summary)> texts, HttpContext context)
    {
        var host = context.Request.Host.Host;
        var url = $"{context.Request.Scheme}://{context.Request.Host}{ProgrammePage.PathFor(session.Slug)}";
        return new CalendarEntry(
            $"session-{session.Id.ToString(CultureInfo.InvariantCulture)}@{host}", session.StartsAt, session.EndsAt,
            texts[session.ProgrammeId].Title, texts[session.ProgrammeId].Summary,
            session.IsOnline ? "Online" : $"{session.CentreName}, {session.Street}, {session.Postcode} {session.Locality}",
            url, session.Status == SessionStatus.Cancelled);
    }

    private static async Task<Dictionary<int, (string Title, string Summary)>> TextsAsync(
        FamilyServicesDb db, int[] programmeIds, CurrentCity currentCity, CancellationToken cancellationToken)
    {
        var city = await currentCity.GetAsync(cancellationToken);
        var language = Localization.CurrentLanguage;
        var texts = await db.ProgrammeTexts.AsNoTracking()
            .Where(t => programmeIds.Contains(t.ProgrammeId))
            .ToListAsync(cancellationToken);
        // The visitor's language, else the city's, else whatever the programme has.
        return texts.GroupBy(t => t.ProgrammeId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(t => t.Language == language ? 0 : t.Language == city.DefaultLanguage ? 1 : 2)
                .Select(t => (t.Title, t.Summary)).First());
    }
}
