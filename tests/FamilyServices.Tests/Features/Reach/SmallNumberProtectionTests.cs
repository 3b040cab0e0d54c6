using FamilyServices.Web.Features.Reach;
using Microsoft.Extensions.Configuration;

namespace FamilyServices.Tests.Features.Reach;

/// <summary>Which cells of a published table are hidden: counts of 1 to threshold−1, and whatever would give one of them away.</summary>
public class SmallNumberProtectionTests
{
    [Fact]
    public void A_single_small_cell_is_hidden_together_with_the_next_smallest_non_zero_cell()
    {
        // 3 is small; without a second hidden cell, 33 − 0 − 10 − 20 would give it away. 10 is the smallest other non-zero cell.
        var decision = SmallNumberProtection.Decide([0, 3, 10, 20], total: 33, threshold: 5);

        decision.HiddenCells.Should().BeEquivalentTo([1, 2]);
        decision.HideTotal.Should().BeFalse();
    }

    [Fact]
    public void A_small_cell_with_no_other_non_zero_cell_hides_the_total()
    {
        var decision = SmallNumberProtection.Decide([3, 0, 0], total: 3, threshold: 5);

        decision.HiddenCells.Should().BeEquivalentTo([0]);
        decision.HideTotal.Should().BeTrue();
    }

    [Fact]
    public void A_large_total_that_would_give_away_the_only_small_cell_is_hidden_when_no_partner_exists()
    {
        // The total also counts something outside the cells (e.g. a de-duplicated total): 3 is still the only non-zero cell.
        var decision = SmallNumberProtection.Decide([3, 0], total: 8, threshold: 5);

        decision.HiddenCells.Should().BeEquivalentTo([0]);
        decision.HideTotal.Should().BeTrue();
    }

    [Fact]
    public void Two_small_cells_protect_each_other_and_nothing_more_is_hidden()
    {
        var decision = SmallNumberProtection.Decide([2, 3, 40], total: 45, threshold: 5);

        decision.HiddenCells.Should().BeEquivalentTo([0, 1]);
        decision.HideTotal.Should().BeFalse();
    }

    [Fact]
    public void Hidden_cells_that_add_up_to_less_than_the_threshold_get_a_partner_as_each_is_at_least_one()
    {
        // 12 − 10 = 2 for the two hidden cells, each at least 1: both would be known to be 1. 10 is hidden with them.
        SmallNumberProtection.Decide([1, 1, 10], total: 12, threshold: 5).HiddenCells.Should().BeEquivalentTo([0, 1, 2]);
        // 44 − 40 = 4 leaves (1, 3), (2, 2) or (3, 1): too narrow, below the threshold.
        SmallNumberProtection.Decide([2, 2, 40], total: 44, threshold: 5).HiddenCells.Should().BeEquivalentTo([0, 1, 2]);
        // Nothing left to hide with them: the total goes.
        SmallNumberProtection.Decide([1, 1, 0], total: 8, threshold: 5).HideTotal.Should().BeTrue();
    }

    [Fact]
    public void A_cell_another_table_would_give_away_is_hidden_and_protected_like_a_small_one()
    {
        // Cell 0 (7) is the sum of districts, one of which another table hides: it is hidden, and 5 with it.
        var decision = SmallNumberProtection.Decide([7, 5, 0], total: 12, threshold: 5, alsoHidden: new HashSet<int> { 0 });

        decision.HiddenCells.Should().BeEquivalentTo([0, 1]);
        decision.HideTotal.Should().BeFalse();
        SmallNumberProtection.Decide([7, 5, 0], total: 12, threshold: 5, alsoHidden: new HashSet<int> { 2 }).HiddenCells
            .Should().BeEmpty("a zero cannot give anyone away");
    }

    [Fact]
    public void Without_small_cells_nothing_is_hidden_and_zeros_are_never_hidden()
    {
        SmallNumberProtection.Decide([6, 7, 80], total: 93, threshold: 5).Should().BeEquivalentTo(
            new SmallNumberProtection.Decision(new HashSet<int>(), false));
        SmallNumberProtection.Decide([0, 0, 7], total: 7, threshold: 5).HiddenCells.Should().BeEmpty();
        SmallNumberProtection.Decide([], total: 0, threshold: 5).Should().BeEquivalentTo(new SmallNumberProtection.Decision(new HashSet<int>(), false));
    }

    [Fact]
    public void Of_equally_small_partners_the_first_is_taken()
    {
        SmallNumberProtection.Decide([9, 1, 9, 12], total: 31, threshold: 5).HiddenCells.Should().BeEquivalentTo([0, 1]);
    }

    [Fact]
    public void The_threshold_decides_what_is_small()
    {
        // With 3: only 2 is small; its partner is the smallest other non-zero cell, 3.
        SmallNumberProtection.Decide([8, 4, 3, 2, 0], total: 17, threshold: 3).HiddenCells.Should().BeEquivalentTo([2, 3]);
        // With 5: 4, 3 and 2 are all small and protect each other.
        SmallNumberProtection.Decide([8, 4, 3, 2, 0], total: 17, threshold: 5).HiddenCells.Should().BeEquivalentTo([1, 2, 3]);
        SmallNumberProtection.IsSmall(0, 5).Should().BeFalse();
        Enumerable.Range(1, 4).Should().OnlyContain(n => SmallNumberProtection.IsSmall(n, 5));
        SmallNumberProtection.IsSmall(5, 5).Should().BeFalse();
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData("3", 3)]
    [InlineData("10", 10)]
    [InlineData("1", 2)]
    [InlineData("0", 2)]
    public void The_threshold_comes_from_configuration_and_is_never_below_2(string? configured, int expected)
    {
        var settings = new Dictionary<string, string?>();
        if (configured is not null) settings["Portal:Reach:SuppressBelow"] = configured;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        ReachApi.SuppressionThreshold(configuration).Should().Be(expected);
    }
}
