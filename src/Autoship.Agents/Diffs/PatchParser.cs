namespace Autoship.Agents;

/// <summary>Reads the added lines of each file out of a unified diff, so content rules can look at them.</summary>
internal static class PatchParser
{
    public static Dictionary<string, IReadOnlyList<string>> AddedLines(string patch)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        var inHunk = false;
        foreach (var line in patch.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = null;
                inHunk = false;
            }
            else if (!inHunk && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line[4..];
                if (path.StartsWith("b/", StringComparison.Ordinal))
                {
                    current = [];
                    result[path[2..]] = current;
                }
            }
            else if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHunk = true;
            }
            else if (inHunk && current is not null && line.StartsWith('+'))
            {
                current.Add(line[1..]);
            }
        }

        return result;
    }
}
