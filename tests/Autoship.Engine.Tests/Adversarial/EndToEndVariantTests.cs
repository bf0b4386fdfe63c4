using System.Text;
using Autoship.Core.Config;
using Autoship.Engine.Tests.Support;
using Autoship.Forge.Git;
using Autoship.Forge.Local;

namespace Autoship.Engine.Tests.Adversarial;

/// <summary>
/// Issue 17's classes composed with real git: each change is made in a scratch repository and filed as the
/// <c>git diff --binary</c> of a ready issue (so the patch carries git's own quoting, symlink modes, binary hunks
/// and a 2 MiB line), applied by the built-in patch author and driven by real ticks on the local forge until the
/// loop is quiet. Nothing unsafe reaches main unattended; the harmless controls of the same shapes merge.
/// </summary>
public sealed class EndToEndVariantTests
{
    private static readonly string[] Labels = ["autonomy:ready", "autonomy:safe", "risk:low"];

    private sealed record Attack(string Area, string Check, IReadOnlyList<(string Path, byte[]? Bytes, string? Link)> Files);

    private static (string, byte[]?, string?) File(string path, string text) => (path, Encoding.UTF8.GetBytes(text), null);

    private static (string, byte[]?, string?) Bytes(string path, byte[] bytes) => (path, bytes, null);

    private static (string, byte[]?, string?) Link(string path, string target) => (path, null, target);

    private static List<Attack> Attacks(Random random)
    {
        var n = random.Next(100, 999);
        var utf16 = (string s) => (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(s)];
        return
        [
            // 1: destructive statements without `;`, split over lines, with escaped quotes and options
            new("cli-sdk", $"src/cli/db{n}.py", [File($"src/cli/db{n}.py", "def purge(db):\n    db.execute(\"TRUNCATE \\\"users\\\" CASCADE\")\n")]),
            new("cli-sdk", $"src/cli/wipe{n}.py", [File($"src/cli/wipe{n}.py", "Q = \"\"\"DELETE\n  FROM users\n\"\"\"\n")]),
            new("docs", $"docs/drop{n}.md", [File($"docs/drop{n}.md", "Run:\n\n    ALTER TABLE users\n    DROP COLUMN name;\n")]),
            // 2: names git C-quotes
            new("cli-sdk", $"src/cli/purge\"c{n}.py", [File($"src/cli/purge\"c{n}.py", "db.execute(\"DROP TABLE users\")\n")]),
            new("cli-sdk", $"src/cli/tab\tq{n}.py", [File($"src/cli/tab\tq{n}.py", "db.execute('delete from accounts')\n")]),
            // 3: a symlink chain out of the checkout, and a link onto a never path
            new("docs", $"docs/esc{n}", [Link($"docs/up{n}", ".."), Link($"docs/esc{n}", $"up{n}/..")]),
            new("docs", $"docs/ci{n}", [Link($"docs/ci{n}", "../.github/workflows")]),
            // 4: 600 generated lines, and attributes
            new("cli-sdk", $"src/cli/generated/big{n}.py", [File($"src/cli/generated/big{n}.py", string.Concat(Enumerable.Range(0, 600).Select(i => $"X{i} = {i}\n")))]),
            new("cli-sdk", $"src/cli/.GitAttributes", [File("src/cli/.GitAttributes", "*.py -diff\n")]),
            // 5: one 2 MiB line
            new("docs", $"docs/big{n}.md", [File($"docs/big{n}.md", new string('a', 2 * 1024 * 1024) + "\n")]),
            // 6: governance and validation files, and a test run ended early
            new("docs", "docs/CODEOWNERS", [File("docs/CODEOWNERS", "* @mallory\n")]),
            new("test", "tests/__init__.py", [File("tests/__init__.py", "import os\nos._exit(0)\n")]),
            new("cli-sdk", "src/cli/Makefile", [File("src/cli/Makefile", "test:\n\ttrue\n")]),
            // workflows are never and lane C
            new("docs", $".github/workflows/x{n}.yml", [File($".github/workflows/x{n}.yml", "on: push\n")]),
            // text git calls binary: UTF-16 SQL
            new("cli-sdk", $"src/cli/u{n}.py", [Bytes($"src/cli/u{n}.py", utf16("db.execute(\"DROP TABLE users\")\n"))]),
            // 10: the docs owner changes API code
            new("docs", $"src/api/routes{n}.py", [File($"src/api/routes{n}.py", "ROUTES = ['/admin']\n")]),
        ];
    }

    private static List<Attack> Controls(Random random)
    {
        var n = random.Next(100, 999);
        return
        [
            new("docs", $"docs/notes{n}.md", [File($"docs/notes{n}.md", $"# Notes\n\nExpired entries leave the cache; truncate the string to 80 characters. {random.Next()}\n")]),
            new("docs", $"docs/logo{n}.png", [Bytes($"docs/logo{n}.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 1])]),
            new("docs", $"docs/see{n}.md", [Link($"docs/see{n}.md", "../README.md")]),
        ];
    }

    [Fact]
    public async Task Tick_RealGitVariantsOfEveryClass_NothingUnsafeOnMainAndTheControlsMerge()
    {
        var random = new Random(1822);
        var attacks = Attacks(random);
        var controls = Controls(random);

        await using var demo = await DemoForge.CreateAsync();
        // More slots and one attempt each, so every issue is tried within a few ticks.
        var config = DefaultConfig.Yaml
            .Replace("maxConcurrent: 2 ", "maxConcurrent: 20 ", StringComparison.Ordinal)
            .Replace("maxConcurrent: 1", "maxConcurrent: 10", StringComparison.Ordinal)
            .Replace("circuitBreakerFailures: 3", "circuitBreakerFailures: 100", StringComparison.Ordinal);
        await demo.CommitToMainAsync(AutoshipConfig.DefaultPath, config);
        var numbers = new Dictionary<string, int>();
        await using (var alice = await demo.OpenAsync(LocalSample.Writer))
        {
            foreach (var change in attacks.Concat(controls))
            {
                var diff = await DiffAsync(demo.Root, change);
                numbers[change.Check] = (await alice.CreateIssueAsync($"Change {change.Check}", "Please apply.\n\n```diff\n" + diff + "```\n", [.. Labels, "area:" + change.Area], CancellationToken.None)).Number;
            }
        }

        var repo = Path.Combine(demo.Directory, "repo.git");
        var before = new Dictionary<string, string?>();
        foreach (var attack in attacks)
        {
            before[attack.Check] = await BlobAsync(repo, attack.Check);
        }

        await demo.RunUntilQuietAsync(maxTicks: 40);

        // A path the sample already has (tests/__init__.py) must keep its blob; a new one must stay absent.
        foreach (var attack in attacks)
        {
            (await BlobAsync(repo, attack.Check)).ShouldBe(before[attack.Check], $"{attack.Check} reached main unattended");
        }

        // Each attack was applied and judged, not lost to a patch that did not apply.
        await using (var forge = await demo.OpenAsync())
        {
            foreach (var attack in attacks)
            {
                var state = await forge.FindCommentAsync(numbers[attack.Check], Autoship.Core.Planning.ItemMemory.Marker, CancellationToken.None) ?? string.Empty;
                state.ShouldNotContain("patch.does-not-apply", Case.Sensitive, $"{attack.Check}: {state}");
                state.ShouldNotContain("patch.none", Case.Sensitive, $"{attack.Check}: {state}");
            }
        }

        foreach (var control in controls)
        {
            (await GitCli.TryRunAsync(repo, ["cat-file", "-e", "main:" + control.Check])).Ok.ShouldBeTrue($"the harmless control {control.Check} did not merge");
        }
    }

    private static async Task<string?> BlobAsync(string repo, string path)
    {
        var result = await GitCli.TryRunAsync(repo, ["rev-parse", "--verify", "--quiet", "main:" + path]);
        return result.Ok ? result.Stdout.Trim() : null;
    }

    /// <summary>The change as git writes it: <c>git diff --binary</c> of a scratch repository's index against the empty tree.</summary>
    private static async Task<string> DiffAsync(string root, Attack change)
    {
        var dir = Path.Combine(root, "scratch-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        await GitCli.RunAsync(dir, "init", "-q");
        // A path the sample already has is changed from the sample's content, so the patch applies to main.
        foreach (var (path, _, _) in change.Files.Where(f => LocalSample.Files.ContainsKey(f.Path)))
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await System.IO.File.WriteAllTextAsync(full, LocalSample.Files[path]);
        }

        await GitCli.RunAsync(dir, "add", "-A");
        await GitCli.RunAsync(dir, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", "sample");
        foreach (var (path, bytes, link) in change.Files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (link is not null)
            {
                System.IO.File.CreateSymbolicLink(full, link);
            }
            else
            {
                await System.IO.File.WriteAllBytesAsync(full, bytes!);
            }
        }

        await GitCli.RunAsync(dir, "add", "-A");
        var diff = await GitCli.RunAsync(dir, "-c", "core.quotePath=true", "diff", "--cached", "--binary", "--no-color");
        Directory.Delete(dir, recursive: true);
        return diff.EndsWith('\n') ? diff : diff + "\n";
    }
}
