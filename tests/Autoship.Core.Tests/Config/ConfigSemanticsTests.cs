using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigSemanticsTests
{
    public static TheoryData<string, string, int, string, string> Cases() => new()
    {
        // name, yaml, line, token at the error's column, message fragment
        { "area without owner", ConfigYaml.With("areas: [docs]", "areas: []"), 11, "docs:", "area 'docs' has no owning agent: list it in the 'areas' of exactly one agent with 'author: true'" },
        { "owner is not an author", ConfigYaml.With("areas: [docs] }", "areas: [docs], author: false }"), 11, "docs:", "area 'docs' has no owning agent" },
        { "two owners", ConfigYaml.With("areas: [docs]", "areas: [docs, api]"), 10, "api:", "area 'api' has 2 owning agents (author-a, author-b): exactly one author agent may own an area" },
        { "unknown area in agent", ConfigYaml.With("areas: [docs]", "areas: [docs, apii]"), 14, "apii", "agent 'author-b' lists unknown area 'apii'; did you mean 'api'?" },
        { "reviews itself", ConfigYaml.With("areas: [api] }", "areas: [api], reviewer: author-a }"), 13, "author-a }", "agent 'author-a' cannot review its own work" },
        { "unknown reviewer", ConfigYaml.With("areas: [api] }", "areas: [api], reviewer: author-c }"), 13, "author-c", "agent 'author-a' names unknown reviewer 'author-c'; did you mean 'author-a'?" },
        { "reviewer does not review", ConfigYaml.With("areas: [docs] }", "areas: [docs], review: false }").Replace("areas: [api] }", "areas: [api], reviewer: author-b }"), 13, "author-b }", "reviewer 'author-b' of agent 'author-a' has 'review: false'" },
        { "no possible reviewer", ConfigYaml.With("areas: [docs] }", "areas: [docs], review: false }"), 13, "author-a", "agent 'author-a' has no reviewer: no other agent has 'review: true'" },
        { "lane label undefined", ConfigYaml.Base + "lanes: { safe: { requireLabels: [\"autonomy:saf\"] } }\n", 15, "\"autonomy:saf\"", "lane 'safe' requires label 'autonomy:saf', which is not defined under 'labels'; did you mean 'autonomy:safe'?" },
        { "lane any-label undefined", ConfigYaml.Base + "lanes: { safe: { requireAnyLabel: [\"size:xs\", \"size:m\"] } }\n", 15, "\"size:m\"", "lane 'safe' requires label 'size:m'" },
        { "rule label undefined", ConfigYaml.Base + "rules: { labels: [ { label: \"risk:medium\", lane: staging, reason: r } ] }\n", 15, "\"risk:medium\"", "label rule refers to label 'risk:medium', which is not defined under 'labels'" },
        { "area label without area", ConfigYaml.With("\"risk:high\"", "\"area:web\""), 8, "\"area:web\"", "label 'area:web' has no area 'web' under 'areas'" },
        { "area without label", ConfigYaml.With("\"area:docs\"", "\"risk:low\""), 11, "docs:", "area 'docs' has no label 'area:docs' under 'labels'" },
        { "area path equals never", ConfigYaml.With("[\"docs/**\"]", "[\"docs/**\", \"**/.env\"]"), 11, "\"**/.env\"", "area 'docs' path '**/.env' is inside never glob '**/.env': never globs cannot be overridden" },
        { "area path inside never", ConfigYaml.With("[\"docs/**\"]", "[\".github/workflows/*.yml\"]"), 11, "\".github", "area 'docs' path '.github/workflows/*.yml' is inside never glob '.github/workflows/**'" },
        { "path rule inside custom never", ConfigYaml.Base + "never: [\"secrets/**\"]\nrules: { paths: [ { id: s, paths: [\"secrets/keys/**\"], lane: human, reason: r } ] }\n", 16, "\"secrets/keys", "path rule 's' path 'secrets/keys/**' is inside never glob 'secrets/**'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_SemanticProblem_ReportsErrorAtTheOffendingNode(string name, string yaml, int line, string token, string message)
    {
        var result = ConfigYaml.Load(yaml);

        result.IsValid.ShouldBeFalse(name);
        var column = ConfigYaml.Column(yaml, line, token);
        var all = string.Join("\n", result.Errors);
        result.Errors.ShouldContain(e => e.Line == line && e.Column == column && e.Message.Contains(message), $"{name}: expected {line}:{column}: ...{message}... in\n{all}");
    }

    [Fact]
    public void Load_BroaderGlobThanNever_IsAllowedBecauseNeverStillWins()
    {
        var result = ConfigYaml.Load(ConfigYaml.With("[\"docs/**\"]", "[\"docs/**\", \".github/**\"]"));
        result.Errors.ShouldBeEmpty(string.Join("\n", result.Errors));
    }

    [Fact]
    public void Load_DefaultReviewer_IsFirstOtherAgentThatReviews()
    {
        var config = ConfigYaml.Load(ConfigYaml.Base).Config!;
        config.ReviewerFor(config.Agent("author-a")!)!.Name.ShouldBe("author-b");
        config.ReviewerFor(config.Agent("author-b")!)!.Name.ShouldBe("author-a");
    }
}
