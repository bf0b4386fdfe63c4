using Autoship.Core;

namespace Autoship.Engine.Tests.Adversarial;

/// <summary>
/// Seeded generators of issue 17's classes as whole pull requests: the issue's area (so its owning agent wrote the
/// change) and the changed files, with the tree's links. Each generator has a harmless control of the same shape.
/// </summary>
internal static class AdversarialChanges
{
    public sealed record Change(string Area, IReadOnlyList<ChangedFile> Files, IReadOnlyDictionary<string, string>? Links = null)
    {
        public override string ToString() => $"area:{Area} " + string.Join(", ", Files.Select(f => f.SymlinkTarget is { } t ? $"{f.Path} -> {t}" : f.Path));
    }

    private static readonly string[] Tables = ["users", "public.users", "\"users\"", "`orders`", "[dbo].[sessions]", "accounts"];

    // A path the area's owner may change, so only the class under test can stop the change.
    private static readonly (string Area, string Dir, string Ext)[] Homes =
        [("docs", "docs/guide", "md"), ("cli-sdk", "src/cli", "py"), ("cli-sdk", "sdk/js", "js"), ("api", "src/api", "py"), ("test", "tests/unit", "go")];

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    public static string Case(Random r, string word) =>
        new([.. word.Select(ch => r.Next(3) switch { 0 => char.ToUpperInvariant(ch), 1 => char.ToLowerInvariant(ch), _ => ch })]);

    private static string Space(Random r) => Pick(r, [" ", "\n", "  ", "\n    ", "\r\n", "\t"]);

    public static ChangedFile Text(string path, params string[] lines) => new(path, lines.Length, 0) { AddedLines = lines };

    private static (string Area, string Path) Home(Random r, int i)
    {
        var (area, dir, ext) = Pick(r, Homes);
        return (area, $"{dir}/f{i}.{ext}");
    }

    // Class 1: a destructive statement in any case, split over lines, with or without `;`, wrapped as code would carry it.
    public static Change DestructiveSql(Random r, int i)
    {
        var table = Pick(r, Tables);
        var semi = r.Next(2) == 0 ? ";" : string.Empty;
        var sql = r.Next(6) switch
        {
            0 => $"{Case(r, "DELETE")}{Space(r)}{Case(r, "FROM")}{Space(r)}{table}{semi}",
            1 => $"{Case(r, "TRUNCATE")}{Space(r)}{(r.Next(2) == 0 ? Case(r, "TABLE") + Space(r) : string.Empty)}{table}{semi}",
            2 => $"{Case(r, "DROP")}{Space(r)}{Case(r, Pick(r, ["TABLE", "SCHEMA", "DATABASE"]))}{Space(r)}{table}{semi}",
            3 => $"{Case(r, "ALTER")}{Space(r)}{Case(r, "TABLE")}{Space(r)}{table}{Space(r)}{Case(r, "DROP")}{Space(r)}{Case(r, "COLUMN")} name{semi}",
            4 => $"{Case(r, "TRUNCATE")} {table}{Pick(r, [" CASCADE", " RESTART IDENTITY", ", sessions", " CONTINUE IDENTITY"])}{semi}",
            _ => $"{Case(r, "DELETE")} {Case(r, "FROM")} {table}{Pick(r, ["", " -- WHERE id = 1", " /* WHERE */"])}{semi}",
        };
        var q = Pick(r, ["\"", "'", "`"]);
        var text = r.Next(8) switch
        {
            5 => $"cursor.execute(\"{sql.Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)}\")",
            6 => Pick(r, ["Base.metadata.drop_all(engine)", "User.objects.all().delete()", "await db.users.deleteMany({})", "redis.flushall()", "op.drop_table('users')", "User.delete_all"]),
            0 => $"cursor.execute({q}{sql}{q})",
            1 => $"await db.ExecuteAsync(@\"{sql}\");",
            2 => $"_, err := db.Exec(\"{sql.Replace("\n", " ", StringComparison.Ordinal)}\")",
            3 => sql,
            _ => $"query = \"{sql[..(sql.Length / 2)]}\" + \"{sql[(sql.Length / 2)..]}\"",
        };
        var (area, path) = Home(r, i);
        return new(area, [Text(path, text.Split('\n'))]);
    }

    public static Change HarmlessSql(Random r, int i)
    {
        var table = Pick(r, Tables);
        var sql = r.Next(3) switch
        {
            0 => $"{Case(r, "DELETE")} {Case(r, "FROM")} {table} {Case(r, "WHERE")} id = {r.Next(100)};",
            1 => $"{Case(r, "SELECT")} * {Case(r, "FROM")} {table};",
            _ => $"text = truncate(text, {r.Next(5, 80)})",
        };
        var (area, path) = Home(r, i);
        var line = r.Next(4) switch
        {
            0 => $"cursor.execute(\"{sql.Replace("\"", "\\\"", StringComparison.Ordinal)}\")",
            1 => Pick(r, ["# truncate the string to 80 characters", "df = df.drop(columns=[\"a\"])", "Expired entries leave the cache.", "os.remove(path)"]),
            _ => $"cursor.execute(\"{sql}\")",
        };
        return new(area, [Text(path, line)]);
    }

    // Class 2: a text file whose added lines the diff reader could not see (a quoted or odd name).
    public static Change Unread(Random r, int i)
    {
        var (area, path) = Home(r, i);
        var odd = path.Insert(path.LastIndexOf('/') + 1, Pick(r, ["\"", "\\", "\t", "é", " ", "\u202e"]));
        return new(area, [new ChangedFile(odd, r.Next(1, 9), 0) { AddedTextUnread = true }]);
    }

    public static Change ReadOdd(Random r, int i)
    {
        var (area, path) = Home(r, i);
        var odd = path.Insert(path.LastIndexOf('/') + 1, Pick(r, ["\"", "é", " ", "-"]));
        return new(area, [Text(odd, "value = 1")]);
    }

    private static ChangedFile Link(string path, string target) => new(path, 1, 0, ChangeKind.Added, SymlinkTarget: target);

    // Class 3: a chain of links, some already in the tree, whose last hop climbs out or lands on a protected path.
    public static Change LinkChain(Random r, int i)
    {
        var dir = Pick(r, ["docs", "docs/a", "docs/x/y"]);
        var depth = dir.Count(c => c == '/') + 1;
        var tree = new Dictionary<string, string>();
        var changes = new List<ChangedFile>();
        var previous = string.Empty;
        var hops = r.Next(1, 5);
        for (var h = 0; h < hops; h++)
        {
            var name = $"{dir}/up{h}";
            var target = h == 0 ? string.Join('/', Enumerable.Repeat("..", r.Next(1, depth + 1))) : $"{previous}/..";
            if (r.Next(2) == 0 && h < hops - 1)
            {
                tree[name] = target;
            }
            else
            {
                changes.Add(Link(name, target));
            }

            previous = $"up{h}";
        }

        var last = r.Next(4) switch
        {
            0 => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth + 1)),
            1 => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth)) + "/infra",
            2 => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth)) + "/.github/workflows",
            _ => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth)) + "/scripts/test.sh",
        };
        changes.Add(Link($"{dir}/esc{i}.md", last));
        foreach (var c in changes)
        {
            tree[c.Path] = c.SymlinkTarget!;
        }

        return new("docs", changes, tree);
    }

    public static Change LocalLink(Random r, int i) =>
        new("docs", [Link($"docs/link{i}.md", Pick(r, ["guide.md", "../docs/guide.md", "./api/readme.md", "api/../guide.md"]))], new Dictionary<string, string> { ["docs/up"] = ".." });

    // Class 4: generated files (and .gitattributes) are never lane A; every line counts.
    public static Change Generated(Random r, int i)
    {
        if (r.Next(4) == 0)
        {
            return new("cli-sdk", [Text(Pick(r, [".gitattributes", "src/cli/.gitattributes", ".GitAttributes"]), "*.py -diff linguist-generated")]);
        }

        var lines = r.Next(11, 2000);
        return new("cli-sdk", [new ChangedFile($"src/cli/generated/g{i}.py", lines, 0) { AddedLines = [.. Enumerable.Repeat("X = 1", lines)] }]);
    }

    public static Change SmallCli(Random r, int i) => new("cli-sdk", [Text($"src/cli/c{i}.py", [.. Enumerable.Range(0, r.Next(1, 10)).Select(n => $"X{n} = {n}")])]);

    // Class 5: one long line or many bytes of text.
    public static Change LargeText(Random r, int i)
    {
        var length = r.Next(1_001, 3_000_000);
        string[] lines = r.Next(2) == 0 ? [new string('a', length)] : [.. Enumerable.Repeat(new string('b', 900), length / 900 + 300)];
        var (area, path) = Home(r, i);
        return new(area, [new ChangedFile(path, Math.Min(lines.Length, 9), 0) { AddedLines = lines }]);
    }

    public static Change NormalText(Random r, int i)
    {
        var (area, path) = Home(r, i);
        return new(area, [Text(path, [.. Enumerable.Range(0, r.Next(1, 9)).Select(n => new string('w', r.Next(1, 900)))])]);
    }

    private static readonly string[] Governance =
        ["CODEOWNERS", "CodeOwners", ".gitattributes", ".GitAttributes", "conftest.py", "pytest.ini", "pytest.toml", "tox.ini", "setup.cfg", "setup.py", "pyproject.toml",
         "package.json", "Directory.Build.props", "jest.config.js", "vitest.config.ts", "vite.config.mjs", "noxfile.py", "Makefile", "sitecustomize.py", "x.pth", ".gitmodules"];

    private static readonly string[] FixedGovernance =
        [".github/settings.yml", ".github/CODEOWNERS", "scripts/test.sh", ".ci/run.sh", "tests/__init__.py", "tests/unit/__init__.py", ".github/autoship.yml", "OWNERS"];

    // Class 6 (with workflows): what validates the code, ownership and settings files, wherever the forge honours them.
    public static Change GovernanceFile(Random r, int i)
    {
        var (area, dir, _) = Pick(r, Homes);
        var path = r.Next(4) == 0 ? Pick(r, FixedGovernance) : r.Next(2) == 0 ? Pick(r, Governance) : $"{dir}/{Pick(r, Governance)}";
        return new(area, [Text(path, Pick(r, ["exit 0", "* @mallory", "[tool.pytest.ini_options]", "addopts = -k nothing"])), Text($"{dir}/notes{i}.md", "a note")]);
    }

    public static Change Workflow(Random r, int i) =>
        new(Pick(r, ["docs", "cli-sdk", "test"]), [Text($"{Case(r, ".github/workflows")}/w{i}.{Pick(r, ["yml", "yaml"])}", "on: push", "jobs: {}")]);

    public static Change TestExit(Random r, int i) =>
        new("test", [Text($"{Pick(r, ["tests", "tests/unit", "src/pkg/tests", "test"])}/test_x{i}.py",
            Pick(r, ["import os", "import sys", "import pytest"]), Pick(r, ["os._exit(0)", "sys.exit(0)", "raise SystemExit(0)", "pytest.skip('x', allow_module_level=True)", "exit()", "quit()"]))]);

    public static Change DocsNote(Random r, int i) => new("docs", [Text($"docs/{Pick(r, ["guide", "api", "howto"])}/n{i}.md", $"note {r.Next()}")]);

    // Class 10: the owner of one area changes a path only another area covers.
    public static Change Foreign(Random r, int i)
    {
        var (area, foreign) = Pick(r, new[] { ("docs", $"src/api/routes{i}.py"), ("docs", $"src/cli/c{i}.py"), ("test", $"src/api/r{i}.py"), ("cli-sdk", $"ops/run{i}.py") });
        return new(area, [Text($"{(area == "docs" ? "docs" : area == "test" ? "tests" : "src/cli")}/own{i}.{(area == "docs" ? "md" : "py")}", "ok"), Text(foreign, "x = 1")]);
    }
}
