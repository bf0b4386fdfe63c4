namespace Autoship.Cli.Doctor.Checks;

/// <summary>GitHub does not let an identity approve its own pull request: a required approval needs a second one.</summary>
internal sealed class IdentitiesCheck : IDoctorCheck
{
    public string Name => "two identities";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken) => Task.FromResult(context.GitHub switch
    {
        null => DoctorResult.Skip(Name, "GitHub only: the local forge knows who acts from --as"),
        { HasReviewerIdentity: true } => DoctorResult.Ok(Name, "reviews are submitted by the reviewer identity (AUTOSHIP_REVIEWER_TOKEN)"),
        _ => DoctorResult.Warn(Name, "one identity only: reviewer verdicts become an 'autoship/review' status, so lane A cannot satisfy a required approval",
            "set AUTOSHIP_REVIEWER_TOKEN to a second account's or App's token with Pull requests: write"),
    });
}
