namespace Autoship.Agents;

/// <summary>What to start and under which limits. <see cref="Argv"/>[0] is resolved against the PATH in <see cref="Environment"/>.</summary>
public sealed record ProcessSpec(
    IReadOnlyList<string> Argv,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan TimeLimit,
    TimeSpan Inactivity,
    long OutputLimitBytes,
    string? LogPath,
    SecretRedactor Redactor)
{
    /// <summary>Text written to the process's stdin before it is closed (prompts too large for argv); null closes it at once.</summary>
    public string? Stdin { get; init; }

    /// <summary>Completes with a reason when the harness must stop the process (e.g. its model endpoint is unreachable).</summary>
    public Task<string>? Abort { get; init; }

    /// <summary>Called with each line the process prints (either stream), cleaned of escapes and redacted: live progress.</summary>
    public Action<string>? OnLine { get; init; }
}
