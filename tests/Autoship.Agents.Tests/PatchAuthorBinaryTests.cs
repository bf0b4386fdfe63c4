using System.Diagnostics;
using Autoship.Core;

namespace Autoship.Agents.Tests;

/// <summary>The built-in patch author keeps the blank line that ends a binary hunk, so git's own binary patches apply.</summary>
public sealed class PatchAuthorBinaryTests
{
    [Theory]
    [InlineData(1718, true)]
    [InlineData(1719, false)]
    public async Task RunAuthorAsync_GitBinaryPatch_AppliesExactBytes(int seed, bool binaryLast)
    {
        using var h = await Harness.CreateAsync();
        var random = new Random(seed);
        var bytes = new byte[random.Next(16, 900)];
        random.NextBytes(bytes);
        bytes[0] = 0; // a NUL byte: git treats the file as binary
        var diff = await BinaryDiffAsync(h.Repo.Path, bytes, binaryLast);
        diff.ShouldContain("GIT binary patch");
        diff.ShouldEndWith(binaryLast ? "\n\n" : "+more\n");
        (PatchAuthor.ExtractDiff("Add the logo.\n\n```diff\n" + diff + "```\n")).ShouldBe(diff);

        var order = Fixtures.Order(body: "Add the logo.\n\n```diff\n" + diff + "```\n");
        var result = await h.Runner().RunAuthorAsync(h.Author(order, Fixtures.Agent(preset: "builtin")), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        var shown = await RawGitAsync(h.Repo.Path, "cat-file", "blob", result.CommitSha + ":docs/logo.bin");
        shown.ShouldBe(bytes);
    }

    /// <summary><c>git diff --binary</c> of a new binary file (and, when not last, a text edit after it), taken byte for byte.</summary>
    private static async Task<string> BinaryDiffAsync(string repo, byte[] bytes, bool binaryLast)
    {
        Directory.CreateDirectory(Path.Combine(repo, "docs"));
        var file = Path.Combine(repo, "docs", "logo.bin");
        await File.WriteAllBytesAsync(file, bytes);
        var text = Path.Combine(repo, "docs", "zz.md");
        if (!binaryLast)
        {
            await File.WriteAllTextAsync(text, "more\n");
        }

        await RawGitAsync(repo, "add", "--intent-to-add", "docs");
        var diff = System.Text.Encoding.UTF8.GetString(await RawGitAsync(repo, "diff", "--binary", "--", "docs"));
        await RawGitAsync(repo, "reset", "--quiet", "--", "docs");
        File.Delete(file);
        File.Delete(text);
        return diff;
    }

    private static async Task<byte[]> RawGitAsync(string repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        process.ExitCode.ShouldBe(0, await error);
        return output.ToArray();
    }
}
