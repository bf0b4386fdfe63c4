using System.Text;
using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Forge.Git;

namespace Autoship.Forge.Tests.Adversarial;

/// <summary>
/// Issue 17, diffs a line reader cannot see, read from real git: text git calls binary (UTF-16, a NUL byte, a
/// <c>binary</c> attribute), a file turned into a symlink (100644 → 120000), a submodule gitlink and CRLF lines.
/// Each is read so that the guardrails judge it, and none may merge unattended.
/// </summary>
public sealed class DiffReaderVariantTests : IDisposable
{
    private static readonly AutoshipConfig Config = DefaultConfig.Load();

    private readonly string _dir = Directory.CreateTempSubdirectory("autoship-diff-variants-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task GitAsync(params string[] args) =>
        await GitCli.RunAsync(_dir, ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "core.autocrlf=false", .. args], null, null, TestContext.Current.CancellationToken);

    private async Task<string> BaseAsync(params string[] files)
    {
        await GitAsync("init", "-q", "-b", "main");
        foreach (var f in files)
        {
            Write(f, Encoding.UTF8.GetBytes("base\n"));
        }

        Write("docs/readme.md", "hello\n"u8.ToArray());
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "base");
        return (await GitCli.RunAsync(_dir, "rev-parse", "HEAD")).Trim();
    }

    private void Write(string path, byte[] bytes)
    {
        var full = Path.Combine(_dir, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    private async Task<IReadOnlyList<ChangedFile>> HeadAsync(string from)
    {
        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "head");
        var diff = await GitDiffReader.ReadAsync(_dir, [from, "HEAD"], renames: true, env: null, config: [], TestContext.Current.CancellationToken);
        return diff.Files;
    }

    private static bool NeedsHuman(IReadOnlyList<ChangedFile> files)
    {
        var c = Classifier.Classify(["autonomy:safe"], files, Config, null);
        return !c.Allowed || c.Lane == Lane.Human;
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("nul")]
    [InlineData("attribute")]
    public async Task ReadAsync_TextGitCallsBinary_ContentRulesStillReadIt(string how)
    {
        var from = await BaseAsync();
        const string text = "def purge(db):\n    db.execute(\"DROP TABLE users\")\n";
        var bytes = how switch
        {
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "nul" => [0, .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
        if (how == "attribute")
        {
            // The attribute file is in the base already: only the purge file changes.
            Write(".gitattributes", "*.py binary\n"u8.ToArray());
            await GitAsync("add", "-A");
            await GitAsync("commit", "-q", "-m", "attributes");
            from = (await GitCli.RunAsync(_dir, "rev-parse", "HEAD")).Trim();
        }

        Write("src/cli/purge.py", bytes);
        var files = await HeadAsync(from);

        var file = files.ShouldHaveSingleItem();
        file.Binary.ShouldBeTrue(how);
        string.Join("\n", file.AddedLines).ShouldContain("DROP TABLE users");
        NeedsHuman(files).ShouldBeTrue(how);
    }

    [Fact]
    public async Task ReadAsync_HarmlessBinary_StaysAllowedInLaneA()
    {
        var from = await BaseAsync();
        Write("docs/logo.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 0]);

        var files = await HeadAsync(from);

        files.ShouldHaveSingleItem().Binary.ShouldBeTrue();
        var c = Classifier.Classify(["autonomy:safe"], files, Config, null);
        c.Allowed.ShouldBeTrue(string.Join("; ", c.Reasons.Select(r => r.Message)));
        c.Lane.ShouldBe(Lane.Safe);
    }

    [Fact]
    public async Task ReadAsync_FileTurnedIntoASymlinkOutOfTheRepository_IsRefused()
    {
        var from = await BaseAsync("docs/page.md");
        File.Delete(Path.Combine(_dir, "docs/page.md"));
        File.CreateSymbolicLink(Path.Combine(_dir, "docs/page.md"), "../../outside");

        var files = await HeadAsync(from);

        files.ShouldHaveSingleItem().SymlinkTarget.ShouldBe("../../outside");
        NeedsHuman(files).ShouldBeTrue();
    }

    [Fact]
    public async Task ReadAsync_SubmoduleGitlink_IsLaneC()
    {
        var from = await BaseAsync();
        await GitAsync("update-index", "--add", "--cacheinfo", $"160000,{from},vendor/lib");
        await GitAsync("commit", "-q", "-m", "gitlink");

        var files = (await GitDiffReader.ReadAsync(_dir, [from, "HEAD"], renames: true, env: null, config: [], TestContext.Current.CancellationToken)).Files;

        var file = files.ShouldHaveSingleItem();
        file.Submodule.ShouldBeTrue();
        Classifier.Classify([], files, Config, null).Reasons.ShouldContain(r => r.Code == "submodule");
        NeedsHuman(files).ShouldBeTrue();
    }

    [Theory]
    [InlineData("cursor.execute(\"DELETE FROM users\")\r\n")]
    [InlineData("q = \"TRUNCATE\r\n  users\"\r\n")]
    [InlineData("db.Exec(\"DELETE FROM users -- WHERE id = 1\")\r\n")]
    public async Task ReadAsync_CrlfLines_AreJudgedAsText(string text)
    {
        var from = await BaseAsync();
        Write("src/cli/store.py", Encoding.UTF8.GetBytes(text));

        var files = await HeadAsync(from);

        files.ShouldHaveSingleItem().Binary.ShouldBeFalse();
        NeedsHuman(files).ShouldBeTrue(text);
    }
}
