using YamlDotNet.RepresentationModel;

namespace Autoship.Cli.Init;

/// <summary>
/// A job's <c>strategy.matrix</c> expanded the way GitHub does: the product of the lists, less <c>exclude</c>, then each
/// <c>include</c> entry either extends the combinations it matches (without overwriting their values) or is added.
/// </summary>
internal static class Matrix
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Expand(YamlMappingNode matrix, out string? problem)
    {
        problem = null;
        var combinations = new List<Dictionary<string, string>> { new(StringComparer.Ordinal) };
        var originalKeys = new List<string>();
        foreach (var (keyNode, value) in matrix.Children)
        {
            var key = WorkflowChecks.Scalar(keyNode);
            if (key is "include" or "exclude" or null)
            {
                continue;
            }

            if (value is not YamlSequenceNode list || list.Children.Any(v => v is not YamlScalarNode))
            {
                problem = $"matrix.{key} is not a list of values; add the checks it reports by hand";
                return [];
            }

            originalKeys.Add(key);
            combinations = combinations
                .SelectMany(c => list.Children.Select(v => new Dictionary<string, string>(c, StringComparer.Ordinal) { [key] = ((YamlScalarNode)v).Value ?? string.Empty }))
                .ToList();
        }

        if (originalKeys.Count == 0)
        {
            combinations.Clear();
        }

        foreach (var exclude in Entries(matrix, "exclude"))
        {
            combinations.RemoveAll(c => exclude.All(kv => c.TryGetValue(kv.Key, out var v) && v == kv.Value));
        }

        foreach (var include in Entries(matrix, "include"))
        {
            var extended = false;
            foreach (var combination in combinations)
            {
                var matches = include.Where(kv => originalKeys.Contains(kv.Key)).All(kv => combination[kv.Key] == kv.Value);
                var overwrites = include.Any(kv => !originalKeys.Contains(kv.Key) && combination.TryGetValue(kv.Key, out var v) && v != kv.Value);
                if (matches && !overwrites && originalKeys.Count > 0)
                {
                    foreach (var (key, value) in include)
                    {
                        combination[key] = value;
                    }

                    extended = true;
                }
            }

            if (!extended)
            {
                combinations.Add(new Dictionary<string, string>(include, StringComparer.Ordinal));
            }
        }

        return combinations;
    }

    private static IEnumerable<Dictionary<string, string>> Entries(YamlMappingNode matrix, string key)
    {
        if (WorkflowChecks.Child(matrix, key) is not YamlSequenceNode list)
        {
            yield break;
        }

        foreach (var entry in list.Children.OfType<YamlMappingNode>())
        {
            yield return entry.Children
                .Where(kv => kv.Key is YamlScalarNode && kv.Value is YamlScalarNode)
                .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value ?? string.Empty, StringComparer.Ordinal);
        }
    }
}
