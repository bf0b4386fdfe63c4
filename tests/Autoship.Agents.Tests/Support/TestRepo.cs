using Autoship.Forge.Git;

namespace Autoship.Agents.Tests;

/// <summary>A real git repository (the harness's cache clone) with a bare "remote" it was cloned from.</summary>
public sealed record TestRepo(string Path, string Remote, string BaseSha)
{
    public static async Task<TestRepo> CreateAsync(TempDir dir)
    {
        var remote = dir.Sub("remote.git");
        await GitCli.RunAsync(remote, "init", "--bare", "-b", "main");
        var seed = dir.Sub("seed");
        await GitCli.RunAsync(seed, "init", "-b", "main");
        Write(seed, "README.md", "# sample\n");
        Write(seed, "docs/guide.md", "# Guide\n\nline one\n");
        Write(seed, "src/api/routes.txt", "GET /health\n");
        Write(seed, "tests/api/routes_test.txt", "health ok\n");
        Write(seed, ".github/workflows/ci.yml", "name: ci\non: push\n");
        Write(seed, "scripts/test.sh", "#!/bin/sh\ntest -f docs/guide.md\n");
        await GitCli.RunAsync(seed, "add", "-A");
        await GitCli.RunAsync(seed, "commit", "-q", "-m", "initial");
        await GitCli.RunAsync(seed, "push", "-q", remote, "main");
        var repo = System.IO.Path.Combine(dir.Path, "cache");
        await GitCli.RunAsync(dir.Path, "clone", "-q", remote, repo);
        var sha = await GitCli.RunAsync(repo, "rev-parse", "HEAD");
        return new TestRepo(repo, remote, sha);
    }

    public static void Write(string root, string path, string text)
    {
        var full = System.IO.Path.Combine(root, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public Task<string> GitAsync(params string[] args) => GitCli.RunAsync(Path, args);

    public async Task<string> RemoteRefsAsync() => await GitCli.RunAsync(Remote, "show-ref");

    /// <summary>A commit on top of the base holding <paramref name="files"/>, as a pull request head.</summary>
    public async Task<string> CommitOnTopAsync(string branch, params (string Path, string Text)[] files)
    {
        await GitAsync("checkout", "-q", "-B", branch, BaseSha);
        foreach (var (p, t) in files)
        {
            Write(Path, p, t);
        }

        await GitAsync("add", "-A");
        await GitAsync("commit", "-q", "-m", "pr");
        var sha = await GitAsync("rev-parse", "HEAD");
        await GitAsync("checkout", "-q", "main");
        return sha;
    }
}
