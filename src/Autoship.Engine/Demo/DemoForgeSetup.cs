using Autoship.Core.Config;
using Autoship.Core.Planning;
using Autoship.Forge;
using Autoship.Forge.Local;

namespace Autoship.Engine.Demo;

/// <summary>
/// The demo's local forge: the sample project with the demo configuration on <c>main</c>, its users, labels and
/// protections, and each scenario issue's diff and body. Shared by <c>autoship demo</c> and the engine's tests.
/// </summary>
public static class DemoForgeSetup
{
    /// <summary>Creates the forge at <paramref name="directory"/> and returns each scenario issue's diff by key.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CreateAsync(string directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var config = DemoRunner.DemoConfig();
        var seed = Path.Combine(Path.GetTempPath(), "autoship-demo-seed-" + Guid.NewGuid().ToString("N")[..8]);
        LocalSample.WriteTo(seed, new Dictionary<string, string> { [AutoshipConfig.DefaultPath] = config });
        try
        {
            var loaded = ConfigLoader.Load(config, AutoshipConfig.DefaultPath).Config!;
            await using var owner = await LocalForge.InitAsync(directory, LocalSample.Owner, clock, seed, cancellationToken);
            await owner.AddUserAsync(LocalSample.Writer, "writer", cancellationToken);
            await owner.AddUserAsync(LocalSample.Reader, "reader", cancellationToken);
            foreach (var label in loaded.Labels)
            {
                await owner.UpsertLabelAsync(label, cancellationToken);
            }

            await owner.SetBranchProtectionAsync(loaded.Protections.Branch, new BranchProtection(true, loaded.Protections.RequiredApprovals, true,
                [.. loaded.Validation.RequiredChecks, Planner.GateContext], false, false), cancellationToken);
            return await DemoDiffs.BuildAsync(seed, DemoScenario.Issues, cancellationToken);
        }
        finally
        {
            DemoDiffs.TryDelete(seed);
        }
    }

    /// <summary>The issue body the patch agent reads: what it shows, the ```diff block, and any verification evidence.</summary>
    public static string IssueBody(DemoIssue issue, string diff)
    {
        var body = $"{issue.Shows}.\n\n```diff\n{diff}```\n";
        return issue.Evidence is { } evidence ? body + $"\n## Verification evidence\n\n{evidence}\n" : body;
    }
}
