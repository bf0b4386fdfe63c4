using System.Text;
using Autoship.Core.Config;

namespace Autoship.Core.Tests.Config;

public sealed class ConfigHostileTests
{
    [Fact]
    public void Load_AliasBomb_IsRefusedAtTheAliasThatCrossesTheLimit()
    {
        var result = ConfigYaml.Load(HostileYaml.AliasBomb(9));
        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("expands to more than 100000 nodes");
        result.Errors[0].Line.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void Load_DeepFlowNesting_IsRefusedWithAPosition()
    {
        var result = ConfigYaml.Load("version: 1\nx: " + new string('{', 100_000) + new string('}', 100_000) + "\n");
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("nesting is deeper than 64 levels");
        (error.Line, error.Column).ShouldBe((2, 4 + 63));
    }

    [Fact]
    public void Load_HugeScalar_IsRefused()
    {
        var result = ConfigYaml.Load("version: 1\ndescription: \"" + new string('a', 70_000) + "\"\n");
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("the limit is 65536");
    }

    [Fact]
    public void Load_FileOverOneMebibyte_IsRefused()
    {
        var result = ConfigYaml.Load("version: 1\n#" + new string('x', ConfigLimits.MaxBytes) + "\n");
        result.Errors.ShouldHaveSingleItem().ToString().ShouldStartWith($"cfg.yml:1:1: the file is {ConfigLimits.MaxBytes + 13} bytes");
    }

    [Fact]
    public void Load_InvalidUtf8InAValue_IsAnErrorAtItsLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes(ConfigYaml.Base.Replace("author-a", "author-\u00e9", StringComparison.Ordinal)).ToList();
        var at = bytes.IndexOf(0xC3);
        bytes[at + 1] = 0x28; // a lead byte followed by '(' is not UTF-8
        var result = ConfigLoader.Load(bytes.ToArray(), ConfigYaml.File);
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("not valid UTF-8 (byte 0xC3");
        (error.Line, error.Column).ShouldBe((13, ConfigYaml.Column(ConfigYaml.Base, 13, "author-a") + 7));
    }

    [Fact]
    public void Load_ReplacementCharacterInText_IsAnErrorAtItsPosition()
    {
        var result = ConfigYaml.Load(ConfigYaml.Base.Replace("author-a", "author-\uFFFD", StringComparison.Ordinal));
        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("not valid UTF-8");
        error.Line.ShouldBe(13);
    }

    [Fact]
    public void Load_Utf8Bytes_OfAValidFileAreValid()
    {
        ConfigLoader.Load(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(DefaultConfig.Yaml)).ToArray(), "f.yml").IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("docs: { lane: safe, paths: [\"docs/**\"] }", "docs: { lane: safe, paths: [\"\"] }")]
    [InlineData("docs: { lane: safe, paths: [\"docs/**\"] }", "docs: { lane: safe, paths: [\"docs/**\", \" \"] }")]
    public void Load_EmptyGlob_IsAnError(string find, string replace)
    {
        var result = ConfigYaml.Load(ConfigYaml.With(find, replace));
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("empty glob");
        result.Errors[0].Line.ShouldBe(11);
    }

    [Theory]
    [InlineData("forbid", "''", "empty regular expression")]
    [InlineData("raise", "''", "empty regular expression")]
    [InlineData("forbid", "'x*'", "matches an empty line")]
    [InlineData("forbid", "'^'", "matches an empty line")]
    public void Load_ContentPatternThatMatchesEverything_IsAnError(string action, string pattern, string expected)
    {
        var yaml = ConfigYaml.Base + $"rules:\n  content:\n    - {{ id: r, pattern: {pattern}, action: {action}, reason: x }}\n";
        var error = ConfigYaml.Load(yaml).Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain(expected);
        error.Line.ShouldBe(17);
    }

    [Fact]
    public void Load_RaisePatternThatMatchesEmpty_IsAllowed()
    {
        ConfigYaml.Load(ConfigYaml.Base + "rules:\n  content:\n    - { id: r, pattern: 'x*', action: raise, reason: x }\n").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Load_SmallAliases_StillWork()
    {
        var yaml = ConfigYaml.With("docs: { lane: safe, paths: [\"docs/**\"] }", "docs: { lane: safe, paths: &p [\"docs/**\"] }") + "sizing: { generated: *p }\n";
        var result = ConfigYaml.Load(yaml);
        result.Errors.ShouldBeEmpty();
        result.Config!.Sizing.Generated.ShouldBe(["docs/**"]);
    }
}
