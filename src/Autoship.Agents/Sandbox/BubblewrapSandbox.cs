namespace Autoship.Agents;

/// <summary>
/// Wraps an agent's command in bubblewrap (<c>bwrap</c>): the worktree read-write (read-only for reviewers), the
/// system and the toolchain read-only, a fresh tmpfs home and /tmp, no network unless allowed. The repository's
/// shared git directory is mounted read-only so an agent cannot plant hooks or config there; only this
/// worktree's own admin directory (its index and HEAD) stays writable.
/// </summary>
public static class BubblewrapSandbox
{
    public const string SandboxHome = "/home/agent";

    private static readonly string[] SystemDirs = SandboxMounts.SystemDirs;
    private static readonly string[] MaybeLinks = SandboxMounts.MaybeLinks;

    /// <summary>The bwrap executable, or null when it is not installed (what <c>autoship doctor</c> reports).</summary>
    public static string? Find(string? path = null) =>
        ExecutableResolver.Resolve("bwrap", path ?? System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin");

    public static bool IsAvailable() => Find() is not null;

    /// <summary>
    /// Whether bwrap is installed and can actually create its namespaces here (containers may forbid it);
    /// for <c>autoship doctor</c>. The message says what is wrong and how to fix it.
    /// </summary>
    public static async Task<(bool Ok, string Message)> ProbeAsync(CancellationToken cancellationToken)
    {
        var bwrap = Find();
        if (bwrap is null)
        {
            return (false, "bubblewrap (bwrap) is not installed; on Debian/Ubuntu: apt-get install bubblewrap");
        }

        var psi = new System.Diagnostics.ProcessStartInfo(bwrap) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "--ro-bind", "/", "/", "--dev", "/dev", "--unshare-net", "--die-with-parent", "true" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = await p.StandardError.ReadToEndAsync(cancellationToken);
        await p.WaitForExitAsync(cancellationToken);
        return p.ExitCode == 0
            ? (true, $"bubblewrap works ({bwrap})")
            : (false, $"bubblewrap is installed but cannot create a sandbox here: {stderr.Trim()}");
    }

    /// <summary>
    /// Directories outside the system ones that <paramref name="executable"/> needs: where it is linked from, where it
    /// really lives (the enclosing <c>node_modules</c> for npm packages, else the file's directory), and the same for
    /// the interpreter on its <c>#!</c> line (see <see cref="SandboxMounts"/>).
    /// </summary>
    public static IReadOnlyList<string> InstallDirs(string executable, string? path) => SandboxMounts.For(executable, path);

    /// <param name="gitCommonDir">The repository's shared git directory (read-only inside).</param>
    /// <param name="gitAdminDir">This worktree's own admin directory under <paramref name="gitCommonDir"/> (read-write).</param>
    /// <param name="runDirectory">The run's directory holding the prompt file (read-only).</param>
    /// <param name="egress">With an allow-list: no network namespace of the host at all, only the proxy's socket and the relay
    /// in front of the agent (see <see cref="Egress.EgressRelay"/>).</param>
    /// <param name="homeFiles">Files the preset wrote into the run's home (<c>env["HOME"]</c> on the host), relative to it:
    /// each is mounted read-only at the same place in the sandbox's fresh home, whose directories stay writable.</param>
    public static IReadOnlyList<string> Wrap(
        string bwrap, IReadOnlyList<string> argv, string worktree, bool writable, bool network,
        string? gitCommonDir, string? gitAdminDir, string? runDirectory, IReadOnlyDictionary<string, string> env, SandboxEgress? egress = null,
        IEnumerable<string>? homeFiles = null)
    {
        var a = new List<string> { bwrap, "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc", "--unshare-uts" };
        if (!network || egress is not null)
        {
            a.Add("--unshare-net");
        }

        foreach (var dir in SystemDirs.Where(Directory.Exists))
        {
            a.AddRange(["--ro-bind", dir, dir]);
        }

        foreach (var dir in MaybeLinks)
        {
            var info = new FileInfo(dir);
            if (info.LinkTarget is { } target)
            {
                a.AddRange(["--symlink", target, dir]);
            }
            else if (Directory.Exists(dir))
            {
                a.AddRange(["--ro-bind", dir, dir]);
            }
        }

        a.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", SandboxHome]);
        if (env.GetValueOrDefault("HOME") is { Length: > 0 } hostHome)
        {
            foreach (var relative in homeFiles ?? [])
            {
                a.AddRange(["--ro-bind", Path.Combine(hostHome, relative), SandboxHome + "/" + relative]);
            }
        }

        // The toolchain: every PATH directory outside the system directories, and a version manager's root above its
        // `shims` directory (a shim execs the real binary under that root), read-only.
        foreach (var dir in SandboxMounts.Toolchain(env.GetValueOrDefault("PATH"), System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile)))
        {
            a.AddRange(["--ro-bind", dir, dir]);
        }

        // The agent's own install: an npm bin is a symlink into its package (and a native binary may live next to
        // it), so mount the real location (its node_modules tree) read-only, the link's directory too, and the
        // interpreter its #! line names (a node or python outside the system directories).
        var launchers = egress is null ? new[] { argv[0] } : new[] { argv[0], egress.Node };
        foreach (var dir in launchers.SelectMany(l => InstallDirs(l, env.GetValueOrDefault("PATH"))).Distinct(StringComparer.Ordinal))
        {
            a.AddRange(["--ro-bind", dir, dir]);
        }

        if (gitCommonDir is not null)
        {
            a.AddRange(["--ro-bind", gitCommonDir, gitCommonDir]);
        }

        if (gitAdminDir is not null)
        {
            a.AddRange([writable ? "--bind" : "--ro-bind", gitAdminDir, gitAdminDir]);
        }

        if (runDirectory is not null)
        {
            a.AddRange(["--ro-bind", runDirectory, runDirectory]);
        }

        a.AddRange([writable ? "--bind" : "--ro-bind", worktree, worktree]);
        if (egress is not null)
        {
            a.AddRange(["--bind", egress.SocketPath, Egress.EgressRelay.SocketInside, "--ro-bind", egress.RelayScript, Egress.EgressRelay.ScriptInside]);
        }

        a.AddRange(["--chdir", worktree, "--setenv", "HOME", SandboxHome, "--setenv", "TMPDIR", "/tmp", "--"]);
        if (egress is not null)
        {
            a.AddRange([egress.Node, Egress.EgressRelay.ScriptInside, Egress.EgressRelay.SocketInside, Egress.EgressRelay.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        a.AddRange(argv);
        return a;
    }
}

/// <summary>The proxy's socket and the relay script on the host side, and the node that runs the relay inside.</summary>
public sealed record SandboxEgress(string SocketPath, string RelayScript, string Node);
