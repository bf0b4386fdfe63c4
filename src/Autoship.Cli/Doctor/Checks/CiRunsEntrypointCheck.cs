namespace Autoship.Cli.Doctor.Checks;

/// <summary>The truth contract, part two: CI runs the same entrypoint, so a green check means the same thing everywhere.</summary>
internal sealed class CiRunsEntrypointCheck : IDoctorCheck
{
    public string Name => "CI runs the entrypoint";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.GitHub is null)
        {
            return DoctorResult.Skip(Name, "GitHub only: the local forge has no CI workflows");
        }

        var entrypoint = context.Config.Validation.Entrypoint;
        var workflows = await context.Files.ListAsync(".github/workflows", cancellationToken) ?? [];
        var runners = workflows.Where(w => w.Text?.Contains(entrypoint, StringComparison.Ordinal) == true && w.Name != Path.GetFileName(DoctorContext.WorkflowPath)).Select(w => w.Name).ToList();
        return runners.Count > 0
            ? DoctorResult.Ok(Name, $"{string.Join(", ", runners)} {(runners.Count == 1 ? "runs" : "run")} {entrypoint}")
            : DoctorResult.Fail(Name, $"no workflow in .github/workflows runs {entrypoint}: CI and agents may disagree on what passes", $"make your CI job run '{entrypoint}'");
    }
}
