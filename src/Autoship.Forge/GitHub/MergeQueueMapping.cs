using System.Text.Json;
using Autoship.Core;
using Autoship.Core.Queue;

namespace Autoship.Forge.GitHub;

/// <summary>
/// A PR's <c>mergeQueueEntry</c> from the observe query: its position and state, and the merge_group commit GitHub's
/// queue tests with the statuses already on it (so the planner reports <c>autoship/gate</c> there once, not every tick).
/// </summary>
internal static class MergeQueueMapping
{
    public static (ForgeQueueEntry? Entry, IReadOnlyList<CheckSnapshot> GroupChecks) Read(JsonElement pr)
    {
        if (pr.ValueKind != JsonValueKind.Object || !pr.TryGetProperty("mergeQueueEntry", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return (null, []);
        }

        var position = e.TryGetProperty("position", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;
        var commit = e.TryGetProperty("headCommit", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var group = commit.ValueKind == JsonValueKind.Object ? GraphQlMapping.Str(commit, "oid") : null;
        var checks = new List<CheckSnapshot>();
        if (group is not null && commit.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("contexts", out var contexts) && contexts.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in contexts.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object))
            {
                checks.Add(new CheckSnapshot(GraphQlMapping.Str(s, "context") ?? string.Empty, RestMapping.StatusStateOf(GraphQlMapping.Str(s, "state")), group,
                    GraphQlMapping.Str(s, "description"), GraphQlMapping.Str(s, "targetUrl")));
            }
        }

        return (new ForgeQueueEntry(position, GraphQlMapping.Str(e, "state") ?? "QUEUED", group), checks);
    }
}
