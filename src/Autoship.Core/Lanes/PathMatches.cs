using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// The areas and path rules a path matches, memoized per configuration instance: the same few paths recur in every
/// PR of a tick, and glob matching each against every area and rule was the planner's hottest loop. Pure (no I/O);
/// the answer is exactly what matching the globs again would give, since a configuration is immutable.
/// </summary>
internal static class PathMatches
{
    private const int MaxPathsPerConfig = 100_000;

    private static readonly ConditionalWeakTable<AutoshipConfig, ConcurrentDictionary<string, (IReadOnlyList<AreaDefinition> Areas, IReadOnlyList<PathRule> Rules)>> Tables = [];

    public static (IReadOnlyList<AreaDefinition> Areas, IReadOnlyList<PathRule> Rules) For(AutoshipConfig config, string path)
    {
        var table = Tables.GetValue(config, _ => new(StringComparer.Ordinal));
        if (table.TryGetValue(path, out var hit))
        {
            return hit;
        }

        var found = ((IReadOnlyList<AreaDefinition>)config.Areas.Where(a => GlobMatcher.MatchesAny(path, a.Paths)).ToList(),
            (IReadOnlyList<PathRule>)config.PathRules.Where(r => GlobMatcher.MatchesAny(path, r.Paths)).ToList());
        if (table.Count < MaxPathsPerConfig)
        {
            table[path] = found;
        }

        return found;
    }
}
