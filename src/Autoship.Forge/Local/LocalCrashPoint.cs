using System.Diagnostics;

namespace Autoship.Forge.Local;

/// <summary>
/// A TEST HOOK for the crash tests: when <c>AUTOSHIP_TEST_CRASH_AT</c> names a point the process reaches, the
/// process kills itself with SIGKILL right there (no <c>finally</c>, no flush), as <c>kill -9</c> would. Points:
/// <c>merge-after-intent</c> (the intended squash is recorded, the ref has not moved) and
/// <c>merge-after-update-ref</c> (the base branch holds the squash, the database does not know yet),
/// the same two points of a merge-queue batch (its intents recorded; the base moved to the candidate), and
/// <c>push-before-ci</c> (the branch and the push are recorded, its CI has not run). Unset, it
/// costs one environment read.
/// </summary>
internal static class LocalCrashPoint
{
    public const string Variable = "AUTOSHIP_TEST_CRASH_AT";

    private static readonly AsyncLocal<Action<string>?> Hook = new();

    /// <summary>In-process tests set this (for their own asynchronous flow only) to throw instead of dying; the files on disk are the same either way.</summary>
    internal static Action<string>? OnReached
    {
        get => Hook.Value;
        set => Hook.Value = value;
    }

    public static void Reach(string point)
    {
        Hook.Value?.Invoke(point);
        if (string.Equals(Environment.GetEnvironmentVariable(Variable), point, StringComparison.Ordinal))
        {
            Process.GetCurrentProcess().Kill();
        }
    }
}
