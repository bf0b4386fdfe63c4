using Autoship.Agents;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>
/// Every external agent's executable (what its preset says it starts) is on PATH, the credential its preset reads is
/// named in its <c>env:</c> and set here, and <c>&lt;cli&gt; --version</c> really starts the way a run starts it: the
/// agent's own environment and sandbox (bwrap, the egress relay). Names only: values are never printed.
/// </summary>
internal sealed class AgentExecutablesCheck : IDoctorCheck
{
    public string Name => "agent executables";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var needed = context.Config.Agents
            .Select(a => (Agent: a, Preset: AgentPresets.Find(a.Runner.Preset)))
            .Where(x => x.Preset is not null)
            .Select(x => (x.Agent, x.Preset, Executable: x.Preset!.Executable(x.Agent.Runner)))
            .Where(x => x.Executable.Length > 0)
            .ToList();
        if (needed.Count == 0)
        {
            return DoctorResult.Ok(Name, "every agent uses the built-in runner");
        }

        var problems = new List<string>();
        var started = new List<string>();
        var state = Path.Combine(Path.GetTempPath(), $"autoship-doctor-{Guid.NewGuid():N}");
        try
        {
            foreach (var (agent, preset, exe) in needed)
            {
                var keys = preset!.Credentials.Where(AgentRunner.IsKeyVariable).ToList();
                if (keys.Count > 0 && !keys.Any(k => agent.Env.Contains(k) && !string.IsNullOrEmpty(context.Environment(k))))
                {
                    problems.Add($"{agent.Name} ({preset.Name}) needs one of {string.Join(", ", keys)} named in its env: and set");
                }

                if (ExecutableLookup.Find(exe, context.Environment("PATH")) is null)
                {
                    problems.Add($"{agent.Name} needs '{exe}', not on PATH");
                    continue;
                }

                var probe = await Runner(state, agent, context).ProbeAsync(agent, cancellationToken);
                if (probe.Ok)
                {
                    started.Add($"{agent.Name}: {probe.Message}");
                }
                else
                {
                    problems.Add($"{agent.Name}: {probe.Message}");
                }
            }
        }
        finally
        {
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }

        return problems.Count == 0
            ? DoctorResult.Ok(Name, $"{string.Join("; ", started)}; credentials named and set")
            : DoctorResult.Fail(Name, string.Join("; ", problems), "install the agent CLI on the runner (see README, Agents) so it starts inside its sandbox, and name its key variable in the agent's env:");
    }

    /// <summary>A runner whose harness environment is what this process has of the agent's base and named variables.</summary>
    private static AgentRunner Runner(string state, Autoship.Core.Config.AgentDefinition agent, DoctorContext context)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in AgentEnvironment.Base.Concat(agent.Env))
        {
            if (context.Environment(name) is { } value)
            {
                env[name] = value;
            }
        }

        return new AgentRunner(new AgentRunnerOptions(state) { HarnessEnvironment = env });
    }
}
