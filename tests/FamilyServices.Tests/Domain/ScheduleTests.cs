using FamilyServices.Web.Domain;

namespace FamilyServices.Tests.Domain;

public class ScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Istanbul = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul");

    [Fact]
    public void Weekly_schedule_meets_on_each_chosen_weekday_between_the_dates_inclusive()
    {
        // 2026-11-02 is a Monday; the period ends on Monday 2026-11-16.
        var schedule = Schedule.Weekly(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 16),
            Weekdays.Monday | Weekdays.Thursday, new TimeOnly(9, 30), new TimeOnly(11, 30));

        schedule.Dates().Should().Equal(
            new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 5),
            new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 12),
            new DateOnly(2026, 11, 16));
    }

    [Fact]
    public void Excluded_dates_remove_holidays_and_extra_dates_add_meetings_inside_the_period()
    {
        var schedule = Schedule.Weekly(new DateOnly(2025, 4, 21), new DateOnly(2025, 5, 4),
            Weekdays.Wednesday, new TimeOnly(14, 0), new TimeOnly(15, 0)) with
        {
            ExcludedDates = [new DateOnly(2025, 4, 23)],
            ExtraDates = [new DateOnly(2025, 5, 3), new DateOnly(2025, 6, 1)],
        };

        schedule.Dates().Should().Equal(new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 3));
    }

    [Fact]
    public void Explicit_dates_schedule_meets_only_on_those_dates_in_order()
    {
        var schedule = Schedule.OnDates([new DateOnly(2026, 3, 14), new DateOnly(2026, 2, 7)], new TimeOnly(10, 0), new TimeOnly(12, 0));

        schedule.StartDate.Should().Be(new DateOnly(2026, 2, 7));
        schedule.Dates().Should().Equal(new DateOnly(2026, 2, 7), new DateOnly(2026, 3, 14));
    }

    [Fact]
    public void Occurrences_are_converted_to_utc_with_the_centres_time_zone_across_the_clock_change()
    {
        // Berlin changes to summer time on 2026-03-29: 10:00 local is 09:00 UTC before and 08:00 UTC after.
        var schedule = Schedule.Weekly(new DateOnly(2026, 3, 28), new DateOnly(2026, 4, 4),
            Weekdays.Saturday, new TimeOnly(10, 0), new TimeOnly(11, 0));

        schedule.Occurrences(Berlin).Select(o => o.StartsAtUtc).Should().Equal(
            new DateTime(2026, 3, 28, 9, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 4, 4, 8, 0, 0, DateTimeKind.Utc));
        schedule.Occurrences(Istanbul).First().StartsAtUtc.Should().Be(new DateTime(2026, 3, 28, 7, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_clock_change_moves_to_the_hour_after()
    {
        var startsAt = Schedule.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Berlin);

        startsAt.Should().Be(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Validation_names_each_problem_a_person_can_fix()
    {
        var schedule = Schedule.Weekly(new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), Weekdays.None, new TimeOnly(11, 0), new TimeOnly(10, 0));

        schedule.Validate().Should().HaveCount(3);
        Schedule.Weekly(new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1), Weekdays.Friday, new TimeOnly(10, 0), new TimeOnly(11, 0))
            .Validate().Should().BeEmpty();
    }
}
