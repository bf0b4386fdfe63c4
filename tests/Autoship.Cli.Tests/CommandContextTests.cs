using System.CommandLine;
using System.Text.Json.Nodes;
using Autoship.Cli.Context;

namespace Autoship.Cli.Tests;

/// <summary>The one command context: which repository (gh's -R, GH_REPO, git remote, GH_HOST), and JSON output (fields, jq).</summary>
public sealed class CommandContextTests
{
    [Theory]
    [InlineData("https://github.com/octo/hello.git", "github.com", "octo", "hello")]
    [InlineData("https://github.com/octo/hello", "github.com", "octo", "hello")]
    [InlineData("https://x-access-token:abc@github.com/octo/hello.git", "github.com", "octo", "hello")]
    [InlineData("git@github.com:octo/hello.git", "github.com", "octo", "hello")]
    [InlineData("ssh://git@github.com/octo/hello.git", "github.com", "octo", "hello")]
    [InlineData("ssh://git@ghe.example.com:2222/team/svc.git", "ghe.example.com", "team", "svc")]
    [InlineData("https://ghe.example.com/team/my.repo.name.git/", "ghe.example.com", "team", "my.repo.name")]
    public void ParseRemote_EveryUrlShapeGitAccepts_GivesHostOwnerAndName(string url, string host, string owner, string name)
    {
        RepoInference.ParseRemote(url).ShouldBe((host, owner, name));
    }

    [Theory]
    [InlineData("/srv/git/hello.git")]
    [InlineData("file:///srv/git/hello.git")]
    [InlineData("https://github.com/only-owner")]
    public void ParseRemote_NotARepositoryOnAHost_Null(string url)
    {
        RepoInference.ParseRemote(url).ShouldBeNull();
    }

    [Theory]
    [InlineData("octo/hello", "github:octo/hello")]
    [InlineData("ghe.example.com/team/svc", "github:ghe.example.com/team/svc")]
    [InlineData("github:octo/hello", "github:octo/hello")]
    [InlineData("local:./demo", "local:./demo")]
    public void Normalize_GhStyleRepo_BecomesAGitHubForge(string given, string expected)
    {
        RepoInference.Normalize(given).ShouldBe(expected);
    }

    [Fact]
    public void Normalize_ExistingLocalForgeDirectory_IsLocal()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "forge.db"), string.Empty);
        Directory.CreateDirectory(Path.Combine(dir.Path, "repo.git"));

        RepoInference.Normalize(dir.Path).ShouldBe("local:" + dir.Path);
    }

    [Fact]
    public async Task Infer_GhRepoVariable_WinsOverTheRemote()
    {
        using var dir = await GitCheckoutAsync(("origin", "https://github.com/octo/from-remote.git"));

        RepoInference.Infer(Env(("GH_REPO", "octo/from-env")), dir.Path).ShouldBe("github:octo/from-env");
    }

    [Fact]
    public async Task Infer_RealCheckout_PrefersUpstreamThenOriginAndSkipsOtherHosts()
    {
        using var dir = await GitCheckoutAsync(("aaa", "https://gitlab.com/x/y.git"), ("origin", "git@github.com:me/fork.git"), ("upstream", "https://github.com/octo/hello.git"));

        RepoInference.Infer(Env(), dir.Path).ShouldBe("github:octo/hello");
    }

    [Fact]
    public async Task Infer_EnterpriseRemote_CountsOnlyWhenGhHostNamesIt()
    {
        using var dir = await GitCheckoutAsync(("origin", "https://ghe.example.com/team/svc.git"));

        RepoInference.Infer(Env(), dir.Path).ShouldBeNull();
        RepoInference.Infer(Env(("GH_HOST", "ghe.example.com")), dir.Path).ShouldBe("github:ghe.example.com/team/svc");
    }

    [Fact]
    public void Infer_NoGitCheckout_Null()
    {
        using var dir = new TempDir();

        RepoInference.Infer(Env(), dir.Path).ShouldBeNull();
    }

    [Theory]
    [InlineData(null, null, "https://api.github.com/")]
    [InlineData(null, "github.com", "https://api.github.com/")]
    [InlineData(null, "ghe.example.com", "https://ghe.example.com/api/v3/")]
    [InlineData("http://127.0.0.1:9/api", "ghe.example.com", "http://127.0.0.1:9/api/")]
    public void ApiUrl_HostOrExplicitRoot(string? root, string? host, string expected)
    {
        ForgeResolver.ApiUrl(root, host).ToString().ShouldBe(expected);
    }

    [Fact]
    public void Select_Fields_KeepsOnlyThoseOfTheObjectOrOfEachElement()
    {
        var node = JsonNode.Parse("""{"forge":"f","items":[{"issue":1,"title":"a"}],"lease":null}""");

        JsonWriter.Select(node, ["items", "forge"])!.ToJsonString().ShouldBe("""{"items":[{"issue":1,"title":"a"}],"forge":"f"}""");
        JsonWriter.Select(JsonNode.Parse("""[{"a":1,"b":2},{"a":3,"b":4}]"""), ["b"])!.ToJsonString().ShouldBe("""[{"b":2},{"b":4}]""");
    }

    [Fact]
    public void Select_UnknownField_UsageErrorListingTheFields()
    {
        var error = Should.Throw<CliUsageException>(() => JsonWriter.Select(JsonNode.Parse("""{"forge":"f","items":[]}"""), ["itmes"]));

        error.Message.ShouldBe("unknown JSON field 'itmes': the fields are forge, items");
    }

    [Fact]
    public void JsonOption_BareBeforeAnArgument_LeavesTheArgumentAlone()
    {
        var (command, output, item) = ExplainLike();

        var bare = command.Parse(OutputOptions.Disambiguate(["--json", "12"]));
        bare.Errors.ShouldBeEmpty();
        output.IsJson(bare).ShouldBeTrue();
        output.Fields(bare).ShouldBeEmpty();
        bare.GetValue(item).ShouldBe("12");

        var fields = command.Parse(["12", "--json", "view,runs"]);
        output.Fields(fields).ShouldBe(["view", "runs"]);
        output.IsJson(command.Parse(["12"])).ShouldBeFalse();
        output.IsJson(command.Parse(["12", "--jq", ".view"])).ShouldBeTrue();
    }

    [Fact]
    public async Task Jq_RealJq_FiltersAndPrintsStringsRaw()
    {
        if (!TestGit.OnPath("jq"))
        {
            Assert.Skip("jq is not installed (scripts/test.sh installs it)");
        }

        (await JsonWriter.JqAsync("""{"items":[{"issue":3},{"issue":5}],"forge":"local:x"}""", ".items[].issue", CancellationToken.None)).ShouldBe("3\n5");
        (await JsonWriter.JqAsync("""{"forge":"local:x"}""", ".forge", CancellationToken.None)).ShouldBe("local:x");
        (await Should.ThrowAsync<CliUsageException>(() => JsonWriter.JqAsync("{}", ".items[", CancellationToken.None))).Message.ShouldStartWith("--jq '.items[': ");
    }

    private static (Command Command, OutputOptions Output, Argument<string> Item) ExplainLike()
    {
        var output = new OutputOptions();
        var item = new Argument<string>("item");
        var command = new Command("explain") { item };
        output.AddTo(command);
        return (command, output, item);
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static async Task<TempDir> GitCheckoutAsync(params (string Name, string Url)[] remotes)
    {
        var dir = new TempDir();
        await TestGit.RunAsync(dir.Path, "init", "-q");
        foreach (var (name, url) in remotes)
        {
            await TestGit.RunAsync(dir.Path, "remote", "add", name, url);
        }

        return dir;
    }
}
