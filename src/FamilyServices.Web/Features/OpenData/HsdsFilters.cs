using System.Linq.Expressions;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.OpenData.Hsds;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.OpenData;

/// <summary>A point the service_at_locations are measured from: a postcode's centre or lat/lon.</summary>
public sealed record HsdsPoint(double Latitude, double Longitude);

/// <summary>
/// The HSDS query parameters as SQL: each filter narrows the public selection of <see cref="HsdsCatalogue"/>, and
/// all combine as AND. Nothing is filtered in memory, so COUNT, Skip and Take run in the database.
/// </summary>
public sealed class HsdsFilters(FamilyServicesDb db, HsdsCatalogue catalogue)
{
    /// <summary>The mean earth radius (IUGG), for great-circle distances.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Public programmes passing the service filters (search, modified_after, taxonomy, organisation, age, day and time).</summary>
    public IQueryable<Programme> Programmes(HsdsQuery query, HsdsMapContext context, bool withMeetingFilters = true)
    {
        var programmes = catalogue.PublicProgrammes();
        if (query.Search is { } search)
        {
            var matching = db.Database.SqlQuery<int>(
                $"SELECT programme_id AS \"Value\" FROM programme_texts WHERE strpos(search_text, fs_search_text({search})) > 0");
            programmes = programmes.Where(p => matching.Contains(p.Id));
        }
        if (query.ModifiedAfterUtc is { } after) programmes = catalogue.ModifiedAfter(programmes, after);
        if (query.TaxonomyTermId is { } termId)
        {
            var categories = CategoriesUnder(termId, context);
            programmes = programmes.Where(p => categories.Contains(p.CategoryId));
        }
        if (query.TaxonomyId is { } taxonomyId && taxonomyId != context.TaxonomyId && taxonomyId != PortalVocabulary.TaxonomyId)
        {
            // Every service has a term of the city's taxonomy (its category) and of the portal's (its code); of no other.
            programmes = programmes.Where(p => false);
        }
        if (query.OrganizationId is { } organisationId) programmes = programmes.Where(DeliveredBy(organisationId));
        if (query.MinimumAge is { } minimum)
        {
            var months = minimum * 12;
            programmes = programmes.Where(p => p.MaxAgeMonths >= months);
        }
        if (query.MaximumAge is { } maximum)
        {
            var months = maximum * 12;
            programmes = programmes.Where(p => p.MinAgeMonths <= months);
        }
        if (withMeetingFilters && (query.Day is not null || query.StartTime is not null || query.EndTime is not null))
        {
            var meeting = Meeting(catalogue.PublicOfferings(), query);
            programmes = programmes.Where(p => meeting.Any(o => o.ProgrammeId == p.Id));
        }
        return programmes;
    }

    /// <summary>Public offerings passing the service filters (through their programme) and day, time and distance themselves.</summary>
    public IQueryable<Offering> Offerings(HsdsQuery query, HsdsMapContext context, HsdsPoint? point)
    {
        var programmes = Programmes(query, context, withMeetingFilters: false).Select(p => p.Id);
        var offerings = Meeting(catalogue.PublicOfferings().Where(o => programmes.Contains(o.ProgrammeId)), query);
        if (point is not null && query.Proximity is { } metres)
        {
            offerings = offerings.Where(Within(point, metres));
        }
        return offerings;
    }

    /// <summary>Offerings in code order, or nearest first (then by code) when a point is given.</summary>
    public static IQueryable<Offering> Ordered(IQueryable<Offering> offerings, HsdsPoint? point) =>
        point is null ? offerings.OrderBy(o => o.Code) : offerings.OrderBy(Distance(point)).ThenBy(o => o.Code);

    /// <summary>Public organisations passing search (name, forgiving) and modified_after.</summary>
    public IQueryable<Organisation> Organisations(HsdsQuery query)
    {
        var organisations = catalogue.PublicOrganisations();
        if (query.Search is { } search)
        {
            var matching = db.Database.SqlQuery<int>(
                $"SELECT id AS \"Value\" FROM organisations WHERE strpos(fs_search_text(name), fs_search_text({search})) > 0");
            organisations = organisations.Where(o => matching.Contains(o.Id));
        }
        if (query.ModifiedAfterUtc is { } after) organisations = catalogue.ModifiedAfter(organisations, after);
        return organisations;
    }

    /// <summary>The point of a postcode of the city (spaces and case ignored), or null when the city has no such postcode.</summary>
    public async Task<HsdsPoint?> PostcodePointAsync(string postcode, CancellationToken cancellationToken)
    {
        // Spaces and case ignored ("8911 ab" finds 8911AB); the LIKE pattern characters are escaped, so it is an equality.
        var pattern = postcode.Replace(" ", "", StringComparison.Ordinal)
            .Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        return await db.Postcodes.AsNoTracking()
            .Where(p => EF.Functions.ILike(p.Code.Replace(" ", ""), pattern))
            .OrderBy(p => p.Code)
            .Select(p => new HsdsPoint(p.Latitude, p.Longitude))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ids of the category with this open-data id and all categories below it; empty when there is none.</summary>
    public static List<int> CategoriesUnder(Guid termId, HsdsMapContext context)
    {
        var root = context.Categories.Values.FirstOrDefault(c => c.OpenDataId == termId);
        if (root is null) return [];
        return [.. context.Categories.Values.Where(c => HsdsMapper.Lineage(c.Id, context).Any(a => a.Id == root.Id)).Select(c => c.Id)];
    }

    /// <summary>
    /// The service's organization_id in SQL, as <see cref="HsdsMapper.OperatorOf"/> gives it: the operator of the
    /// centre of its first public offering by code, else its first partner by code.
    /// </summary>
    private Expression<Func<Programme, bool>> DeliveredBy(Guid organisationId)
    {
        var offerings = catalogue.PublicOfferings();
        return p => (offerings.Where(o => o.ProgrammeId == p.Id).OrderBy(o => o.Code).Select(o => (Guid?)o.Centre.Operator.OpenDataId).FirstOrDefault()
                     ?? p.Partners.OrderBy(pp => pp.Organisation.Code).Select(pp => (Guid?)pp.Organisation.OpenDataId).FirstOrDefault()) == organisationId;
    }

    /// <summary>Offerings that meet on the day (weekly pattern or an extra date) and start and end inside the time window.</summary>
    private IQueryable<Offering> Meeting(IQueryable<Offering> offerings, HsdsQuery query)
    {
        if (query.Day is { } day)
        {
            var flag = (int)HsdsQuery.Flag(day);
            var isoDay = day == DayOfWeek.Sunday ? 7 : (int)day;
            var onDay = db.Database.SqlQuery<int>($"""
                SELECT id AS "Value" FROM offerings
                WHERE (schedule_kind = 'Weekly' AND schedule_weekdays & {flag} <> 0)
                   OR EXISTS (SELECT 1 FROM unnest(schedule_extra_dates) d WHERE extract(isodow FROM d) = {isoDay})
                """);
            offerings = offerings.Where(o => onDay.Contains(o.Id));
        }
        if (query.StartTime is { } start) offerings = offerings.Where(o => o.Schedule.StartTime >= start);
        if (query.EndTime is { } end) offerings = offerings.Where(o => o.Schedule.EndTime <= end);
        return offerings;
    }

    /// <summary>Great-circle (haversine) distance in metres from the point to the offering's centre.</summary>
    public static Expression<Func<Offering, double>> Distance(HsdsPoint point)
    {
        var latitude = point.Latitude * Math.PI / 180;
        var longitude = point.Longitude * Math.PI / 180;
        var cosLatitude = Math.Cos(latitude);
        return o => 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(
            Math.Pow(Math.Sin((o.Centre.Latitude * Math.PI / 180 - latitude) / 2), 2)
            + cosLatitude * Math.Cos(o.Centre.Latitude * Math.PI / 180) * Math.Pow(Math.Sin((o.Centre.Longitude * Math.PI / 180 - longitude) / 2), 2)));
    }

    private static Expression<Func<Offering, bool>> Within(HsdsPoint point, double metres)
    {
        var distance = Distance(point);
        return Expression.Lambda<Func<Offering, bool>>(Expression.LessThanOrEqual(distance.Body, Expression.Constant(metres)), distance.Parameters);
    }

    /// <summary>The same distance in memory, for tests and documentation.</summary>
    public static double DistanceMetres(HsdsPoint point, double latitude, double longitude)
    {
        var φ1 = point.Latitude * Math.PI / 180;
        var φ2 = latitude * Math.PI / 180;
        var h = Math.Pow(Math.Sin((φ2 - φ1) / 2), 2)
            + Math.Cos(φ1) * Math.Cos(φ2) * Math.Pow(Math.Sin((longitude - point.Longitude) * Math.PI / 180 / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(h));
    }
}
