namespace Autoship.Cli.Doctor.Checks;

/// <summary>GitHub starts no workflow for events made with Actions' own GITHUB_TOKEN: Autoship's PRs would get no CI.</summary>
internal sealed class ActionsTokenCheck : IDoctorCheck
{
    public string Name => "CI on Autoship's PRs";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.GitHub is null)
        {
            return DoctorResult.Skip(Name, "GitHub only");
        }

        if (!string.IsNullOrEmpty(context.Environment("AUTOSHIP_APP_ID")))
        {
            return DoctorResult.Ok(Name, "Autoship acts as a GitHub App: its pushes and PRs trigger CI");
        }

        const string fix = "use a GitHub App token (actions/create-github-app-token) or a personal token in a secret, not secrets.GITHUB_TOKEN";
        if (context.Environment("GITHUB_ACTIONS") == "true" && !string.IsNullOrEmpty(context.Environment("GITHUB_TOKEN")))
        {
            return DoctorResult.Warn(Name, "running in Actions with GITHUB_TOKEN set: if it is Actions' own token, the pull requests it creates will not trigger CI and required checks never report", fix);
        }

        var workflow = await context.Forge.ReadFileAsync(DoctorContext.WorkflowPath, null, cancellationToken);
        return workflow?.Contains("secrets.GITHUB_TOKEN", StringComparison.Ordinal) == true && !workflow.Contains("create-github-app-token", StringComparison.Ordinal)
            ? DoctorResult.Warn(Name, $"{DoctorContext.WorkflowPath} passes secrets.GITHUB_TOKEN: PRs created with it do not trigger CI", fix)
            : DoctorResult.Ok(Name, "the scheduled workflow does not pass Actions' own GITHUB_TOKEN (PRs created with it would not trigger CI)");
    }
}
