using System.Text.Json;
using System.Text.Json.Serialization;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Explain;
using Autoship.Engine.Store;

namespace Autoship.Engine.Tests.Golden;

public sealed class GenerateGolden
{
    private static readonly JsonSerializerOptions Cli = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private static readonly DateTimeOffset T = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate()
    {
        var dir = Environment.GetEnvironmentVariable("AUTOSHIP_GOLDEN_OUT");
        if (dir is null)
        {
            return;
        }

        string[] phases = ["new", ItemPhase.Queued, ItemPhase.Skipped, ItemPhase.Claimed, ItemPhase.PullRequest, ItemPhase.Held, ItemPhase.Merged,
            ItemPhase.Released, ItemPhase.Blocked, ItemPhase.Refused, ItemPhase.Stopped, ItemPhase.Paused];
        string?[] lanes = [null, "safe", "staging", "human"];
        var reasons = new List<Reason> { new("ci-failed", "CI failed -- see the log"), new("x", "y") };
        var memories = phases.Select((p, i) => new ItemMemory(p, i % 3 == 0 ? null : "codex", i % 2 == 0 ? null : "claude", i, i % 2 == 0 ? T : null, lanes[i % 4], i % 3 == 0 ? [] : reasons)
        {
            RetryAfter = i == 7 ? T.AddMinutes(5) : null,
        }).ToList();
        File.WriteAllLines(Path.Combine(dir, "memory-comments.txt"), memories.Select(ItemMemoryCodec.Encode));

        Lane?[] viewLanes = [null, Lane.Safe, Lane.Staging, Lane.Human];
        GateVerdict?[] verdicts = [null, GateVerdict.Merge, GateVerdict.Hold, GateVerdict.Wait, GateVerdict.Reject];
        var views = phases.Skip(1).Select((p, i) => new ItemView(i + 1, $"Item {i}", p, viewLanes[i % 4], i % 3 == 0 ? null : "codex", i % 2 == 0 ? null : "claude",
            i % 2 == 0 ? null : 100 + i, verdicts[i % 5], i, i % 3 == 0 ? [] : reasons, i % 4 == 1 ? ["remove autonomy:blocked"] : [])).ToList();
        File.WriteAllText(Path.Combine(dir, "item-views.json"), JsonSerializer.Serialize(views, Cli));

        string[] actionOutcomes = ["ok", "enqueued", "failed", "refused", "skipped", "planned"];
        var events = actionOutcomes.Select((o, i) => new StoredEvent(i + 1, T.AddSeconds(i), "local:demo", "t1", i == 0 ? null : i, i % 2 == 0 ? null : 7, "merge", $"message {i}", reasons, o)).ToList();
        File.WriteAllText(Path.Combine(dir, "events.json"), JsonSerializer.Serialize(events, Cli));

        var attempts = Enum.GetValues<AttemptOutcome>().Select(o => o.ToString()).Concat(["Approved", "ChangesRequested"]).ToList();
        var runs = attempts.Select((o, i) => new StoredRun($"run-{i}", "local:demo", 3, i, "codex", i % 2 == 0 ? "author" : "reviewer", "wo-3-1", "codex exec --json",
            T, T.AddSeconds(90 + i), "exit 0", i % 2 == 0 ? 0 : null, "+3 -1", i % 2 == 0 ? "abc" : null, i % 3 == 0 ? "dotnet test" : null, i % 3 == 0 ? 0 : null,
            i % 2 == 0 ? "/tmp/log" : null, o)).ToList();
        File.WriteAllText(Path.Combine(dir, "runs.json"), JsonSerializer.Serialize(runs, Cli));

        string[] tickOutcomes = ["done", "cancelled", "failed: the forge said 500", "dry-run", "lease-busy"];
        var ticks = tickOutcomes.Select((o, i) => new TickRecord($"t{i}", "local:demo", T, T.AddSeconds(2), 1 + i, i, 10 + i, i % 2 == 0 ? null : 4999, o, $"summary {i}")).ToList();
        File.WriteAllText(Path.Combine(dir, "ticks.json"), JsonSerializer.Serialize(ticks, Cli));

        var v = views[4];
        var explanation = new ItemExplanation(v.Issue, v.Title, v.Phase, ItemExplainer.Summarize(v, true), v.Lane, v.Owner, v.Reviewer, v.PullRequest, v.Verdict, v.Attempt,
            v.Reasons, v.HumanActions, events.Take(2).ToList(), runs.Take(2).ToList());
        File.WriteAllText(Path.Combine(dir, "explanation.json"), JsonSerializer.Serialize(explanation, Cli));
    }
}
