namespace Autoship.Cli.Doctor.Checks;

internal sealed class AgentExecutablesCheck : IDoctorCheck
{
    public string Name => "agent executables";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var needed = context.Config.Agents
            .Select(a => (Agent: a.Name, Executable: Executable(a.Runner.Preset, a.Runner.Command)))
            .Where(x => x.Executable is not null)
            .ToList();
        if (needed.Count == 0)
        {
            return Task.FromResult(DoctorResult.Ok(Name, "every agent uses the built-in runner"));
        }

        var missing = needed.Where(x => ExecutableLookup.Find(x.Executable!, context.Environment("PATH")) is null).ToList();
        return Task.FromResult(missing.Count == 0
            ? DoctorResult.Ok(Name, $"found {string.Join(", ", needed.Select(x => x.Executable).Distinct())}")
            : DoctorResult.Fail(Name, string.Join("; ", missing.Select(m => $"{m.Agent} needs '{m.Executable}', not on PATH")), "install the agent CLI on the runner, or change the agent's runner preset"));
    }

    private static string? Executable(string preset, IReadOnlyList<string> command) => preset.ToLowerInvariant() switch
    {
        "claude" or "codex" or "aider" or "opencode" => preset.ToLowerInvariant(),
        "command" => command.Count > 0 ? command[0] : null,
        _ => null,
    };
}
