using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Runs sizing, lane classification and guardrails over one change.</summary>
public static class Classifier
{
    /// <summary>
    /// Sizes the change, classifies its lane (a change too large for lane A's size labels is at least lane B) and
    /// checks the guardrails of that lane. <see cref="Classification.Allowed"/> is false when a guardrail forbids it.
    /// </summary>
    /// <param name="treeLinks">Every symlink of the tree after the change (path → target), to resolve chains of links; null when unknown.</param>
    /// <param name="authorAgent">The agent that wrote the change: a path outside its areas (and its <c>alsoPaths</c>) is a violation; null skips the check.</param>
    public static Classification Classify(IReadOnlyList<string> labels, IReadOnlyList<ChangedFile> files, AutoshipConfig config, GitAttributeFiles? gitAttributes,
        IReadOnlyDictionary<string, string>? treeLinks = null, string? authorAgent = null)
    {
        var size = SizingPolicy.Measure(files, config.Sizing, gitAttributes);
        var views = new AddedTextViews(files);
        var lane = WithSizeRule(LaneClassifier.Classify(labels, views, config), size.Size, config);
        var checkedRails = GuardrailPolicy.Check(views, lane.Lane, size, config, treeLinks);
        IReadOnlyList<Reason> ownership = OwnershipGuard.Check(authorAgent, files, config);
        var guardrails = ownership.Count == 0 ? checkedRails : new GuardrailDecision(false, [.. checkedRails.Violations, .. ownership]);
        IReadOnlyList<Reason> reasons = [.. lane.Reasons, .. size.Reasons, .. guardrails.Violations];
        return new Classification(lane.Lane, size.Size, guardrails.Allowed, reasons, lane, size, guardrails);
    }

    /// <summary>Lane A lists the sizes it accepts among its required labels (size:xs, size:s); anything larger is at least lane B.</summary>
    public static LaneDecision WithSizeRule(LaneDecision lane, SizeClass size, AutoshipConfig config)
    {
        if (!config.Lanes.TryGetValue(Lane.Safe, out var safe))
        {
            return lane;
        }

        var allowed = safe.RequiredAnyLabels.Where(Labels.IsSize).ToList();
        if (allowed.Count == 0 || allowed.Contains(size.Label(), StringComparer.OrdinalIgnoreCase))
        {
            return lane;
        }

        var reason = new Reason("too-large-for-safe",
            $"size {size.Name()} is too large for lane A (safe allows {string.Join(" or ", allowed)}), so the change is at least lane B (staging)");
        var raised = LaneNames.Max(lane.Lane, Lane.Staging);
        var kept = lane.Lane == Lane.Safe ? lane.Reasons.Where(r => r.Code != "lane-safe") : lane.Reasons;
        return new LaneDecision(raised, [.. kept, reason]);
    }
}
