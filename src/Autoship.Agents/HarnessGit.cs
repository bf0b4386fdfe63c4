using Autoship.Forge.Git;

namespace Autoship.Agents;

/// <summary>
/// The runner's own git calls. An agent may have planted hooks or an fsmonitor command in the repository it
/// worked in; these options make sure none of that ever runs with the harness's rights.
/// </summary>
internal static class HarnessGit
{
    public static readonly string[] Safety = ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "credential.helper=", "-c", "core.quotePath=false"];

    public static Task<GitCli.Result> TryRunAsync(string dir, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, CancellationToken cancellationToken = default) =>
        GitCli.TryRunAsync(dir, Safety.Concat(args), env, null, cancellationToken);

    public static Task<string> RunAsync(string dir, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, CancellationToken cancellationToken = default) =>
        GitCli.RunAsync(dir, Safety.Concat(args), env, null, cancellationToken);
}
