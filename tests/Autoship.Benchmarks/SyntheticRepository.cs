using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Benchmarks;

/// <summary>A synthetic forge snapshot: ready issues across every area, and open Autoship PRs with files, reviews and checks.</summary>
internal static class SyntheticRepository
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly Actor Maintainer = new("maintainer", Permission.Admin);

    private static readonly Actor Bot = new("autoship[bot]", Permission.Write);

    private static readonly string[] Areas = ["docs", "test", "cli-sdk", "api", "web", "ops", "auth", "runtime", "infra"];

    private static readonly Dictionary<string, string[]> Files = new()
    {
        ["docs"] = ["docs/guide.md", "docs/faq.md", "README.md"],
        ["test"] = ["tests/test_routes.py", "tests/test_cli.py", "tests/conftest.py"],
        ["cli-sdk"] = ["src/cli/main.py", "src/cli/args.py", "tests/test_cli.py"],
        ["api"] = ["src/api/routes.py", "src/api/users.py", "tests/test_routes.py"],
        ["web"] = ["web/types.ts", "web/header.tsx", "tests/header.test.ts"],
        ["ops"] = ["ops/alerts.yml", "monitoring/dashboard.json", "docs/ops.md"],
        ["auth"] = ["src/auth/session.py", "src/auth/tokens.py", "tests/test_session.py"],
        ["runtime"] = ["src/runtime/protocol.py", "src/runtime/frames.py", "tests/test_protocol.py"],
        ["infra"] = ["infra/main.tf", "deploy/staging.yml", "Dockerfile"],
    };

    public static PlanInput Build(int readyIssues, int openPullRequests)
    {
        var config = DefaultConfig.Load();
        var issues = new List<IssueSnapshot>(readyIssues + openPullRequests);
        for (var n = 1; n <= readyIssues; n++)
        {
            issues.Add(Issue(n, Areas[n % Areas.Length], claimed: false));
        }

        var prs = new List<PullRequestSnapshot>(openPullRequests);
        var memories = new Dictionary<int, ItemMemory>();
        for (var i = 0; i < openPullRequests; i++)
        {
            var number = readyIssues + i + 1;
            var area = Areas[i % Areas.Length];
            var issue = Issue(number, area, claimed: true);
            issues.Add(issue);
            var order = WorkOrderFactory.Create("github:acme/app", issue, area, Risk(area), OwnershipPolicy.Assign(area, config), config, 1, Now.AddHours(-1));
            var head = $"{number:x8}{new string('a', 32)}";
            var reviewer = new Actor("autoship-reviewer[bot]", Permission.Write);
            prs.Add(new PullRequestSnapshot(
                10_000 + i, issue.Title, WorkOrderCodec.RenderPullRequestBody(order, "exited 0", "checked by hand"), Bot, order.Branch, head, "main", true, false,
                ["size:s", "lane:" + order.Lane.Name(), "area:" + area, "risk:" + Risk(area)],
                [
                    new ReviewSnapshot(reviewer, ReviewState.ChangesRequested, "0000000000000000000000000000000000000000", Now.AddHours(-2), order.Reviewer),
                    new ReviewSnapshot(reviewer, i % 3 == 0 ? ReviewState.ChangesRequested : ReviewState.Approved, head, Now.AddMinutes(-30), order.Reviewer),
                    new ReviewSnapshot(new Actor("alice", Permission.Write), ReviewState.Commented, head, Now.AddMinutes(-20)),
                ],
                [new CheckSnapshot("ci", i % 5 == 0 ? CheckState.Pending : CheckState.Success, head), new CheckSnapshot("lint", CheckState.Success, head)],
                [new DeploymentSnapshot("staging", head, DeploymentState.Success, Now.AddMinutes(-10))],
                Files[area].Select((path, k) => new ChangedFile(path, 4 + k, 1) { AddedLines = ["x = 1", "y = 2"] }).ToList(),
                Now.AddMinutes(-5)));
            memories[number] = new ItemMemory(ItemPhase.PullRequest, order.Owner, order.Reviewer, 1, Now.AddHours(-1), order.Lane, []);
        }

        var snapshot = new RepositorySnapshot("github:acme/app", "main", new string('b', 40), issues, prs, Now);
        return new PlanInput(snapshot, config, [], memories, RuntimeControls.None, Now) { LastGoodConfig = config };
    }

    private static string Risk(string area) => area switch
    {
        "auth" or "runtime" or "infra" => "high",
        "api" or "web" or "ops" => "medium",
        _ => "low",
    };

    private static IssueSnapshot Issue(int number, string area, bool claimed)
    {
        List<string> labels = [Labels.Ready, "area:" + area, "risk:" + Risk(area)];
        if (Risk(area) == "low")
        {
            labels.Add(Labels.Safe);
        }

        if (claimed)
        {
            labels.Add(Labels.Claimed);
        }

        var events = labels.Select(l => new LabelEvent(l, true, l == Labels.Claimed ? Bot : Maintainer, Now.AddHours(-3))).ToList();
        return new IssueSnapshot(number, $"Item {number}: improve the {area} area", "```diff\n```", true, labels, [], events, Now.AddHours(-1));
    }
}
