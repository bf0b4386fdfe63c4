using Autoship.Cli.Doctor;
using Autoship.Cli.Doctor.Checks;
using Autoship.Core.Config;
using Autoship.Forge.GitHub;

namespace Autoship.Cli.Tests;

/// <summary><c>doctor</c>: with GitHub's merge queue, the workflows that run the entrypoint must also run on merge_group.</summary>
public sealed class MergeGroupCheckTests
{
    private const string MergeQueueRule = """[{"type":"merge_queue","ruleset_source_type":"Repository","ruleset_source":"o/r","ruleset_id":1}]""";

    [Theory]
    [InlineData("on: push\njobs: {}\n", "push")]
    [InlineData("on: [pull_request, merge_group]\n", "pull_request,merge_group")]
    [InlineData("on:\n  pull_request:\n  merge_group:\n    types: [checks_requested]\n", "pull_request,merge_group")]
    [InlineData("\"on\": merge_group\n", "merge_group")]
    [InlineData("name: ci\n", "")]
    [InlineData("on: [unclosed\n", "")]
    [InlineData("- a list, not a workflow\n", "")]
    public void Of_WorkflowText_ReadsItsEvents(string text, string expected)
    {
        WorkflowTriggers.Of(text).Order(StringComparer.Ordinal).ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("[]", "on: [pull_request]", "ok", "uses no merge queue")]
    [InlineData(MergeQueueRule, "on: [pull_request]", "fail", "ci.yml does not run on merge_group")]
    [InlineData(MergeQueueRule, "on:\n  pull_request:\n  merge_group:\n", "ok", "ci.yml runs on merge_group")]
    [InlineData(MergeQueueRule, null, "fail", "no workflow runs")]
    public async Task RunAsync_MergeQueueAndWorkflows_FailsOnlyWhenTheQueueGetsNoChecks(string rules, string? on, string status, string message)
    {
        await using var github = new DoctorLoopback();
        github.Routes["GET /repos/o/r"] = (200, """{"id":1,"name":"r","default_branch":"main","permissions":{"admin":true,"push":true,"pull":true},"owner":{"login":"o"}}""");
        github.Routes["GET /repos/o/r/rules/branches/main"] = (200, rules);
        await using var forge = new GitHubForge(new GitHubForgeOptions("o", "r", new Uri(github.Url), new StaticTokenSource("t")) { Resilience = new ResilienceSettings(MaxRetries: 0) });
        var config = DefaultConfig.Load();
        IReadOnlyList<TreeEntry> workflows = on is null ? [] : [new TreeEntry("ci.yml", 0x81a4, $"{on}\njobs:\n  test:\n    steps:\n      - run: {config.Validation.Entrypoint}\n")];
        var context = new DoctorContext(forge, config, new Files(workflows), _ => null);

        var result = await new MergeGroupCheck().RunAsync(context, TestContext.Current.CancellationToken);

        result.Status.ToString().ToLowerInvariant().ShouldBe(status, result.Message);
        result.Message.ShouldContain(message);
        if (status == "fail")
        {
            result.Fix.ShouldNotBeNullOrEmpty();
        }
    }

    private sealed class Files(IReadOnlyList<TreeEntry> workflows) : IRepositoryFiles
    {
        public Task<IReadOnlyList<TreeEntry>?> ListAsync(string directory, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TreeEntry>?>(workflows);

        public Task<IReadOnlyList<string>?> ListPathsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>?>(null);
    }
}
