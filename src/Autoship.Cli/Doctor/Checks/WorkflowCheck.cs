namespace Autoship.Cli.Doctor.Checks;

internal sealed class WorkflowCheck : IDoctorCheck
{
    public string Name => "scheduled workflow";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.GitHub is null)
        {
            return DoctorResult.Skip(Name, "GitHub only: on the local forge run 'autoship run' for the schedule");
        }

        var text = await context.Forge.ReadFileAsync(DoctorContext.WorkflowPath, null, cancellationToken);
        if (text is null)
        {
            return DoctorResult.Fail(Name, $"{DoctorContext.WorkflowPath} is not on the default branch: nothing runs the tick", "run 'autoship init' and merge the workflow it writes");
        }

        return text.Contains("schedule", StringComparison.Ordinal) && text.Contains("autoship tick", StringComparison.Ordinal)
            ? DoctorResult.Ok(Name, $"{DoctorContext.WorkflowPath} runs 'autoship tick' on a schedule")
            : DoctorResult.Warn(Name, $"{DoctorContext.WorkflowPath} does not run 'autoship tick' on a schedule", "compare it with the workflow 'autoship init' writes");
    }
}
