using System.Security.Cryptography;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>What <c>autoship doctor</c> learned by starting an agent's CLI the way a run starts it.</summary>
/// <param name="Ok">The CLI started and exited 0.</param>
/// <param name="Message">Its first line of output (the version), or why it did not start; never a variable's value.</param>
/// <param name="MissingCredentials">Key variables of its preset that none of are named in <c>env:</c> and set (names only).</param>
public sealed record AgentProbe(bool Ok, string Message, IReadOnlyList<string> MissingCredentials);

public sealed partial class AgentRunner
{
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Starts <c>&lt;cli&gt; --version</c> exactly as a run would: the agent's allow-listed environment, its sandbox (bwrap
    /// with its mounts, the egress relay with <c>network: allow-list</c>), in a scratch directory. A preset-less
    /// (builtin) agent needs nothing and is reported as such.
    /// </summary>
    public async Task<AgentProbe> ProbeAsync(AgentDefinition agent, CancellationToken cancellationToken)
    {
        var preset = AgentPresets.Find(agent.Runner.Preset);
        if (preset is null)
        {
            return new AgentProbe(true, AgentPresets.IsBuiltin(agent.Runner.Preset) ? "built-in runner" : $"unknown runner preset `{agent.Runner.Preset}`", []);
        }

        var exe = preset.Executable(agent.Runner);
        var dirs = CreateRunDirs($"doctor-{agent.Name}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        try
        {
            var (env, refused, redactor) = Environment(agent, dirs);
            var keys = preset.Credentials.Where(IsKeyVariable).ToList();
            IReadOnlyList<string> missing = keys.Count > 0 && !keys.Any(k => env.TryGetValue(k, out var v) && v.Length > 0) ? keys : [];
            if (refused.Count > 0)
            {
                return new AgentProbe(false, string.Join("; ", refused.Select(r => r.Message)), missing);
            }

            var scratch = Path.Combine(dirs.Root, "scratch");
            Directory.CreateDirectory(scratch);
            var probe = agent with { Timeout = ProbeLimit, Inactivity = ProbeLimit };
            var (outcome, refusal, _) = await ExecuteAsync(probe, new PresetCommand([exe, "--version"]), new Worktree(scratch, null, string.Empty), writable: false, null, env, redactor, dirs, ProbeLimit, cancellationToken);
            if (refusal is not null)
            {
                return new AgentProbe(false, refusal.Message, missing);
            }

            static string? Line(string text, bool last)
            {
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return last ? lines.LastOrDefault() : lines.FirstOrDefault();
            }

            // The version is the first line of stdout; a failure says why in the last line of what it printed.
            var first = (outcome!.Succeeded ? Line(outcome.Stdout, false) ?? Line(outcome.Output, true) : Line(outcome.Output, true)) ?? string.Empty;
            var where = agent.Sandbox == SandboxKind.Bwrap ? "inside bwrap" : "unsandboxed";
            return outcome.Succeeded
                ? new AgentProbe(true, $"`{exe} --version` {where}: {first}", missing)
                : new AgentProbe(false, $"`{exe} --version` {where} {outcome.Detail}{(first.Length > 0 ? ": " + first : string.Empty)}", missing);
        }
        finally
        {
            CleanRunDirs(dirs);
            WorktreeManager.DeleteDirectory(dirs.Root);
        }
    }

    /// <summary>A credential variable that holds a key (not an endpoint): what must be set for the CLI to authenticate.</summary>
    public static bool IsKeyVariable(string name) =>
        !name.Contains("BASE_URL", StringComparison.Ordinal) && !name.EndsWith("_API_BASE", StringComparison.Ordinal) && !name.EndsWith("_ENDPOINT", StringComparison.Ordinal);
}
