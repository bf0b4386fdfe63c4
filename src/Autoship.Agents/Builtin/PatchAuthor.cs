using System.Text.RegularExpressions;
using Autoship.Core;

namespace Autoship.Agents;

/// <summary>
/// The built-in deterministic author: applies the unified diff in the issue body's first <c>```diff</c> block
/// with <c>git apply</c>. It fails honestly, with a reason, when there is no such block or it does not apply.
/// Runs in-process but through the same runner steps as any agent (worktree, diff, guardrails, validation).
/// </summary>
public static partial class PatchAuthor
{
    public const string Name = "builtin:patch";

    /// <summary>The first <c>```diff</c> fenced block of <paramref name="body"/>, or null.</summary>
    public static string? ExtractDiff(string body)
    {
        var m = DiffBlock().Match(body.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!m.Success)
        {
            return null;
        }

        // A binary hunk ends with a blank line (git apply: "corrupt binary patch" without it); a text hunk must not.
        var diff = m.Groups["diff"].Value.TrimEnd('\n') + "\n";
        return EndsInBinaryHunk(diff) ? diff + "\n" : diff;
    }

    /// <summary>Whether the last file of <paramref name="diff"/> is a <c>GIT binary patch</c>.</summary>
    private static bool EndsInBinaryHunk(string diff)
    {
        var lastFile = diff.LastIndexOf("diff --git ", StringComparison.Ordinal);
        return diff.IndexOf("\nGIT binary patch\n", Math.Max(0, lastFile), StringComparison.Ordinal) >= 0;
    }

    /// <summary>Applies the issue's diff in <paramref name="worktree"/>; null on success, else the reason.</summary>
    public static async Task<Reason?> ApplyAsync(WorkOrder order, string worktree, string scratchDir, CancellationToken cancellationToken)
    {
        var diff = ExtractDiff(order.Body);
        if (diff is null)
        {
            return Because.Of("patch.none", $"issue #{order.Issue} has no ```diff block for the patch agent to apply");
        }

        var file = Path.Combine(scratchDir, "issue.patch");
        await File.WriteAllTextAsync(file, diff, cancellationToken);
        var result = await HarnessGit.TryRunAsync(worktree, ["apply", "--whitespace=nowarn", file], cancellationToken: cancellationToken);
        return result.Ok
            ? null
            : Because.Of("patch.does-not-apply", $"the diff in issue #{order.Issue} does not apply: {FirstLine(result.Stderr)}");
    }

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n').FirstOrDefault(l => l.StartsWith("error", StringComparison.Ordinal)) ?? text.Trim().Split('\n')[0];
        return line.Length > 300 ? line[..300] : line;
    }

    [GeneratedRegex(@"^[ \t]*```diff[ \t]*\n(?<diff>.*?)\n[ \t]*```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex DiffBlock();
}
