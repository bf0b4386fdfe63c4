namespace Autoship.Core.Tests.Lanes;

/// <summary>The seed's examples for each lane, classified with the default configuration.</summary>
public sealed class SeedLaneExamplesTests
{
    private static readonly global::Autoship.Core.Config.AutoshipConfig Config = TestConfigs.Default();

    [Theory]
    // Lane A: safe auto-merge
    [InlineData("docs", "area:docs", "docs/guide.md:6:2", Lane.Safe)]
    [InlineData("readme anywhere", "area:docs", "README.md:3:1", Lane.Safe)]
    [InlineData("test repair", "area:test", "tests/api/test_users.py:8:4", Lane.Safe)]
    [InlineData("small CLI parity fix", "area:cli-sdk", "cli/commands/login.py:5:3", Lane.Safe)]
    [InlineData("small SDK parity fix", "area:cli-sdk", "sdk/client.ts:4:4", Lane.Safe)]
    [InlineData("small SDK type alignment", "area:cli-sdk", "sdk/types/api.ts:6:6", Lane.Safe)]
    // Lane B: staging-first product work (the default model puts all of web/ in staging, type alignment included)
    [InlineData("small web type alignment", "area:web", "web/src/types/api.ts:3:3", Lane.Staging)]
    [InlineData("backend route", "area:api", "src/api/routes/users.py:20:5", Lane.Staging)]
    [InlineData("backend route (top-level api)", "area:api", "api/routes.py:5:0", Lane.Staging)]
    [InlineData("dashboard feature", "area:web", "web/dashboard/page.tsx:25:2", Lane.Staging)]
    [InlineData("observability", "area:ops", "ops/grafana/api-latency.json:10:0", Lane.Staging)]
    // Lane C: human-gated risk
    [InlineData("auth/session", "area:auth", "src/api/auth/session.py:5:5", Lane.Human)]
    [InlineData("runtime protocol", "area:runtime", "runtime/protocol/frames.go:8:2", Lane.Human)]
    [InlineData("infrastructure", "area:infra", "infra/network/vpc.tf:4:1", Lane.Human)]
    [InlineData("terraform outside infra", "area:infra", "deploy/main.tf:2:0", Lane.Human)]
    [InlineData("database migration", "area:api", "src/api/migrations/0042_add_index.sql:6:0", Lane.Human)]
    public void Classify_SeedExample_LandsInItsLane(string example, string area, string file, Lane expected)
    {
        var result = Classifier.Classify([Labels.Ready, area, "risk:low"], Changes.Files(file), Config, null);

        result.Lane.ShouldBe(expected, example + ": " + string.Join("; ", result.Reasons));
        result.Allowed.ShouldBeTrue(string.Join("; ", result.Reasons));
    }

    [Theory]
    [InlineData("direct production infra", "infra/prod/db.tf:3:1")]
    [InlineData("production deploy script", "scripts/deploy-prod.sh:2:1")]
    [InlineData("auth-breaking change", "web/auth/login.tsx:10:10")]
    [InlineData("broad schema migration", "db/migrations/0001_rewrite.sql:80:0")]
    [InlineData("runtime protocol change", "runtime/wire.proto:3:3")]
    public void Classify_WhatNotToAutomate_NeverLeavesLaneC(string example, string file)
    {
        // Even labeled as safe and small by someone, these stay human-gated.
        var result = Classifier.Classify([Labels.Safe, "size:xs", "area:docs", "risk:low"], Changes.Files(file), Config, null);

        result.Lane.ShouldBe(Lane.Human, example);
    }

    [Theory]
    [InlineData("DROP TABLE users;", "drop")]
    [InlineData("drop   database prod", "drop")]
    [InlineData("op.execute('DROP SCHEMA billing CASCADE')", "drop")]
    [InlineData("TRUNCATE TABLE sessions;", "truncate")]
    [InlineData("DELETE FROM users;", "delete-without-where")]
    [InlineData("db.exec(\"delete from audit_log\")", "delete-without-where")]
    public void Classify_DestructiveDataOperation_IsForbidden(string line, string rule)
    {
        var result = Classifier.Classify(["area:api"], [Changes.WithLines("src/api/cleanup.py", line)], Config, null);

        result.Allowed.ShouldBeFalse();
        result.Guardrails.Violations.ShouldContain(v => v.Code == "forbidden-content" && v.Message.Contains(rule));
    }

    [Theory]
    [InlineData("DELETE FROM users WHERE id = 1;")]
    [InlineData("# we never drop tables here")]
    [InlineData("dropTable = false")]
    public void Classify_HarmlessLookalikes_AreAllowed(string line)
    {
        Classifier.Classify(["area:api"], [Changes.WithLines("src/api/cleanup.py", line)], Config, null).Allowed.ShouldBeTrue();
    }

    [Fact]
    public void Classify_DropColumn_RaisesToHumanWithoutForbidding()
    {
        var result = Classifier.Classify(["area:api"], [Changes.WithLines("src/api/models.py", "op.execute('ALTER TABLE users DROP COLUMN email')")], Config, null);

        result.Lane.ShouldBe(Lane.Human);
        result.Allowed.ShouldBeTrue();
        result.Reasons.ShouldContain(r => r.Code == "content-rule" && r.Message.Contains("drop-column") && r.Message.Contains("src/api/models.py"));
    }
}
