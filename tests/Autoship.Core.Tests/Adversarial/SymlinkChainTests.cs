using static Autoship.Core.Tests.Adversarial.AdversarialCases;

namespace Autoship.Core.Tests.Adversarial;

public sealed class SymlinkChainTests
{
    private static ChangedFile Link(string path, string target) => new(path, 1, 0, ChangeKind.Added, SymlinkTarget: target);

    // A chain: hops of links that each look local, whose last hop climbs out (or into a protected path).
    [Fact]
    public void Classify_GeneratedLinkChains_LeavingTheRepository_AreRefused()
    {
        var random = new Random(1703);
        for (var i = 0; i < PerClass; i++)
        {
            var dir = Pick(random, ["docs", "docs/a", "src/cli", "tests/x/y"]);
            var depth = dir.Count(c => c == '/') + 1;
            var hops = random.Next(1, 5);
            var tree = new Dictionary<string, string>();
            var changes = new List<ChangedFile>();
            var previous = string.Empty;
            for (var h = 0; h < hops; h++)
            {
                var name = $"{dir}/up{h}";
                var target = h == 0 ? string.Join('/', Enumerable.Repeat("..", random.Next(1, depth + 1))) : $"{previous}/..";
                if (random.Next(2) == 0 && h < hops - 1)
                {
                    tree[name] = target;
                }
                else
                {
                    changes.Add(Link(name, target));
                }

                previous = $"up{h}";
            }

            var escape = $"{dir}/esc{i}";
            var last = random.Next(3) switch
            {
                0 => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth + 1)),
                1 => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth)) + "/infra",
                _ => $"{previous}/" + string.Join('/', Enumerable.Repeat("..", depth)) + "/.github/workflows",
            };
            changes.Add(Link(escape, last));
            foreach (var (path, target) in changes.Select(c => (c.Path, c.SymlinkTarget!)))
            {
                tree[path] = target;
            }

            var result = Classify(changes, tree);
            result.Allowed.ShouldBeFalse($"case {i}: {string.Join(", ", tree.Select(kv => kv.Key + " -> " + kv.Value))}");
        }
    }

    [Fact]
    public void Classify_GeneratedLinksInsideTheRepository_AreAllowed()
    {
        var random = new Random(1713);
        for (var i = 0; i < PerClass; i++)
        {
            var target = Pick(random, ["guide.md", "../docs/guide.md", "./api/readme.md", "api/../guide.md"]);
            var result = Classify([Link($"docs/link{i}.md", target)], new Dictionary<string, string> { ["docs/up"] = ".." });
            result.Allowed.ShouldBeTrue($"case {i}: docs/link{i}.md -> {target}: {string.Join("; ", result.Reasons.Select(r => r.Message))}");
        }
    }
}
