using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>
/// The lane a set of labels alone puts an item in, memoized per configuration instance: dispatch orders and places
/// every ready issue by it, and the same few label sets recur across thousands of issues. Pure: the answer is what
/// classifying the labels with no files gives, since a configuration is immutable.
/// </summary>
internal static class LabelLanes
{
    private const int MaxSetsPerConfig = 10_000;

    private static readonly ConditionalWeakTable<AutoshipConfig, ConcurrentDictionary<LabelSet, Lane>> Tables = [];

    public static Lane For(IReadOnlyList<string> labels, AutoshipConfig config)
    {
        var table = Tables.GetValue(config, _ => new());
        // The lookup wraps the caller's list (no copy); a new entry keeps a copy, so that a caller changing its list
        // later cannot change the key.
        if (table.TryGetValue(new LabelSet(labels), out var lane))
        {
            return lane;
        }

        lane = LaneClassifier.Classify(labels, [], config).Lane;
        if (table.Count < MaxSetsPerConfig)
        {
            table[new LabelSet([.. labels])] = lane;
        }

        return lane;
    }

    /// <summary>A list of labels compared element by element, ordinally and in order (the answer may depend on both).</summary>
    private readonly struct LabelSet(IReadOnlyList<string> labels) : IEquatable<LabelSet>
    {
        private readonly IReadOnlyList<string> _labels = labels;

        public bool Equals(LabelSet other)
        {
            if (_labels.Count != other._labels.Count)
            {
                return false;
            }

            for (var i = 0; i < _labels.Count; i++)
            {
                if (!string.Equals(_labels[i], other._labels[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is LabelSet other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_labels.Count);
            for (var i = 0; i < _labels.Count; i++)
            {
                hash.Add(_labels[i], StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
