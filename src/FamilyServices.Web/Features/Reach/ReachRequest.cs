using System.Globalization;
using FamilyServices.Web.Domain;
using Microsoft.AspNetCore.WebUtilities;

namespace FamilyServices.Web.Features.Reach;

public sealed record ReachProblem(string Field, string MessageKey, params object[] Arguments);

/// <summary>Reads a reach query from the query string (the same for the officials' pages and both APIs).</summary>
public static class ReachRequest
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>The same rules for an address's query string ("?year=2025&amp;groupBy=centre"), as the interactive dashboard reads it.</summary>
    public static (ReachQuery Query, IReadOnlyList<ReachProblem> Problems) Parse(string queryString, int defaultYear, bool allowDrillDown) =>
        Parse(new QueryCollection(QueryHelpers.ParseQuery(queryString)), defaultYear, allowDrillDown);

    public static (ReachQuery Query, IReadOnlyList<ReachProblem> Problems) Parse(IQueryCollection query, int defaultYear, bool allowDrillDown)
    {
        var problems = new List<ReachProblem>();
        var year = Year(query, "year", problems) ?? defaultYear;

        var kind = ReachPeriodKind.Calendar;
        var period = query["period"].ToString();
        if (period.Length > 0)
        {
            if (period.Equals("school", StringComparison.OrdinalIgnoreCase)) kind = ReachPeriodKind.School;
            else if (!period.Equals("calendar", StringComparison.OrdinalIgnoreCase)) problems.Add(new("period", "ReachPeriodInvalid"));
        }

        var groupByText = query["groupBy"].ToString();
        // A drill-down without a breakdown opens on the natural next level: a type's centres, a centre's programmes.
        var defaultGroupBy = query["programmeType"].ToString().Length > 0 ? ReachDimensions.Centre
            : query["centre"].ToString().Length > 0 ? ReachDimensions.Programme : ReachDimensions.ProgrammeType;
        var groupBy = groupByText.Length == 0 ? defaultGroupBy : ReachDimensions.Find(groupByText);
        if (groupBy is null)
        {
            problems.Add(new("groupBy", "ReachGroupByInvalid", string.Join(", ", ReachDimensions.All)));
            groupBy = ReachDimensions.ProgrammeType;
        }

        string? programmeType = null, centre = null;
        var typeText = query["programmeType"].ToString();
        var centreText = query["centre"].ToString();
        if (!allowDrillDown && (typeText.Length > 0 || centreText.Length > 0))
        {
            problems.Add(new(typeText.Length > 0 ? "programmeType" : "centre", "ReachDrillDownNotPublic"));
        }
        else if (typeText.Length > 0)
        {
            // Only a type's name: Enum.TryParse would also take "3", " Workshop" or "ChildClass,Workshop" (flags).
            if (Enum.GetNames<ProgrammeType>().FirstOrDefault(n => n.Equals(typeText, StringComparison.OrdinalIgnoreCase)) is { } typeName)
            {
                programmeType = typeName;
                if (!ReachDimensions.WithinProgrammeType.Contains(groupBy))
                    problems.Add(new("groupBy", "ReachGroupByNotWithin", string.Join(", ", ReachDimensions.WithinProgrammeType)));
            }
            else problems.Add(new("programmeType", "ReachProgrammeTypeInvalid"));
            if (centreText.Length > 0) problems.Add(new("centre", "ReachOneDrillDown"));
        }
        else if (centreText.Length > 0)
        {
            if (centreText.Length <= 40 && centreText.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) centre = centreText;
            else problems.Add(new("centre", "ReachCentreInvalid"));
            if (!ReachDimensions.WithinCentre.Contains(groupBy))
                problems.Add(new("groupBy", "ReachGroupByNotWithin", string.Join(", ", ReachDimensions.WithinCentre)));
        }

        var from = Year(query, "from", problems);
        var to = Year(query, "to", problems);
        if (from.HasValue != to.HasValue) problems.Add(new(from.HasValue ? "to" : "from", "ReachSpanIncomplete"));
        else if (from > to) problems.Add(new("from", "ReachSpanOrder"));

        return (new ReachQuery(kind, year, groupBy, programmeType, centre, from, to), problems);
    }

    private static int? Year(IQueryCollection query, string name, List<ReachProblem> problems)
    {
        var text = query[name].ToString();
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear) return year;
        problems.Add(new(name, "ReachYearInvalid", FirstYear, LastYear));
        return null;
    }
}
