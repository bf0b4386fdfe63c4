using Autoship.Core;
using Autoship.Forge;

namespace Autoship.Agents;

public sealed partial class AgentRunner
{
    public async Task<ReviewResult> RunReviewerAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        var runId = NewRunId(request.Order, "review");
        using var progress = ProgressScope.Start(options.Progress, runId, $"#{request.Order.Issue} review {request.Reviewer.Name}");
        var result = await RunReviewerAsync(request, runId, progress, cancellationToken);
        progress.Finish(result.FailedClosed ? $"{result.Verdict.Wire()} (failed closed): {result.Findings.FirstOrDefault()?.Message}" : result.Verdict.Wire());
        return result;
    }

    private async Task<ReviewResult> RunReviewerAsync(ReviewRequest request, string runId, ProgressScope progress, CancellationToken cancellationToken)
    {
        var order = request.Order;
        var reviewer = request.Reviewer;
        var recorder = new RunRecorder(runId, reviewer.Name, AgentRole.Reviewer, order, options.Time.GetUtcNow());

        ReviewResult Closed(string reason, IReadOnlyList<Finding>? findings = null)
        {
            var all = findings ?? [new Finding("review", "error", reason)];
            return new ReviewResult(ReviewVerdict.RequestChanges, all, ReviewBody.Render(reviewer.Name, ReviewVerdict.RequestChanges, all, reason), true, recorder.Finish(options.Time.GetUtcNow(), "FailedClosed: " + reason));
        }

        if (string.Equals(reviewer.Name, request.Author.Name, StringComparison.OrdinalIgnoreCase))
        {
            return Closed($"{reviewer.Name} wrote this change and cannot review it; the reviewer must be a different agent",
                [new Finding("ownership", "error", $"{reviewer.Name} cannot review its own change")]);
        }

        RunDirs? dirs = null;
        try
        {
            dirs = CreateRunDirs(runId, progress);
            recorder.LogPath = dirs.LogFile;
            recorder.EgressRefused = dirs.EgressRefused;
            var (env, refused, redactor) = Environment(reviewer, dirs);
            if (refused.Count > 0)
            {
                return Closed(string.Join("; ", refused.Select(r => r.Message)));
            }

            var preset = AgentPresets.Find(reviewer.Runner.Preset);
            if (preset is null && !AgentPresets.IsBuiltin(reviewer.Runner.Preset))
            {
                return Closed($"unknown runner preset `{reviewer.Runner.Preset}`");
            }

            var diff = await DiffCollector.CollectCommitsAsync(request.Repository, request.BaseSha, request.PullRequest.HeadSha, cancellationToken);
            recorder.Diff = diff;
            if (preset is null)
            {
                recorder.CommandLine = [RulesReviewer.Name];
                var (verdict, findings) = RulesReviewer.Review(order, request.Author.Name, reviewer.Name, diff.Files, request.PullRequest.BehindBy);
                var body = ReviewBody.Render(reviewer.Name, verdict, findings, null);
                await File.WriteAllTextAsync(dirs.LogFile, body, cancellationToken);
                return new ReviewResult(verdict, findings, body, false, recorder.Finish(options.Time.GetUtcNow(), verdict.ToString()));
            }

            var manager = new WorktreeManager(request.Repository, options.WorktreesDirectory);
            var worktree = await retry.ExecuteAsync(async ct => await manager.CreateAsync(runId, null, request.PullRequest.HeadSha, ct), cancellationToken);
            try
            {
                var guard = await GitMetadataGuard.SnapshotAsync(worktree.Path, cancellationToken);
                var role = await RoleInstructions.ReadAsync(request.Repository, request.BaseSha, reviewer.Name, cancellationToken);
                var prompt = PromptBuilder.Reviewer(order, request.Author.Name, diff.Patch, role);
                await File.WriteAllTextAsync(dirs.PromptFile, prompt, cancellationToken);
                PresetCommand cmd;
                try
                {
                    cmd = preset.Reviewer(new PresetContext(reviewer.Runner, dirs.PromptFile, prompt, worktree.Path) { Env = env });
                }
                catch (PresetException e)
                {
                    return Closed($"{reviewer.Name}: {e.Message}");
                }

                recorder.CommandLine = Recorded(cmd.Argv, prompt, dirs.PromptFile);
                var (outcome, refusal, command) = await ExecuteAsync(reviewer, cmd, worktree, writable: false, guard, env, redactor, dirs, null, cancellationToken);
                recorder.CommandLine = Recorded(command, prompt, dirs.PromptFile);
                guard.CheckAndRestore();
                if (refusal is not null)
                {
                    return Closed(refusal.Message);
                }

                recorder.ExitCode = outcome!.ExitCode;
                if (!outcome.Succeeded)
                {
                    return Closed($"{reviewer.Name} {outcome.Detail}");
                }

                var output = preset.Parse(outcome.Stdout);
                recorder.Usage = output.Usage;
                var (parsed, error) = ReviewParser.Parse(output.FinalText);
                if (parsed is null)
                {
                    return Closed(error!);
                }

                var text = ReviewBody.Render(reviewer.Name, parsed.Verdict, parsed.Findings, null);
                return new ReviewResult(parsed.Verdict, parsed.Findings, text, false, recorder.Finish(options.Time.GetUtcNow(), parsed.Verdict.ToString()));
            }
            finally
            {
                // The reviewer's view is disposable: anything it wrote is thrown away with it.
                await manager.RemoveAsync(worktree);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Closed("the review was cancelled (shutdown)");
        }
        catch (Exception e)
        {
            return Closed($"the runner failed: {e.Message}");
        }
        finally
        {
            if (dirs is not null)
            {
                CleanRunDirs(dirs);
            }
        }
    }
}
