using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Engine.Reconcile;

/// <summary>A tick's live progress: each pass (observe and plan) and each action, as steps on the options' sink.</summary>
internal sealed class TickProgress(IAgentProgress? sink, string tickId) : IDisposable
{
    private readonly Dictionary<PlannedAction, ProgressScope> running = new(ReferenceEqualityComparer.Instance);
    private int steps;

    public ProgressScope Pass(int round) => ProgressScope.Start(sink, $"{tickId}/pass-{round}", $"pass {round} (observe, plan)");

    public static string Planned(Plan plan) => plan.Actions.Count switch
    {
        0 => "nothing to do",
        1 => "1 action planned",
        var n => $"{n} actions planned",
    };

    /// <summary>An action starts (before it is applied, or before its agent runs).</summary>
    public void Begin(PlannedAction action)
    {
        if (sink is not null && !running.ContainsKey(action))
        {
            running[action] = ProgressScope.Start(sink, $"{tickId}/{++steps}", What(action));
        }
    }

    /// <summary>An action's result was recorded; one that was not begun (a collected job) starts and ends at once.</summary>
    public void End(PlannedAction action, ActionResult result)
    {
        if (sink is null)
        {
            return;
        }

        Begin(action);
        running.Remove(action, out var scope);
        // Messages name their item first ("#12: …"); the step already does.
        var message = result.Message.StartsWith($"#{action.Issue}: ", StringComparison.Ordinal) ? result.Message[$"#{action.Issue}: ".Length..] : result.Message;
        scope!.Finish($"{result.Outcome.Wire()}: {message}");
    }

    private static string What(PlannedAction action) => action.Issue > 0 ? $"#{action.Issue} {action.Kind}" : action.Kind;

    public void Dispose()
    {
        foreach (var scope in running.Values)
        {
            scope.Dispose();
        }

        running.Clear();
    }
}
