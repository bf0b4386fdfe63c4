namespace Autoship.Core;

/// <summary>Short lists in reason messages: a reason names a few files, never hundreds.</summary>
internal static class Lists
{
    public static string Few(IReadOnlyCollection<string> items, int max = 3)
    {
        if (items.Count <= max)
        {
            return string.Join(", ", items);
        }

        return string.Join(", ", items.Take(max)) + $" and {items.Count - max} more";
    }
}
