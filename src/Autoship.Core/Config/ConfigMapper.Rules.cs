using System.Text.RegularExpressions;

namespace Autoship.Core.Config;

internal sealed partial class ConfigMapper
{
    private IReadOnlyList<LabelRule> ReadLabelRules(MapView rules)
    {
        var result = new List<LabelRule>();
        var items = rules.Items(RuleSections.Labels.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules.labels[{i}]";
            var view = MapView.Open(reader, items[i], RuleSections.LabelRule, path);
            var rule = new LabelRule(RuleSections.Label.Read(view), RuleSections.LabelLane.Read(view), RuleSections.LabelReason.Read(view));
            Origins[rule] = path;
            result.Add(rule);
        }

        return result;
    }

    private IReadOnlyList<PathRule> ReadPathRules(MapView rules)
    {
        var result = new List<PathRule>();
        var items = rules.Items(RuleSections.Paths.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules.paths[{i}]";
            var view = MapView.Open(reader, items[i], RuleSections.PathRule, path);
            var rule = new PathRule(RuleSections.PathId.Read(view), RuleSections.PathGlobs.Read(view), RuleSections.PathLane.Read(view), RuleSections.PathReason.Read(view));
            CheckUniqueId(result.Select(r => r.Id), rule.Id, path);
            Origins[rule] = path;
            result.Add(rule);
        }

        return result;
    }

    private IReadOnlyList<ContentRule> ReadContentRules(MapView rules)
    {
        var result = new List<ContentRule>();
        var items = rules.Items(RuleSections.Content.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules.content[{i}]";
            var view = MapView.Open(reader, items[i], RuleSections.ContentRule, path);
            var pattern = RuleSections.Pattern.Read(view);
            var action = RuleSections.Action.Read(view) == "forbid" ? ContentAction.Forbid : ContentAction.Raise;
            if (view.Has(RuleSections.Pattern.Name) && RegexProblem(pattern, action) is { } problem)
            {
                reader.ErrorAt(path + ".pattern", problem);
            }

            var rule = new ContentRule(
                RuleSections.ContentId.Read(view), pattern, action, RuleSections.ContentLane.Read(view), RuleSections.ContentReason.Read(view), RuleSections.ContentPaths.Read(view));
            CheckUniqueId(result.Select(r => r.Id), rule.Id, path);
            Origins[rule] = path;
            result.Add(rule);
        }

        return result;
    }

    private void CheckUniqueId(IEnumerable<string> earlier, string id, string path)
    {
        if (id.Length > 0 && earlier.Contains(id, StringComparer.Ordinal))
        {
            reader.ErrorAt(path + ".id", $"rule id '{id}' is used twice in the same list");
        }
    }

    private static string? RegexProblem(string pattern, ContentAction action)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "empty regular expression: it matches every line (write what the rule looks for)";
        }

        try
        {
            // The timeout bounds whoever later matches with the same options (and this empty-string probe).
            var regex = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return action == ContentAction.Forbid && regex.IsMatch(string.Empty)
                ? $"the forbid pattern '{pattern}' matches an empty line, so it would forbid every change: make it match something"
                : null;
        }
        catch (ArgumentException e)
        {
            return "invalid regular expression: " + e.Message;
        }
        catch (RegexMatchTimeoutException)
        {
            return $"the pattern '{pattern}' takes too long to match even an empty line";
        }
    }
}
