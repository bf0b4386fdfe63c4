using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoship.Cli.Doctor;

/// <summary>The events a GitHub Actions workflow runs on (its <c>on:</c> key: one event, a list, or a map of events).</summary>
internal static class WorkflowTriggers
{
    /// <summary>The workflow's events; empty when the text is not a workflow (or not YAML).</summary>
    public static IReadOnlySet<string> Of(string? workflowText)
    {
        var events = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(workflowText))
        {
            return events;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(workflowText));
        }
        catch (YamlException)
        {
            return events;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return events;
        }

        // YAML 1.1 reads a bare `on` as true; YamlDotNet keeps it as the scalar "on", and some writers quote it.
        var on = root.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: "on" or "true" }).Value;
        switch (on)
        {
            case YamlScalarNode { Value: { } one }:
                events.Add(one);
                break;
            case YamlSequenceNode list:
                events.UnionWith(list.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty));
                break;
            case YamlMappingNode map:
                events.UnionWith(map.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value ?? string.Empty));
                break;
        }

        events.Remove(string.Empty);
        return events;
    }
}
