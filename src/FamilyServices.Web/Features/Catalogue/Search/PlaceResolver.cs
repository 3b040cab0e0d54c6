using FamilyServices.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Web.Features.Catalogue.Search;

public sealed record ResolvedPlace(double Latitude, double Longitude, string Label);

/// <summary>
/// Turns what a parent typed in the place box into a point, from the portal's own data only:
/// a postcode, a district name, or the name or street of a centre (forgiving case, diacritics and small typos).
/// </summary>
public sealed class PlaceResolver(FamilyServicesDb db)
{
    public async Task<ResolvedPlace?> ResolveAsync(string place, CancellationToken cancellationToken = default)
    {
        string[] codes = [.. PostcodeCandidates(place)];
        var postcode = await db.Database.SqlQuery<PlaceRow>($"""
            SELECT latitude AS "Latitude", longitude AS "Longitude", code || ' ' || locality AS "Label"
            FROM postcodes WHERE code = ANY({codes}) ORDER BY length(code) DESC
            """).FirstOrDefaultAsync(cancellationToken);
        if (postcode is not null) return postcode.ToPlace();

        // A district: the middle of its postcodes, or of its centres when it has no postcodes.
        var district = await db.Database.SqlQuery<PlaceRow>($"""
            SELECT coalesce(avg(p.latitude), (SELECT avg(c.latitude) FROM centres c WHERE c.district_id = d.id)) AS "Latitude",
                   coalesce(avg(p.longitude), (SELECT avg(c.longitude) FROM centres c WHERE c.district_id = d.id)) AS "Longitude",
                   d.name AS "Label"
            FROM districts d LEFT JOIN postcodes p ON p.district_id = d.id
            WHERE fs_search_text(d.name) = fs_search_text({place})
            GROUP BY d.id, d.name
            """).FirstOrDefaultAsync(cancellationToken);
        if (district is { Latitude: not null }) return district.ToPlace();

        var centre = await db.Database.SqlQuery<PlaceRow>($"""
            SELECT latitude AS "Latitude", longitude AS "Longitude", name AS "Label"
            FROM centres
            WHERE search_text LIKE '%' || fs_search_text({place}) || '%' OR fs_search_text({place}) <% search_text
            ORDER BY word_similarity(fs_search_text({place}), search_text) DESC, name
            LIMIT 1
            """).FirstOrDefaultAsync(cancellationToken);
        return centre?.ToPlace();
    }

    /// <summary>
    /// The codes a typed postcode may be stored as: as typed without spaces, and for a full Dutch postcode
    /// ("8924 BK") also its four-digit area, which is what a city usually lists.
    /// </summary>
    public static IEnumerable<string> PostcodeCandidates(string place)
    {
        var code = place.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        yield return code;
        if (code.Length == 6 && code[..4].All(char.IsAsciiDigit) && code[4..].All(char.IsAsciiLetterUpper)) yield return code[..4];
    }

    private sealed record PlaceRow(double? Latitude, double? Longitude, string Label)
    {
        public ResolvedPlace ToPlace() => new(Latitude!.Value, Longitude!.Value, Label);
    }
}
