using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

/// <summary>Maps the YAML tree into <see cref="AutoshipConfig"/>, recording every error on the way.</summary>
internal sealed partial class ConfigMapper(ConfigReader reader)
{
    private const string Root = "the configuration";

    /// <summary>Where each mapped record came from (its <c>agents[2]</c>-style path), for the semantic checks.</summary>
    public Dictionary<object, string> Origins { get; } = new(ReferenceEqualityComparer.Instance);

    public AutoshipConfig Map(YamlNode root)
    {
        var view = MapView.Open(reader, root, string.Empty, Root, ConfigKeys.Root);
        var version = view.Require("version") ? view.Int("version", 1, int.MinValue) : 1;
        if (version != 1)
        {
            reader.ErrorAt("version", $"unsupported version {version}: this Autoship reads version 1");
        }

        var labels = ReadLabels(view);
        var areas = ReadAreas(view);
        var lanes = ReadLanes(view);
        var rules = MapView.Open(reader, view.Node("rules"), "rules", "rules", ConfigKeys.Rules);
        var labelRules = ReadLabelRules(rules);
        var pathRules = ReadPathRules(rules);
        var contentRules = ReadContentRules(rules);
        var never = view.Globs("never", ConfigDefaults.Never);
        var agents = ReadAgents(view);
        return new AutoshipConfig(
            version, labels, lanes, areas, labelRules, pathRules, contentRules, never, agents,
            ReadLoop(view), ReadValidation(view), ReadSizing(view), ReadProtections(view));
    }

    private IReadOnlyList<LabelDefinition> ReadLabels(MapView root)
    {
        var labels = new List<LabelDefinition>();
        var items = root.Items("labels", required: true);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"labels[{i}]";
            var view = MapView.Open(reader, items[i], path, $"labels[{i}]", ConfigKeys.Label);
            var name = view.String("name", string.Empty, required: true);
            var color = view.String("color", "ededed", required: true);
            if (view.Has("color") && !IsHexColor(color))
            {
                reader.ErrorAt(path + ".color", $"label color must be 6 hex digits without '#', got '{color}'");
            }

            if (name.Length > 0 && labels.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                reader.ErrorAt(path + ".name", $"label '{name}' is defined twice");
            }

            var label = new LabelDefinition(name, color, view.String("description", string.Empty));
            Origins[label] = path;
            labels.Add(label);
        }

        return labels;
    }

    private IReadOnlyList<AreaDefinition> ReadAreas(MapView root)
    {
        var areas = new List<AreaDefinition>();
        root.Require("areas");
        var view = MapView.Open(reader, root.Node("areas"), "areas", "areas", knownKeys: null);
        foreach (var (key, value) in view.Entries)
        {
            var name = key.Value ?? string.Empty;
            var path = "areas." + name;
            if (!ConfigNames.IsName(name))
            {
                reader.Error(key, $"area name '{name}' must be lowercase letters, digits and '-' (it becomes the label 'area:{name}')");
            }

            var area = MapView.Open(reader, value, path, $"area '{name}'", ConfigKeys.Area);
            var definition = new AreaDefinition(name, area.Globs("paths", [], required: true), area.Lane("lane", Lane.Human, required: true));
            Origins[definition] = path;
            areas.Add(definition);
        }

        return areas;
    }

    private IReadOnlyDictionary<Lane, LanePolicy> ReadLanes(MapView root)
    {
        var view = MapView.Open(reader, root.Node("lanes"), "lanes", "lanes", ConfigKeys.Lanes);
        var lanes = new Dictionary<Lane, LanePolicy>();
        foreach (var lane in Enum.GetValues<Lane>())
        {
            lanes[lane] = ReadLane(view, lane);
        }

        return lanes;
    }

    private static bool IsHexColor(string color) => color.Length == 6 && color.All(Uri.IsHexDigit);
}
