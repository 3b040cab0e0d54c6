using FamilyServices.Web.Domain;

namespace FamilyServices.Benchmarks.Reach;

/// <summary>An offering's sessions in time order, as the planner needs them: id, local day, weekday, held or not.</summary>
internal sealed class PlannedOffering(int id, int districtId, int minAgeMonths, int maxAgeMonths, Weekdays days,
    long[] sessionIds, int[] dayNumbers, bool[] held)
{
    public int Id { get; } = id;
    public int DistrictId { get; } = districtId;
    public int MinAgeMonths { get; } = minAgeMonths;
    public int MaxAgeMonths { get; } = maxAgeMonths;
    public Weekdays Days { get; } = days;
    public long[] SessionIds { get; } = sessionIds;
    public int[] DayNumbers { get; } = dayNumbers;
    public bool[] Held { get; } = held;
    public int HeldCount { get; } = held.Count(h => h);
    public int FirstDay => DayNumbers[0];
    public int LastDay => DayNumbers[^1];

    /// <summary>The index of the first session on or after a day.</summary>
    public int FirstIndexFrom(int dayNumber)
    {
        var index = Array.BinarySearch(DayNumbers, dayNumber);
        if (index < 0) return ~index;
        while (index > 0 && DayNumbers[index - 1] == dayNumber) index--;
        return index;
    }
}

/// <summary>A child invented for the benchmark, before it is copied to the participants table.</summary>
internal readonly record struct PlannedChild(int Id, string Code, int BirthYear, int BirthMonth, int DistrictId, DateOnly FirstEnrolledOn);

internal readonly record struct PlannedEnrolment(int OfferingId, int ParticipantId, DateOnly EnrolledOn);

/// <summary>
/// Invents children and their attendance until exactly the wanted number of attendance rows exists. A child comes
/// to one offering on one (sometimes two, rarely all) of its weekdays for a run of weeks ("a term": 6 to about 40 weeks,
/// holidays and cancelled sessions included but not recorded); about half come back for a second or third run, at
/// the same time at another offering or later, often the next year. Offerings are drawn in proportion to their held
/// sessions, so groups are about equally full, and preferably near the child's home. Most children are present most
/// of the time; a few only ever appear absent or excused. Attendance rows are kept packed in one long each
/// (session id, child id, status), so ten million fit in 80 MB and sort into the primary key's order in a second.
/// </summary>
internal sealed class ReachAttendancePlanner
{
    /// <summary>Children enrolled who never came: only absent or excused rows.</summary>
    private const double NeverPresentShare = 0.03;

    /// <summary>Most children go to a centre in the district they live in.</summary>
    private const double HomeDistrictShare = 0.85;

    private const double SecondVisitShare = 0.45;
    private const double ThirdVisitShare = 0.15;

    /// <summary>Share of further visits that run at the same time as the first one (two offerings a week).</summary>
    private const double ConcurrentShare = 0.4;

    private const int MinimumVisitDays = 28;
    private const int ParticipantBits = 22;
    private const int StatusBits = 2;

    private readonly Random _random;
    private readonly int _rowsWanted;
    private readonly double _rowsPerChildWanted;
    private readonly int[] _districtIds;
    private readonly WeightedPick _anywhere;
    private readonly Dictionary<int, WeightedPick> _byDistrict;
    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    /// <summary>Stretches or shortens visits so that about the wanted number of children is reached with the rows.</summary>
    private double _lengthScale = 1.0;

    public ReachAttendancePlanner(IReadOnlyList<PlannedOffering> offerings, IReadOnlyList<int> districtIds, int rows, int children, Random random)
    {
        if (children * 2L >= 1L << ParticipantBits) throw new ArgumentOutOfRangeException(nameof(children), "Too many children for the packed rows.");
        _random = random;
        _rowsWanted = rows;
        _rowsPerChildWanted = (double)rows / children;
        _districtIds = [.. districtIds];
        var attended = offerings.Where(o => o.HeldCount > 0).ToList();
        _anywhere = new WeightedPick(attended);
        _byDistrict = attended.GroupBy(o => o.DistrictId).ToDictionary(g => g.Key, g => new WeightedPick([.. g]));
        Attendances = new long[rows];
    }

    public List<PlannedChild> Children { get; } = [];
    public List<PlannedEnrolment> Enrolments { get; } = [];

    /// <summary>Packed rows: see <see cref="Unpack"/>; sorted by session and child once <see cref="Plan"/> returns.</summary>
    public long[] Attendances { get; }

    public int Rows { get; private set; }

    public static (long SessionId, int ParticipantId, AttendanceStatus Status) Unpack(long row) =>
        (row >> (ParticipantBits + StatusBits), (int)(row >> StatusBits) & ((1 << ParticipantBits) - 1), (AttendanceStatus)(row & 3));

    public void Plan()
    {
        const int Window = 2_000;
        var rowsBefore = 0;
        while (Rows < _rowsWanted)
        {
            PlanChild();
            if (Children.Count % Window == 0)
            {
                // Steer the visit length towards the wanted rows per child, gently.
                var perChild = (double)(Rows - rowsBefore) / Window;
                _lengthScale = Math.Clamp(_lengthScale * Math.Clamp(_rowsPerChildWanted / perChild, 0.9, 1.1), 0.2, 5);
                rowsBefore = Rows;
            }
        }
        Array.Sort(Attendances, 0, Rows);
    }

    private void PlanChild()
    {
        var id = Children.Count + 1;
        var neverPresent = _random.NextDouble() < NeverPresentShare;
        var presentShare = neverPresent ? 0 : 0.78 + 0.2 * _random.NextDouble();

        var offering = _anywhere.Next(_random);
        var start = offering.FirstDay + _random.Next(Math.Max(1, offering.LastDay - offering.FirstDay - MinimumVisitDays));
        var weeks = neverPresent ? _random.Next(1, 4) : VisitWeeks();
        var startMonth = MonthIndex(start);
        // Old enough at the start and, where the run allows, still young enough at its end.
        var oldest = Math.Max(offering.MinAgeMonths, offering.MaxAgeMonths - weeks / 4);
        var birthIndex = startMonth - _random.Next(offering.MinAgeMonths, oldest + 1);
        var districtId = _random.NextDouble() < HomeDistrictShare ? offering.DistrictId : _districtIds[_random.Next(_districtIds.Length)];

        var used = new List<int> { offering.Id };
        var firstEnrolled = Visit(id, offering, start, weeks, presentShare, neverPresent);
        var end = start + weeks * 7;

        var more = neverPresent ? 0 : _random.NextDouble() switch { < ThirdVisitShare => 2, < SecondVisitShare => 1, _ => 0 };
        for (var visit = 0; visit < more && Rows < _rowsWanted; visit++)
        {
            var concurrent = _random.NextDouble() < ConcurrentShare;
            var from = concurrent ? start + _random.Next(0, 22) : end + _random.Next(0, 300);
            var next = FindOffering(districtId, from, birthIndex, used);
            if (next is null) continue;
            used.Add(next.Id);
            weeks = VisitWeeks();
            var enrolled = Visit(id, next, from, weeks, presentShare, neverPresent: false);
            if (enrolled < firstEnrolled) firstEnrolled = enrolled;
            end = Math.Max(end, from + weeks * 7);
        }

        Children.Add(new PlannedChild(id, NewCode(), birthIndex / 12, birthIndex % 12 + 1, districtId, firstEnrolled));
    }

    /// <summary>An offering running from a day on, for a child of the age it takes, not one the child already goes to.</summary>
    private PlannedOffering? FindOffering(int districtId, int fromDay, int birthIndex, List<int> used)
    {
        var age = MonthIndex(fromDay) - birthIndex;
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var pool = attempt < 6 && _byDistrict.TryGetValue(districtId, out var near) ? near : _anywhere;
            var candidate = pool.Next(_random);
            if (!used.Contains(candidate.Id) && candidate.FirstDay <= fromDay && fromDay + MinimumVisitDays <= candidate.LastDay
                && age >= candidate.MinAgeMonths && age <= candidate.MaxAgeMonths)
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Records a child's run of weeks at an offering; returns the day they were enrolled.</summary>
    private DateOnly Visit(int childId, PlannedOffering offering, int startDay, int weeks, double presentShare, bool neverPresent)
    {
        var days = offering.Days.Days().ToArray();
        var wanted = _random.NextDouble() switch { < 0.70 => 1, < 0.95 => 2, _ => days.Length };
        var attended = Weekdays.None;
        foreach (var day in days.OrderBy(_ => _random.Next()).Take(wanted)) attended |= day.ToWeekdays();

        var endDay = startDay + weeks * 7;
        for (var i = offering.FirstIndexFrom(startDay); i < offering.SessionIds.Length && offering.DayNumbers[i] < endDay && Rows < _rowsWanted; i++)
        {
            if (!offering.Held[i] || !attended.Includes(DateOnly.FromDayNumber(offering.DayNumbers[i]).DayOfWeek)) continue;
            var status = !neverPresent && _random.NextDouble() < presentShare ? AttendanceStatus.Present
                : _random.NextDouble() < 0.67 ? AttendanceStatus.Absent : AttendanceStatus.Excused;
            Attendances[Rows++] = (offering.SessionIds[i] << (ParticipantBits + StatusBits)) | ((long)childId << StatusBits) | (long)status;
        }

        var enrolledOn = DateOnly.FromDayNumber(startDay - _random.Next(1, 15));
        Enrolments.Add(new PlannedEnrolment(offering.Id, childId, enrolledOn));
        return enrolledOn;
    }

    /// <summary>6 weeks and a long tail (a term, a school year), scaled to reach the wanted rows per child.</summary>
    private int VisitWeeks() => Math.Clamp((int)Math.Round(6 + -Math.Log(1 - _random.NextDouble()) * 10 * _lengthScale), 6, 45);

    private static int MonthIndex(int dayNumber)
    {
        var date = DateOnly.FromDayNumber(dayNumber);
        return date.Year * 12 + date.Month - 1;
    }

    private string NewCode()
    {
        string code;
        do code = ParticipantCode.Create(_random);
        while (!_codes.Add(code));
        return code;
    }

    /// <summary>Draws offerings in proportion to their held sessions.</summary>
    private sealed class WeightedPick
    {
        private readonly PlannedOffering[] _offerings;
        private readonly long[] _cumulative;

        public WeightedPick(IReadOnlyList<PlannedOffering> offerings)
        {
            _offerings = [.. offerings];
            _cumulative = new long[offerings.Count];
            long total = 0;
            for (var i = 0; i < offerings.Count; i++) _cumulative[i] = total += offerings[i].HeldCount;
        }

        public PlannedOffering Next(Random random)
        {
            var index = Array.BinarySearch(_cumulative, random.NextInt64(_cumulative[^1]) + 1);
            return _offerings[index < 0 ? ~index : index];
        }
    }
}
