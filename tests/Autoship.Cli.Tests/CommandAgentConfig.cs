namespace Autoship.Cli.Tests;

/// <summary>A configuration whose first agent (mission-control-orchestrator, owner of docs) is an external command agent.</summary>
internal static class CommandAgentConfig
{
    private const string Builtin = "    runner: { preset: builtin, model: null, args: [], command: [] }\n    timeout: 30m\n    inactivity: 10m\n    env: []";

    /// <summary>
    /// <paramref name="config"/> with its first agent running <paramref name="command"/> on the prompt file, seeing
    /// the variables <paramref name="env"/> lists (a YAML list).
    /// </summary>
    public static string With(string config, string command, string env = "[]")
    {
        var at = config.IndexOf(Builtin, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, "the configuration's first agent is builtin");
        return config[..at]
            + $"    runner: {{ preset: command, command: [\"{command}\", \"{{prompt_file}}\"] }}\n    timeout: 30m\n    inactivity: 10m\n    env: {env}"
            + config[(at + Builtin.Length)..];
    }
}
