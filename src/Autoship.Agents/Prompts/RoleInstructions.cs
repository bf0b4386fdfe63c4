using System.Text;
using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// An agent's role instructions: <c>.github/agents/&lt;name&gt;.md</c> as it is on the base commit (never the PR's
/// head: a change must not rewrite its own reviewer's instructions), bounded to <see cref="MaxBytes"/>.
/// </summary>
public static class RoleInstructions
{
    /// <summary>The file's path in the repository and its (bounded) text.</summary>
    public sealed record File(string Path, string Text);

    public const int MaxBytes = 16 * 1024;

    /// <summary>The file's text on <paramref name="baseSha"/>, cut to <see cref="MaxBytes"/> bytes; null when there is none.</summary>
    public static async Task<File?> ReadAsync(string repository, string baseSha, string agent, CancellationToken cancellationToken)
    {
        var shown = await HarnessGit.TryRunAsync(repository, ["cat-file", "blob", $"{baseSha}:{RoleInstructionTexts.PathFor(agent)}"], cancellationToken: cancellationToken);
        if (!shown.Ok || shown.Stdout.Trim().Length == 0)
        {
            return null;
        }

        var path = RoleInstructionTexts.PathFor(agent);
        var text = shown.Stdout;
        if (Encoding.UTF8.GetByteCount(text) <= MaxBytes)
        {
            return new File(path, text);
        }

        var cut = text[..Math.Min(text.Length, MaxBytes)];
        while (Encoding.UTF8.GetByteCount(cut) > MaxBytes)
        {
            cut = cut[..^1];
        }

        return new File(path, cut + $"\n[… cut at {MaxBytes} bytes]");
    }
}
