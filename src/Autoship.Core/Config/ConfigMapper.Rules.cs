using System.Text.RegularExpressions;

namespace Autoship.Core.Config;

internal sealed partial class ConfigMapper
{
    private IReadOnlyList<LabelRule> ReadLabelRules(MapView rules)
    {
        var result = new List<LabelRule>();
        var items = rules.Items("labels");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules.labels[{i}]";
            var view = MapView.Open(reader, items[i], path, path, ConfigKeys.LabelRule);
            var rule = new LabelRule(
                view.String("label", string.Empty, required: true),
                view.Lane("lane", Lane.Human, required: true),
                view.String("reason", string.Empty, required: true));
            Origins[rule] = path;
            result.Add(rule);
        }

        return result;
    }

    private IReadOnlyList<PathRule> ReadPathRules(MapView rules)
    {
        var result = new List<PathRule>();
        var items = rules.Items("paths");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules.paths[{i}]";
            var view = MapView.Open(reader, items[i], path, path, ConfigKeys.PathRule);
            var rule = new PathRule(
                view.String("id", string.Empty, required: true),
                view.Globs("paths", [], required: true),
                view.Lane("lane", Lane.Human, required: true),
                view.String("reason", string.Empty, required: true));
            CheckUniqueId(result.Select(r => r.Id), rule.Id, path);
            Origins[rule] = path;
            result.Add(rule);
        }

        return result;
    }

    private IReadOnlyList<ContentRule> ReadContentRules(MapView rules)
    {
        var result = new List<ContentRule>();
        var items = rules.Items("content");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"rules.content[{i}]";
            var view = MapView.Open(reader, items[i], path, path, ConfigKeys.ContentRule);
            var pattern = view.String("pattern", string.Empty, required: true);
            var action = view.Choice("action", "raise", ConfigKeys.Actions, "action") == "forbid" ? ContentAction.Forbid : ContentAction.Raise;
            if (view.Has("pattern") && RegexProblem(pattern, action) is { } problem)
            {
                reader.ErrorAt(path + ".pattern", problem);
            }

            var rule = new ContentRule(
                view.String("id", string.Empty, required: true),
                pattern,
                action,
                view.Lane("lane", Lane.Human),
                view.String("reason", string.Empty, required: true),
                view.Globs("paths", []));
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
