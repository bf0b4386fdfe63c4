using Autoship.Core.Config;

namespace Autoship.Core;

/// <summary>Classifies a change into a lane: the riskiest of its labels, changed paths and content. Labels raise, never lower.</summary>
public static class LaneClassifier
{
    /// <summary>
    /// Starts at lane A and raises (never lowers) by label rules, <c>area:*</c> and <c>lane:*</c> labels, the area of
    /// each changed path (a path in no area and no rule is at least lane B), path rules and raising content rules.
    /// Every rule that puts the change above lane A is a reason.
    /// </summary>
    public static LaneDecision Classify(IReadOnlyList<string> labels, IReadOnlyList<ChangedFile> files, AutoshipConfig config) =>
        Classify(labels, new AddedTextViews(files), config);

    /// <summary>The same, reading the files' added text from <paramref name="views"/> (shared with the guardrails' content rules).</summary>
    internal static LaneDecision Classify(IReadOnlyList<string> labels, AddedTextViews views, AutoshipConfig config)
    {
        var files = views.Files;
        var raises = new LaneRaises();
        ByLabels(labels, config, raises);
        ByPaths(files, config, raises);
        foreach (var (rule, file) in ContentMatcher.Matches(config.ContentRules.Where(r => r.Action == ContentAction.Raise), views))
        {
            raises.Add(rule.Lane, "content-rule", $"content rule {rule.Id}", file.Path, rule.Reason);
        }

        return raises.ToDecision();
    }

    /// <summary>The lane the labels alone put an item in: <see cref="Classify"/> with no files, memoized per configuration.</summary>
    public static Lane LaneOf(IReadOnlyList<string> labels, AutoshipConfig config) => LabelLanes.For(labels, config);

    private static void ByLabels(IReadOnlyList<string> labels, AutoshipConfig config, LaneRaises raises)
    {
        foreach (var label in labels.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            foreach (var rule in config.LabelRules.Where(r => string.Equals(r.Label, label, StringComparison.OrdinalIgnoreCase)))
            {
                raises.Add(rule.Lane, "label-rule", $"label {rule.Label}", null, rule.Reason);
            }

            if (Labels.IsArea(label))
            {
                var area = config.Area(Labels.AreaName(label));
                if (area is null)
                {
                    raises.Add(Lane.Staging, "unknown-area-label", $"label {label}", null, "it names no configured area, and an unknown area is not known to be safe");
                }
                else if (area.Lane != Lane.Safe)
                {
                    raises.Add(area.Lane, "area-label", $"label {label}", null, $"area {area.Name} starts in lane {area.Lane.Letter()}");
                }
            }

            if (Labels.IsLane(label)
                && LaneNames.TryParse(label[Labels.LanePrefix.Length..], out var lane))
            {
                raises.Add(lane, "lane-label", $"label {label}", null, "someone put the change in this lane");
            }
        }
    }

    // What validates the code and what no reader of a diff can judge by its lines are never lane A by themselves.
    private static void ByRole(string path, AutoshipConfig config, LaneRaises raises)
    {
        // A never path is refused by the guardrails; its lane is still the truth: infrastructure, lane C.
        if (GlobMatcher.FirstMatch(path, config.Never) is { } never)
        {
            raises.Add(Lane.Human, "never-path", $"never-glob {never}", path, "no agent may change it; only a person can");
        }

        var entrypoint = config.Validation.Entrypoint;
        if (!string.IsNullOrWhiteSpace(entrypoint)
            && string.Equals(GlobMatcher.Normalize(path), GlobMatcher.Normalize(entrypoint), StringComparison.OrdinalIgnoreCase))
        {
            raises.Add(Lane.Human, "validation-entrypoint", "the validation entrypoint", path,
                "it decides whether main's validation passes; changing it unattended could make failing code look green");
        }

        if (GlobMatcher.MatchesAny(path, config.Sizing.Generated))
        {
            raises.Add(Lane.Staging, "generated-path", "a generated path", path,
                "generated files are left out of the size label, so they are never lane A by themselves");
        }
    }

    private static void ByPaths(IReadOnlyList<ChangedFile> files, AutoshipConfig config, LaneRaises raises)
    {
        foreach (var file in files)
        {
            // A rename touches both ends: moving a file out of a risky area is as risky as editing it there.
            string[] paths = file.OldPath is null || file.OldPath == file.Path ? [file.Path] : [file.Path, file.OldPath];
            foreach (var path in paths)
            {
                var (areas, rules) = PathMatches.For(config, path);
                // Lane A raises nothing (LaneRaises ignores it): skip building its messages, path after path.
                foreach (var area in areas.Where(a => a.Lane != Lane.Safe))
                {
                    raises.Add(area.Lane, "area-path", $"area {area.Name}", path, $"area {area.Name} starts in lane {area.Lane.Letter()}");
                }

                foreach (var rule in rules.Where(r => r.Lane != Lane.Safe))
                {
                    raises.Add(rule.Lane, "path-rule", $"path rule {rule.Id}", path, rule.Reason);
                }

                ByRole(path, config, raises);
                if (file.Submodule)
                {
                    raises.Add(Lane.Human, "submodule", "a submodule commit", path,
                        "a gitlink brings in another repository's code, which no line of this diff shows");
                }

                if (areas.Count == 0 && rules.Count == 0)
                {
                    raises.Add(Lane.Staging, "unknown-path", "a path outside every area", path, "unknown paths are not known-safe");
                }
            }
        }
    }
}
