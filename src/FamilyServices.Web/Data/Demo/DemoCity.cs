using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>
/// One demo city: what no catalogue holds (the city, its districts with their child populations, its postcodes) and
/// what the shared loader needs to invent its sessions, children and attendance. The catalogue itself is an HSDS
/// dataset (<see cref="DemoDatasets"/>), loaded by the catalogue import. The city classes only describe;
/// <see cref="DemoLoader"/> and the seed-demo verb do the work.
/// </summary>
internal sealed class DemoCity
{
    public required CityProfile Profile { get; init; }
    public required List<District> Districts { get; init; }

    /// <summary>The random seed of the activity, so a city loads the same every time.</summary>
    public required int Seed { get; init; }

    /// <summary>
    /// The first day the city can be loaded on: a city that reproduces a whole year's published figures needs that
    /// year to be over. Null: any day.
    /// </summary>
    public DateOnly? LoadableFrom { get; init; }

    /// <summary>The city's postcodes with their centre points, linked to districts by code.</summary>
    public required IReadOnlyList<(string Code, string Locality, string District, double Latitude, double Longitude)> Postcodes { get; init; }

    /// <summary>Why a past session did not take place; one is drawn for each randomly cancelled session.</summary>
    public required IReadOnlyList<string> CancellationReasons { get; init; }

    /// <summary>How many children each programme type reached per year; planned in this order.</summary>
    public required IReadOnlyList<ReachTarget> Targets { get; init; }

    /// <summary>Headcount ranges for open activities, by programme code; others use <see cref="Headcount.Default"/>.</summary>
    public IReadOnlyDictionary<string, Headcount> Headcounts { get; init; } = new Dictionary<string, Headcount>();

    /// <summary>
    /// The ages an offering really serves, when narrower than its programme's range
    /// (e.g. a movement programme that runs in Kitas and in primary schools).
    /// </summary>
    public Func<Offering, (int MinMonths, int MaxMonths)> AgeRange { get; init; } =
        offering => (offering.Programme.MinAgeMonths, offering.Programme.MaxAgeMonths);
}

/// <summary>
/// The number of distinct children a programme type reached in a calendar year (local time of the centre):
/// children with at least one Present attendance at a Held session.
/// </summary>
internal sealed record ReachTarget(ProgrammeType Type, int Year, int Children)
{
    /// <summary>Programme codes whose offerings take part; null means every programme of the type.</summary>
    public IReadOnlyList<string>? Programmes { get; init; }

    /// <summary>Children reached earlier (another year or type) who come back; taken first, as far as their age allows.</summary>
    public IReadOnlyList<Returning> Returning { get; init; } = [];

    /// <summary>Further offerings for children already counted, e.g. a second workshop. They do not change the figure.</summary>
    public int SecondOfferings { get; init; }

    /// <summary>Children enrolled who only ever missed their sessions: they are not reached and must not be counted.</summary>
    public int OnlyAbsent { get; init; }

    /// <summary>Average sessions one child attends in one offering; lowered automatically when seats are short.</summary>
    public double SessionsPerChild { get; init; } = 5;

    /// <summary>A published figure the data must reproduce exactly; the loader checks it before committing.</summary>
    public bool Exact { get; init; }

    /// <summary>
    /// For the year in progress: the figures are for a whole year and are scaled down by the sessions held
    /// so far, compared with the year before.
    /// </summary>
    public bool ScaleToSessionsHeld { get; init; }
}

internal sealed record Returning(ProgrammeType Type, int Year, int Children);

internal sealed record Headcount(int MinChildren, int MaxChildren, int MinAdults, int MaxAdults)
{
    public static readonly Headcount Default = new(4, 16, 4, 14);
}
