using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Decides whether an open issue is a work item an agent may take.</summary>
public static class TriagePolicy
{
    /// <summary>
    /// Needs <c>autonomy:ready</c> applied by an account with write access, not <c>autonomy:blocked</c> or
    /// <c>autonomy:claimed</c>, exactly one known area label and a risk label. Every failed rule is a reason.
    /// <see cref="TriageDecision.Area"/> and <see cref="TriageDecision.Risk"/> are the names without their prefix
    /// (<c>api</c>, <c>low</c>) whenever they can be told, even when the issue is not eligible.
    /// </summary>
    public static TriageDecision Evaluate(IssueSnapshot issue, AutoshipConfig config)
    {
        var reasons = new List<Reason>();
        if (!issue.Open)
        {
            reasons.Add(new("closed", $"issue #{issue.Number} is closed"));
        }

        CheckReady(issue, reasons);
        CheckAutonomy(issue, reasons);
        var area = CheckArea(issue, config, reasons);
        var risk = CheckRisk(issue, config, reasons);
        CheckSize(issue, reasons);

        if (reasons.Count > 0)
        {
            return new TriageDecision(false, area, risk, reasons);
        }

        return new TriageDecision(true, area, risk, Because.One(
            "eligible", $"issue #{issue.Number} is ready (area {area}, risk {risk}) and may be claimed by its owning agent"));
    }

    private static void CheckReady(IssueSnapshot issue, List<Reason> reasons)
    {
        if (!issue.HasLabel(Labels.Ready))
        {
            reasons.Add(new("not-ready", $"the issue has no {Labels.Ready} label"));
            return;
        }

        // Anyone who can open an issue can sometimes label it (templates, bots): only a writer's label counts.
        var by = issue.LastAppliedBy(Labels.Ready);
        if (by is null)
        {
            reasons.Add(new("ready-untrusted",
                $"nobody with write access is known to have added {Labels.Ready} (its history is missing); a maintainer must re-apply it"));
        }
        else if (!by.CanWrite)
        {
            reasons.Add(new("ready-untrusted",
                $"{Labels.Ready} was added by {by.Login}, who has {by.Permission.ToString().ToLowerInvariant()} access; a maintainer with write access must apply it"));
        }
    }

    private static void CheckAutonomy(IssueSnapshot issue, List<Reason> reasons)
    {
        var ready = issue.HasLabel(Labels.Ready);
        if (issue.HasLabel(Labels.Blocked))
        {
            reasons.Add(new("blocked", ready
                ? $"the issue has both {Labels.Ready} and {Labels.Blocked}; blocked wins until someone removes one of them"
                : $"the issue is labeled {Labels.Blocked}"));
        }

        if (issue.HasLabel(Labels.Claimed))
        {
            reasons.Add(new("claimed", $"the issue is labeled {Labels.Claimed}: an agent is already working on it"));
        }
    }

    private static string? CheckArea(IssueSnapshot issue, AutoshipConfig config, List<Reason> reasons)
    {
        var areas = Distinct(issue.Labels, Labels.AreaPrefix);
        switch (areas.Count)
        {
            case 0:
                reasons.Add(new("no-area", "the issue has no area:* label, so no agent owns it"));
                return null;
            case > 1:
                reasons.Add(new("multiple-areas",
                    $"the issue has {areas.Count} area labels ({string.Join(", ", areas.Select(a => Labels.AreaPrefix + a))}); a work item needs a single owner, so keep exactly one"));
                return null;
        }

        var area = areas[0];
        if (config.Area(area) is null)
        {
            reasons.Add(new("unknown-area",
                $"area:{area} is not an area in the configuration (known: {string.Join(", ", config.Areas.Select(a => a.Name))})"));
            return area;
        }

        return config.Area(area)!.Name;
    }

    private static string? CheckRisk(IssueSnapshot issue, AutoshipConfig config, List<Reason> reasons)
    {
        var risks = Distinct(issue.Labels, Labels.RiskPrefix);
        switch (risks.Count)
        {
            case 0:
                reasons.Add(new("no-risk", "the issue has no risk:* label (risk:low, risk:medium or risk:high)"));
                return null;
            case > 1:
                reasons.Add(new("multiple-risks",
                    $"the issue has {risks.Count} risk labels ({string.Join(", ", risks.Select(r => Labels.RiskPrefix + r))}); keep exactly one"));
                return null;
        }

        var label = Labels.RiskPrefix + risks[0];
        if (!Labels.Has(Labels.Risks, label) && !config.Labels.Any(l => Labels.IsRisk(l.Name) && string.Equals(l.Name, label, StringComparison.OrdinalIgnoreCase)))
        {
            reasons.Add(new("unknown-risk", $"{label} is not a known risk label (use risk:low, risk:medium or risk:high)"));
        }

        return risks[0].ToLowerInvariant();
    }

    private static void CheckSize(IssueSnapshot issue, List<Reason> reasons)
    {
        var sizes = Distinct(issue.Labels, Labels.SizePrefix, strip: false);
        if (sizes.Count > 1)
        {
            reasons.Add(new("multiple-sizes", $"the issue has {sizes.Count} size labels ({string.Join(", ", sizes)}); keep at most one"));
        }
    }

    // The labels of one family (their names after the prefix when stripped), distinct ignoring case, in label order: a
    // plain loop, since triage runs for every observed issue on every tick and most carry one label of each family.
    private static IReadOnlyList<string> Distinct(IReadOnlyList<string> labels, string prefix, bool strip = true)
    {
        string? first = null;
        List<string>? more = null;
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (!label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = strip ? label[prefix.Length..] : label;
            if (first is null)
            {
                first = name;
            }
            else if (!string.Equals(first, name, StringComparison.OrdinalIgnoreCase) && (more is null || !more.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                (more ??= [first]).Add(name);
            }
        }

        return more ?? (first is null ? [] : [first]);
    }
}
