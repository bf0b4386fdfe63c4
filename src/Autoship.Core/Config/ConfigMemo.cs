using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Autoship.Core.Config;

/// <summary>
/// Answers of a pure function of (configuration, key), kept per configuration instance (a configuration is immutable,
/// so the answer never changes) and dropped with it. Bounded: past <paramref name="limit"/> keys, answers are computed
/// and not kept, so a flood of distinct keys costs time, never memory.
/// </summary>
internal sealed class ConfigMemo<TKey, TValue>(Func<AutoshipConfig, TKey, TValue> compute, int limit, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConditionalWeakTable<AutoshipConfig, ConcurrentDictionary<TKey, TValue>> _tables = [];

    public TValue Get(AutoshipConfig config, TKey key)
    {
        var table = _tables.GetValue(config, _ => new(comparer));
        if (table.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = compute(config, key);
        if (table.Count < limit)
        {
            table[key] = value;
        }

        return value;
    }
}
