using System.Globalization;
using System.Text;
using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Engine.Reconcile;

/// <summary>Renders the one Autoship comment per item: where it stands, why, and what a human must do.</summary>
public static class CommentRenderer
{
    /// <param name="failure">What the failing log said (validation or a check), shown with where the whole log is; null when nothing failed.</param>
    public static string Render(int issue, ItemMemory memory, string headline, IReadOnlyList<string> humanActions, int? pullRequest, DateTimeOffset now, FailureDetail? failure = null)
    {
        var sb = new StringBuilder();
        sb.Append(ItemMemory.Marker).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"**Autoship** — {headline}\n\n");
        sb.Append("| phase | lane | owner | reviewer | attempt | PR |\n|---|---|---|---|---|---|\n");
        var lane = memory.Lane is { } l ? $"{l.Letter()} ({l.Name()})" : "—";
        sb.Append(CultureInfo.InvariantCulture,
            $"| {memory.Phase.Wire()} | {lane} | {memory.Agent ?? "—"} | {memory.Reviewer ?? "—"} | {(memory.Attempt == 0 ? "—" : memory.Attempt.ToString(CultureInfo.InvariantCulture))} | {(pullRequest is { } pr ? "#" + pr.ToString(CultureInfo.InvariantCulture) : "—")} |\n\n");
        if (memory.Reasons.Count > 0)
        {
            sb.Append("**Why**\n");
            foreach (var reason in memory.Reasons)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {reason.Message} (`{reason.Code}`)\n");
            }

            sb.Append('\n');
        }

        if (failure is not null)
        {
            FailureMarkdown.Append(sb, failure);
        }

        if (humanActions.Count > 0)
        {
            sb.Append("**What a human must do**\n");
            foreach (var action in humanActions)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- [ ] {action}\n");
            }

            sb.Append('\n');
        }

        sb.Append(CultureInfo.InvariantCulture, $"<sub>Updated by Autoship at {now:yyyy-MM-dd HH:mm} UTC. `autoship explain #{issue}` shows the whole history. This comment is edited in place.</sub>\n");
        sb.Append(ItemMemoryCodec.Encode(memory)).Append('\n');
        return sb.ToString();
    }
}
