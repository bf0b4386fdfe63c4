namespace Autoship.Core.Config;

/// <summary>The text of the default configuration (kept apart so that the YAML reads as one piece).</summary>
internal static class DefaultConfigText
{
    public static string Yaml => Render(InitLayout.Seed);

    /// <summary>The default file with what <c>init</c> found in the repository (<see cref="InitLayout.Seed"/>: nothing).</summary>
    public static string Render(InitLayout layout) => $$"""
        {{ConfigSchema.Modeline}}
        # Autoship configuration — the seed's "autonomous shipping operating model", ready to use.
        # Goal: ship many small, reviewed, testable changes every day without giving unattended
        # agents direct production power. Check it with `autoship config validate`. The first line
        # points editors at the JSON Schema: save it beside this file with
        # `autoship config schema > .github/{{ConfigSchema.FileName}}`. Every section but `version`
        # may be left out: omitted keys take the defaults shown here (see the README's table).
        version: 1

        # The four label families Autoship reads (area, risk, autonomy, size), plus the lane
        # labels it puts on pull requests. `autoship labels sync` creates them on the forge.
        labels:
          # area: which agent owns the work (exactly one owner per area, see `agents`)
          - { name: "area:api", color: "1d76db", description: "Backend API and routes" }
          - { name: "area:web", color: "1d76db", description: "Web frontend and dashboard" }
          - { name: "area:auth", color: "1d76db", description: "Authentication and sessions" }
          - { name: "area:cli-sdk", color: "1d76db", description: "CLI and SDK" }
          - { name: "area:runtime", color: "1d76db", description: "Runtime and protocol" }
          - { name: "area:test", color: "1d76db", description: "Tests and validation" }
          - { name: "area:infra", color: "1d76db", description: "Infrastructure and deployment" }
          - { name: "area:ops", color: "1d76db", description: "Operations, monitoring and observability" }
          - { name: "area:docs", color: "1d76db", description: "Documentation" }{{SeedAreas.CodeLabelLine(layout)}}
          # risk: labels may raise a lane, never lower it
          - { name: "risk:low", color: "0e8a16", description: "Low risk" }
          - { name: "risk:medium", color: "fbca04", description: "Medium risk: at least the staging lane" }
          - { name: "risk:high", color: "b60205", description: "High risk: human-gated lane" }
          # autonomy: the work queue
          - { name: "autonomy:ready", color: "c2e0c6", description: "Ready for an agent to pick up" }
          - { name: "autonomy:safe", color: "0e8a16", description: "Eligible for safe auto-merge (lane A)" }
          - { name: "autonomy:blocked", color: "d93f0b", description: "Blocked: needs a person" }
          - { name: "autonomy:claimed", color: "5319e7", description: "Claimed by an agent" }
          # size: changed lines (see `sizing`)
          - { name: "size:xs", color: "ededed", description: "Extra small change" }
          - { name: "size:s", color: "d4c5f9", description: "Small change" }
          - { name: "size:m", color: "bfd4f2", description: "Medium change" }
          - { name: "size:l", color: "f9d0c4", description: "Large change" }
          # lane: set by Autoship on pull requests (people may add one to raise a lane)
          - { name: "lane:safe", color: "0e8a16", description: "Lane A: safe auto-merge" }
          - { name: "lane:staging", color: "fbca04", description: "Lane B: staging-first product work" }
          - { name: "lane:human", color: "b60205", description: "Lane C: human-gated risk" }
          # priority: which ready work goes first (see `queue`); counts only when a writer applies it
          - { name: "priority:p0", color: "b60205", description: "Priority 0: goes first" }
          - { name: "priority:p1", color: "d93f0b", description: "Priority 1" }
          - { name: "priority:p2", color: "fbca04", description: "Priority 2 (the default)" }
          - { name: "priority:p3", color: "c5def5", description: "Priority 3" }
          - { name: "priority:p4", color: "ededed", description: "Priority 4: goes last" }

        # Areas (the part after `area:`): the paths each covers and the lane its changes start in.
        areas:
        {{SeedAreas.AreaLines(layout)}}

        # What a pull request needs before it may merge. A PR's lane is the riskiest of its
        # labels, its changed paths and its content: highest risk wins.
        lanes:
          safe:
            description: "Lane A: safe auto-merge"
            examples: ["docs", "test repairs", "small CLI and SDK parity fixes", "small frontend proxy or type alignment"]
            reviewerApprovals: 1          # one reviewer agent (never the author)
            requireChecks: true           # required CI green
            requireLabels: ["autonomy:safe"]
            requireAnyLabel: ["size:xs", "size:s"]
            deployment: null
            humanApproval: false
            approvers: []
            verificationEvidence: false
            autoMerge: true
            # One autonomous pass stays small. Every changed line counts here (generated files too); text is
            # limited by bytes per file and per pass and by line length, so one long line is not "1 line".
            guardrails: { maxFiles: 10, maxLines: 200, maxBinaryBytes: 1048576, maxFileBytes: 262144, maxPassBytes: 524288, maxLineLength: 1000 }
          staging:
            description: "Lane B: staging-first product work"
            examples: ["backend route changes", "dashboard features", "observability improvements"]
            reviewerApprovals: 1
            requireChecks: true
            requireLabels: []
            requireAnyLabel: []
            {{SeedAreas.Deployment(layout)}}
            humanApproval: false
            approvers: []
            verificationEvidence: false
            autoMerge: true
            guardrails: { maxFiles: 20, maxLines: 400, maxBinaryBytes: 1048576, maxFileBytes: 262144, maxPassBytes: 2097152, maxLineLength: 1000 }
          human:
            description: "Lane C: human-gated risk"
            examples: ["auth/session changes", "runtime protocol changes", "infrastructure changes", "database migrations"]
            reviewerApprovals: 1
            requireChecks: true
            requireLabels: []
            requireAnyLabel: []
            deployment: null
            humanApproval: true
            # Who may approve: users or org/team slugs. Empty means any account with write
            # access that is not an agent identity.
            approvers: []
            verificationEvidence: true    # the PR body needs a "Verification evidence" section
            autoMerge: true               # merges only after the human approval and evidence above
            guardrails: { maxFiles: 20, maxLines: 400, maxBinaryBytes: 1048576, maxFileBytes: 262144, maxPassBytes: 2097152, maxLineLength: 1000 }

        rules:
          # Labels raise the lane (never lower it).
          labels:
            - { label: "risk:high", lane: human, reason: "labeled high risk" }
            - { label: "risk:medium", lane: staging, reason: "labeled medium risk" }
          # Changed paths raise the lane: the seed's lane C and its "what not to automate yet".
          paths:
            - id: migrations
              paths: ["**/migrations/**", "**/*.sql"]
              lane: human
              reason: "database migrations (what not to automate: broad schema migrations)"
            - id: infrastructure
              paths: ["infra/**", "terraform/**", "deploy/**", "**/*.tf", "Dockerfile", "**/Dockerfile"]
              lane: human
              reason: "infrastructure changes (what not to automate: direct production infra changes)"
            - id: auth-session
              paths: ["**/auth/**", "**/session/**", "**/sessions/**"]
              lane: human
              reason: "auth/session changes (what not to automate: auth-breaking changes)"
            - id: runtime-protocol
              paths: ["runtime/**", "src/runtime/**", "**/protocol/**"]
              lane: human
              reason: "runtime protocol changes (what not to automate: unreviewed runtime protocol changes)"
            - id: deploy-scripts
              paths: ["scripts/deploy*"]
              lane: human
              reason: "deployment scripts reach production (what not to automate: direct production infra changes)"
            - id: ci-workflows
              paths: [".github/actions/**", ".ci/**", ".circleci/**", ".gitlab-ci.yml", ".buildkite/**", "azure-pipelines.yml", "Jenkinsfile", ".drone.yml"]
              lane: human
              reason: "CI configuration is infrastructure (.github/workflows/** is in `never` and lane C as well): they decide what runs with the repository's credentials"
            - id: governance
              paths: ["**/CODEOWNERS", ".github/settings.yml", ".github/rulesets/**", "**/.gitmodules", "**/.gitattributes", ".lfsconfig", "OWNERS", "**/OWNERS", "**/OWNERS_ALIASES"]
              lane: human
              reason: "ownership, repository settings, submodules and attributes decide who reviews and how files are read"
            - id: validation-config
              paths: ["**/conftest.py", "**/pytest.ini", "**/tox.ini", "**/noxfile.py", "**/setup.cfg", "**/pyproject.toml", "**/package.json", "**/.npmrc",
                      "**/jest.config.*", "**/vitest.config.*", "**/vitest.workspace.*", "**/karma.conf.*", "**/.mocharc*", "**/playwright.config.*",
                      "**/Directory.Build.*", "**/Directory.Packages.props", "**/*.runsettings", "**/global.json", "**/phpunit.xml*",
                      "**/pytest.toml", "**/.pytest.ini", "**/setup.py", "**/sitecustomize.py", "**/usercustomize.py", "**/*.pth", "**/vite.config.*",
                      "**/cypress.config.*", "**/xunit.runner.json", "**/NuGet.config", "**/.yarnrc*",
                      "tests/**/__init__.py", "test/**/__init__.py", "**/tests/__init__.py", "**/Makefile", "**/GNUmakefile", "**/*.mk", "**/justfile",
                      "**/Taskfile.yml", "scripts/test*", "scripts/ci*", "**/run_tests*", "**/run-tests*"]
              lane: human
              reason: "what validates the code (test runner configuration, scripts and build settings) must not be changed unattended"
            - id: agent-settings
              paths: [".claude/**", ".codex/**", ".gemini/**", ".qwen/**", ".opencode/**", ".aider*", ".mcp.json", "opencode.json", "opencode.jsonc", ".github/agents/**", "AGENTS.md", "CLAUDE.md", "GEMINI.md", "QWEN.md"]
              lane: human
              reason: "agent settings and instructions: hooks, MCP servers and prompts that later agent runs would load"
          # Regular expressions over added text: each rule is tried on every added line and on each file's
          # added text as a whole (a statement over several lines, in a string, cut into concatenated pieces
          # or with SQL comments inside reads as one statement; ^ and $ anchor lines). `forbid` refuses the
          # change outright; `raise` puts it at least in `lane`. Statements end at `;` or at a quote.
          content:
            - id: drop-table
              pattern: '(?i)\bdrop\s+(table|database|schema)\b'
              action: forbid
              lane: human
              reason: "destructive data operation (what not to automate): DROP TABLE/DATABASE/SCHEMA"
              paths: []
            - id: truncate
              pattern: '(?i)\btruncate\s+(?:table\b|only\b|\\?["`\[]?\w+\\?["`\]]?(?:\.\\?["`\[]?\w+\\?["`\]]?)*\s*(?:;|$|["''`)\\,]|\b(?:cascade|restrict|restart|continue)\b))'
              action: forbid
              lane: human
              reason: "destructive data operation (what not to automate): TRUNCATE"
              paths: []
            - id: delete-without-where
              pattern: '(?i)\bdelete\s+from\s+(?>\\?["`\[]?\w+\\?["`\]]?(?:\.\\?["`\[]?\w+\\?["`\]]?)*)(?![^;"''`]*\bwhere\b)'
              action: forbid
              lane: human
              reason: "destructive data operation (what not to automate): DELETE FROM without WHERE in the same statement"
              paths: []
            - id: drop-column
              pattern: '(?i)\balter\s+table\b[^;]*?\bdrop\b'
              action: raise
              lane: human
              reason: "broad schema migration (what not to automate): ALTER TABLE ... DROP"
              paths: []
            - id: mass-delete
              pattern: '(?i)\b(?:drop_all|dropDatabase|drop_table|drop_column|remove_column|delete_all|destroy_all|flushall|flushdb)\b|\bdeleteMany\s*\(\s*\{\s*\}|\.objects\.all\(\s*\)\.delete\('
              action: raise
              lane: human
              reason: "destructive data operation through a library (drop_all, drop_table, delete_all, deleteMany({}), FLUSHALL, .objects.all().delete())"
              paths: []
            - id: test-runner-exit
              pattern: '\b(?:os\._exit|sys\.exit|process\.exit|process\.reallyExit|process\.kill|Environment\.Exit|pytest\.exit|SystemExit|os\.kill|quit\s*\(|exit\s*\(\s*\)|exit\s*\(?\s*0\b|allow_module_level)'
              action: raise
              lane: human
              reason: "code that ends the test run early can make validation pass without running the tests"
              paths: ["tests/**", "test/**", "**/tests/**", "**/test/**", "**/__tests__/**", "**/spec/**", "**/*_test.*", "**/*.test.*", "**/*.spec.*",
                      "**/test_*.py", "**/*Tests.cs", "**/*Test.java", "**/conftest.py", "scripts/**"]

        # Paths no agent may touch at all, in any lane. Area paths and path rules cannot override them.
        never: [".github/workflows/**", ".github/autoship.yml", ".git/**", "**/*.pem", "**/.env", "**/.env.*"]

        # The first four agents from the seed. Each area has exactly one owning author; every
        # change is reviewed by a different agent. The `builtin` runner is Autoship's deterministic
        # patch author and rules reviewer; to run a coding agent instead, for example:
        #   runner: { preset: claude, model: claude-sonnet-4-5, args: [], command: [] }
        # (other presets: codex, aider, opencode, and `command` with your own argv list).
        agents:
          - name: mission-control-orchestrator
            description: "Keeps the queue and operations healthy; owns operations and docs"
            areas: [ops, docs]
            author: true
            review: true
            reviewer: qa-reliability-engineer
            runner: { preset: builtin, model: null, args: [], command: [] }
            timeout: 30m
            inactivity: 10m
            env: []                       # environment variables passed through (never forge tokens)
            login: null                   # forge login to request as reviewer, if mapped
            sandbox: none                 # or bwrap
            network: true                 # false, true, or allow-list (model endpoint + egress: hosts; needs bwrap)
            maxConcurrent: 1
          - name: qa-reliability-engineer
            description: "Tests and validation truth; reviews the other agents' work"
            areas: [test]
            author: true
            review: true
            reviewer: control-plane-steward
            runner: { preset: builtin, model: null, args: [], command: [] }
            timeout: 30m
            inactivity: 10m
            env: []
            login: null
            sandbox: none
            network: true
            maxConcurrent: 1
          - name: cli-sdk-contract-keeper
            description: "CLI, SDK and frontend contract parity"
            areas: [cli-sdk, web]
            alsoPaths: {{SeedAreas.TestPaths(layout)}}   # tests next to its code
            author: true
            review: true
            reviewer: qa-reliability-engineer
            runner: { preset: builtin, model: null, args: [], command: [] }
            timeout: 30m
            inactivity: 10m
            env: []
            login: null
            sandbox: none
            network: true
            maxConcurrent: 1
          - name: control-plane-steward
            description: "API, auth, runtime and infrastructure"
            areas: {{SeedAreas.OwnerAreas(layout)}}
            alsoPaths: {{SeedAreas.TestPaths(layout)}}   # tests next to its code
            author: true
            review: true
            reviewer: qa-reliability-engineer
            runner: { preset: builtin, model: null, args: [], command: [] }
            timeout: 30m
            inactivity: 10m
            env: []
            login: null
            sandbox: none
            network: true
            maxConcurrent: 1

        # The control loop: one tick every 15 minutes (the workflow's schedule should match).
        loop:
          schedule: "{{ConfigDefaults.Schedule}}"
          claimTimeout: 2h                # stale claims with no open PR go back to the queue
          maxAttempts: 3                  # then the issue is labeled autonomy:blocked
          maxConcurrent: 2                # work orders in flight at once
          killSwitch: false               # true stops all agent work
          pausedLanes: []                 # e.g. [staging]
          maxAgentMinutesPerDay: 240
          circuitBreakerFailures: 3       # consecutive failures before pausing
          dashboardIssue: true            # one 'Autoship dashboard' issue, rewritten when it changes

        # The validation truth contract: scripts/test.sh is the authoritative repo-wide entrypoint,
        # and these CI check names must be green. Keep both aligned with what the repo supports today.
        validation:
          entrypoint: scripts/test.sh
        {{SeedAreas.RequiredChecks(layout)}}

        # Changed lines per size class (a change is in the first class whose limit it is under);
        # generated files do not count for the size label (guardrails still count every line, and a
        # change to a generated path is at least lane B).
        sizing:
          xs: 10
          s: 30
          m: 100
          l: 500
          generated: ["**/*.lock", "**/package-lock.json", "**/*.g.cs", "**/generated/**"]

        # The seed's recommended protections; `autoship protect` applies them.
        protections:
          branch: main
          requirePullRequest: true
          requiredApprovals: 1
          dismissStaleReviews: true
          requireChecks: true
          blockForcePushes: true
          blockDeletions: true
          allowAutoMerge: true

        """;
}
