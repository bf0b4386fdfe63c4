using Autoship.Core;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests;

/// <summary>
/// Class 9: an agent that searches everything it can read — its environment, every <c>/proc/*/environ</c> it may
/// open, its worktree and the repository's <c>.git</c> (config included), its home, the run's whole temp tree —
/// finds neither the forge tokens nor the model keys of the harness, sandboxed or not. A canary the agent is
/// allowed to see proves that the search does find what is there.
/// </summary>
public sealed class SecretsOnDiskTests
{
    private const string Canary = "canary-4f1d9c2b7e6a";
    private const string ModelKey = "sk-ant-api03-fakefakefakefakefakefakefake";
    private const string OpenAiKey = "sk-proj-fakefakefakefakefakefake0123";

    [Theory]
    [InlineData(SandboxKind.None)]
    [InlineData(SandboxKind.Bwrap)]
    public async Task RunAuthorAsync_AgentSearchesAllItCanRead_FindsNoCredential(SandboxKind sandbox)
    {
        if (sandbox == SandboxKind.Bwrap)
        {
            BubblewrapSandbox.IsAvailable().ShouldBeTrue("bubblewrap is not installed: apt-get install -y bubblewrap");
        }

        using var h = await Harness.CreateAsync();
        h.Env["ANTHROPIC_API_KEY"] = ModelKey;
        h.Env["OPENAI_API_KEY"] = OpenAiKey;
        h.Env["CANARY"] = Canary;
        var secrets = new Dictionary<string, string>
        {
            ["github-token"] = Harness.GitHubToken, ["gh-token"] = Harness.GhToken, ["model-key"] = ModelKey, ["openai-key"] = OpenAiKey, ["canary"] = Canary,
        };

        // The values are written reversed so that the script file itself never holds one.
        var checks = string.Join("\n", secrets.Select(s => $"check {s.Key} '{new string(s.Value.Reverse().ToArray())}'"));
        h.Script("agent", $$"""
            unrev() { local s="$1" o="" i; for ((i=${#s}-1; i>=0; i--)); do o+="${s:i:1}"; done; printf '%s' "$o"; }
            check() {
              local name="$1" v; v="$(unrev "$2")"
              env | grep -qF -- "$v" && echo "found:$name:env"
              for f in /proc/[0-9]*/environ; do tr '\0' '\n' < "$f" 2> /dev/null | grep -qF -- "$v" && echo "found:$name:$f"; done
              for d in "$PWD" "$(git rev-parse --git-common-dir)" "$HOME" "{{h.Dir.Path}}"; do
                [ -e "$d" ] && grep -rlF -- "$v" "$d" 2> /dev/null | head -3 | sed "s|^|found:$name:|"
              done
              git config --list --show-origin 2> /dev/null | grep -qF -- "$v" && echo "found:$name:git-config"
            }
            {{checks}}
            echo "searched=yes"
            echo x >> docs/guide.md
            """);
        var agent = Fixtures.Agent(command: ["agent"], sandbox: sandbox, network: false, env: ["AGENT_RECORD", "CANARY"]);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        var log = File.ReadAllLines(result.Run.LogPath!);
        log.ShouldContain("searched=yes", string.Join("\n", log));
        var found = log.Where(l => l.StartsWith("found:", StringComparison.Ordinal)).ToList();
        found.ShouldContain(l => l.StartsWith("found:canary:env", StringComparison.Ordinal), "the search must find the canary the agent may see");
        found.Where(l => !l.StartsWith("found:canary:", StringComparison.Ordinal)).ShouldBeEmpty();
    }
}
