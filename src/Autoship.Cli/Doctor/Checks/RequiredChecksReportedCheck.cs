using Autoship.Core;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>
/// The truth contract, part three: each required check really reports on the default branch. A required
/// check that never reports blocks every merge forever — or, if someone removes it, lets anything through.
/// </summary>
internal sealed class RequiredChecksReportedCheck : IDoctorCheck
{
    private const int Commits = 10;

    public string Name => "required checks report";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.GitHub is not { } github)
        {
            return DoctorResult.Skip(Name, "GitHub only: the local forge has no CI history");
        }

        var required = context.Config.Validation.RequiredChecks;
        if (required.Count == 0)
        {
            return DoctorResult.Warn(Name, "no required checks are configured: lanes merge on review alone", "list your CI checks under validation.requiredChecks");
        }

        var branch = context.Config.Protections.Branch;
        var history = await github.GetRecentChecksAsync(branch, Commits, cancellationToken);
        if (history.Count == 0)
        {
            return DoctorResult.Warn(Name, $"{branch} has no commits to look at yet", $"push to {branch}, let CI run, then run 'autoship doctor' again");
        }

        var seen = history.SelectMany(c => c.Names).ToHashSet(StringComparer.Ordinal);
        var silent = required.Where(r => !seen.Contains(r)).ToList();
        return silent.Count == 0
            ? DoctorResult.Ok(Name, $"{string.Join(", ", required)} reported on the last {Plural.Of(history.Count, "commit")} of {branch}")
            : DoctorResult.Fail(Name, $"{string.Join(", ", silent)} never reported on the last {Plural.Of(history.Count, "commit")} of {branch}: an untruthful lane",
                "fix the check names in validation.requiredChecks, or make CI report them on pushes to " + branch);
    }
}
