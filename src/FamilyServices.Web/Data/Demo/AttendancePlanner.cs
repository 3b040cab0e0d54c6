using FamilyServices.Web.Domain;

namespace FamilyServices.Web.Data.Demo;

/// <summary>A child invented for the demo, before it is copied to the participants table.</summary>
internal sealed class DemoChild
{
    public required int Id { get; init; }
    public required string Code { get; init; }

    /// <summary>Months since year 0 of the birth month, comparable with <see cref="DemoSession.MonthIndex"/>.</summary>
    public required int BirthIndex { get; init; }

    public required int DistrictId { get; init; }
    public int BirthYear => BirthIndex / 12;
    public int BirthMonth => BirthIndex % 12 + 1;
    public DateOnly FirstEnrolledOn { get; set; } = DateOnly.MaxValue;

    /// <summary>The record is created when the child is first enrolled.</summary>
    public DateTime CreatedAt => FirstEnrolledOn.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);

    /// <summary>Every session planned for the child, so that no two overlap.</summary>
    public List<DemoSession> Sessions { get; } = [];

    /// <summary>Programmes per year, so a second workshop is a different one.</summary>
    public List<(string Programme, int Year)> Programmes { get; } = [];
}

internal readonly record struct DemoAttendance(DemoSession Session, DemoChild Child, AttendanceStatus Status);

internal readonly record struct DemoEnrolment(int OfferingId, int ParticipantId, DateOnly EnrolledOn);

/// <summary>
/// Invents children, enrolments and attendance so that each <see cref="ReachTarget"/> comes out exactly:
/// every child counted for a type and year gets at least one Present at a Held session of that type in that
/// year, and no other child does. A child's visit to an offering is a run of consecutive held sessions within
/// one calendar year, at ages inside the offering's range, never overlapping the child's other sessions and
/// never beyond the offering's capacity.
/// </summary>
internal sealed class AttendancePlanner
{
    /// <summary>Share of seats the planner aims to fill when it decides how many sessions a child attends.</summary>
    private const double FillRate = 0.75;

    /// <summary>Capacity assumed for offerings without one (open activities that still take names).</summary>
    private const int DefaultSeats = 20;

    /// <summary>Other districts whose centres a child goes to when those of their own district are full: the nearest ones.</summary>
    private const int NeighbouringDistricts = 2;

    /// <summary>Random placements compared before the least crowded is taken: enough to keep groups even.</summary>
    private const int Samples = 6;

    private readonly Random _random;
    private readonly List<PlannedOffering> _offerings;
    private readonly DistrictDraw _districts;
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(ProgrammeType Type, int Year), List<DemoChild>> _reached = [];
    private readonly Dictionary<(int OfferingId, int ChildId), DateOnly> _enrolments = [];

    public AttendancePlanner(DemoCity city, IReadOnlyList<Offering> offerings, IEnumerable<DemoSession> sessions, Random random)
    {
        _random = random;
        _districts = new DistrictDraw(city.Districts);
        var held = sessions
            .Where(s => s.Status == SessionStatus.Held)
            .GroupBy(s => s.Offering)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.LocalDate.Year).ToDictionary(y => y.Key, y => y.OrderBy(s => s.StartsAt).ToArray()));
        _offerings = [.. offerings
            .Where(held.ContainsKey)
            .Select(o => new PlannedOffering(o, city.AgeRange(o), held[o]))];
    }

    public List<DemoChild> Children { get; } = [];
    public List<DemoAttendance> Attendances { get; } = [];

    public IEnumerable<DemoEnrolment> Enrolments =>
        _enrolments.Select(e => new DemoEnrolment(e.Key.OfferingId, e.Key.ChildId, e.Value));

    public void Plan(ReachTarget target)
    {
        var offerings = _offerings.Where(o => Takes(target, o) && o.Held(target.Year).Length > 0).ToList();
        if (offerings.Count == 0) return;

        var scale = target.ScaleToSessionsHeld ? SessionsHeldShare(target) : 1.0;
        int Scaled(int count) => (int)Math.Round(count * scale);
        var children = Scaled(target.Children);
        var secondOfferings = Scaled(target.SecondOfferings);
        var onlyAbsent = Scaled(target.OnlyAbsent);
        var seats = offerings.Sum(o => (double)o.Held(target.Year).Length * o.Seats);
        var sessionsPerChild = Math.Clamp(FillRate * seats / Math.Max(1, children + secondOfferings + onlyAbsent), 1, target.SessionsPerChild);
        var byDistrict = offerings.GroupBy(o => o.DistrictId).ToDictionary(g => g.Key, g => g.ToList());
        var nearby = _districts.Nearest(_offerings.Select(o => o.Offering.Centre), NeighbouringDistricts)
            .ToDictionary(n => n.Key, n => n.Value.SelectMany(d => byDistrict.GetValueOrDefault(d, [])).ToList());
        var group = new Group(target.Year, offerings, byDistrict, nearby, sessionsPerChild);

        var reached = new List<DemoChild>(children);
        var counted = new HashSet<DemoChild>();
        foreach (var returning in target.Returning)
        {
            if (!_reached.TryGetValue((returning.Type, returning.Year), out var earlier)) continue;
            var wanted = Scaled(returning.Children);
            var candidates = earlier.ToArray();
            _random.Shuffle(candidates);
            foreach (var child in candidates)
            {
                if (wanted == 0 || reached.Count == children) break;
                if (counted.Contains(child) || !TryPlace(group, child)) continue;
                counted.Add(child);
                reached.Add(child);
                wanted--;
            }
        }
        while (reached.Count < children) reached.Add(PlaceNewChild(group, onlyAbsent: false));

        for (var i = 0; i < secondOfferings; i++)
        {
            // A child whose age or timetable fits no other offering is passed over for another one.
            var placed = false;
            for (var attempt = 0; attempt < 3 && !placed; attempt++) placed = TryPlace(group, reached[_random.Next(reached.Count)]);
        }
        for (var i = 0; i < onlyAbsent; i++) PlaceNewChild(group, onlyAbsent: true);

        _reached[(target.Type, target.Year)] = reached;
    }

    /// <summary>
    /// Counts the figures again from the attendance rows, the way the city publishes them, and fails the load
    /// when an exact target is missed: a wrong demo must never be committed.
    /// </summary>
    public void CheckExactTargets(IEnumerable<ReachTarget> targets)
    {
        var reached = new Dictionary<(ProgrammeType, int), HashSet<int>>();
        foreach (var attendance in Attendances)
        {
            if (attendance.Status != AttendanceStatus.Present || attendance.Session.Status != SessionStatus.Held) continue;
            var key = (attendance.Session.Offering.Programme.Type, attendance.Session.LocalDate.Year);
            if (!reached.TryGetValue(key, out var children)) reached[key] = children = [];
            children.Add(attendance.Child.Id);
        }
        foreach (var target in targets.Where(t => t.Exact))
        {
            var actual = reached.GetValueOrDefault((target.Type, target.Year))?.Count ?? 0;
            if (actual != target.Children)
            {
                throw new InvalidOperationException(
                    $"The demo reaches {actual} children for {target.Type} in {target.Year}, not {target.Children}.");
            }
        }
    }

    private static bool Takes(ReachTarget target, PlannedOffering offering) =>
        offering.Offering.Programme.Type == target.Type
        && (target.Programmes is null || target.Programmes.Contains(offering.Offering.Programme.Code));

    private double SessionsHeldShare(ReachTarget target)
    {
        var offerings = _offerings.Where(o => Takes(target, o)).ToList();
        double previous = offerings.Sum(o => o.Held(target.Year - 1).Length);
        return previous == 0 ? 1 : offerings.Sum(o => o.Held(target.Year).Length) / previous;
    }

    /// <summary>Another visit for a child already known, preferably in their own district, else in a neighbouring one.</summary>
    private bool TryPlace(Group group, DemoChild child)
    {
        var placement = SampleNear(group, child.DistrictId, child, VisitLength(group));
        if (placement is null) return false;
        Record(placement, child, group.Year, onlyAbsent: false);
        return true;
    }

    /// <summary>
    /// A child from a district drawn in proportion to the children who live there, at a centre of their own district
    /// if it has room, else of a neighbouring one, else anywhere. So every district's share of the children reached
    /// follows its share of the city's children, whatever the size of its centres, and reach rates stay plausible.
    /// </summary>
    private DemoChild PlaceNewChild(Group group, bool onlyAbsent)
    {
        var length = onlyAbsent ? _random.Next(1, 3) : VisitLength(group);
        var home = _districts.Draw(group.Year, _random);
        var placement = SampleNear(group, home, child: null, length)
            ?? FirstFreeSeat(group)
            ?? throw new InvalidOperationException($"No seats left in {group.Year} for {group.Offerings[0].Offering.Programme.Type}.");

        // A new child's age is free: choose it so the whole visit falls inside the offering's age range.
        var offering = placement.Offering;
        var youngest = offering.MaxAge > offering.MinAge && offering.MinAge == 0 ? 1 : offering.MinAge;
        while (placement.Count > 1 && placement.MonthSpan > offering.MaxAge - youngest) placement = placement with { Count = placement.Count - 1 };
        var ageAtStart = _random.Next(youngest, Math.Max(youngest, offering.MaxAge - placement.MonthSpan) + 1);
        var child = new DemoChild
        {
            Id = Children.Count + 1,
            Code = NewCode(),
            BirthIndex = placement.First.MonthIndex - ageAtStart,
            DistrictId = home,
        };
        Children.Add(child);
        Record(placement, child, group.Year, onlyAbsent);
        return child;
    }

    private string NewCode()
    {
        string code;
        do code = ParticipantCode.Create(_random);
        while (!_codes.Add(code));
        return code;
    }

    private int VisitLength(Group group) => Math.Max(1, (int)Math.Round(group.SessionsPerChild * (0.5 + _random.NextDouble())));

    private Placement? SampleNear(Group group, int districtId, DemoChild? child, int length) =>
        Sample(group, group.ByDistrict.GetValueOrDefault(districtId, []), child, length)
        ?? Sample(group, group.Nearby.GetValueOrDefault(districtId, []), child, length)
        ?? Sample(group, group.Offerings, child, length);

    /// <summary>A few random runs of sessions that fit the child; the least crowded one wins.</summary>
    private Placement? Sample(Group group, List<PlannedOffering> pool, DemoChild? child, int length)
    {
        if (pool.Count == 0) return null;
        Placement? best = null;
        for (var attempt = 0; attempt < Samples; attempt++)
        {
            var offering = pool[_random.Next(pool.Count)];
            if (child is not null && child.Programmes.Contains((offering.Offering.Programme.Code, group.Year))) continue;
            var held = offering.Held(group.Year);
            var (first, last) = child is null ? (0, held.Length - 1) : offering.AgeWindow(held, child.BirthIndex);
            if (first > last) continue;
            var count = Math.Min(length, last - first + 1);
            var start = _random.Next(first, last - count + 2);
            var fullest = 0.0;
            var fits = true;
            for (var i = start; i < start + count && fits; i++)
            {
                fits = held[i].Load < offering.Seats && (child is null || !child.Sessions.Exists(held[i].Overlaps));
                fullest = Math.Max(fullest, (double)held[i].Load / offering.Seats);
            }
            if (fits && (best is null || fullest < best.Fullest)) best = new Placement(offering, held, start, count, fullest);
        }
        return best;
    }

    /// <summary>When every sample was full: the first session anywhere in the group with a free seat.</summary>
    private Placement? FirstFreeSeat(Group group)
    {
        var from = _random.Next(group.Offerings.Count);
        for (var n = 0; n < group.Offerings.Count; n++)
        {
            var offering = group.Offerings[(from + n) % group.Offerings.Count];
            var held = offering.Held(group.Year);
            var free = Array.FindIndex(held, s => s.Load < offering.Seats);
            if (free >= 0) return new Placement(offering, held, free, 1, 0);
        }
        return null;
    }

    private void Record(Placement placement, DemoChild child, int year, bool onlyAbsent)
    {
        var statuses = new AttendanceStatus[placement.Count];
        for (var i = 0; i < statuses.Length; i++)
        {
            var draw = _random.NextDouble();
            statuses[i] = onlyAbsent
                ? (draw < 0.65 ? AttendanceStatus.Absent : AttendanceStatus.Excused)
                : draw < 0.9 ? AttendanceStatus.Present : draw < 0.96 ? AttendanceStatus.Absent : AttendanceStatus.Excused;
        }
        if (!onlyAbsent && !statuses.Contains(AttendanceStatus.Present)) statuses[_random.Next(statuses.Length)] = AttendanceStatus.Present;

        for (var i = 0; i < statuses.Length; i++)
        {
            var session = placement.Held[placement.Start + i];
            session.Load++;
            child.Sessions.Add(session);
            Attendances.Add(new DemoAttendance(session, child, statuses[i]));
        }
        child.Programmes.Add((placement.Offering.Offering.Programme.Code, year));

        var enrolledOn = placement.First.LocalDate.AddDays(-_random.Next(1, 15));
        var key = (placement.Offering.Offering.Id, child.Id);
        if (!_enrolments.TryGetValue(key, out var earlier) || enrolledOn < earlier) _enrolments[key] = enrolledOn;
        if (enrolledOn < child.FirstEnrolledOn) child.FirstEnrolledOn = enrolledOn;
    }

    private sealed record Group(int Year, List<PlannedOffering> Offerings, Dictionary<int, List<PlannedOffering>> ByDistrict,
        Dictionary<int, List<PlannedOffering>> Nearby, double SessionsPerChild);

    /// <summary>
    /// Where children live: a district drawn with the weight of its children (0–17) in the year, as the city's population
    /// table has them; and each district's nearest others, by the mean position of their centres.
    /// </summary>
    private sealed class DistrictDraw(List<District> districts)
    {
        private readonly List<District> _districts = districts;
        private readonly Dictionary<int, double[]> _cumulativeByYear = [];
        private Dictionary<int, int[]>? _nearest;

        /// <summary>For each district with a centre, the <paramref name="count"/> districts whose centres are nearest.</summary>
        public Dictionary<int, int[]> Nearest(IEnumerable<Centre> centres, int count)
        {
            if (_nearest is not null) return _nearest;
            var positions = centres.DistinctBy(c => c.Id).GroupBy(c => c.DistrictId)
                .ToDictionary(g => g.Key, g => (Latitude: g.Average(c => c.Latitude), Longitude: g.Average(c => c.Longitude)));
            return _nearest = positions.ToDictionary(here => here.Key, here => positions.Where(p => p.Key != here.Key)
                .OrderBy(p => Math.Pow(p.Value.Latitude - here.Value.Latitude, 2)
                    + Math.Pow((p.Value.Longitude - here.Value.Longitude) * Math.Cos(here.Value.Latitude * Math.PI / 180), 2))
                .Take(count).Select(p => p.Key).ToArray());
        }

        public int Draw(int year, Random random)
        {
            if (!_cumulativeByYear.TryGetValue(year, out var cumulative))
            {
                // The nearest year the table has (a demo may plan a year beyond it); equal weights if it has none.
                var weights = _districts.Select(d => d.Population.Count == 0 ? 1.0
                    : d.Population.Where(p => p.Year == d.Population.MinBy(q => Math.Abs(q.Year - year))!.Year).Sum(p => (double)p.Children)).ToArray();
                if (weights.Sum() <= 0) weights = [.. weights.Select(_ => 1.0)];
                cumulative = new double[weights.Length];
                var total = 0.0;
                for (var i = 0; i < weights.Length; i++) cumulative[i] = total += weights[i];
                _cumulativeByYear[year] = cumulative;
            }
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            if (index < 0) index = ~index;
            return _districts[Math.Min(index, _districts.Count - 1)].Id;
        }
    }

    private sealed record Placement(PlannedOffering Offering, DemoSession[] Held, int Start, int Count, double Fullest)
    {
        public DemoSession First => Held[Start];
        public int MonthSpan => Held[Start + Count - 1].MonthIndex - First.MonthIndex;
    }

    private sealed class PlannedOffering(Offering offering, (int MinMonths, int MaxMonths) ages, Dictionary<int, DemoSession[]> heldByYear)
    {
        public Offering Offering { get; } = offering;
        public int MinAge { get; } = ages.MinMonths;
        public int MaxAge { get; } = ages.MaxMonths;
        public int Seats { get; } = offering.Capacity ?? DefaultSeats;
        public int DistrictId { get; } = offering.Centre.DistrictId;

        public DemoSession[] Held(int year) => heldByYear.GetValueOrDefault(year, []);

        /// <summary>The first and last index of the held sessions at which the child is inside the age range.</summary>
        public (int First, int Last) AgeWindow(DemoSession[] held, int birthIndex)
        {
            var first = FirstAtOrAfter(held, birthIndex + MinAge);
            var last = FirstAtOrAfter(held, birthIndex + MaxAge + 1) - 1;
            return (first, last);
        }

        private static int FirstAtOrAfter(DemoSession[] held, int monthIndex)
        {
            int low = 0, high = held.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (held[middle].MonthIndex < monthIndex) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
