using System.Globalization;
using System.Runtime.CompilerServices;
using FamilyServices.Web.Features.OpenData.Hsds;

namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>
/// Where an object or field of a dataset came from: a file, and a line (ndjson, CSV) and/or a JSON pointer
/// (e.g. <c>/3/service_at_locations/0/schedules/0/byday</c>), so a problem can point at it.
/// </summary>
public sealed record ImportPlace(string File, int? Line = null, string? JsonPointer = null, string? Column = null)
{
    /// <summary>The same place narrowed to one field: the pointer grows by the field for JSON, a CSV row names the column.</summary>
    public ImportPlace Field(string name) => JsonPointer is not null ? this with { JsonPointer = $"{JsonPointer}/{name}" } : this with { Column = name };

    public override string ToString()
    {
        var parts = new List<string> { File };
        if (Line is { } line) parts.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}"));
        if (JsonPointer is { Length: > 0 } pointer) parts.Add(pointer);
        else if (JsonPointer == "") parts.Add("/");
        if (Column is not null) parts.Add($"column {Column}");
        return string.Join(", ", parts);
    }
}

/// <summary>One problem of a dataset: where, and what a person should do about it.</summary>
public sealed record ImportProblem(ImportPlace Place, string Reason)
{
    public override string ToString() => $"{Place}: {Reason}";
}

/// <summary>
/// An HSDS 3.0 dataset as the readers give it: full services (with their organization, service_at_locations and
/// locations, schedules, attributes...) in the records of <see cref="HsdsService"/>, the taxonomy terms and attributes
/// that stand on their own (a CSV package's taxonomy_terms.csv, translation attributes of terms), and where each object
/// came from. Reading problems (invalid JSON, a bad UUID, a missing table) are in <see cref="Problems"/>.
/// </summary>
public sealed class HsdsDataset
{
    private readonly ConditionalWeakTable<object, ImportPlace> _places = new();

    public required string Source { get; init; }
    public List<HsdsService> Services { get; } = [];

    /// <summary>Terms read on their own (taxonomy_terms.csv); terms inside attributes are found there too.</summary>
    public List<HsdsTaxonomyTerm> TaxonomyTerms { get; } = [];

    /// <summary>Attributes that describe no service, location or organization of <see cref="Services"/> (e.g. a term's translation).</summary>
    public List<HsdsAttribute> Attributes { get; } = [];

    public List<ImportProblem> Problems { get; } = [];

    public void Place(object item, ImportPlace place) => _places.AddOrUpdate(item, place);

    /// <summary>Where <paramref name="item"/> came from (records compare by value, so this looks the object itself up).</summary>
    public ImportPlace PlaceOf(object item) => _places.TryGetValue(item, out var place) ? place : new ImportPlace(Source);

    public void Problem(ImportPlace place, string reason) => Problems.Add(new ImportProblem(place, reason));

    /// <summary>Gives every object of a service read from JSON its pointer below <paramref name="root"/>.</summary>
    public void PlaceTree(HsdsService service, ImportPlace root)
    {
        Place(service, root);
        if (service.Organization is { } organization) PlaceOrganization(organization, Under(root, "organization"));
        PlaceList(service.Schedules, root, "schedules", PlaceSchedule);
        PlaceList(service.Languages, root, "languages");
        PlaceList(service.CostOptions, root, "cost_options");
        PlaceList(service.Phones, root, "phones");
        PlaceList(service.Attributes, root, "attributes", PlaceAttribute);
        PlaceList(service.ServiceAtLocations, root, "service_at_locations", (sal, at) =>
        {
            Place(sal, at);
            PlaceList(sal.Schedules, at, "schedules", PlaceSchedule);
            PlaceList(sal.Attributes, at, "attributes", PlaceAttribute);
            PlaceList(sal.Phones, at, "phones");
            if (sal.Location is { } location) PlaceLocation(location, Under(at, "location"));
        });
    }

    private void PlaceOrganization(HsdsOrganization organization, ImportPlace at)
    {
        Place(organization, at);
        PlaceList(organization.Attributes, at, "attributes", PlaceAttribute);
        PlaceList(organization.Locations, at, "locations", PlaceLocation);
    }

    private void PlaceLocation(HsdsLocation location, ImportPlace at)
    {
        Place(location, at);
        PlaceList(location.Addresses, at, "addresses");
        PlaceList(location.Phones, at, "phones");
        PlaceList(location.Languages, at, "languages");
        PlaceList(location.Accessibility, at, "accessibility");
        PlaceList(location.Schedules, at, "schedules", PlaceSchedule);
        PlaceList(location.Attributes, at, "attributes", PlaceAttribute);
    }

    private void PlaceSchedule(HsdsSchedule schedule, ImportPlace at)
    {
        Place(schedule, at);
        PlaceList(schedule.Attributes, at, "attributes", PlaceAttribute);
    }

    private void PlaceAttribute(HsdsAttribute attribute, ImportPlace at)
    {
        Place(attribute, at);
        if (attribute.TaxonomyTerm is { } term) Place(term, Under(at, "taxonomy_term"));
    }

    private void PlaceList<T>(List<T>? items, ImportPlace parent, string name, Action<T, ImportPlace>? deeper = null) where T : class
    {
        if (items is null) return;
        for (var i = 0; i < items.Count; i++)
        {
            var at = Under(parent, string.Create(CultureInfo.InvariantCulture, $"{name}/{i}"));
            if (deeper is null) Place(items[i], at);
            else deeper(items[i], at);
        }
    }

    private static ImportPlace Under(ImportPlace parent, string name) => parent with { JsonPointer = $"{parent.JsonPointer}/{name}" };
}
