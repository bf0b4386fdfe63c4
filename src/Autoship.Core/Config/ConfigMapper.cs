using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Config;

/// <summary>Maps the YAML tree into <see cref="AutoshipConfig"/>, recording every error on the way. Keys are read through their declarations.</summary>
internal sealed partial class ConfigMapper(ConfigReader reader)
{
    /// <summary>Where each mapped record came from (its <c>agents[2]</c>-style path), for the semantic checks.</summary>
    public Dictionary<object, string> Origins { get; } = new(ReferenceEqualityComparer.Instance);

    public AutoshipConfig Map(YamlNode root)
    {
        var view = MapView.Open(reader, root, RootSection.Section);
        var version = view.Require(RootSection.Version.Name) ? view.Int(RootSection.Version.Name, 1, int.MinValue) : 1;
        if (version != 1)
        {
            reader.ErrorAt("version", $"unsupported version {version}: this Autoship reads version 1");
        }

        var areas = ReadAreas(view);
        var queue = QueueSection.Read(Open(view, RootSection.Queue, QueueSection.Section));
        var labels = view.Present(RootSection.Labels.Name) ? ReadLabels(view) : StandardLabels.For(areas);
        var lanes = ReadLanes(view);
        var rules = MapView.Open(reader, view.Node(RootSection.Rules.Name), RuleSections.Rules);
        var labelRules = ReadLabelRules(rules);
        var pathRules = ReadPathRules(rules);
        var contentRules = ReadContentRules(rules);
        var never = RootSection.Never.Read(view);
        var agents = ReadAgents(view);
        return new AutoshipConfig(
            version, labels, lanes, areas, labelRules, pathRules, contentRules, never, agents,
            LoopSection.Read(Open(view, RootSection.Loop, LoopSection.Section)),
            ValidationSection.Read(Open(view, RootSection.Validation, ValidationSection.Section)),
            SizingSection.Read(Open(view, RootSection.Sizing, SizingSection.Section)),
            ProtectionsSection.Read(Open(view, RootSection.Protections, ProtectionsSection.Section)))
        {
            Executor = ExecutorSection.Read(Open(view, RootSection.Executor, ExecutorSection.Section)),
            Queue = queue,
        };
    }

    private MapView Open(MapView parent, KeySpec key, ConfigSection section) => MapView.Open(reader, parent.Node(key.Name), section);

    private IReadOnlyList<LabelDefinition> ReadLabels(MapView root)
    {
        var labels = new List<LabelDefinition>();
        var items = root.Items(RootSection.Labels.Name);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"labels[{i}]";
            var view = MapView.Open(reader, items[i], LabelAreaSections.Label, path);
            var label = new LabelDefinition(LabelAreaSections.Name.Read(view), LabelAreaSections.Color.Read(view), LabelAreaSections.Description.Read(view));
            if (label.Name.Length > 0 && labels.Any(l => string.Equals(l.Name, label.Name, StringComparison.OrdinalIgnoreCase)))
            {
                reader.ErrorAt(path + ".name", $"label '{label.Name}' is defined twice");
            }

            Origins[label] = path;
            labels.Add(label);
        }

        return labels;
    }

    private IReadOnlyList<AreaDefinition> ReadAreas(MapView root)
    {
        var areas = new List<AreaDefinition>();
        var view = MapView.Open(reader, root.Node(RootSection.Areas.Name), "areas", "areas", knownKeys: null);
        foreach (var (key, value) in view.Entries)
        {
            var name = key.Value ?? string.Empty;
            var path = "areas." + name;
            if (!ConfigNames.IsName(name))
            {
                reader.Error(key, $"area name '{name}' must be lowercase letters, digits and '-' (it becomes the label 'area:{name}')");
            }

            var area = MapView.Open(reader, value, LabelAreaSections.Area, path, $"area '{name}'");
            var definition = new AreaDefinition(name, LabelAreaSections.Paths.Read(area), LabelAreaSections.Lane.Read(area));
            Origins[definition] = path;
            areas.Add(definition);
        }

        return areas;
    }

    private IReadOnlyDictionary<Lane, LanePolicy> ReadLanes(MapView root)
    {
        var view = MapView.Open(reader, root.Node(RootSection.Lanes.Name), LanesSection.Section);
        var lanes = new Dictionary<Lane, LanePolicy>();
        foreach (var lane in Enum.GetValues<Lane>())
        {
            var policy = LaneSection.Read(reader, view, lane);
            Origins[policy] = "lanes." + lane.Name();
            lanes[lane] = policy;
        }

        return lanes;
    }
}
