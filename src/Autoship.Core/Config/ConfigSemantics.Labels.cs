using DotNet.Globbing;

namespace Autoship.Core.Config;

internal sealed partial class ConfigSemantics
{
    private bool Defined(string label) =>
        config.Labels.Any(l => string.Equals(l.Name, label, StringComparison.OrdinalIgnoreCase));

    private string Hint(string label) => Spelling.Hint(label, config.Labels.Select(l => l.Name));

    private void CheckLaneLabels()
    {
        foreach (var (lane, policy) in config.Lanes)
        {
            var path = PathOf(policy);
            var who = reader.Wrote(path) ? $"lane '{lane.Name()}' requires" : $"the default lane '{lane.Name()}' requires";
            CheckDefined(policy.RequiredLabels, $"{path}.requireLabels", who);
            CheckDefined(policy.RequiredAnyLabels, $"{path}.requireAnyLabel", who);
        }
    }

    private void CheckDefined(IReadOnlyList<string> labels, string listPath, string who)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i].Length > 0 && !Defined(labels[i]))
            {
                reader.ErrorAt($"{listPath}[{i}]", $"{who} label '{labels[i]}', which is not defined under 'labels'{Hint(labels[i])}");
            }
        }
    }

    private void CheckRuleLabels()
    {
        foreach (var rule in config.LabelRules)
        {
            if (rule.Label.Length > 0 && !Defined(rule.Label))
            {
                reader.ErrorAt(PathOf(rule) + ".label", $"label rule refers to label '{rule.Label}', which is not defined under 'labels'{Hint(rule.Label)}");
            }
        }
    }

    private void CheckAreaLabels()
    {
        foreach (var label in config.Labels.Where(l => Labels.IsArea(l.Name)))
        {
            var area = Labels.AreaName(label.Name);
            if (config.Area(area) is null)
            {
                reader.ErrorAt(PathOf(label) + ".name", $"label '{label.Name}' has no area '{area}' under 'areas'{Spelling.Hint(area, config.Areas.Select(a => a.Name))}");
            }
        }

        foreach (var area in config.Areas)
        {
            if (!Defined(Labels.AreaPrefix + area.Name))
            {
                reader.ErrorAt(PathOf(area) + "#key", $"area '{area.Name}' has no label 'area:{area.Name}' under 'labels'");
            }
        }
    }

    private void CheckNever()
    {
        var never = config.Never.Where(n => n.Length > 0 && GlobSyntax.Problem(n) is null).Select(n => (Text: n, Glob: Glob.Parse(n))).ToList();
        foreach (var area in config.Areas)
        {
            CheckNotNever(area.Paths, PathOf(area) + ".paths", $"area '{area.Name}'", never);
        }

        foreach (var rule in config.PathRules)
        {
            CheckNotNever(rule.Paths, PathOf(rule) + ".paths", $"path rule '{rule.Id}'", never);
        }
    }

    private void CheckNotNever(IReadOnlyList<string> globs, string listPath, string who, IReadOnlyList<(string Text, Glob Glob)> never)
    {
        for (var i = 0; i < globs.Count; i++)
        {
            var glob = globs[i];
            if (glob.Length == 0)
            {
                continue;
            }

            // Reading the glob's own text as a path tells whether every path it matches is also matched by the never glob.
            foreach (var (text, parsed) in never)
            {
                if (glob == text || parsed.IsMatch(glob))
                {
                    reader.ErrorAt($"{listPath}[{i}]",
                        $"{who} path '{glob}' is inside never glob '{text}': never globs cannot be overridden " +
                        "(no agent may touch those paths, whatever lane); remove the path or narrow the never entry");
                    break;
                }
            }
        }
    }
}
