using Autoship.Core.Config;
using YamlDotNet.RepresentationModel;

namespace Autoship.Core.Tests.Config;

public sealed class AutoshipWorkflowTests
{
    private static readonly YamlMappingNode Root = Parse();

    private static YamlMappingNode Parse()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(AutoshipWorkflow.Yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) =>
        keys.Aggregate(node, (n, k) => ((YamlMappingNode)n).Children[new YamlScalarNode(k)]);

    private static string? Field(YamlMappingNode step, string key) =>
        step.Children.TryGetValue(new YamlScalarNode(key), out var v) ? Text(v) : null;

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    [Fact]
    public void Triggers_AreScheduleEvery15MinutesAndManual()
    {
        var schedule = (YamlSequenceNode)At(Root, "on", "schedule");
        Text(At(schedule.Children.Single(), "cron")).ShouldBe("*/15 * * * *");
        ((YamlMappingNode)At(Root, "on")).Children.ShouldContainKey(new YamlScalarNode("workflow_dispatch"));
    }

    [Fact]
    public void Concurrency_GroupsByRepositoryAndNeverCancels()
    {
        Text(At(Root, "concurrency", "group")).ShouldBe("autoship-${{ github.repository }}");
        Text(At(Root, "concurrency", "cancel-in-progress")).ShouldBe("false");
    }

    [Fact]
    public void Permissions_AreLeastPrivilege()
    {
        var permissions = ((YamlMappingNode)At(Root, "permissions")).Children
            .ToDictionary(p => Text(p.Key), p => Text(p.Value));
        permissions.ShouldBe(new Dictionary<string, string>
        {
            ["contents"] = "write",
            ["issues"] = "write",
            ["pull-requests"] = "write",
            ["statuses"] = "write",
            ["checks"] = "read",
            ["deployments"] = "read",
            ["actions"] = "read",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Steps_InstallAutoshipAndTickWithTheBestTokenAvailable()
    {
        var steps = ((YamlSequenceNode)At(Root, "jobs", "tick", "steps")).Children.Cast<YamlMappingNode>().ToList();
        steps.Select(s => Field(s, "uses")).ShouldContain($"actions/checkout@{ActionPins.Checkout.Sha}");
        steps.Select(s => Field(s, "uses")).ShouldContain($"actions/setup-dotnet@{ActionPins.SetupDotnet.Sha}");
        steps.Select(s => Field(s, "run") ?? "").ShouldContain(r => r.Contains("dotnet tool install --global Autoship --version \"$AUTOSHIP_VERSION\""));
        var app = steps.Single(s => Field(s, "uses") == $"actions/create-github-app-token@{ActionPins.AppToken.Sha}");
        Field(app, "id").ShouldBe("app-token");
        Field(app, "if").ShouldBe("${{ vars.AUTOSHIP_APP_ID != '' }}");
        var tick = steps.Single(s => Field(s, "name") == "autoship tick");
        Field(tick, "run")!.ShouldContain("autoship tick --forge github:${{ github.repository }} --json");
        Text(At(tick, "env", "GITHUB_TOKEN")).ShouldBe("${{ steps.app-token.outputs.token || secrets.AUTOSHIP_TOKEN }}");
        var require = steps.Single(s => Field(s, "name") == "Require an identity");
        steps.IndexOf(require).ShouldBeLessThan(steps.IndexOf(tick));
        Text(At(require, "env", "AUTOSHIP_WRITE_TOKEN")).ShouldBe("${{ steps.app-token.outputs.token || secrets.AUTOSHIP_TOKEN }}");
        Field(require, "run")!.ShouldContain("::error title=No Autoship identity::set the AUTOSHIP_APP_ID variable and the AUTOSHIP_APP_PRIVATE_KEY secret");
        Field(require, "run")!.ShouldContain("exit 1");
        AutoshipWorkflow.Yaml.ShouldNotContain("github.token");
        Text(At(tick, "env", "AUTOSHIP_REVIEWER_TOKEN")).ShouldBe("${{ secrets.AUTOSHIP_REVIEWER_TOKEN }}");
    }

    [Fact]
    public void Comments_ExplainWhyTheAppTokenIsPreferredAndHowToUseYourOwnFeed()
    {
        AutoshipWorkflow.Yaml.ShouldContain("do not start\n");
        AutoshipWorkflow.Yaml.ShouldContain("AUTOSHIP_PACKAGE_SOURCE");
        AutoshipWorkflow.Yaml.ShouldContain("<clear />");
    }

    [Theory]
    [InlineData(TestToolchain.Npm, "actions/setup-node@", "[ -d node_modules ] || npm install --no-audit --no-fund")]
    [InlineData(TestToolchain.Pytest, "actions/setup-python@", "python3 -m pip install --quiet pytest")]
    [InlineData(TestToolchain.Go, "actions/setup-go@", "no test prerequisites detected")]
    public void For_DetectedToolchain_SetsItUpAndInstallsItsPrerequisites(TestToolchain toolchain, string setup, string install)
    {
        var yaml = AutoshipWorkflow.For([toolchain], "1.2.3");

        yaml.ShouldContain(setup);
        yaml.ShouldContain(install);
        yaml.ShouldContain("AUTOSHIP_VERSION: \"1.2.3\"");
        AgentWorkflow.For([toolchain], "1.2.3").ShouldContain(install);
    }

    [Fact]
    public void ActionPins_AreFullCommitShasWithTheirVersion()
    {
        ActionPins.All.ShouldAllBe(p => System.Text.RegularExpressions.Regex.IsMatch(p.Sha, "^[0-9a-f]{40}$") && p.Version.StartsWith('v'));
        ActionPins.All.Select(p => p.Action).ShouldBeUnique();
    }

    [Fact]
    public void DefaultVersion_IsTheToolPackagesVersion()
    {
        var csproj = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Autoship.Cli", "Autoship.Cli.csproj"));
        csproj.ShouldContain($"<Version>{WorkflowSteps.DefaultVersion}</Version>");
        csproj.ShouldContain($"<PackageId>{WorkflowSteps.PackageId}</PackageId>");
    }
}
