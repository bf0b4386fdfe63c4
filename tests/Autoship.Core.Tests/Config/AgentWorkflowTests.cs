using Autoship.Core.Config;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Tests.Config;

/// <summary>The agent job the github-actions executor dispatches holds no write token and hands back only an artifact.</summary>
public sealed class AgentWorkflowTests
{
    private static readonly YamlMappingNode Root = Parse();

    private static YamlMappingNode Parse()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(AgentWorkflow.Yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

    private static IEnumerable<YamlMappingNode> Steps() => ((YamlSequenceNode)At(Root, "jobs", "work", "steps")).Children.Cast<YamlMappingNode>();

    [Fact]
    public void Permissions_AreContentsReadOnly()
    {
        var permissions = (YamlMappingNode)At(Root, "permissions");
        permissions.Children.ShouldHaveSingleItem();
        ((YamlScalarNode)At(permissions, "contents")).Value.ShouldBe("read");
    }

    [Fact]
    public void Checkout_IsTheBaseCommitOrTheHeadAFixForwardContinuesFrom_WithoutPersistedCredentials()
    {
        var checkout = Steps().Single(s => s.Children.TryGetValue(new YamlScalarNode("uses"), out var u) && ((YamlScalarNode)u).Value!.StartsWith("actions/checkout", StringComparison.Ordinal));
        ((YamlScalarNode)At(checkout, "with", "persist-credentials")).Value.ShouldBe("false");
        ((YamlScalarNode)At(checkout, "with", "ref")).Value.ShouldBe("${{ inputs.head || inputs.base }}");
    }

    [Fact]
    public void Job_RunsAutoshipWorkAndUploadsTheResult_WithNoForgeToken()
    {
        var inputs = (YamlMappingNode)At(Root, "on", "workflow_dispatch", "inputs");
        inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ShouldBe(["order", "base", "spec", "head"]);
        // Optional, so that the orchestrator sends it only for a fix forward and an older workflow still runs fresh attempts.
        ((YamlScalarNode)At(inputs, "head", "required")).Value.ShouldBe("false");
        AgentWorkflow.Yaml.ShouldContain("autoship work --job");
        Steps().ShouldContain(s => s.Children.ContainsKey(new YamlScalarNode("uses")) && ((YamlScalarNode)At(s, "uses")).Value!.StartsWith("actions/upload-artifact", StringComparison.Ordinal));
        AgentWorkflow.Yaml.ShouldNotContain("GITHUB_TOKEN");
        AgentWorkflow.Yaml.ShouldNotContain("github.token");
        AgentWorkflow.Yaml.ShouldNotContain("AUTOSHIP_TOKEN");
    }
}
