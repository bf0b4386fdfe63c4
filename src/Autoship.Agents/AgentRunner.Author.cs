using Autoship.Core;

namespace Autoship.Agents;

public sealed partial class AgentRunner
{
    public async Task<AuthorResult> RunAuthorAsync(AuthorRequest request, CancellationToken cancellationToken)
    {
        var runId = NewRunId(request.Order, "author");
        using var progress = ProgressScope.Start(options.Progress, runId, $"#{request.Order.Issue} author {request.Agent.Name}");
        var result = await RunAuthorAsync(request, runId, progress, cancellationToken);
        // The agent's last line ends the step whatever the throttle printed before (harness notes and validation come after it).
        progress.Finish(Outcome(result.Outcome.Wire(), result.Reasons) + (progress.LastAgentLine is { } last ? $"; the agent's last line: {last}" : string.Empty));
        return result;
    }

    private async Task<AuthorResult> RunAuthorAsync(AuthorRequest request, string runId, ProgressScope progress, CancellationToken cancellationToken)
    {
        var order = request.Order;
        var agent = request.Agent;
        var recorder = new RunRecorder(runId, agent.Name, AgentRole.Author, order, options.Time.GetUtcNow());
        IReadOnlyList<ChangedFile> files = [];

        AuthorResult Result(AttemptOutcome outcome, IReadOnlyList<Reason> reasons, string? sha = null) =>
            new(outcome, reasons, sha, files, recorder.Finish(options.Time.GetUtcNow(), reasons.Count == 0 ? outcome.ToString() : $"{outcome}: {string.Join("; ", reasons.Select(r => r.Message))}"));

        RunDirs? dirs = null;
        try
        {
            dirs = CreateRunDirs(runId, progress);
            recorder.LogPath = dirs.LogFile;
            recorder.EgressRefused = dirs.EgressRefused;
            var (env, refused, redactor) = Environment(agent, dirs);
            if (refused.Count > 0)
            {
                return Result(AttemptOutcome.AgentFailed, refused);
            }

            var preset = AgentPresets.Find(agent.Runner.Preset);
            if (preset is null && !AgentPresets.IsBuiltin(agent.Runner.Preset))
            {
                return Result(AttemptOutcome.AgentFailed, Because.One("runner.unknown-preset", $"unknown runner preset `{agent.Runner.Preset}` (known: {string.Join(", ", AgentPresets.Names)})"));
            }

            var manager = new WorktreeManager(request.Repository, options.WorktreesDirectory);
            var previousBranch = await HarnessGit.TryRunAsync(request.Repository, ["rev-parse", "--verify", "--quiet", "refs/heads/" + order.Branch], cancellationToken: cancellationToken);
            var worktree = await retry.ExecuteAsync(async ct => await manager.CreateAsync(runId, order.Branch, request.ContinueFrom ?? request.BaseSha, ct), cancellationToken);
            string? committed = null;
            try
            {
                var result = await AuthorInWorktreeAsync(request, preset, worktree, dirs, env, redactor, recorder, cancellationToken);
                files = recorder.Diff?.Files ?? [];
                committed = result.CommitSha;
                return result with { Files = files, Run = recorder.Finish(options.Time.GetUtcNow(), result.Run.ExitReason) };
            }
            finally
            {
                await manager.RemoveAsync(worktree);
                if (committed is null)
                {
                    // Nothing was committed: put the branch back where it was before -B moved it.
                    await HarnessGit.TryRunAsync(request.Repository, previousBranch.Ok
                        ? ["update-ref", "refs/heads/" + order.Branch, previousBranch.Stdout.Trim()]
                        : ["update-ref", "-d", "refs/heads/" + order.Branch]);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Result(AttemptOutcome.Cancelled, Because.One("run.cancelled", "the run was cancelled (shutdown)"));
        }
        catch (Exception e)
        {
            return Result(AttemptOutcome.AgentFailed, Because.One("run.error", $"the runner failed: {e.Message}"));
        }
        finally
        {
            if (dirs is not null)
            {
                CleanRunDirs(dirs);
            }
        }
    }

    private async Task<AuthorResult> AuthorInWorktreeAsync(
        AuthorRequest request, IAgentPreset? preset, Worktree worktree, RunDirs dirs, IReadOnlyDictionary<string, string> env,
        SecretRedactor redactor, RunRecorder recorder, CancellationToken cancellationToken)
    {
        var order = request.Order;
        var agent = request.Agent;
        AuthorResult Result(AttemptOutcome outcome, IReadOnlyList<Reason> reasons, string? sha = null) =>
            new(outcome, reasons, sha, recorder.Diff?.Files ?? [], recorder.Finish(options.Time.GetUtcNow(), reasons.Count == 0 ? outcome.ToString() : $"{outcome}: {string.Join("; ", reasons.Select(r => r.Message))}"));

        var guard = await GitMetadataGuard.SnapshotAsync(worktree.Path, cancellationToken);
        var role = await RoleInstructions.ReadAsync(request.Repository, request.BaseSha, agent.Name, cancellationToken);
        var prompt = PromptBuilder.Author(order, role);
        await File.WriteAllTextAsync(dirs.PromptFile, prompt, cancellationToken);

        if (preset is null)
        {
            recorder.CommandLine = [PatchAuthor.Name];
            var failure = await PatchAuthor.ApplyAsync(order, worktree.Path, dirs.Root, cancellationToken);
            await File.AppendAllTextAsync(dirs.LogFile, $"{PatchAuthor.Name}: {(failure is null ? "applied the issue's diff" : failure.Message)}\n", cancellationToken);
            if (failure is not null)
            {
                return Result(AttemptOutcome.AgentFailed, [failure]);
            }
        }
        else
        {
            PresetCommand cmd;
            try
            {
                cmd = preset.Author(new PresetContext(agent.Runner, dirs.PromptFile, prompt, worktree.Path) { Env = env });
            }
            catch (PresetException e)
            {
                return Result(AttemptOutcome.AgentFailed, [Because.Of("agent.preset", $"{agent.Name}: {e.Message}")]);
            }

            recorder.CommandLine = Recorded(cmd.Argv, prompt, dirs.PromptFile);
            var (outcome, refusal, command) = await ExecuteAsync(agent, cmd, worktree, writable: true, guard, env, redactor, dirs, null, cancellationToken);
            recorder.CommandLine = Recorded(command, prompt, dirs.PromptFile);
            if (refusal is not null)
            {
                return Result(AttemptOutcome.AgentFailed, [refusal]);
            }

            recorder.ExitCode = outcome!.ExitCode;
            recorder.Usage = preset.Parse(outcome.Stdout).Usage;
            var stop = outcome.End switch
            {
                ProcessEnd.Cancelled => (AttemptOutcome.Cancelled, "run.cancelled"),
                ProcessEnd.TimedOut or ProcessEnd.Inactive => (AttemptOutcome.TimedOut, "agent.timeout"),
                ProcessEnd.OutputLimit => (AttemptOutcome.AgentFailed, "agent.output-limit"),
                ProcessEnd.StartFailed => (AttemptOutcome.AgentFailed, "agent.start-failed"),
                ProcessEnd.Aborted => (AttemptOutcome.AgentFailed, "model-unreachable"),
                _ when outcome.ExitCode != 0 => (AttemptOutcome.AgentFailed, "agent.exit-code"),
                _ => ((AttemptOutcome?)null, string.Empty),
            };
            if (stop.Item1 is { } failed)
            {
                guard.CheckAndRestore();
                return Result(failed, [Because.Of(stop.Item2, $"{agent.Name} {outcome.Detail}")]);
            }
        }

        // Metadata first: a replaced .git pointer must never steer the harness's own git commands.
        var tampered = guard.CheckAndRestore();
        var diff = await DiffCollector.CollectWorktreeAsync(worktree.Path, request.BaseSha, dirs.IndexFile, cancellationToken);
        string? testsNote = null;
        recorder.Diff = diff;
        await File.WriteAllTextAsync(Path.Combine(dirs.Root, ChangePatchFile), diff.Patch, cancellationToken);
        var violations = tampered.Select(p => Because.Of("harness.git-metadata", $"the agent changed git metadata ({p}); it was restored")).ToList();
        violations.AddRange(HarnessChecks.Check(diff, worktree.Path, order.Guardrails.MaxBinaryBytes));
        var unchanged = diff.Files.Count == 0 || (request.ContinueFrom is { } head && diff.Tree is { } tree
            && (await HarnessGit.RunAsync(worktree.Path, ["rev-parse", head + "^{tree}"], cancellationToken: cancellationToken)).Trim() == tree);
        if (unchanged && violations.Count == 0)
        {
            // Continuing a PR, a tree equal to its head's is no change either: nothing is pushed, so nothing is reviewed again.
            return Result(AttemptOutcome.NoChanges, Because.One("run.no-changes", request.ContinueFrom is { } continued && diff.Files.Count > 0
                ? $"{agent.Name} left the tree of the PR head {continued[..Math.Min(12, continued.Length)]} as it was: no change to push (the attempt counts)"
                : $"{agent.Name} changed nothing"));
        }

        if (violations.Count == 0)
        {
            // The attributes the change is measured by are the base's, never the change's own .gitattributes edits.
            var attributes = await Forge.Git.GitBlobBatch.AttributesAsync(request.Repository, request.BaseSha, diff.Files.Select(f => f.Path), cancellationToken);
            var guardrails = options.Guardrails.Check(order, diff.Files, request.Config, attributes);
            if (!guardrails.Allowed)
            {
                violations.AddRange(guardrails.Reasons.Count > 0 ? guardrails.Reasons : Because.One("guardrails.refused", "the guardrails refused the change"));
            }
        }

        if (violations.Count > 0)
        {
            return Result(AttemptOutcome.GuardrailViolation, violations);
        }

        string? validated = null;
        if (!string.IsNullOrWhiteSpace(order.ValidationCommand) && request.SharedValidation is { SharesValidation: true } shared)
        {
            recorder.ValidationCommand = order.ValidationCommand;
            dirs.Progress?.AgentDone();
            var check = await ValidateSharedAsync(request, shared, worktree, diff.Tree!, dirs, recorder, cancellationToken);
            if (check.Refusal is { } refused)
            {
                return Result(AttemptOutcome.ValidationFailed, [refused]);
            }

            testsNote = check.TestsNote;
            validated = check.Validated;
        }
        else if (!string.IsNullOrWhiteSpace(order.ValidationCommand))
        {
            recorder.ValidationCommand = order.ValidationCommand;
            var timeout = agent.Timeout > TimeSpan.Zero ? agent.Timeout : options.DefaultTimeout;
            dirs.Progress?.AgentDone();
            dirs.Progress?.Line($"validation: {order.ValidationCommand}");
            var (validation, refusal, _) = await ExecuteAsync(agent, new PresetCommand(["sh", "-c", order.ValidationCommand]), worktree, writable: true, guard, env, redactor, dirs, timeout, cancellationToken);
            guard.CheckAndRestore();
            if (refusal is not null)
            {
                return Result(AttemptOutcome.AgentFailed, [refusal]);
            }

            recorder.ValidationExitCode = validation!.ExitCode;
            if (validation.End == ProcessEnd.Cancelled)
            {
                return Result(AttemptOutcome.Cancelled, Because.One("run.cancelled", "the run was cancelled during validation"));
            }

            if (!validation.Succeeded)
            {
                return Result(AttemptOutcome.ValidationFailed, Because.One("validation.failed", $"`{order.ValidationCommand}` {validation.Detail}"));
            }

            if (order.Lane == Lane.Safe)
            {
                // A lane-A change must not reduce the tests that run: the same validation on the base says how many ran there.
                var counted = await CompareTestCountsAsync(request, agent, worktree, guard, env, redactor, dirs, timeout, TestCounts.Parse(validation.Output), cancellationToken);
                if (counted.Code == "tests-fewer")
                {
                    return Result(AttemptOutcome.ValidationFailed, [counted]);
                }

                testsNote = counted.Message;
            }
        }

        var sha = await CommitAsync(request, worktree, diff.Tree!, testsNote is null ? validated : null, testsNote, cancellationToken);
        return Result(AttemptOutcome.Committed, [], sha);
    }

    /// <summary>
    /// Commits exactly the tree that was checked (not whatever validation left behind) on the branch; the commit the
    /// shared validation made for that tree is the branch's commit when its message is the same (no test-count note).
    /// </summary>
    private static async Task<string> CommitAsync(AuthorRequest request, Worktree worktree, string tree, string? validated, string? testsNote, CancellationToken cancellationToken)
    {
        var sha = validated ?? await HarnessGit.RunAsync(worktree.Path, ["commit-tree", tree, "-p", request.ContinueFrom ?? request.BaseSha, "-m", CommitMessage(request, testsNote)], cancellationToken: cancellationToken);
        await HarnessGit.RunAsync(request.Repository, ["update-ref", "refs/heads/" + request.Order.Branch, sha], cancellationToken: cancellationToken);
        return sha;
    }

    private static string CommitMessage(AuthorRequest request, string? testsNote)
    {
        var order = request.Order;
        return $"{order.Title} (#{order.Issue})\n\n"
            + $"Change by agent {request.Agent.Name} for #{order.Issue} (lane {order.Lane.Name()}, attempt {order.Attempt}).\n"
            + (string.IsNullOrWhiteSpace(order.ValidationCommand) ? string.Empty : $"Validated with `{order.ValidationCommand}`.\n")
            + (testsNote is null ? string.Empty : $"Test count ({Lane.Safe.Letter()}): {testsNote}.\n")
            + $"\nAutoship-Work-Order: {order.Id}\nAutoship-Agent: {request.Agent.Name}\n";
    }
}
