using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Autoship.Forge.Faults;

/// <summary>
/// A TEST HOOK for the reliability campaign: with <c>AUTOSHIP_CRASH_AFTER=KIND[:N]</c> the process kills itself with
/// SIGKILL (no <c>finally</c>, no flush, as <c>kill -9</c> would) right after its N-th (default first) completed forge
/// write of that kind. Kinds: <see cref="Kinds"/>. Unset, <see cref="Wrap"/> returns the forge itself. A proxy over
/// <see cref="IForge"/>, so a member added to the port later is passed through without touching this file.
/// </summary>
public class CrashAfterWrite : DispatchProxy
{
    public const string Variable = "AUTOSHIP_CRASH_AFTER";

    /// <summary>The write kinds, by the <see cref="IForge"/> member that makes them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(IForge.AddLabelsAsync)] = "label-add",
        [nameof(IForge.RemoveLabelAsync)] = "label-remove",
        [nameof(IForge.SetAssigneesAsync)] = "assignees",
        [nameof(IForge.UpsertCommentAsync)] = "comment",
        [nameof(IForge.CloseIssueAsync)] = "issue-close",
        [nameof(IForge.PushBranchAsync)] = "push",
        [nameof(IForge.DeleteBranchAsync)] = "branch-delete",
        [nameof(IForge.CreatePullRequestAsync)] = "pr-create",
        [nameof(IForge.UpdatePullRequestAsync)] = "pr-update",
        [nameof(IForge.ClosePullRequestAsync)] = "pr-close",
        [nameof(IForge.SubmitReviewAsync)] = "review",
        [nameof(IForge.RequestReviewersAsync)] = "reviewers",
        [nameof(IForge.SetCommitStatusAsync)] = "status",
        [nameof(IForge.ClaimAsync)] = "claim",
        [nameof(IForge.ReleaseClaimsAsync)] = "claims-release",
        [nameof(IForge.MergeAsync)] = "merge",
    };

    private static readonly MethodInfo ThenTyped = typeof(CrashAfterWrite).GetMethod(nameof(AfterTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private IForge inner = null!;
    private string kind = string.Empty;
    private int nth;
    private int seen;

    /// <summary>The forge, wrapped when <see cref="Variable"/> names a kind in <paramref name="environment"/> (the process's when null).</summary>
    public static IForge Wrap(IForge forge, string? spec = null)
    {
        spec ??= Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(spec))
        {
            return forge;
        }

        var parts = spec.Split(':', 2);
        if (!Kinds.Values.Contains(parts[0]) || (parts.Length == 2 && (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)))
        {
            throw new ArgumentException($"{Variable}={spec}: expected KIND[:N] with KIND one of {string.Join(", ", Kinds.Values)} and N ≥ 1");
        }

        var proxy = Create<IForge, CrashAfterWrite>();
        var self = (CrashAfterWrite)(object)proxy;
        self.inner = forge;
        self.kind = parts[0];
        self.nth = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 1;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        object? result;
        try
        {
            result = targetMethod.Invoke(inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        if (!Kinds.TryGetValue(targetMethod.Name, out var k) || k != kind || result is not Task task)
        {
            return result;
        }

        var type = targetMethod.ReturnType;
        return type.IsGenericType
            ? ThenTyped.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [task, this])
            : After(task, this);
    }

    private void Completed()
    {
        if (Interlocked.Increment(ref seen) == nth)
        {
            Process.GetCurrentProcess().Kill();
        }
    }

    private static async Task After(Task task, CrashAfterWrite self)
    {
        await task;
        self.Completed();
    }

    private static async Task<T> AfterTyped<T>(Task task, CrashAfterWrite self)
    {
        var result = await (Task<T>)task;
        self.Completed();
        return result;
    }
}
