namespace FamilyServices.Web.Features.Reach;

/// <summary>
/// Which counts of a published table must be hidden so that no small group of children can be singled out:
/// counts from 1 to <c>threshold - 1</c> (primary suppression), and, when a table shows its total, one more cell
/// if otherwise a single hidden cell could be recovered by subtracting the others from the total
/// (secondary suppression); when no other cell can be hidden, the total is hidden instead.
/// </summary>
public static class SmallNumberProtection
{
    public const int DefaultThreshold = 5;

    public sealed record Decision(IReadOnlySet<int> HiddenCells, bool HideTotal);

    public static bool IsSmall(int count, int threshold) => count > 0 && count < threshold;

    public static Decision Decide(IReadOnlyList<int> cells, int total, int threshold)
    {
        var hidden = new HashSet<int>(Enumerable.Range(0, cells.Count).Where(i => IsSmall(cells[i], threshold)));
        var hideTotal = IsSmall(total, threshold);
        if (hidden.Count == 1 && !hideTotal)
        {
            // The smallest other non-zero cell protects the first; zeros cannot, as they reveal nothing.
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
