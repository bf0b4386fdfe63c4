namespace Autoship.Core.Tests.Config;

/// <summary>validation.requiredChecks names CI checks; Autoship's own statuses there would make the gate wait for itself.</summary>
public sealed class RequiredChecksTests
{
    [Theory]
    [InlineData("autoship/gate")]
    [InlineData("autoship/queue")]
    [InlineData("Autoship/Review")]
    public void Load_RequiredCheckIsAnAutoshipStatus_IsAnErrorAtTheKey(string own)
    {
        var yaml = ConfigYaml.Base + $"validation: {{ entrypoint: scripts/test.sh, requiredChecks: [ci, \"{own}\"] }}\n";

        var result = ConfigYaml.Load(yaml);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain($"validation.requiredChecks names {own}");
        error.Message.ShouldContain("name your CI's checks");
        error.Line.ShouldBe(yaml.Split('\n').Length - 1, error.ToString());
        error.Column.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Load_RequiredChecksThatAreCi_AreValid()
    {
        var result = ConfigYaml.Load(ConfigYaml.Base + "validation: { entrypoint: scripts/test.sh, requiredChecks: [ci, \"test (ubuntu-latest)\", autoshipping] }\n");

        result.Errors.ShouldBeEmpty();
        result.Config!.Validation.RequiredChecks.ShouldBe(["ci", "test (ubuntu-latest)", "autoshipping"]);
    }
}
