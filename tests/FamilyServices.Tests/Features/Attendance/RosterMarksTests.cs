using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>What a roster row says about its mark: saved only once the database has that very mark.</summary>
public sealed class RosterMarksTests
{
    private static readonly Dictionary<int, AttendanceStatus> Nothing = [];

    [Fact]
    public async Task A_tick_is_saving_until_the_database_answers_and_saved_afterwards()
    {
        var marks = new RosterMarks([1], Nothing);
        var answer = new TaskCompletionSource<bool>();

        var tick = marks.SetAsync(1, AttendanceStatus.Present, _ => answer.Task);

        (marks.StateOf(1), marks.Shown(1)).Should().Be((MarkState.Saving, AttendanceStatus.Present));
        answer.SetResult(true);
        await tick;
        (marks.StateOf(1), marks.Shown(1)).Should().Be((MarkState.Saved, AttendanceStatus.Present));
    }

    [Fact]
    public async Task A_failed_tick_stays_visible_as_not_saved_until_a_retry_succeeds()
    {
        var marks = new RosterMarks([1, 2], new Dictionary<int, AttendanceStatus> { [1] = AttendanceStatus.Absent });

        await marks.SetAsync(1, AttendanceStatus.Present, _ => Task.FromResult(false));

        (marks.StateOf(1), marks.Shown(1)).Should().Be((MarkState.NotSaved, AttendanceStatus.Present));
        marks.NotSaved.Should().Equal(1);
        marks.Refresh(new Dictionary<int, AttendanceStatus> { [1] = AttendanceStatus.Absent });
        marks.StateOf(1).Should().Be(MarkState.NotSaved, "a reload does not hide a tick that was not saved");
        await marks.RetryAsync(1, status => Task.FromResult(status == AttendanceStatus.Present));
        (marks.StateOf(1), marks.Shown(1)).Should().Be((MarkState.Saved, AttendanceStatus.Present));
        marks.NotSaved.Should().BeEmpty();
    }

    [Fact]
    public async Task A_save_that_throws_leaves_the_row_not_saved()
    {
        var marks = new RosterMarks([1], Nothing);

        var act = () => marks.SetAsync(1, AttendanceStatus.Excused, _ => throw new TimeoutException());

        await act.Should().ThrowAsync<TimeoutException>();
        marks.StateOf(1).Should().Be(MarkState.NotSaved);
    }

    [Fact]
    public async Task Quick_ticks_on_one_row_are_saved_in_order_and_the_last_one_wins()
    {
        var marks = new RosterMarks([1], Nothing);
        var saved = new List<AttendanceStatus>();
        var first = new TaskCompletionSource<bool>();
        Task<bool> Save(AttendanceStatus status)
        {
            saved.Add(status);
            return saved.Count == 1 ? first.Task : Task.FromResult(true);
        }

        var tick = marks.SetAsync(1, AttendanceStatus.Present, Save);
        await marks.SetAsync(1, AttendanceStatus.Absent, Save);
        await marks.SetAsync(1, AttendanceStatus.Excused, Save);
        first.SetResult(true);
        await tick;

        saved.Should().Equal(AttendanceStatus.Present, AttendanceStatus.Excused);
        (marks.StateOf(1), marks.Shown(1)).Should().Be((MarkState.Saved, AttendanceStatus.Excused));
    }

    [Fact]
    public void A_colleagues_marks_show_on_rows_without_a_pending_tick()
    {
        var marks = new RosterMarks([1, 2], Nothing);

        marks.Refresh(new Dictionary<int, AttendanceStatus> { [2] = AttendanceStatus.Excused });

        (marks.StateOf(1), marks.StateOf(2), marks.Shown(2)).Should().Be((MarkState.Unmarked, MarkState.Saved, AttendanceStatus.Excused));
        (marks.Count(AttendanceStatus.Excused), marks.Unmarked).Should().Be((1, 1));
    }
}
