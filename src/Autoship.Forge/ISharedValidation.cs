namespace Autoship.Forge;

/// <summary>
/// A forge whose CI validates a tree once. The harness asks it to run its CI's validation on a clean checkout of the
/// change's tree — the same runner, script and environment CI uses — and CI then reuses that pass for any commit with
/// the same tree and entrypoint, instead of running it again. Only a pass is ever reused; a failure runs again.
/// </summary>
public interface ISharedValidation
{
    /// <summary>False when the forge runs no CI that would read a shared result (then the harness validates on its own).</summary>
    bool SharesValidation { get; }

    /// <summary>A pass already recorded for <paramref name="tree"/> with <paramref name="entrypoint"/>, with its output; null when none.</summary>
    Task<SharedValidationRun?> FindPassAsync(string tree, string entrypoint, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="entrypoint"/> as CI would in <paramref name="checkout"/>, which must be a clean checkout
    /// (nothing untracked, ignored or modified) of <paramref name="sha"/>; a pass is recorded for the commit's tree.
    /// </summary>
    Task<SharedValidationRun> ValidateCheckoutAsync(string checkout, string sha, string entrypoint, CancellationToken cancellationToken);
}

/// <param name="Passed">True when the entrypoint exited 0.</param>
/// <param name="ExitCode">The entrypoint's exit code (-1: timed out or never ran).</param>
/// <param name="Description">One line, as the check says it: "scripts/test.sh passed in 1.2s".</param>
/// <param name="Output">The run's output (standard output and error), for the test count and the failure log.</param>
/// <param name="Cached">True when no run happened: the tree had passed before.</param>
public sealed record SharedValidationRun(bool Passed, int ExitCode, string Description, string Output, bool Cached);
