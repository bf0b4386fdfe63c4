namespace Autoship.Core.Tests.Sizing;

public sealed class GitAttributesTests
{
    [Theory]
    [InlineData("*.pb.go linguist-generated", "api/x.pb.go", true)]
    [InlineData("*.pb.go linguist-generated=true", "x.pb.go", true)]
    [InlineData("*.pb.go linguist-generated=false", "x.pb.go", false)]
    [InlineData("*.pb.go -linguist-generated", "x.pb.go", false)]
    [InlineData("*.pb.go binary", "x.pb.go", false)]
    [InlineData("/gen/** linguist-generated", "gen/a/b.ts", true)]
    [InlineData("/gen/** linguist-generated", "src/gen/b.ts", false)]
    [InlineData("web/types/*.ts linguist-generated", "web/types/api.ts", true)]
    [InlineData("web/types/*.ts linguist-generated", "x/web/types/api.ts", false)]
    [InlineData("dist/ linguist-generated", "dist/app.js", false)]
    [InlineData("# *.ts linguist-generated", "a.ts", false)]
    [InlineData("\"my file.txt\" linguist-generated", "my file.txt", true)]
    [InlineData("*.ts text eol=lf linguist-generated", "a.ts", true)]
    public void IsGenerated_OneLine_FollowsGitSemantics(string text, string path, bool expected)
    {
        GitAttributes.Parse(text).IsGenerated(path).ShouldBe(expected);
    }

    [Theory]
    [InlineData("*.ts linguist-generated\nweb/keep.ts -linguist-generated", "web/keep.ts", false)]
    [InlineData("*.ts linguist-generated\nweb/keep.ts -linguist-generated", "web/other.ts", true)]
    [InlineData("web/keep.ts -linguist-generated\n*.ts linguist-generated", "web/keep.ts", true)]
    [InlineData("*.ts linguist-generated\n*.ts !linguist-generated", "a.ts", false)]
    [InlineData("*.ts linguist-generated\n*.ts text", "a.ts", true)]
    [InlineData("*.ts linguist-generated=false\r\n*.ts linguist-generated\r\n", "a.ts", true)]
    public void IsGenerated_SeveralLines_LaterLinesWin(string text, string path, bool expected)
    {
        GitAttributes.Parse(text).IsGenerated(path).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsGenerated_NoFile_MarksNothing(string? text)
    {
        GitAttributes.Parse(text).IsGenerated("a.ts").ShouldBeFalse();
    }
}
