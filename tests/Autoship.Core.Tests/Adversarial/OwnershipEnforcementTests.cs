using static Autoship.Core.Tests.Adversarial.AdversarialCases;

namespace Autoship.Core.Tests.Adversarial;

/// <summary>Class 10: the harness refuses a change outside the paths the author agent's areas cover, naming the owner who would be allowed.</summary>
public sealed class OwnershipEnforcementTests
{
    private static readonly Autoship.Core.Config.AutoshipConfig Cfg = AdversarialCases.Config;

    private static readonly string[] Exts = ["py", "ts", "go", "cs", "md", "js"];

    [Fact]
    public void Classify_GeneratedChangesOutsideTheAuthorsAreas_AreRefusedNamingTheOwner()
    {
        var random = new Random(1710);
        var authors = Cfg.Agents.Where(a => a.Authors && a.Areas.Count > 0).ToList();
        var refused = 0;
        for (var i = 0; refused < PerClass; i++)
        {
            var agent = Pick(random, authors);
            var foreign = Cfg.Areas.Where(a => !agent.Areas.Contains(a.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            var area = Pick(random, foreign);
            var path = PathIn(random, area.Paths, i);
            if (Cfg.Areas.Any(a => agent.Areas.Contains(a.Name) && GlobMatcher.MatchesAny(path, a.Paths)) || GlobMatcher.MatchesAny(path, agent.AlsoPaths))
            {
                continue; // the path also falls in one of the agent's own areas (e.g. docs/**/*.md) or its alsoPaths (tests next to its code)
            }

            var own = Text(PathIn(random, Cfg.Area(agent.Areas[0])!.Paths, i), "ok");
            var files = random.Next(2) == 0 ? new[] { own, Text(path, "x = 1") } : [new ChangedFile(path, 1, 1) { OldPath = own.Path, AddedLines = ["x"] }];

            var result = Classifier.Classify([$"area:{agent.Areas[0]}"], files, Cfg, null, authorAgent: agent.Name);

            result.Allowed.ShouldBeFalse($"case {i}: {agent.Name} changed {path}");
            result.Guardrails.Violations.ShouldContain(r => r.Code == "outside-ownership" && r.Message.Contains(path, StringComparison.Ordinal), $"case {i}: {path}");
            var owner = Cfg.Agents.First(a => a.Authors && a.Areas.Contains(area.Name));
            result.Guardrails.Violations.ShouldContain(r => r.Message.Contains(owner.Name, StringComparison.Ordinal), $"case {i}: {path} should name {owner.Name}");
            refused++;
        }
    }

    [Fact]
    public void Classify_GeneratedChangesInsideTheAuthorsAreasOrAlsoPaths_HaveNoOwnershipViolation()
    {
        var random = new Random(1711);
        var authors = Cfg.Agents.Where(a => a.Authors && a.Areas.Count > 0).ToList();
        for (var i = 0; i < PerClass; i++)
        {
            var agent = Pick(random, authors);
            var config = Cfg;
            string path;
            if (random.Next(3) == 0)
            {
                path = $"extra/{agent.Name}/f{i}.{Pick(random, Exts)}";
                config = Cfg with { Agents = Cfg.Agents.Select(a => a.Name == agent.Name ? a with { AlsoPaths = [$"extra/{agent.Name}/**"] } : a).ToList() };
            }
            else
            {
                path = PathIn(random, Cfg.Area(Pick(random, agent.Areas))!.Paths, i);
            }

            var result = Classifier.Classify([], [Text(path, "x = 1")], config, null, authorAgent: agent.Name);

            result.Guardrails.Violations.ShouldNotContain(r => r.Code == "outside-ownership", $"case {i}: {agent.Name} changed {path}");
        }
    }

    [Fact]
    public void Classify_GeneratedHarmlessDocsByTheDocsOwner_StayLaneAAndAllowed()
    {
        var random = new Random(1712);
        var owner = OwnershipPolicy.Assign("docs", Cfg).Owner!.Name;
        for (var i = 0; i < PerClass; i++)
        {
            var path = $"docs/{Pick(random, ["guide", "api", "howto"])}/p{i}.md";
            var result = Classifier.Classify(["autonomy:safe", "area:docs"], [Text(path, $"line {random.Next()}")], Cfg, null, authorAgent: owner);

            result.Allowed.ShouldBeTrue($"case {i}: {string.Join("; ", result.Reasons.Select(r => r.Message))}");
            result.Lane.ShouldBe(Lane.Safe, $"case {i}");
        }
    }

    [Fact]
    public void Classify_GeneratedNeverPathsByAnyAgent_RefusedWithoutSuggestingAnOwnerOrAlsoPaths()
    {
        var random = new Random(1714);
        var authors = Cfg.Agents.Where(a => a.Authors).ToList();
        string[] never = [".github/workflows/ci{0}.yml", ".github/autoship.yml", "keys/k{0}.pem", "src/api/.env", "docs/.env.local{0}", ".git/hooks/pre-commit{0}"];
        for (var i = 0; i < PerClass; i++)
        {
            var agent = Pick(random, authors);
            var path = Case(random, string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, never), i));
            var files = random.Next(2) == 0 ? new[] { Text(path, "x") } : [Text(path, "x"), Text($"src/api/elsewhere{i}.py", "y")];

            var result = Classifier.Classify([], files, Cfg, null, authorAgent: agent.Name);

            result.Allowed.ShouldBeFalse($"case {i}: {path}");
            result.Guardrails.Violations.ShouldContain(r => r.Code == "never-path" || r.Code == "git-internals", $"case {i}: {path}");
            result.Guardrails.Violations.ShouldNotContain(r => r.Message.Contains(path, StringComparison.Ordinal) && r.Message.Contains("would be allowed", StringComparison.Ordinal), $"case {i}: {path}");
            result.Guardrails.Violations.Where(r => r.Message.Contains(path, StringComparison.Ordinal)).ShouldAllBe(r => !r.Message.Contains("allow it for", StringComparison.Ordinal), $"case {i}: {path}");
        }
    }

    /// <summary>A concrete path one of <paramref name="globs"/> matches: each <c>**</c> and <c>*</c> filled with generated names.</summary>
    private static string PathIn(Random random, IReadOnlyList<string> globs, int i)
    {
        var glob = Pick(random, globs);
        var path = glob.Replace("**/", random.Next(2) == 0 ? string.Empty : $"d{random.Next(50)}/", StringComparison.Ordinal)
            .Replace("/**", $"/m{i}/f.{Pick(random, Exts)}", StringComparison.Ordinal)
            .Replace("*", $"n{random.Next(1000)}", StringComparison.Ordinal);
        GlobMatcher.MatchesAny(path, [glob]).ShouldBeTrue($"generator: {path} from {glob}");
        return path;
    }
}
