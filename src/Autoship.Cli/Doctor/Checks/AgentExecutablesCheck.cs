using Autoship.Agents;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>
/// Every external agent's executable (what its preset says it starts) is on PATH, and the credential its preset
/// reads is named in its <c>env:</c> and set here. Names only: values are never printed.
/// </summary>
internal sealed class AgentExecutablesCheck : IDoctorCheck
{
    public string Name => "agent executables";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var needed = context.Config.Agents
            .Select(a => (Agent: a, Preset: AgentPresets.Find(a.Runner.Preset)))
            .Where(x => x.Preset is not null)
            .Select(x => (x.Agent, x.Preset, Executable: x.Preset!.Executable(x.Agent.Runner)))
            .Where(x => x.Executable.Length > 0)
            .ToList();
        if (needed.Count == 0)
        {
            return Task.FromResult(DoctorResult.Ok(Name, "every agent uses the built-in runner"));
        }

        var problems = new List<string>();
        foreach (var (agent, preset, exe) in needed)
        {
            if (ExecutableLookup.Find(exe, context.Environment("PATH")) is null)
            {
                problems.Add($"{agent.Name} needs '{exe}', not on PATH");
            }

            var keys = preset!.Credentials.Where(k => !k.Contains("BASE_URL", StringComparison.Ordinal) && !k.EndsWith("_API_BASE", StringComparison.Ordinal)).ToList();
            if (keys.Count > 0 && !keys.Any(k => agent.Env.Contains(k) && !string.IsNullOrEmpty(context.Environment(k))))
            {
                problems.Add($"{agent.Name} ({preset.Name}) needs one of {string.Join(", ", keys)} named in its env: and set");
            }
        }

        return Task.FromResult(problems.Count == 0
            ? DoctorResult.Ok(Name, $"found {string.Join(", ", needed.Select(x => x.Executable).Distinct())}, credentials named and set")
            : DoctorResult.Fail(Name, string.Join("; ", problems), "install the agent CLI on the runner (see README, Agents), and name its key variable in the agent's env:"));
    }
}
