using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Forge.Git;

namespace Autoship.Engine.Tests.Support;

/// <summary>
/// The forge's final state reduced to what must not depend on when a crash happened: per issue its open state,
/// autonomy labels, remembered phase and PR outcomes; plus the duplicates that must never exist.
/// </summary>
public sealed record ForgeState(IReadOnlyList<string> Items, IReadOnlyList<string> Duplicates)
{
    public static async Task<ForgeState> ReadAsync(DemoForge demo)
    {
        await using var forge = await demo.OpenAsync();
        var prs = await forge.ListPullRequestsAsync("all", CancellationToken.None);
        var mainLog = await GitCli.RunAsync(forge.BareRepository, "log", "--format=%s", "main");
        var subjects = mainLog.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var items = new List<string>();
        var duplicates = new List<string>();
        foreach (var (key, number) in demo.Numbers.OrderBy(n => n.Value))
        {
            var issue = (await forge.GetIssueAsync(number, CancellationToken.None))!;
            var comments = (await forge.ListCommentsAsync(number, CancellationToken.None)).Where(c => c.Body.Contains(ItemMemory.Marker, StringComparison.Ordinal)).ToList();
            if (comments.Count != 1)
            {
                duplicates.Add($"{key}: {comments.Count} Autoship comments");
            }

            var memory = ItemMemoryCodec.Decode(comments.FirstOrDefault()?.Body);
            var mine = prs.Where(p => BranchNames.IssueOf(p.HeadBranch) == number).ToList();
            var attempts = mine.Select(p => WorkOrderCodec.TryParse(p.Body)?.Attempt ?? 0).ToList();
            foreach (var attempt in attempts.GroupBy(a => a).Where(g => g.Count() > 1))
            {
                duplicates.Add($"{key}: {attempt.Count()} PRs for attempt {attempt.Key}");
            }

            foreach (var pr in mine)
            {
                foreach (var review in pr.Reviews.Where(r => r.Agent is not null).GroupBy(r => (r.Agent, r.CommitSha)).Where(g => g.Count() > 1))
                {
                    duplicates.Add($"{key}: PR #{pr.Number} has {review.Count()} reviews by {review.Key.Agent} on {review.Key.CommitSha[..7]}");
                }

                var merges = subjects.Count(s => s.EndsWith($"(#{pr.Number})", StringComparison.Ordinal));
                if (merges != (pr.Merged ? 1 : 0))
                {
                    duplicates.Add($"{key}: PR #{pr.Number} (merged: {pr.Merged}) has {merges} merge commit(s) on main");
                }
            }

            var labels = string.Join(",", issue.Labels.Where(l => l.StartsWith(Labels.AutonomyPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            var outcome = string.Join(",", mine.Select(p => $"a{WorkOrderCodec.TryParse(p.Body)?.Attempt}:{(p.Merged ? "merged" : p.Open ? "open" : "closed")}"));
            var claims = issue.LabelEvents.Count(e => e.Added && e.Label == Labels.Claimed);
            items.Add($"{key}: {(issue.Open ? "open" : "closed")} [{labels}] phase={memory?.Phase.Wire()} claims={claims} prs=[{outcome}]");
        }

        return new ForgeState(items, duplicates);
    }

    public override string ToString() => string.Join("\n", Items) + (Duplicates.Count > 0 ? "\nDUPLICATES:\n" + string.Join("\n", Duplicates) : string.Empty);
}
