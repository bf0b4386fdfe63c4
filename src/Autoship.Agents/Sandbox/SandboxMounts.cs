namespace Autoship.Agents;

/// <summary>
/// What an executable reached through the agent's PATH needs inside the sandbox besides the system directories:
/// where it is linked from and where it really lives (an npm package's <c>node_modules</c>), the interpreter its
/// <c>#!</c> line names (resolved the same way, through <c>/usr/bin/env</c> too), and for a version manager's
/// <c>shims</c> directory on PATH (pyenv, rbenv, nodenv, asdf, mise) the manager's root above it, whose shims exec
/// the real binaries under it. All of them are mounted read-only.
/// </summary>
internal static class SandboxMounts
{
    public static readonly string[] SystemDirs = ["/usr", "/etc", "/opt"];
    public static readonly string[] MaybeLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    /// <summary>How many <c>#!</c> hops are followed (a shim whose interpreter is itself a script, …).</summary>
    private const int MaxInterpreterHops = 4;

    public static bool IsSystem(string dir) =>
        SystemDirs.Concat(MaybeLinks).Any(s => dir == s || dir.StartsWith(s + "/", StringComparison.Ordinal));

    /// <summary>
    /// Every PATH directory outside the system ones, and for a directory named <c>shims</c> its parent (the manager's
    /// root) — unless that parent is <c>/</c>, a system directory or the harness user's home, which would expose far
    /// more than a toolchain.
    /// </summary>
    public static IEnumerable<string> Toolchain(string? path, string? userHome)
    {
        foreach (var dir in (path ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            if (!Path.IsPathRooted(dir) || IsSystem(dir) || !Directory.Exists(dir))
            {
                continue;
            }

            yield return dir;
            var trimmed = Path.TrimEndingDirectorySeparator(dir);
            if (Path.GetFileName(trimmed) == "shims" && Path.GetDirectoryName(trimmed) is { Length: > 1 } root
                && !IsSystem(root) && !SamePath(root, userHome))
            {
                yield return root;
            }
        }
    }

    /// <summary>
    /// The directories <paramref name="executable"/> (a name on <paramref name="path"/> or a path) needs: its own
    /// install directories and, hop by hop, those of the interpreter on its <c>#!</c> line.
    /// </summary>
    public static IReadOnlyList<string> For(string executable, string? path)
    {
        var dirs = new List<string>();
        var next = ExecutableResolver.Resolve(executable, path);
        for (var hop = 0; next is not null && hop < MaxInterpreterHops; hop++)
        {
            dirs.AddRange(InstallDirs(next));
            var real = new FileInfo(next).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
            next = Interpreter(real) is { } interpreter ? ExecutableResolver.Resolve(interpreter, path) : null;
        }

        return dirs.Distinct(StringComparer.Ordinal).Where(d => !IsSystem(d)).ToList();
    }

    /// <summary>The file's directory, and where it really lives: the enclosing <c>node_modules</c> for npm packages, else the target's directory.</summary>
    private static IEnumerable<string> InstallDirs(string resolved)
    {
        yield return Path.GetDirectoryName(resolved)!;
        var real = new FileInfo(resolved).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? resolved;
        var dir = Path.GetDirectoryName(real)!;
        var modules = dir;
        while (modules.Length > 1 && Path.GetFileName(modules) != "node_modules")
        {
            modules = Path.GetDirectoryName(modules)!;
        }

        yield return modules.Length > 1 ? modules : dir;
    }

    /// <summary>
    /// The program a script's <c>#!</c> line runs: the path itself, or for <c>/usr/bin/env [-S] [VAR=x] name</c> the
    /// name (looked up on the agent's PATH); null for a binary or an unreadable file.
    /// </summary>
    public static string? Interpreter(string file)
    {
        string line;
        try
        {
            using var stream = File.OpenRead(file);
            var head = new byte[256];
            var n = stream.Read(head, 0, head.Length);
            if (n < 3 || head[0] != '#' || head[1] != '!')
            {
                return null;
            }

            var end = Array.IndexOf(head, (byte)'\n', 0, n);
            line = System.Text.Encoding.UTF8.GetString(head, 2, (end < 0 ? n : end) - 2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var words = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        if (Path.GetFileName(words[0]) != "env")
        {
            return words[0];
        }

        return words.Skip(1).FirstOrDefault(w => !w.StartsWith('-') && !w.Contains('=', StringComparison.Ordinal)) ?? words[0];
    }

    private static bool SamePath(string a, string? b) =>
        b is { Length: > 0 } && Path.TrimEndingDirectorySeparator(a) == Path.TrimEndingDirectorySeparator(b);
}
