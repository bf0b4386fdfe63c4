using Autoship.Core.Config;

namespace Autoship.Core;

public static partial class MergeGate
{
    private static void CheckLabels(PullRequestSnapshot pr, LanePolicy policy, GateFindings findings)
    {
        var lane = $"lane {policy.Lane.Letter()} ({policy.Lane.Name()})";
        foreach (var label in policy.RequiredLabels.Where(l => !pr.HasLabel(l)))
        {
            findings.Hold("missing-label", $"{lane} needs the label {label} on the pull request",
                $"A maintainer adds the label {label} if the change may merge unattended, or reviews and merges it by hand.");
        }

        if (policy.RequiredAnyLabels.Count > 0 && !policy.RequiredAnyLabels.Any(pr.HasLabel))
        {
            var options = string.Join(" or ", policy.RequiredAnyLabels);
            var code = policy.RequiredAnyLabels.All(Labels.IsSize) ? "missing-size-label" : "missing-label";
            findings.Hold(code, $"{lane} needs one of the labels {options} on the pull request",
                $"A maintainer adds {options} if the change is that small, or reviews and merges it by hand.");
        }
    }

    private static void CheckEvidence(PullRequestSnapshot pr, LanePolicy policy, GateFindings findings)
    {
        if (!(policy.VerificationEvidence || policy.Lane == Lane.Human) || VerificationEvidence.Has(pr.Body))
        {
            return;
        }

        findings.Hold("verification-evidence-missing",
            $"lane {policy.Lane.Letter()} ({policy.Lane.Name()}) needs a non-empty \"Verification evidence\" section in the pull request description",
            "Add a \"## Verification evidence\" section to the pull request description saying how the change was verified (commands run, results, links).");
    }
}
