namespace Autoship.Cli.Doctor.Checks;

/// <summary>
/// With GitHub's merge queue, the required checks must also run on the queue's <c>merge_group</c> commits, or every
/// queued PR waits for checks that never come (Autoship reports <c>autoship/gate</c> there itself). Without a queue,
/// Autoship keeps PRs up to date with update-branch instead, and this check has nothing to ask.
/// </summary>
internal sealed class MergeGroupCheck : IDoctorCheck
{
    public const string Event = "merge_group";

    public string Name => "CI runs on merge_group";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.GitHub is not { } github)
        {
            return DoctorResult.Skip(Name, "GitHub only: the local forge's merge queue runs the base's entrypoint itself");
        }

        var branch = (await github.GetRepositorySettingsAsync(cancellationToken)).DefaultBranch;
        if (!await github.RequiresMergeQueueAsync(branch, cancellationToken))
        {
            return DoctorResult.Ok(Name, $"{branch} uses no merge queue: Autoship brings a PR up to date with {branch} (update-branch) and waits for its checks before merging");
        }

        var entrypoint = context.Config.Validation.Entrypoint;
        var workflows = (await context.Files.ListAsync(".github/workflows", cancellationToken) ?? [])
            .Where(w => w.Text?.Contains(entrypoint, StringComparison.Ordinal) == true && w.Name != Path.GetFileName(DoctorContext.WorkflowPath))
            .ToList();
        if (workflows.Count == 0)
        {
            return DoctorResult.Fail(Name, $"{branch} requires a merge queue but no workflow runs {entrypoint}, so merge_group commits get no checks",
                $"make a CI workflow run '{entrypoint}' on: [pull_request, {Event}]");
        }

        var missing = workflows.Where(w => !WorkflowTriggers.Of(w.Text).Contains(Event)).Select(w => w.Name).ToList();
        return missing.Count == 0
            ? DoctorResult.Ok(Name, $"{string.Join(", ", workflows.Select(w => w.Name))} {(workflows.Count == 1 ? "runs" : "run")} on {Event}: GitHub's merge queue gets its checks")
            : DoctorResult.Fail(Name, $"{branch} requires a merge queue but {string.Join(", ", missing)} {(missing.Count == 1 ? "does" : "do")} not run on {Event}: queued PRs would wait for checks forever",
                $"add '{Event}:' to the 'on:' triggers of {string.Join(", ", missing)}");
    }
}
