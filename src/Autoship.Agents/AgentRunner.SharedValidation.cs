using Autoship.Core;
using Autoship.Forge;

namespace Autoship.Agents;

public sealed partial class AgentRunner
{
    /// <summary>
    /// What the shared validation decided: a refusal (validation failed, or a lane-A change runs fewer tests), the
    /// test-count note for the commit message, and the commit it validated (the change's tree on its parent, not yet
    /// on the branch), which becomes the branch's commit when the message needs no test-count note.
    /// </summary>
    private sealed record SharedCheck(Reason? Refusal, string? TestsNote, string? Validated);

    /// <summary>
    /// Validates the captured tree once for the harness and the forge's CI (<see cref="ISharedValidation"/>): in a
    /// fresh worktree of a commit with exactly that tree — never the agent's worktree, which may hold files the agent
    /// left — run by the forge the way its CI runs it, so CI reuses the pass for the pushed commit. A tree that already
    /// passed is not run again; a lane-A change's base count comes from the base tree's pass the same way.
    /// </summary>
    private async Task<SharedCheck> ValidateSharedAsync(
        AuthorRequest request, ISharedValidation shared, Worktree worktree, string tree, RunDirs dirs, RunRecorder recorder, CancellationToken cancellationToken)
    {
        var command = request.Order.ValidationCommand.Trim();
        var manager = new WorktreeManager(request.Repository, options.WorktreesDirectory);
        var name = Path.GetFileName(worktree.Path);
        string? validated = null;
        dirs.Progress?.Line($"validation: {command} (a clean checkout of the change, as CI runs it)");
        var head = await shared.FindPassAsync(tree, command, cancellationToken);
        if (head is null)
        {
            validated = await HarnessGit.RunAsync(worktree.Path, ["commit-tree", tree, "-p", request.ContinueFrom ?? request.BaseSha, "-m", CommitMessage(request, null)], cancellationToken: cancellationToken);
            head = await InCheckoutAsync(manager, name + "-check", validated, shared, command, cancellationToken);
        }

        await ReportAsync(dirs, "validation", command, head, cancellationToken);
        recorder.ValidationExitCode = head.ExitCode;
        if (!head.Passed)
        {
            // Worded like the harness's own run ("exited with code 1"); a time-out or a missing entrypoint says what happened.
            var detail = head.ExitCode > 0 ? $"exited with code {head.ExitCode}" : head.Description;
            return new SharedCheck(Because.Of("validation.failed", $"`{command}` {detail}"), null, validated);
        }

        if (request.Order.Lane != Lane.Safe)
        {
            return new SharedCheck(null, null, validated);
        }

        // A lane-A change must not reduce the tests that run: the base tree's pass (once per base tree) says how many ran there.
        var baseTree = await HarnessGit.RunAsync(request.Repository, ["rev-parse", "--verify", request.BaseSha + "^{tree}"], cancellationToken: cancellationToken);
        var baseRun = await shared.FindPassAsync(baseTree, command, cancellationToken)
            ?? await InCheckoutAsync(manager, name + "-base", request.BaseSha, shared, command, cancellationToken);
        await ReportAsync(dirs, "validation on the base (to compare test counts)", command, baseRun, cancellationToken);
        var counted = TestCounts.Compare(baseRun.Passed ? TestCounts.Parse(baseRun.Output) : null, TestCounts.Parse(head.Output));
        return counted.Code == "tests-fewer" ? new SharedCheck(counted, null, validated) : new SharedCheck(null, counted.Message, validated);
    }

    private static async Task<SharedValidationRun> InCheckoutAsync(
        WorktreeManager manager, string name, string sha, ISharedValidation shared, string command, CancellationToken cancellationToken)
    {
        var checkout = await manager.CreateAsync(name, null, sha, cancellationToken);
        try
        {
            return await shared.ValidateCheckoutAsync(checkout.Path, sha, command, cancellationToken);
        }
        finally
        {
            await manager.RemoveAsync(checkout);
        }
    }

    /// <summary>
    /// The run's output goes into the agent's log after a <c>$ bash COMMAND</c> line, like a command the harness ran
    /// itself, so <c>autoship explain</c> shows a failed validation's own lines.
    /// </summary>
    private static async Task ReportAsync(RunDirs dirs, string what, string command, SharedValidationRun run, CancellationToken cancellationToken)
    {
        var line = run.Cached ? $"{what}: {run.Description} (cached: this tree already passed; not run again)" : $"{what}: {run.Description} (a clean checkout, run as CI runs it)";
        dirs.Progress?.Line(line);
        await File.AppendAllTextAsync(dirs.LogFile, "autoship: " + line + "\n" + (run.Cached ? string.Empty : $"$ bash {command}\n{run.Output.TrimEnd()}\n"), cancellationToken);
    }
}
