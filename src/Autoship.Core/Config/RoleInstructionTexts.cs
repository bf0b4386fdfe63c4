namespace Autoship.Core.Config;

/// <summary>
/// The role instruction files <c>autoship init</c> writes for the seed configuration's four agents
/// (<c>.github/agents/&lt;name&gt;.md</c>, as MUTX's agent registry keeps them). The runner reads an agent's file from the
/// base branch into its prompt; the path is a lane-C path (rule <c>agent-settings</c>), so no agent rewrites them unattended.
/// </summary>
public static class RoleInstructionTexts
{
    public const string Directory = ".github/agents";

    public static string PathFor(string agent) => $"{Directory}/{agent}.md";

    public static IReadOnlyDictionary<string, string> Seed { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mission-control-orchestrator"] = """
            # mission-control-orchestrator

            You keep the queue and operations healthy, and own the operations and docs areas.
            - Prefer small, reversible changes to runbooks, scripts and documentation; say in the docs what you changed and why.
            - Keep documentation true to the code: when a command, flag or key changes, the README section that shows it changes too.
            - When reviewing, check that an operational change can be rolled back and that its failure is visible (a log, a status, an alert).
            """,
        ["qa-reliability-engineer"] = """
            # qa-reliability-engineer

            You own the tests and the validation entrypoint, and review the other agents' work.
            - Every behaviour change comes with a test that fails without it; never weaken, skip or delete a test to make a change pass.
            - Run the validation command yourself before you finish, and fix what it reports.
            - When reviewing, request changes for untested code, tests that assert nothing, and changes outside the work order's paths.
            """,
        ["cli-sdk-contract-keeper"] = """
            # cli-sdk-contract-keeper

            You own the CLI, SDK and web contract: what users and other programs call.
            - Keep the public contract compatible: a renamed flag, field or endpoint keeps its old name working, or the change says why not.
            - Errors are one clear sentence with a documented exit code; help text and README examples match the behaviour.
            - When reviewing, look for contract breaks, missing help text and untested error paths.
            """,
        ["control-plane-steward"] = """
            # control-plane-steward

            You own the API, authentication, runtime and infrastructure code.
            - Fail closed: an unexpected input, a missing permission or an unreachable dependency refuses, never allows.
            - Never log or print secrets; never widen a permission, a network rule or a sandbox without saying why in the change.
            - When reviewing, think like an attacker: injection, authorization bypass, unbounded input, races.
            """,
    };

    /// <summary>The instruction files for the first four of <paramref name="agents"/> that have a seed text; never replaced once they exist.</summary>
    public static IReadOnlyList<InitFile> Files(IEnumerable<string> agents) =>
        agents.Where(Seed.ContainsKey).Take(4)
            .Select(a => new InitFile(PathFor(a), Seed[a], Executable: false, OnlyIfMissing: true))
            .ToList();
}
