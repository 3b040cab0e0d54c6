namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// Which counts of a published table must be hidden so that no small group of children can be singled out:
/// counts from 1 to <c>threshold - 1</c> (primary suppression), and, when a table shows its total, more cells if
/// otherwise the hidden ones could be worked out by subtracting the others from the total (secondary suppression):
/// a single hidden cell always could, and so could hidden cells that add up to less than the threshold, as every
/// hidden cell is at least 1 (zeros are shown), e.g. two hidden cells that add up to 2 are both 1. When no other cell
/// can be hidden, the total is hidden instead.
/// </summary>
public static class SmallNumberProtection
{
    public const int DefaultThreshold = 5;

    public sealed record Decision(IReadOnlySet<int> HiddenCells, bool HideTotal);

    public static bool IsSmall(int count, int threshold) => count > 0 && count < threshold;

    /// <param name="alsoHidden">Cells to hide whatever their count, e.g. because another published table would give them away.</param>
    public static Decision Decide(IReadOnlyList<int> cells, int total, int threshold, IReadOnlySet<int>? alsoHidden = null)
    {
        var hidden = new HashSet<int>(Enumerable.Range(0, cells.Count)
            .Where(i => IsSmall(cells[i], threshold) || alsoHidden?.Contains(i) == true && cells[i] > 0));
        var hideTotal = IsSmall(total, threshold);
        while (hidden.Count > 0 && !hideTotal && (hidden.Count == 1 || hidden.Sum(i => cells[i]) < threshold))
        {
            // The smallest other non-zero cell protects them; zeros cannot, as they reveal nothing.
            var partner = Enumerable.Range(0, cells.Count)
                .Where(i => !hidden.Contains(i) && cells[i] > 0)
                .OrderBy(i => cells[i]).ThenBy(i => i)
                .Select(i => (int?)i).FirstOrDefault();
            if (partner is { } index) hidden.Add(index);
            else hideTotal = true;
        }
        return new Decision(hidden, hideTotal);
    }
}
