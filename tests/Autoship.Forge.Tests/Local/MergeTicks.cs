using Autoship.Core;
using Autoship.Forge.Local;

namespace Autoship.Forge.Tests.Local;

/// <summary>Merge calls as ticks make them, for the merge-queue tests.</summary>
internal static class MergeTicks
{
    /// <summary>
    /// Calls merge on every pull request not yet settled, as ticks would, half an hour apart, for at most
    /// <paramref name="maxTicks"/> ticks: the pull requests that merged or were refused, with the answer.
    /// </summary>
    public static async Task<Dictionary<int, MergeResult>> DriveAsync(LocalForgeFixture fx, LocalForge bot, IReadOnlyList<PullRequestSnapshot> pulls, int maxTicks)
    {
        var settled = new Dictionary<int, MergeResult>();
        for (var tick = 0; tick < maxTicks && settled.Count < pulls.Count; tick++)
        {
            foreach (var pr in pulls.Where(p => !settled.ContainsKey(p.Number)))
            {
                var result = await bot.MergeAsync(pr.Number, pr.HeadSha, $"{pr.Title} (#{pr.Number})", pr.Body, CancellationToken.None);
                if (result.Outcome != MergeOutcome.Enqueued)
                {
                    settled[pr.Number] = result;
                }
            }

            fx.Clock.Advance(TimeSpan.FromMinutes(30));
        }

        return settled;
    }
}
