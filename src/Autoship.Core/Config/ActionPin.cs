namespace Autoship.Core.Config;

/// <summary>One action at one commit: <c>uses: owner/name@sha # version</c>.</summary>
public sealed record ActionPin(string Action, string Sha, string Version)
{
    /// <summary>The value of a step's <c>uses:</c>, with the version as a YAML comment.</summary>
    public string Uses => $"{Action}@{Sha} # {Version}";
}
