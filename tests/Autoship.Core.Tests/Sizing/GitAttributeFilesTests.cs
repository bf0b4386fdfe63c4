namespace Autoship.Core.Tests.Sizing;

public sealed class GitAttributeFilesTests
{
    [Fact]
    public void DirectoriesAbove_Paths_RootAndEveryAncestorOnceShallowestFirst()
    {
        GitAttributeFiles.DirectoriesAbove(["src/cli/gen/a.py", "src/lib.py", "README.md", "src/cli/b.py", "docs/x/y.md"])
            .ShouldBe(["", "docs", "src", "docs/x", "src/cli", "src/cli/gen"]);
    }

    [Fact]
    public void DirectoriesAbove_NoPaths_OnlyTheRoot()
    {
        GitAttributeFiles.DirectoriesAbove([]).ShouldBe([""]);
    }

    [Theory]
    [InlineData(".gitattributes", "")]
    [InlineData("src/.gitattributes", "src")]
    [InlineData("a/b/.gitattributes", "a/b")]
    [InlineData("a/x.gitattributes", null)]
    [InlineData("a/.GitAttributes", null)]
    [InlineData("/.gitattributes", null)]
    [InlineData("gitattributes", null)]
    public void DirectoryOf_Path_TheDirectoryOfAnAttributesFileOnly(string path, string? expected)
    {
        GitAttributeFiles.DirectoryOf(path).ShouldBe(expected);
    }

    [Fact]
    public void FromFiles_MissingFilesAndOtherNames_AreLeftOut()
    {
        var files = GitAttributeFiles.FromFiles([
            KeyValuePair.Create(".gitattributes", (string?)"* text=auto"),
            KeyValuePair.Create("src/.gitattributes", (string?)null),
            KeyValuePair.Create("src/gen/.gitattributes", (string?)"* linguist-generated"),
            KeyValuePair.Create("src/other.txt", (string?)"* linguist-generated"),
        ]);

        files.ByDirectory.Keys.Order(StringComparer.Ordinal).ShouldBe(["", "src/gen"]);
        files.RootText.ShouldBe("* text=auto");
        GitAttributeFiles.FromFiles([]).ShouldBeSameAs(GitAttributeFiles.None);
    }

    [Theory]
    [InlineData("src/gen/a.py", true)]
    [InlineData("src/gen/keep.py", false)]
    [InlineData("src/gen/sub/b.py", true)]
    [InlineData("src/a.py", false)]
    [InlineData("gen/a.py", false)]
    [InlineData("src/gen.py", false)]
    public void IsGenerated_NestedFile_RelativeToItsDirectoryAndDecidingFirst(string path, bool expected)
    {
        var files = new GitAttributeFiles(new Dictionary<string, string>
        {
            [""] = "*.py -linguist-generated\n",
            ["src/gen"] = "*.py linguist-generated\n/keep.py -linguist-generated\n",
        });

        GitAttributes.Parse(files).IsGenerated(path).ShouldBe(expected);
    }

    [Fact]
    public void IsGenerated_MacroDefinedInANestedFile_IsRefusedAsGitRefusesIt()
    {
        var files = new GitAttributeFiles(new Dictionary<string, string>
        {
            ["src"] = "[attr]gen linguist-generated\n*.py gen\n",
            ["lib"] = "*.py gen\n",
            [""] = "[attr]gen linguist-generated\n",
        });

        GitAttributes.Parse(files).IsGenerated("src/a.py").ShouldBeTrue("the root's macro applies below");
        GitAttributes.Parse(files with { ByDirectory = new Dictionary<string, string> { ["src"] = files.ByDirectory["src"] } }).IsGenerated("src/a.py").ShouldBeFalse();
    }
}
