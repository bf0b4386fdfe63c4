using System.Diagnostics;
using System.Text;
using Autoship.Core;

namespace Autoship.Forge.Tests.Git;

/// <summary>
/// Generated <c>.gitattributes</c> files and paths (seeded), each answered by Autoship (<see cref="GitAttributes"/>)
/// and by real <c>git check-attr</c> in a temp repository: every attribute's state must agree, and sizing's
/// "generated" must be what Linguist reads from git's answer.
/// </summary>
public sealed class GitAttributesCheckAttrTests
{
    private const int Files = 160;
    private const int PathsPerFile = 24;

    private static readonly string[] Attributes = ["linguist-generated", "diff", "merge", "text", "binary", "gen", "foo"];
    private static readonly string[] Segments = ["a", "b", "ab", "x.txt", "y.cs", "gen", "c.g.cs", "d", "A"];
    private static readonly string[] PatternParts =
        ["a", "b", "ab", "x.txt", "y.cs", "gen", "d", "*", "**", "?", "*.txt", "*.cs", "a*", "*b", "[ab]", "[!a]*", "[a-c]", "[[:upper:]]", "*.g.cs", "\\a", "x.*", "A"];

    [Fact]
    public async Task Value_GeneratedFilesAndPaths_AgreesWithGitCheckAttr()
    {
        using var repo = new TempRepo();
        await repo.GitAsync(null, "init", "-q");
        var mismatches = new List<string>();
        var compared = 0;
        var decided = 0;
        for (var seed = 0; seed < Files && mismatches.Count < 20; seed++)
        {
            var random = new Random(seed);
            var text = RandomFile(random);
            var paths = Enumerable.Range(0, PathsPerFile).Select(_ => RandomPath(random)).Distinct().ToList();
            await File.WriteAllTextAsync(Path.Combine(repo.Path, ".gitattributes"), text, TestContext.Current.CancellationToken);
            var git = await repo.CheckAttrAsync(paths, Attributes);
            var ours = GitAttributes.Parse(text);
            foreach (var path in paths)
            {
                foreach (var attribute in Attributes)
                {
                    compared++;
                    var expected = git[(path, attribute)];
                    var actual = ours.Value(path, attribute).ToString();
                    decided += expected == "unspecified" ? 0 : 1;
                    if (actual != expected)
                    {
                        mismatches.Add($"seed {seed}: {path} {attribute}: git says {expected}, Autoship {actual}\n{text}");
                    }
                }

                var linguist = git[(path, "linguist-generated")] is var g && g != "unspecified" && g != "unset" && g != "false";
                if (ours.IsGenerated(path) != linguist)
                {
                    mismatches.Add($"seed {seed}: {path} generated: Linguist reads {linguist} from git's {git[(path, "linguist-generated")]}\n{text}");
                }
            }
        }

        mismatches.ShouldBeEmpty();
        compared.ShouldBeGreaterThan(Files * PathsPerFile * Attributes.Length / 2);
        // The generator must exercise decisions, not only "unspecified" everywhere.
        decided.ShouldBeGreaterThan(compared / 20);
    }

    /// <summary>
    /// Trees of attributes files (the root's and those of subdirectories, macros in nested files included, which git
    /// refuses): every path's every attribute must be what git check-attr reads from the working tree.
    /// </summary>
    [Fact]
    public async Task Value_GeneratedNestedFiles_AgreesWithGitCheckAttr()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] directories = ["a", "b", "a/b", "a/b/gen", "A", "x.txt"];
        var mismatches = new List<string>();
        var compared = 0;
        var decidedBelow = 0;
        for (var seed = 0; seed < Files / 2 && mismatches.Count < 20; seed++)
        {
            using var repo = new TempRepo();
            await repo.GitAsync(null, "init", "-q");
            var random = new Random(10_000 + seed);
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            if (random.Next(4) > 0)
            {
                files[string.Empty] = RandomFile(random);
            }

            foreach (var directory in directories.Where(_ => random.Next(3) == 0))
            {
                files[directory] = RandomFile(random);
            }

            foreach (var (directory, text) in files)
            {
                Directory.CreateDirectory(Path.Combine(repo.Path, directory));
                await File.WriteAllTextAsync(Path.Combine(repo.Path, directory, ".gitattributes"), text, ct);
            }

            var paths = Enumerable.Range(0, PathsPerFile).Select(_ => RandomPath(random)).Distinct().ToList();
            var git = await repo.CheckAttrAsync(paths, Attributes);
            var ours = GitAttributes.Parse(new GitAttributeFiles(files));
            foreach (var path in paths)
            {
                foreach (var attribute in Attributes)
                {
                    compared++;
                    var expected = git[(path, attribute)];
                    var actual = ours.Value(path, attribute).ToString();
                    decidedBelow += expected != "unspecified" && path.Contains('/', StringComparison.Ordinal) ? 1 : 0;
                    if (actual != expected)
                    {
                        mismatches.Add($"seed {seed}: {path} {attribute}: git says {expected}, Autoship {actual}\n"
                            + string.Join("\n", files.Select(f => $"--- {GitAttributeFiles.PathIn(f.Key)}\n{f.Value}")));
                    }
                }
            }
        }

        mismatches.ShouldBeEmpty();
        compared.ShouldBeGreaterThan(Files / 2 * PathsPerFile * Attributes.Length / 2);
        decidedBelow.ShouldBeGreaterThan(compared / 40);
    }

    [Theory]
    [InlineData("a", "*.cs linguist-generated", "a/x.cs", "set")]
    [InlineData("a", "*.cs linguist-generated", "x.cs", "root")]
    [InlineData("a", "*.cs linguist-generated", "b/a/x.cs", "root")]
    [InlineData("a", "/x.cs linguist-generated", "a/x.cs", "set")]
    [InlineData("a", "/x.cs linguist-generated", "a/b/x.cs", "root")]
    [InlineData("a", "b/*.cs linguist-generated", "a/b/x.cs", "set")]
    [InlineData("a", "a/b/*.cs linguist-generated", "a/b/x.cs", "root")]
    [InlineData("a", "[attr]gen linguist-generated\n*.cs gen", "a/x.cs", "root")]
    [InlineData("a/b", "*.cs -linguist-generated", "a/b/x.cs", "unset")]
    public async Task Value_NestedExamples_AgreeWithGitCheckAttr(string directory, string text, string path, string expected)
    {
        using var repo = new TempRepo();
        await repo.GitAsync(null, "init", "-q");
        var files = new Dictionary<string, string> { [string.Empty] = "*.cs linguist-generated=root\n", [directory] = text + "\n" };
        foreach (var (dir, content) in files)
        {
            Directory.CreateDirectory(Path.Combine(repo.Path, dir));
            await File.WriteAllTextAsync(Path.Combine(repo.Path, dir, ".gitattributes"), content, TestContext.Current.CancellationToken);
        }

        var git = (await repo.CheckAttrAsync([path], ["linguist-generated"]))[(path, "linguist-generated")];
        var ours = GitAttributes.Parse(new GitAttributeFiles(files)).Value(path, "linguist-generated").ToString();

        // "root": only the root file's linguist-generated=root reaches the path.
        git.ShouldBe(expected);
        ours.ShouldBe(expected);
    }

    [Theory]
    [InlineData("*.cs linguist-generated\nsrc/*.cs -linguist-generated", "src/a.cs", "unset")]
    [InlineData("*.cs linguist-generated\nsrc/*.cs -linguist-generated", "src/x/a.cs", "set")]
    [InlineData("/a.cs linguist-generated", "x/a.cs", "unspecified")]
    [InlineData("gen/ linguist-generated", "gen/a.cs", "unspecified")]
    [InlineData("gen/** linguist-generated", "gen/x/a.cs", "set")]
    [InlineData("a/**/b linguist-generated", "a/b", "set")]
    [InlineData("!*.cs linguist-generated", "a.cs", "unspecified")]
    [InlineData("*.cs linguist-generated\n*.cs !linguist-generated", "a.cs", "unspecified")]
    [InlineData("[attr]gen linguist-generated\n*.cs gen", "a.cs", "set")]
    [InlineData("[attr]gen linguist-generated\n*.cs gen -linguist-generated", "a.cs", "unset")]
    [InlineData("[attr]gen linguist-generated\n*.cs -linguist-generated gen", "a.cs", "set")]
    [InlineData("*.cs linguist-generated=false", "a.cs", "false")]
    [InlineData("*.cs -linguist-generated=true", "a.cs", "unset")]
    [InlineData("*.cs linguist-generated bad/name", "a.cs", "unspecified")]
    [InlineData("\"a b.cs\" linguist-generated", "a b.cs", "set")]
    public async Task Value_Examples_AgreeWithGitCheckAttr(string text, string path, string expected)
    {
        using var repo = new TempRepo();
        await repo.GitAsync(null, "init", "-q");
        await File.WriteAllTextAsync(Path.Combine(repo.Path, ".gitattributes"), text + "\n", TestContext.Current.CancellationToken);

        (await repo.CheckAttrAsync([path], ["linguist-generated"]))[(path, "linguist-generated")].ShouldBe(expected);
        GitAttributes.Parse(text).Value(path, "linguist-generated").ToString().ShouldBe(expected);
    }

    [Fact]
    public async Task Value_BinaryMacro_ExpandsLikeGit()
    {
        using var repo = new TempRepo();
        await repo.GitAsync(null, "init", "-q");
        const string text = "*.png binary\n*.png diff\n";
        await File.WriteAllTextAsync(Path.Combine(repo.Path, ".gitattributes"), text, TestContext.Current.CancellationToken);

        var git = await repo.CheckAttrAsync(["x.png"], ["binary", "diff", "merge", "text"]);
        var ours = GitAttributes.Parse(text);

        foreach (var attribute in new[] { "binary", "diff", "merge", "text" })
        {
            ours.Value("x.png", attribute).ToString().ShouldBe(git[("x.png", attribute)], attribute);
        }

        git[("x.png", "diff")].ShouldBe("set");
        git[("x.png", "text")].ShouldBe("unset");
    }

    private static string RandomFile(Random random)
    {
        var lines = new List<string>();
        for (var n = random.Next(1, 9); n > 0; n--)
        {
            var roll = random.Next(100);
            lines.Add(roll switch
            {
                < 4 => "# a comment",
                < 7 => string.Empty,
                < 17 => "[attr]gen " + string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => RandomSetting(random, macro: false))),
                _ => RandomPattern(random) + " " + string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomSetting(random, macro: true))),
            });
        }

        return string.Join('\n', lines) + (random.Next(2) == 0 ? "\n" : string.Empty);
    }

    private static string RandomPattern(Random random)
    {
        var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => PatternParts[random.Next(PatternParts.Length)]);
        var pattern = string.Join('/', parts);
        var roll = random.Next(100);
        return roll switch
        {
            < 20 => "/" + pattern,
            < 28 => pattern + "/",
            < 33 => "!" + pattern,
            _ => pattern,
        };
    }

    private static string RandomSetting(Random random, bool macro)
    {
        string[] names = macro ? Attributes : ["linguist-generated", "diff", "merge", "text", "foo", "binary"];
        var name = names[random.Next(names.Length)];
        return random.Next(10) switch
        {
            < 4 => name,
            < 6 => "-" + name,
            < 7 => "!" + name,
            < 8 => name + "=true",
            < 9 => name + "=false",
            _ => name + "=x",
        };
    }

    private static string RandomPath(Random random) =>
        string.Join('/', Enumerable.Range(0, random.Next(1, 5)).Select(_ => Segments[random.Next(Segments.Length)]));

    /// <summary>An empty repository with no system, global or XDG attributes that could answer instead of the file.</summary>
    private sealed class TempRepo : IDisposable
    {
        public TempRepo()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "autoship-attr-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public async Task<Dictionary<(string Path, string Attribute), string>> CheckAttrAsync(IReadOnlyList<string> paths, IReadOnlyList<string> attributes)
        {
            var output = await GitAsync(string.Concat(paths.Select(p => p + "\0")), ["check-attr", "-z", "--stdin", .. attributes]);
            var fields = output.Split('\0');
            var answers = new Dictionary<(string, string), string>();
            for (var i = 0; i + 2 < fields.Length; i += 3)
            {
                answers[(fields[i], fields[i + 1])] = fields[i + 2];
            }

            return answers;
        }

        public async Task<string> GitAsync(string? input, params string[] args)
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = Path, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                psi.ArgumentList.Add(arg);
            }

            psi.Environment["HOME"] = Path;
            psi.Environment["XDG_CONFIG_HOME"] = Path;
            psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            psi.StandardInputEncoding = new UTF8Encoding(false);
            psi.StandardOutputEncoding = new UTF8Encoding(false);
            using var git = Process.Start(psi)!;
            var stdout = git.StandardOutput.ReadToEndAsync();
            var stderr = git.StandardError.ReadToEndAsync();
            await git.StandardInput.WriteAsync(input ?? string.Empty);
            git.StandardInput.Close();
            await git.WaitForExitAsync();
            git.ExitCode.ShouldBe(0, $"git {string.Join(' ', args)}: {await stderr}");
            return await stdout;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
