using System.Globalization;
using System.Text.Json;
using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Features.Catalogue;

/// <summary>
/// schema.org data for a programme page: the programme as a Service, its next sessions as Events, so search
/// engines and assistants can show what, for whom, where and when. The default encoder escapes &lt; and &gt;,
/// so no text can close the script element it is written into.
/// </summary>
public static class ProgrammeJsonLd
{
    private const int MaxEvents = 10;

    public static string Build(Programme programme, ProgrammeText text, IEnumerable<(Centre Centre, Session Session)> sessions, CityProfile city, string url)
    {
        var offer = new Dictionary<string, object>
        {
            ["@type"] = "Offer",
            ["price"] = programme.IsFree ? 0m : programme.PriceAmount ?? 0m,
            ["priceCurrency"] = city.Currency,
        };
        var items = new List<object>
        {
            new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Service",
                ["name"] = text.Title,
                ["description"] = text.Summary,
                ["url"] = url,
                ["inLanguage"] = text.Language,
                ["serviceType"] = programme.Type.ToString(),
                ["provider"] = new Dictionary<string, object> { ["@type"] = "GovernmentOrganization", ["name"] = city.Name },
                ["areaServed"] = new Dictionary<string, object> { ["@type"] = "City", ["name"] = city.Name },
                ["audience"] = new Dictionary<string, object>
                {
                    ["@type"] = "PeopleAudience",
                    ["suggestedMinAge"] = programme.MinAgeMonths / 12,
                    ["suggestedMaxAge"] = programme.MaxAgeMonths / 12,
                },
                ["availableLanguage"] = programme.DeliveryLanguages,
                ["offers"] = offer,
            },
        };
        items.AddRange(sessions.OrderBy(s => s.Session.StartsAt).Take(MaxEvents).Select(s => (object)new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = text.Title,
            ["startDate"] = Local(s.Session.StartsAt, s.Centre.TimeZone),
            ["endDate"] = Local(s.Session.EndsAt, s.Centre.TimeZone),
            ["eventStatus"] = s.Session.Status == SessionStatus.Cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["isAccessibleForFree"] = programme.IsFree,
            ["location"] = new Dictionary<string, object>
            {
                ["@type"] = "Place",
                ["name"] = s.Centre.Name,
                ["address"] = new Dictionary<string, object>
                {
                    ["@type"] = "PostalAddress",
                    ["streetAddress"] = s.Centre.Street,
                    ["postalCode"] = s.Centre.Postcode,
                    ["addressLocality"] = s.Centre.Locality,
                },
                ["geo"] = new Dictionary<string, object> { ["@type"] = "GeoCoordinates", ["latitude"] = s.Centre.Latitude, ["longitude"] = s.Centre.Longitude },
            },
            ["offers"] = offer,
        }));
        return JsonSerializer.Serialize(items);
    }

    /// <summary>ISO 8601 with the centre's offset, as schema.org expects.</summary>
    private static string Local(DateTime utc, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return new DateTimeOffset(utc).ToOffset(zone.GetUtcOffset(utc)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
