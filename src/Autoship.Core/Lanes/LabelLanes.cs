using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
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

    private static readonly ConditionalWeakTable<AutoshipConfig, ConcurrentDictionary<string, Lane>> Tables = [];

    public static Lane For(IReadOnlyList<string> labels, AutoshipConfig config)
    {
        var table = Tables.GetValue(config, _ => new(StringComparer.Ordinal));
        var key = Key(labels);
        if (table.TryGetValue(key, out var lane))
        {
            return lane;
        }

        lane = LaneClassifier.Classify(labels, [], config).Lane;
        if (table.Count < MaxSetsPerConfig)
        {
            table[key] = lane;
        }

        return lane;
    }

    // Length-prefixed, so no two label lists share a key whatever characters the labels hold.
    private static string Key(IReadOnlyList<string> labels)
    {
        var key = new StringBuilder();
        foreach (var label in labels)
        {
            key.Append(label.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(label);
        }

        return key.ToString();
    }
}
