namespace Autoship.Engine.Demo;

/// <summary>The issues that exercise every path of the seed on the sample project.</summary>
public static class DemoScenario
{
    private const string Ready = "autonomy:ready";
    private const string Safe = "autonomy:safe";

    private const string MigrationTest = """
        import pathlib
        import sqlite3
        import unittest


        class MigrationsTest(unittest.TestCase):
            def test_migrations_apply_in_order(self):
                db = sqlite3.connect(":memory:")
                for path in sorted(pathlib.Path("db/migrations").glob("*.sql")):
                    db.executescript(path.read_text())
                columns = [row[1] for row in db.execute("PRAGMA table_info(users)")]
                self.assertEqual(columns, ["id", "name", "email"])

        """;

    public static IReadOnlyList<DemoIssue> Issues { get; } =
    [
        new("docs", "Docs: say how to run the tests", "lane A: a docs fix merges by itself",
            [Ready, Safe, "area:docs", "risk:low"],
            [new("docs/guide.md", "`GET /users/:id`.\n", "`GET /users/:id`.\n\nRun `bash scripts/test.sh` before you open a pull request.\n")]),
        new("test", "Test repair: cover a missing user id", "lane A: a test repair merges by itself",
            [Ready, Safe, "area:test", "risk:low"],
            [new("tests/test_routes.py", "        self.assertEqual(status, 400)\n", "        self.assertEqual(status, 400)\n\n    def test_get_user_rejects_missing_id(self):\n        status, _ = routes.get_user({})\n        self.assertEqual(status, 400)\n")]),
        new("route", "API: add GET /version", "lane B: a backend route merges only after its staging deployment succeeds",
            [Ready, "area:api", "risk:medium"],
            [
                new("src/api/routes.py", "ROUTES = {\n", "def version(request):\n    return 200, {\"version\": \"1.0.0\"}\n\n\nROUTES = {\n"),
                new("src/api/routes.py", "    (\"GET\", \"/users/:id\"): get_user,\n", "    (\"GET\", \"/users/:id\"): get_user,\n    (\"GET\", \"/version\"): version,\n"),
                new("tests/test_routes.py", "    def test_get_user_returns_user(self):\n", "    def test_version(self):\n        self.assertEqual(routes.version({}), (200, {\"version\": \"1.0.0\"}))\n\n    def test_get_user_returns_user(self):\n"),
            ]),
        new("auth", "Auth: shorten sessions to 30 minutes", "lane C: an auth change waits for a human approval",
            [Ready, "area:auth", "risk:high"],
            [
                new("src/auth/session.py", "SESSION_TTL_SECONDS = 3600", "SESSION_TTL_SECONDS = 1800"),
                new("tests/test_session.py", "    def test_wrong_token_is_invalid(self):\n", "    def test_sessions_last_thirty_minutes(self):\n        self.assertEqual(session.SESSION_TTL_SECONDS, 30 * 60)\n\n    def test_wrong_token_is_invalid(self):\n"),
            ],
            Evidence: "tests/test_session.py checks that a session is valid just before and invalid at SESSION_TTL_SECONDS; run `bash scripts/test.sh`."),
        new("migration", "DB: add an email column to users", "lane C: a database migration waits for a human approval",
            [Ready, "area:api", "risk:medium"],
            [
                new("db/migrations/002_add_email.sql", string.Empty, "ALTER TABLE users ADD COLUMN email TEXT;\n"),
                new("tests/test_migrations.py", string.Empty, MigrationTest),
            ],
            Evidence: "Applied to a copy of the staging database: the column is added, existing rows keep working."),
        new("workflow", "CI: cache pip downloads", "guardrails: a patch touching .github/workflows/ is refused",
            [Ready, Safe, "area:ops", "risk:low"],
            [new(".github/workflows/ci.yml", "      - uses: actions/checkout@v4\n", "      - uses: actions/checkout@v4\n      - uses: actions/cache@v4\n        with: { path: ~/.cache/pip, key: pip }\n")]),
        new("oversized", "Docs: write the full operations guide", "size: an oversized patch is kept out of lane A",
            [Ready, Safe, "area:docs", "risk:low"],
            [new("docs/operations.md", string.Empty, string.Concat(Enumerable.Range(1, 45).Select(i => $"{i}. Operations step {i}: check the service and write down what you saw.\n")))]),
        new("breaking", "CLI: greet people more casually", "a patch that breaks the tests never merges; it is retried, then blocked",
            [Ready, Safe, "area:cli-sdk", "risk:low"],
            [new("src/cli/main.py", "f\"hello, {name}\"", "f\"hi, {name}\"")]),
        new("two-areas", "Show the user's name in the web header", "triage: two area labels are explained and skipped",
            [Ready, "area:api", "area:web", "risk:low"],
            [new("web/types.ts", "  name: string;\n", "  name: string;\n  displayName?: string;\n")]),
        new("untrusted", "Docs: link to my website", "safety: autonomy:ready from an account without write access starts nothing",
            [Ready, "area:docs", "risk:low"],
            [new("docs/guide.md", "# Guide\n", "# Guide\n\nSee https://example.invalid for more.\n")], Author: "mallory"),
        new("stale", "Docs: mention the health endpoint in the README", "control loop: a stale claim with no PR is released after the timeout",
            [Ready, Safe, "area:docs", "risk:low", "autonomy:claimed"],
            [new("README.md", "Run the tests with `bash scripts/test.sh`.\n", "Run the tests with `bash scripts/test.sh`.\nCheck a running service with `GET /health`.\n")]),
    ];
}
