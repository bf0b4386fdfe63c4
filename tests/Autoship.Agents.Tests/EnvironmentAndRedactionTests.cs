namespace Autoship.Agents.Tests;

public sealed class EnvironmentAndRedactionTests
{
    [Theory]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("gh_token", true)]
    [InlineData("AUTOSHIP_GITHUB_TOKEN", true)]
    [InlineData("GITHUB_APP_PRIVATE_KEY", true)]
    [InlineData("SIGNING_PRIVATE_KEY", true)]
    [InlineData("ANTHROPIC_API_KEY", false)]
    [InlineData("OPENAI_API_KEY", false)]
    [InlineData("AUTOSHIP_CONFIG", false)]
    public void IsForbidden_Name_Classified(string name, bool forbidden) => AgentEnvironment.IsForbidden(name).ShouldBe(forbidden);

    [Fact]
    public void Build_OnlyBaseAndNamed_HomeAndTmpReplaced()
    {
        var harness = new Dictionary<string, string> { ["PATH"] = "/bin", ["HOME"] = "/root", ["SECRET"] = "s", ["ANTHROPIC_API_KEY"] = "k", ["GITHUB_TOKEN"] = "t" };
        var (env, refused) = AgentEnvironment.Build(["ANTHROPIC_API_KEY", "GITHUB_TOKEN", "HOME"], harness, "/h", "/t");
        env["PATH"].ShouldBe("/bin");
        env["HOME"].ShouldBe("/h");
        env["TMPDIR"].ShouldBe("/t");
        env["ANTHROPIC_API_KEY"].ShouldBe("k");
        env.ShouldNotContainKey("SECRET");
        env.ShouldNotContainKey("GITHUB_TOKEN");
        refused.Select(r => r.Code).ShouldBe(["env.forbidden", "env.reserved"]);
    }

    [Theory]
    [InlineData("token ghp_0123456789abcdefghijABCDEFGHIJ done", "token [REDACTED] done")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnop", "[REDACTED]")]
    [InlineData("ghs_0123456789abcdefghijABCDEFGHIJ", "[REDACTED]")]
    [InlineData("sk-ant-api03-abcdefghijklmnopqrstuv", "[REDACTED]")]
    [InlineData("a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nb", "a\n[REDACTED]\nb")]
    [InlineData("the value hunter2-secret-value leaked", "the value [REDACTED] leaked")]
    [InlineData("nothing secret here, sk-short", "nothing secret here, sk-short")]
    public void Redact_SecretShapesAndEnvValues_Masked(string text, string expected) =>
        new SecretRedactor(new Dictionary<string, string> { ["DB_PASSWORD"] = "hunter2-secret-value", ["PATH"] = "/usr/bin" }).Redact(text).ShouldBe(expected);
}
