namespace Autoship.Forge.Local;

public static partial class LocalSample
{
    private const string Readme = """
        # sample-service

        A tiny service used to demonstrate Autoship on the embedded local forge.

        - `src/api` — HTTP route handlers (lane B: staging first)
        - `src/auth` — sessions (lane C: a human approves)
        - `src/cli` — the command line (lane A when small)
        - `web/` — frontend types, `db/migrations/` — schema, `docs/` — documentation

        Run the tests with `bash scripts/test.sh`.

        """;

    private const string Workflow = """
        name: ci
        on:
          push:
          pull_request:
        jobs:
          test:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
              - run: bash scripts/test.sh

        """;

    private const string TestScript = """
        #!/usr/bin/env bash
        # The one validation entrypoint: local CI, GitHub Actions and agents all run this.
        set -euo pipefail
        cd "$(dirname "$0")/.."
        python3 -m unittest discover -s tests -t . -q

        """;

    private const string DeployScript = """
        #!/usr/bin/env bash
        # A pretend staging deploy: records which commit is "live" under the forge's staging/ directory.
        set -euo pipefail
        cd "$(dirname "$0")/.."
        if [ -n "$(find . -name STAGING_FAIL -not -path './.git/*' -print -quit)" ]; then
          echo "staging deploy failed: the tree contains STAGING_FAIL" >&2
          exit 1
        fi
        sha="${AUTOSHIP_DEPLOY_SHA:-unknown}"
        target="${AUTOSHIP_FORGE_DIR:-.}/staging"
        mkdir -p "$target"
        printf '%s\n' "$sha" > "$target/current"
        echo "deployed $sha to staging"

        """;

    private const string Routes = """"
        """HTTP route handlers: each takes a request dict and returns (status, body)."""


        def health(request):
            return 200, {"status": "ok"}


        def get_user(request):
            user_id = request.get("params", {}).get("id")
            if not user_id or not str(user_id).isdigit():
                return 400, {"error": "id must be a number"}
            return 200, {"id": int(user_id), "name": f"user-{user_id}"}


        ROUTES = {
            ("GET", "/health"): health,
            ("GET", "/users/:id"): get_user,
        }

        """";

    private const string Session = """"
        """Session tokens: opaque, expiring, compared in constant time."""
        import hmac
        import secrets

        SESSION_TTL_SECONDS = 3600


        def new_session(user_id, now):
            return {"user": user_id, "token": secrets.token_hex(16), "expires": now + SESSION_TTL_SECONDS}


        def is_valid(session, token, now):
            return now < session["expires"] and hmac.compare_digest(session["token"], token)

        """";

    private const string CliMain = """"
        """The sample command line."""
        import sys

        VERSION = "1.0.0"


        def run(argv):
            if argv[:1] == ["version"]:
                return 0, VERSION
            if argv[:1] == ["greet"]:
                name = argv[1] if len(argv) > 1 else "world"
                return 0, f"hello, {name}"
            return 2, "usage: sample version | greet [NAME]"


        if __name__ == "__main__":
            code, text = run(sys.argv[1:])
            print(text)
            sys.exit(code)

        """";

    private const string WebTypes = """
        // Types shared with the API (src/api/routes.py).
        export interface User {
          id: number;
          name: string;
        }

        export interface Health {
          status: "ok";
        }

        """;

    private const string Migration = """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL
        );

        """;

    private const string Guide = """
        # Guide

        Start the service, then call `GET /health` and `GET /users/:id`.

        """;

    private const string TestRoutes = """
        import unittest

        from src.api import routes


        class RoutesTest(unittest.TestCase):
            def test_health_is_ok(self):
                self.assertEqual(routes.health({}), (200, {"status": "ok"}))

            def test_get_user_returns_user(self):
                status, body = routes.get_user({"params": {"id": "7"}})
                self.assertEqual(status, 200)
                self.assertEqual(body["id"], 7)

            def test_get_user_rejects_bad_id(self):
                status, _ = routes.get_user({"params": {"id": "x"}})
                self.assertEqual(status, 400)

        """;

    private const string TestSession = """
        import unittest

        from src.auth import session


        class SessionTest(unittest.TestCase):
            def test_new_session_is_valid_until_expiry(self):
                s = session.new_session(1, now=1000)
                self.assertTrue(session.is_valid(s, s["token"], now=1001))
                self.assertFalse(session.is_valid(s, s["token"], now=1000 + session.SESSION_TTL_SECONDS))

            def test_wrong_token_is_invalid(self):
                s = session.new_session(1, now=0)
                self.assertFalse(session.is_valid(s, "nope", now=1))

        """;

    private const string TestCli = """
        import unittest

        from src.cli import main


        class CliTest(unittest.TestCase):
            def test_version(self):
                self.assertEqual(main.run(["version"]), (0, main.VERSION))

            def test_greet(self):
                self.assertEqual(main.run(["greet", "ada"]), (0, "hello, ada"))

            def test_unknown_command_is_usage_error(self):
                self.assertEqual(main.run([])[0], 2)

        """;
}
