using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents;

public sealed partial class AgentRunner
{
    /// <summary>
    /// Runs the validation again on the base tree (the change's tree is already captured for the commit) and compares
    /// the test counts both runs report. A base whose validation fails or names no count leaves nothing to compare.
    /// </summary>
    private async Task<Reason> CompareTestCountsAsync(AuthorRequest request, AgentDefinition agent, Worktree worktree, GitMetadataGuard guard,
        IReadOnlyDictionary<string, string> env, SecretRedactor redactor, RunDirs dirs, TimeSpan timeout, long? headCount, CancellationToken cancellationToken)
    {
        await HarnessGit.RunAsync(worktree.Path, ["checkout", "--quiet", "--force", "--detach", request.BaseSha], cancellationToken: cancellationToken);
        await HarnessGit.RunAsync(worktree.Path, ["clean", "-fdq"], cancellationToken: cancellationToken);
        dirs.Progress?.Line($"validation on the base (to compare test counts): {request.Order.ValidationCommand}");
        var (baseRun, refusal, _) = await ExecuteAsync(agent, new PresetCommand(["sh", "-c", request.Order.ValidationCommand]), worktree, writable: true, guard, env, redactor, dirs, timeout, cancellationToken);
        guard.CheckAndRestore();
        var baseCount = refusal is null && baseRun is { Succeeded: true } ? TestCounts.Parse(baseRun.Output) : null;
        return TestCounts.Compare(baseCount, headCount);
    }
}
